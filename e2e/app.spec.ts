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
  expect(await app.labelClashes()).toEqual([]);
  await expect(page.locator('.pl-edge-label')).toHaveCount(plan.links.length);
});
