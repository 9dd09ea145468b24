/** The templates gallery: every template listed; using one opens it as a new plan. */
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { TEMPLATES, templateById } from '../src/core/templates/index.ts';
import { expect, test } from './fixtures/portolan.ts';
import { openPlans, planName, planRow, useTemplate } from './fixtures/travel.ts';

test('the gallery lists every template and opens one as a new plan', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('toolbar.templates').click();
  const gallery = page.getByTestId('dialog.templates');
  await expect(gallery).toBeVisible();
  for (const t of TEMPLATES) {
    await expect(page.getByTestId(`templates.item.${t.id}`)).toContainText(t.name);
    await expect(page.getByTestId(`templates.item.${t.id}`).locator('svg rect').first()).toBeAttached();
  }
  const trusted = templateById('trusted-clusters')!;
  await page.getByTestId(`templates.use.${trusted.id}`).click();
  await expect(gallery).toBeHidden();
  await expect(planName(page)).toHaveText(trusted.plan().name);
  for (const node of trusted.plan().nodes) await expect(app.node(node.id)).toBeVisible();
  await openPlans(page);
  await expect(planRow(page, examplePlan().name)).toBeVisible();
});

test('an empty canvas offers the templates', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('toolbar.new').click();
  await expect(page.getByTestId('canvas.empty')).toBeVisible();
  await page.getByTestId('empty.templates').click();
  await page.getByTestId('templates.use.single-host').click();
  await expect(planName(page)).toHaveText(templateById('single-host')!.plan().name);
  await expect(page.getByTestId('empty.start')).toBeHidden();
});

for (const template of TEMPLATES) {
  test(`template ${template.id} is readable: no link label under a card or on another label`, async ({ app, page }) => {
    await app.open();
    await useTemplate(page, template.id);
    for (const node of template.plan().nodes) await expect(app.node(node.id)).toBeVisible();
    await expect.poll(() => app.labelClashes()).toEqual([]);
  });
}
