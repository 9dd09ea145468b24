/**
 * Canvas benchmarks in headless Chromium against the production build (`vite preview`):
 * - time from navigation to every node of a generated 500- and 1,000-node plan rendered;
 * - 95th-percentile frame time while dragging a node in the 500-node plan.
 * The plan arrives the way a user's would: as a share link opened in a fresh browser.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { PlanSchema } from '../src/core/schema/index.ts';
import type { Plan } from '../src/core/schema/index.ts';
import { encodeShareFragment } from '../src/core/share/index.ts';
import type { BenchRow } from './types.ts';

const root = join(import.meta.dirname, '..');
const PORT = 4179;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A plan with `count` nodes in ten zones: agents linked to a Proxy, each with a resource. */
export function canvasPlan(count: number): Plan {
  const zones = Array.from({ length: 10 }, (_, z) => ({ id: `zone-${z}`, name: `Zone ${z}`, kind: 'private', cidrs: [`10.${z}.0.0/16`], position: { x: (z % 5) * 1400, y: Math.floor(z / 5) * 2200 }, size: { width: 1360, height: 2160 } }));
  const nodes: Record<string, unknown>[] = [
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'zone-0', position: { x: 20, y: 20 } },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', zone: 'zone-0', publicAddr: ['teleport.example.com:443'], webListenAddr: '0.0.0.0:443', position: { x: 240, y: 20 } },
  ];
  const links: Record<string, unknown>[] = [{ id: 'proxy-auth', source: 'proxy', target: 'auth' }];
  for (let i = 0; nodes.length < count; i++) {
    const z = i % 10;
    const slot = Math.floor(i / 10);
    const x = (z % 5) * 1400 + 20 + (slot % 3) * 440;
    const y = Math.floor(z / 5) * 2200 + 120 + Math.floor(slot / 3) * 100;
    nodes.push({ id: `agent-${i}`, name: `DB agent ${i}`, kind: 'agent', services: ['database'], zone: `zone-${z}`, position: { x, y } });
    links.push({ id: `agent-${i}-proxy`, source: `agent-${i}`, target: 'proxy' });
    if (nodes.length < count) {
      nodes.push({ id: `db-${i}`, name: `DB ${i}`, kind: 'database', engine: 'postgres', port: 5432, zone: `zone-${z}`, position: { x: x + 210, y } });
      links.push({ id: `agent-${i}-db`, source: `agent-${i}`, target: `db-${i}` });
    }
  }
  return PlanSchema.parse({ type: 'portolan-plan', version: 1, name: `Canvas bench ${count}`, clusters: [{ id: 'main', name: 'bench.example.com' }], zones, nodes, links });
}

async function startPreview(): Promise<() => void> {
  const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (String(chunk).includes(String(PORT))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return () => child.kill();
}

/**
 * Open the plan's share link in a fresh context; answers the open/replace question if asked. The wait is
 * one cheap query per frame in the page: a Playwright locator polled meanwhile (a role query computes
 * accessible names across the whole page) would compete with the page it measures.
 */
async function openPlan(page: Page, plan: Plan): Promise<number> {
  const expected = plan.nodes.length;
  const url = `http://127.0.0.1:${PORT}/#${encodeShareFragment(plan)}`;
  const rendered = `document.querySelectorAll('.react-flow__node:not(.react-flow__node-zone)').length >= ${expected}`;
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(`${rendered} || document.querySelector('[data-testid="incoming.open-new"]') !== null`, undefined, { timeout: 60_000, polling: 'raf' });
  if (!(await page.evaluate(rendered))) {
    await page.click('[data-testid="incoming.open-new"]');
    await page.waitForFunction(rendered, undefined, { timeout: 60_000, polling: 'raf' });
  }
  return Date.now() - t0;
}

/** Total CPU seconds used so far by every process of the browser. */
async function browserCpu(cdp: CDPSession): Promise<number> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
  return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
}

/**
 * Wait until the browser is quiet: its processes used under 10 ms of CPU in each of two 100 ms
 * intervals (at most 10 s; past that, a warning says the figures that follow are not comparable).
 * A new context opens a new window, and Chromium loads that window's own interface (its omnibox is a
 * web page with its own renderer: about a second of CPU here) while the page starts: on two cores that
 * competed with the page being measured, which a user who opens a link in a browser already running
 * never sees. Before a drag, the same wait lets the app finish loading; how long that took is printed
 * (`settled`), so that the work after the cards render is not hidden. Returns the time waited, in ms.
 */
async function waitForQuietBrowser(cdp: CDPSession, what: string): Promise<number> {
  const start = Date.now();
  let last = await browserCpu(cdp);
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() - start > 10_000) {
      console.warn(`warning: the browser was still busy 10 s ${what}; the next figures are not comparable`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await browserCpu(cdp);
    quiet = now - last < 0.01 ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - start;
}

async function dragFrameP95(page: Page): Promise<number> {
  const node = page.locator('.react-flow__node:not(.react-flow__node-zone)').nth(5);
  const box = await node.boundingBox();
  if (!box) throw new Error('no node to drag');
  // Page code as a string: tsx (esbuild) would wrap a function with helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 2);
  await page.mouse.up();
  const frames = (await page.evaluate('(() => { window.__stop = true; return window.__frames.slice(2); })()')) as number[];
  frames.sort((a, b) => a - b);
  return frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.95))] ?? 0;
}

/**
 * Ctrl+A on the canvas: time until every card is drawn selected (two frames after React Flow marks the
 * last one). No budget in the issue; printed because a change that made each selected card mount its
 * connection grips once turned this from about one second into seven.
 */
async function selectAllMs(page: Page, count: number): Promise<number> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas pane');
  await page.mouse.click(box.x + 8, box.y + 8);
  const t0 = Date.now();
  await page.keyboard.press('Control+a');
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node.selected:not(.react-flow__node-zone)').length >= ${count}`, undefined, { timeout: 60_000, polling: 'raf' });
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return Date.now() - t0;
}

/**
 * Typing in the name field of a selected card: for each keystroke, the time from the key going down
 * to the frame that shows it (each edit re-derives the plan and redraws what changed). Returns the
 * median and the slowest of ten keystrokes, in ms.
 */
async function keystrokeMs(page: Page, nodeId: string): Promise<{ median: number; max: number }> {
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid="node.${nodeId}"]`).click();
  await page.locator('[data-testid="field.name"]').click();
  await page.keyboard.press('End');
  await page.evaluate(`(() => {
    window.__keys = [];
    document.addEventListener('keydown', () => {
      const t = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t), 0));
    }, true);
  })()`);
  for (const key of 'abcdefghij') {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction('window.__keys.length >= 10', undefined, { timeout: 60_000 });
  const times = ((await page.evaluate('window.__keys')) as number[]).sort((a, b) => a - b);
  return { median: Math.round(((times[4] ?? 0) + (times[5] ?? 0)) / 2), max: Math.round(times[times.length - 1] ?? 0) };
}

export async function benchCanvas(): Promise<BenchRow[]> {
  const stop = await startPreview();
  const browser: Browser = await chromium.launch({ executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const cdp = await browser.newBrowserCDPSession();
  const rows: BenchRow[] = [];
  try {
    for (const count of [500, 1000]) {
      // bypassCSP: the measuring probes are strings evaluated in the page, which the app's CSP (rightly) forbids.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const plan = canvasPlan(count);
      await waitForQuietBrowser(cdp, 'after opening a new window');
      const ms = await openPlan(page, plan);
      rows.push({ name: `canvas: ${count} nodes rendered`, value: ms, unit: 'ms', budget: 2000, pass: ms <= 2000 });
      if (count === 500) {
        // The wait includes the last 200 ms of quiet it looks for.
        const settled = await waitForQuietBrowser(cdp, 'after the cards rendered');
        rows.push({ name: 'canvas: 500 nodes, rendered to app idle', value: settled, unit: 'ms', budget: 0, pass: true, info: true });
        const p95 = Math.round((await dragFrameP95(page)) * 10) / 10;
        rows.push({ name: 'canvas: drag p95 frame (500 nodes)', value: p95, unit: 'ms', budget: 32, pass: p95 <= 32 });
      } else {
        await waitForQuietBrowser(cdp, 'after the cards rendered');
        rows.push({ name: `canvas: select all, ${count} nodes`, value: await selectAllMs(page, count), unit: 'ms', budget: 0, pass: true, info: true });
        const keys = await keystrokeMs(page, 'agent-5');
        rows.push({ name: `canvas: keystroke in a card's name, ${count} nodes (median)`, value: keys.median, unit: 'ms', budget: 0, pass: true, info: true });
        rows.push({ name: `canvas: keystroke in a card's name, ${count} nodes (slowest of 10)`, value: keys.max, unit: 'ms', budget: 0, pass: true, info: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    stop();
  }
  return rows;
}
