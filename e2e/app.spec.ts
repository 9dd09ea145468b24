import { examplePlan } from '../src/core/examples/example-plan.ts';
import { expect, test } from './fixtures/portolan.ts';

test('opens with the example plan: zones, nodes and links, and no console errors', async ({ app, page }) => {
  await app.open();
  const plan = examplePlan();
  for (const zone of plan.zones) {
    await expect(app.zone(zone.id)).toBeVisible();
    await expect(app.zone(zone.id)).toContainText(zone.name);
  }
  for (const node of plan.nodes) {
    await expect(app.node(node.id)).toBeVisible();
    await expect(app.node(node.id).locator('.pl-node__name')).toHaveText(node.name);
  }
  for (const link of plan.links) await expect(app.edge(link.id)).toBeAttached();
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect(app.inspector).toBeVisible();
  await expect(page.getByTestId('bottom-panel')).toBeVisible();
  // Let late warnings (React Flow measures after the first paint) arrive before judging.
  await page.waitForTimeout(500);
  expect(app.problems).toEqual([]);
});

test('the example plan is readable: no link label sits under a card or on another label', async ({ app, page }) => {
  await app.open();
  const plan = examplePlan();
  for (const node of plan.nodes) await expect(app.node(node.id)).toBeVisible();
  await expect.poll(() => app.labelClashes()).toEqual([]);
  await expect(page.locator('.pl-edge-label')).toHaveCount(plan.links.length);
});

test('the rules panel is resized by dragging its top edge or with the keyboard, and keeps its height', async ({ app, page }) => {
  await app.open();
  const panel = page.getByTestId('bottom-panel');
  const bar = page.getByTestId('bottom.resize');
  const before = await app.boxOf(panel);
  const canvasBefore = await app.boxOf(app.pane);
  const grip = await app.boxOf(bar);
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - i * 20);
  await page.mouse.up();
  const taller = await app.boxOf(panel);
  expect(Math.abs(taller.height - (before.height + 120))).toBeLessThan(3);
  // The canvas above gave way.
  expect(Math.abs((await app.boxOf(app.pane)).height - (canvasBefore.height - 120))).toBeLessThan(3);
  await page.reload();
  await expect(app.node('auth')).toBeVisible();
  expect(Math.abs((await app.boxOf(panel)).height - taller.height)).toBeLessThan(3);
  await bar.focus();
  await page.keyboard.press('ArrowDown');
  await expect(bar).toHaveAttribute('aria-valuenow', String(Math.round(taller.height) - 24));
  await bar.dblclick();
  expect(Math.abs((await app.boxOf(panel)).height - before.height)).toBeLessThan(3);
});
