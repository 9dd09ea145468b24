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
  const boxes = async (selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute('data-testid') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
  const cards = await boxes('.pl-node');
  const labels = await boxes('.pl-edge-label');
  expect(labels.length).toBe(plan.links.length);
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const clashes: string[] = [];
  for (const label of labels) {
    for (const card of cards) if (overlap(label, card)) clashes.push(`${label.id} under ${card.id}`);
    for (const other of labels) if (other.id < label.id && overlap(label, other)) clashes.push(`${label.id} on ${other.id}`);
  }
  expect(clashes).toEqual([]);
});
