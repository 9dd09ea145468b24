/**
 * Injection: every free-text field of a plan holds an XSS payload, and the plan arrives the way an
 * attacker would send it (a share link, a file). No script may run anywhere: canvas, panels,
 * inspector, exports preview. The production build carries a CSP without inline scripts or eval.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import type { Plan } from '../src/core/schema/index.ts';
import { encodeShareFragment } from '../src/core/share/index.ts';

const PAYLOADS = [
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<svg onload="window.__xss=(window.__xss||0)+1"></svg>',
  '"><iframe src="javascript:parent.__xss=1"></iframe>',
  "javascript:window.__xss=1//",
  '=HYPERLINK("http://evil.example","x")',
  '<a href="javascript:window.__xss=1">click</a>',
];

/** The example plan with a payload in every free-text field (names, notes, descriptions). */
function poisonedPlan(): Plan {
  const plan = examplePlan();
  let i = 0;
  const next = () => PAYLOADS[i++ % PAYLOADS.length]!.slice(0, 110);
  plan.name = next();
  plan.description = PAYLOADS.join(' ');
  for (const c of plan.clusters) {
    c.name = next();
    c.notes = PAYLOADS.join('\n');
  }
  for (const z of plan.zones) {
    z.name = next();
    z.notes = next();
  }
  for (const n of plan.nodes) {
    n.name = next();
    n.notes = PAYLOADS.join('\n');
  }
  for (const l of plan.links) l.notes = next();
  return plan;
}

async function armDetectors(page: Page): Promise<{ dialogs: string[] }> {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

async function expectNoScriptRan(page: Page, seen: { dialogs: string[] }) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
}

/** The poisoned plan differs from the open one, so Portolan asks before replacing it. */
/** A file asks, and replaces the plan; over the untouched example a link opens without asking. */
async function acceptIncoming(page: Page, via: 'link' | 'file') {
  if (via === 'file') await page.getByTestId('incoming.replace').click();
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await expect(page.getByTestId('dialog.incoming')).toBeHidden();
}

async function visitEverything(page: Page) {
  // Canvas: the poisoned names are shown as text.
  await expect(page.getByText(PAYLOADS[1]!.slice(0, 20)).first()).toBeVisible();
  // Inspector for every node, one after the other.
  const nodes = page.locator('.react-flow__node:not(.react-flow__node-zone)');
  const count = await nodes.count();
  for (let k = 0; k < count; k += 3) await nodes.nth(k).click({ force: true });
  // Rules and findings panels.
  await page.getByRole('tab', { name: /rules/i }).first().click();
  await page.getByRole('tab', { name: /findings/i }).first().click();
  // Export dialog previews (CSV, Markdown, draw.io) when the dialog exists.
  const exportButton = page.getByRole('button', { name: /^export/i }).first();
  if (await exportButton.isVisible().catch(() => false)) {
    await exportButton.click();
    for (const name of [/markdown/i, /draw\.?io/i, /^csv/i]) {
      const option = page.getByRole('option', { name }).or(page.getByRole('radio', { name })).or(page.getByRole('button', { name })).first();
      if (await option.isVisible().catch(() => false)) await option.click();
    }
    await page.keyboard.press('Escape');
  }
}

test('a poisoned share link runs no script anywhere', async ({ page }) => {
  const seen = await armDetectors(page);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.goto(`/#${encodeShareFragment(poisonedPlan())}`);
  await acceptIncoming(page, 'link');
  await visitEverything(page);
  await expectNoScriptRan(page, seen);
});

test('a poisoned plan file runs no script anywhere', async ({ page }) => {
  const seen = await armDetectors(page);
  const dir = mkdtempSync(join(tmpdir(), 'portolan-xss-'));
  const file = join(dir, 'poisoned.portolan.json');
  writeFileSync(file, JSON.stringify(poisonedPlan()));
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const input = page.locator('input[type=file]').first();
  await input.setInputFiles(file);
  await acceptIncoming(page, 'file');
  await visitEverything(page);
  await expectNoScriptRan(page, seen);
});

test('the production build has a CSP without inline scripts or eval', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toBeTruthy();
  const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  // No inline <script> element in the document.
  expect(await page.locator('script:not([src])').count()).toBe(0);
  // The policy is enforced by the browser: an injected inline script and a string timer do not run.
  // (page.evaluate itself is exempt from CSP, so the test plants them the way an attack would.)
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.appendChild(s);
    (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__evaled = 1', 0);
  });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __evaled?: number }).__evaled)).toBeUndefined();
  expect(violations.length).toBeGreaterThan(0);
});
