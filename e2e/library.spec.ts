/** The plan library: several named plans kept in the browser, autosaved, surviving a reload. */
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { templateById } from '../src/core/templates/index.ts';
import { expect, test } from './fixtures/portolan.ts';
import type { PortolanPage } from './fixtures/portolan.ts';
import { openPlans, planName, planRow, useTemplate } from './fixtures/travel.ts';

const single = templateById('single-host')!.plan().name;
const ha = templateById('ha-l4')!.plan().name;

test('plans survive a reload: rename, the last opened comes back, edits are kept', async ({ app, page }) => {
  await app.open();
  await useTemplate(page, 'single-host');
  await expect(planName(page)).toHaveText(single);
  await useTemplate(page, 'ha-l4');
  await expect(planName(page)).toHaveText(ha);

  const plans = await openPlans(page);
  await expect(page.getByTestId('plans.row')).toHaveCount(3);
  await expect(planRow(page, ha)).toHaveAttribute('data-current', 'true');
  // Rename the single-host plan (not open), then open it.
  await planRow(page, single).getByTestId('plans.rename').click();
  await page.getByTestId('plans.rename-input').fill('Lab cluster');
  await page.keyboard.press('Enter');
  await expect(planRow(page, 'Lab cluster')).toBeVisible();
  await planRow(page, 'Lab cluster').getByTestId('plans.open').click();
  await expect(plans).toBeHidden();
  await expect(planName(page)).toHaveText('Lab cluster');
  // An edit to the open plan is autosaved to its record.
  await app.paletteItem('windows-host').click();
  const added = page.locator('.pl-node[data-testid^="node.windows"]');
  await expect(added).toHaveCount(1);

  await page.reload();
  await expect(planName(page)).toHaveText('Lab cluster');
  await expect(added).toHaveCount(1);
  await openPlans(page);
  await expect(page.getByTestId('plans.name')).toHaveText(['Lab cluster', ha, examplePlan().name]);
  await expect(planRow(page, 'Lab cluster')).toContainText('open');

  // Opening another plan and back keeps each one's content.
  await planRow(page, examplePlan().name).getByTestId('plans.open').click();
  await expect(app.node('proxy-2')).toBeVisible();
  await expect(added).toHaveCount(0);
});

test('delete with undo, duplicate', async ({ app, page }) => {
  await app.open();
  await useTemplate(page, 'single-host');
  await openPlans(page);
  await expect(page.getByTestId('plans.row')).toHaveCount(2);

  await planRow(page, examplePlan().name).getByTestId('plans.duplicate').click();
  await expect(planRow(page, `${examplePlan().name} (copy)`)).toBeVisible();
  await expect(page.getByTestId('plans.row')).toHaveCount(3);

  // Deleting the open plan opens the most recent other one; Undo brings it back (and opens it again).
  await planRow(page, single).getByTestId('plans.delete').click();
  await expect(page.getByTestId('plans.row')).toHaveCount(2);
  await expect(planName(page)).not.toHaveText(single);
  await expect(page.getByTestId('plans.undo-toast')).toContainText(`Deleted “${single}”`);
  await page.getByTestId('plans.undo-delete').click();
  await expect(page.getByTestId('plans.row')).toHaveCount(3);
  await expect(planName(page)).toHaveText(single);

  // A deletion not undone stays deleted after a reload.
  await planRow(page, `${examplePlan().name} (copy)`).getByTestId('plans.delete').click();
  await expect(page.getByTestId('plans.row')).toHaveCount(2);
  await page.reload();
  await openPlans(page);
  await expect(page.getByTestId('plans.row')).toHaveCount(2);
});

test('the single plan saved by an older Portolan moves into the library on first start', async ({ app, page }) => {
  const old = { ...examplePlan(), name: 'My old plan' };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('portolan.plan', text);
    }
  }, JSON.stringify(old));
  await app.open();
  await expect(planName(page)).toHaveText('My old plan');
  await openPlans(page);
  await expect(page.getByTestId('plans.row')).toHaveCount(1);
  await expect(planRow(page, 'My old plan')).toBeVisible();
  await page.reload();
  await expect(planName(page)).toHaveText('My old plan');
});

/**
 * Open the app, then reload it with `text(id)` as the open plan's crash copy, written in the same task as
 * the reload so that no save of the running app can replace it in between. Returns the plan's id.
 */
async function reloadWithCrashCopy(app: PortolanPage, text: (id: string) => string): Promise<string> {
  await app.open();
  const id = await app.page.evaluate(() => localStorage.getItem('portolan.library.last'));
  if (!id) throw new Error('no open library plan');
  await Promise.all([
    app.page.waitForEvent('load'),
    app.page.evaluate(({ key, value }) => {
      localStorage.setItem(key, value);
      location.reload();
    }, { key: `portolan.library.working.${id}`, value: text(id) }),
  ]);
  return id;
}

test('unsaved changes that cannot be read are set aside and reported, never dropped', async ({ app, page }) => {
  // A crash copy whose plan no release reads (a node without a kind).
  const id = await reloadWithCrashCopy(app, (planId) => JSON.stringify({ id: planId, base: 0, plan: { type: 'portolan-plan', version: 1, name: 'x', clusters: [{ id: 'main', name: 'c' }], nodes: [{ id: 'n' }], links: [] } }));
  await expect(app.toasts.filter({ hasText: 'cannot be read' })).toContainText('open Plans → Unreadable copies');
  const aside = await page.evaluate((planId) => localStorage.getItem(`portolan.library.working.${planId}.unreadable`), id);
  expect(JSON.parse(aside ?? '{}').plan.nodes[0].id).toBe('n');
  await expect(app.node('proxy-1')).toBeVisible();
});

test('unsaved changes whose stored text is damaged are set aside too, not overwritten by the next save', async ({ app, page }) => {
  const id = await reloadWithCrashCopy(app, () => '{"id":"half a wri');
  await expect(app.toasts.filter({ hasText: 'cannot be read' })).toContainText('the stored text is damaged');
  // An edit saves the plan again; the damaged text stays aside, as it was.
  await app.paletteItem('tbot').click();
  await expect(app.node('tbot-2')).toBeVisible();
  const aside = await page.evaluate((planId) => localStorage.getItem(`portolan.library.working.${planId}.unreadable`), id);
  expect(aside).toBe('{"id":"half a wri');
});
