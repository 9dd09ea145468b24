/**
 * Auto-layout (ELK, layered left to right, zones as compound nodes): nothing overlaps, members stay in
 * their zones, and one undo brings the old drawing back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EXAMPLE = JSON.parse(readFileSync(new URL('../fixtures/plans/v1/valid/example.portolan.json', import.meta.url), 'utf8')) as {
  nodes: { id: string; zone?: string }[];
  zones: { id: string }[];
};

/** Every node and zone box in flow coordinates (screen boxes undone by the viewport's pan and zoom). */
async function flowBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const origin = viewport.getBoundingClientRect(); // the viewport's top-left is the flow origin on screen
    const zoom = m.a;
    const out: Record<string, Box> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      out[el.dataset.id!] = { x: (r.left - origin.left) / zoom, y: (r.top - origin.top) / zoom, width: r.width / zoom, height: r.height / zoom };
    }
    return out;
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

test('auto-layout separates every node, keeps members in their zones, and undoes in one step', async ({ app, page }) => {
  await app.open();
  const before = await flowBoxes(page);
  expect(Object.keys(before)).toHaveLength(EXAMPLE.nodes.length + EXAMPLE.zones.length);

  await page.getByTestId('toolbar.auto-layout').click();
  await expect(app.toasts.filter({ hasText: 'Laid out by zone' })).toBeVisible();
  await expect(page.getByTestId('toolbar.auto-layout')).toHaveAttribute('aria-busy', 'false');
  await page.waitForTimeout(400); // fit-view animation
  const after = await flowBoxes(page);

  const moved = EXAMPLE.nodes.filter((n) => Math.abs(after[n.id]!.x - before[n.id]!.x) > 2 || Math.abs(after[n.id]!.y - before[n.id]!.y) > 2);
  expect(moved.length).toBeGreaterThan(0);

  const ids = EXAMPLE.nodes.map((n) => n.id);
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) expect(overlap(after[a]!, after[b]!), `${a} overlaps ${b}`).toBe(false);
  }
  for (const node of EXAMPLE.nodes) {
    if (node.zone) expect(inside(after[node.id]!, after[node.zone]!), `${node.id} inside zone ${node.zone}`).toBe(true);
  }
  // Link labels stay readable: none under a card or on another label.
  await expect.poll(() => app.labelClashes()).toEqual([]);
  const zones = EXAMPLE.zones.map((z) => z.id);
  for (const [i, a] of zones.entries()) {
    for (const b of zones.slice(i + 1)) expect(overlap(after[a]!, after[b]!), `zone ${a} overlaps zone ${b}`).toBe(false);
  }

  await app.pressShortcut('Control+z');
  await expect.poll(async () => {
    const now = await flowBoxes(page);
    return Object.entries(before).every(([id, b]) => Math.abs(now[id]!.x - b.x) < 1 && Math.abs(now[id]!.y - b.y) < 1 && Math.abs(now[id]!.width - b.width) < 1);
  }).toBe(true);
  await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
  await page.screenshot({ path: '/tmp/shots/layout-undone.png' });
});

test('Shift+L lays out too, and the result is worth looking at (light and dark)', async ({ app, page }) => {
  await app.open();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.pressShortcut('Shift+L');
  await expect(app.toasts.filter({ hasText: 'Laid out by zone' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shots/layout-light.png' });
  await page.getByTestId('toolbar.theme.dark').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: '/tmp/shots/layout-dark.png' });
  // Close up: labels show from 45% zoom on.
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  await page.getByTestId('canvas').screenshot({ path: '/tmp/shots/layout-dark-zoomed.png' });
  expect(app.problems).toEqual([]);
});
