/** The minimap shows only while part of the plan is out of view; selecting a rule brings its ends into view. */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';

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
