/** The minimap shows only while part of the plan is out of view; selecting a rule brings its ends into view. */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';
import { PlanSchema } from '../src/core/schema/index.ts';
import { encodeShareFragment } from '../src/core/share/index.ts';

async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('the minimap stays away while the whole plan fits, and appears once part of it is out of view', async ({ app, page }) => {
  const minimap = page.getByRole('img', { name: 'Minimap' }).or(page.locator('.react-flow__minimap'));
  await expect(app.node('kube-api')).toBeVisible();
  await expect(minimap).toHaveCount(0);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(minimap.first()).toBeVisible();
  await page.getByTestId('toolbar.fit').click();
  await expect(minimap).toHaveCount(0);
});

test('selecting a rule whose ends are off-screen brings them into view; one in view leaves the canvas still', async ({ app, page }) => {
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect.poll(() => inside(app.node('kube-api'), app.canvas)).toBe(false);
  await page.locator('[data-testid="rules.row"][data-rule-id="kube-agent-to-kube-api-6443-tcp"]').click();
  await expect.poll(() => inside(app.node('kube-api'), app.canvas)).toBe(true);
  await expect.poll(() => inside(app.node('kube-agent'), app.canvas)).toBe(true);
  // Both ends now in view: choosing the rule again (off, then on) does not move the canvas.
  const before = await app.node('kube-api').boundingBox();
  await page.locator('[data-testid="rules.row"][data-rule-id="kube-agent-to-kube-api-6443-tcp"]').click();
  await page.locator('[data-testid="rules.row"][data-rule-id="kube-agent-to-kube-api-6443-tcp"]').click();
  await page.waitForTimeout(400);
  expect(await app.node('kube-api').boundingBox()).toEqual(before);
});

test('messages sit under the toolbar, clear of the rules panel; an undo hint goes once the user undoes', async ({ app, page }) => {
  await app.select(app.node('ssh-agent'));
  await page.keyboard.press('Delete');
  const hint = app.toasts.filter({ hasText: 'Undo with Ctrl+Z' });
  await expect(hint).toBeVisible();
  const box = await hint.boundingBox();
  const bottom = await page.getByTestId('tab.rules').boundingBox();
  expect(box && bottom && box.y + box.height < bottom.y).toBe(true);
  await app.undo();
  await expect(app.node('ssh-agent')).toBeVisible();
  await expect(hint).toHaveCount(0);
});

test('a plan with hundreds of rules keeps only the rows in view in the page; scrolling and the filter reach every rule', async ({ app, page }) => {
  const agents = Array.from({ length: 400 }, (_, i) => String(i).padStart(3, '0'));
  const plan = PlanSchema.parse({
    type: 'portolan-plan', version: 1, name: 'Many rules', clusters: [{ id: 'main', name: 'teleport.example.com' }],
    zones: [{ id: 'lan', name: 'LAN', kind: 'private', cidrs: ['10.0.0.0/16'], position: { x: 0, y: 0 }, size: { width: 9000, height: 3000 } }],
    nodes: [
      { id: 'auth', name: 'Auth', kind: 'auth', zone: 'lan', position: { x: 20, y: 40 } },
      { id: 'proxy', name: 'Proxy', kind: 'proxy', zone: 'lan', publicAddr: ['teleport.example.com:443'], position: { x: 240, y: 40 } },
      { id: 'users', name: 'Users', kind: 'client', tools: ['tsh'], position: { x: 460, y: -200 } },
      ...agents.map((n, i) => ({ id: `agent-${n}`, name: `Agent ${n}`, kind: 'agent', services: ['ssh'], zone: 'lan', position: { x: 20 + (i % 40) * 220, y: 200 + Math.floor(i / 40) * 100 } })),
    ],
    links: [{ id: 'proxy-auth', source: 'proxy', target: 'auth' }, { id: 'users-proxy', source: 'users', target: 'proxy' }, ...agents.map((n) => ({ id: `agent-${n}-proxy`, source: `agent-${n}`, target: 'proxy' }))],
  });
  await page.goto(`/#${encodeShareFragment(plan)}`);
  const opened = page.getByTestId('tab.rules').filter({ hasText: '402' });
  await expect(opened.or(page.getByTestId('incoming.open-new'))).toBeVisible({ timeout: 15_000 });
  if (!(await opened.isVisible())) await page.getByTestId('incoming.open-new').click();
  await expect(opened).toBeVisible();
  const rows = app.ruleRows;
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  // The table tells assistive tech how many rows it has, not only how many are in the page.
  await expect(page.getByTestId('rules.table')).toHaveAttribute('aria-rowcount', '403');
  // The row with the keyboard focus stays in the page (and focused) when it scrolls far out of view.
  const body = page.locator('.pl-bottom__body');
  await rows.first().focus();
  const focusedId = await rows.first().getAttribute('data-rule-id');
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(page.locator(`[data-testid="rules.row"][data-rule-id="${focusedId}"]`)).toBeFocused();
  await expect(page.locator(`[data-testid="rules.row"][data-rule-id="${focusedId}"]`)).not.toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid="rules.row"][data-rule-id="${focusedId}"]`)).toHaveClass(/is-selected/);
  // The keys move the focus between rules, bringing the next one into view: End to the last rule, Home
  // back to the first, the arrows one by one.
  await page.keyboard.press('End');
  const lastRow = page.locator('[data-testid="rules.row"][data-rule-id="users-to-proxy-3080-tcp"]');
  await expect(lastRow).toBeFocused();
  await expect(lastRow).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-testid="rules.row"][data-rule-id="proxy-to-auth-3025-tcp"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator(`[data-testid="rules.row"][data-rule-id="${focusedId}"]`)).toBeFocused();
  await expect(page.locator(`[data-testid="rules.row"][data-rule-id="${focusedId}"]`)).toBeInViewport();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid="rules.row"][data-rule-id="agent-001-to-proxy-3080-tcp"]')).toBeFocused();
  // Scrolled to the end, the last rule (sorted by source: Users after every agent and the Proxy) is in view.
  await page.getByTestId('rules.filter').focus();
  const last = page.locator('[data-testid="rules.row"][data-rule-id="users-to-proxy-3080-tcp"]');
  await expect(last).toHaveCount(0);
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(last).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);
  // Grouped per zone pair and scrolled into the middle of the big group, its heading stays on top of
  // the rows, just below the column headings.
  await page.getByTestId('rules.view.zones').click();
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  const heading = page.locator('.pl-group-row th').filter({ hasText: 'LAN → LAN' });
  await expect(heading).toBeInViewport();
  await expect
    .poll(async () => {
      const [row, columns] = await Promise.all([heading.boundingBox(), page.locator('.pl-table thead th').first().boundingBox()]);
      // Within a pixel (the headings' heights are fractional).
      return row && columns ? Math.abs(row.y - (columns.y + columns.height)) <= 1 : null;
    })
    .toBe(true);
  await page.getByTestId('rules.view.all').click();
  // The filter finds a rule from the middle of the list.
  await page.getByTestId('rules.filter').fill('Agent 217');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-rule-id', 'agent-217-to-proxy-3080-tcp');
  await expect(rows.first()).toBeInViewport();
  await page.getByTestId('rules.filter').fill('');
  // A rule chosen in a trace is scrolled to, wherever it is in the table.
  await body.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByTestId('tab.trace').click();
  await page.getByTestId('explain.mode.trace').click();
  await page.getByTestId('trace.from').selectOption('users');
  await page.getByTestId('trace.to').selectOption('agent-398');
  const hop = page.locator('[data-testid="trace.hop"][data-rule="agent-398-to-proxy-3080-tcp"]');
  await hop.getByTestId('trace.hop.rule').click();
  const chosen = page.locator('[data-testid="rules.row"][data-rule-id="agent-398-to-proxy-3080-tcp"]');
  await expect(chosen).toHaveClass(/is-selected/);
  await expect(chosen).toBeInViewport();
  expect(app.problems).toEqual([]);
});
