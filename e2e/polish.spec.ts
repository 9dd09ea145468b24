/**
 * Polish found in a review in a real browser: impossible IPv4 addresses, links Portolan cannot read,
 * a first-time recipient of a link, export file names and the Export dialog's feedback.
 */
import type { Page } from '@playwright/test';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { encodeShareFragment } from '../src/core/share/index.ts';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { expect, test } from './fixtures/portolan.ts';
import { openPlans, planName } from './fixtures/travel.ts';

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('toolbar.export').click();
  await expect(page.getByTestId('dialog.export')).toBeVisible();
}

test.describe('addresses', () => {
  test('an impossible IPv4 address is kept but reported, with the octet that is out of range', async ({ app }) => {
    await app.open();
    await app.select(app.node('proxy-1'));
    const findings = app.inspector.getByRole('region', { name: 'Findings for this node' }).or(app.inspector.locator('section[aria-label="Findings for this node"]'));
    const addresses = app.inspector.getByTestId('field.addresses');
    await addresses.fill('300.1.1.1');
    await expect(findings.first()).toContainText('PL-BAD-IP');
    await expect(findings.first()).toContainText('addresses: 300.1.1.1: octet 300 is out of range 0–255');
    await addresses.fill('10.0.1.99');
    await expect(app.inspector.getByText('PL-BAD-IP')).toHaveCount(0);

    const publicAddr = app.inspector.getByTestId('field.publicAddr');
    await publicAddr.fill('10.0.1.999:443');
    await expect(findings.first()).toContainText('publicAddr: 10.0.1.999: octet 999 is out of range 0–255');
  });
});

test.describe('a link Portolan cannot read', () => {
  test('#plan=garbage says it is not a Portolan plan link, clears the address and keeps the plan', async ({ app, page }) => {
    await page.goto('/#plan=garbage');
    const error = page.getByTestId('dialog.plan-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('This link cannot be opened');
    await expect(page.getByTestId('plan-error.message')).toContainText('not a Portolan plan link');
    await expect(page.getByTestId('plan-error.message')).toContainText('plan=garbage');
    expect(new URL(page.url()).hash).toBe('');
    await page.getByTestId('plan-error.close').click();
    await expect(planName(page)).toHaveText(examplePlan().name);
    await expect(app.node('auth')).toBeVisible();
  });

  test('an unknown fragment arriving later leaves an edited plan as it is', async ({ app, page }) => {
    await app.open();
    await app.paletteItem('tbot').click();
    await expect(app.node('tbot-2')).toBeVisible();
    await page.evaluate(() => {
      location.hash = 'section-2';
    });
    await expect(page.getByTestId('plan-error.message')).toContainText('not a Portolan plan link');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByTestId('plan-error.close').click();
    await expect(app.node('tbot-2')).toBeVisible();
    await expect(page.getByTestId('dialog.incoming')).toBeHidden();
  });
});

test.describe('a first-time recipient of a link', () => {
  const template = TEMPLATES[1]!;
  const link = () => `/#${encodeShareFragment(template.plan())}`;

  test('opens the shared plan at once over the untouched example; undo brings the example back', async ({ app, page }) => {
    await page.goto(link());
    await expect(planName(page)).toHaveText(template.plan().name);
    await expect(page.getByTestId('dialog.incoming')).toBeHidden();
    await expect(app.toasts.filter({ hasText: 'in place of the unchanged example' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    // The library holds the shared plan, not an unused copy of the example.
    const plans = await openPlans(page);
    await expect(plans.getByTestId('plans.row')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await app.undo();
    await expect(planName(page)).toHaveText(examplePlan().name);
  });

  test('opens it at once over an untouched new plan', async ({ app, page }) => {
    await app.open();
    await page.getByTestId('toolbar.new').click();
    await expect(planName(page)).toHaveText('Untitled plan');
    await page.goto(link());
    await expect(planName(page)).toHaveText(template.plan().name);
    await expect(page.getByTestId('dialog.incoming')).toBeHidden();
    await expect(app.toasts.filter({ hasText: 'in place of the empty plan' })).toBeVisible();
  });

  test('still asks when the open plan was edited', async ({ app, page }) => {
    await app.open();
    await app.paletteItem('tbot').click();
    await expect(app.node('tbot-2')).toBeVisible();
    await page.goto(link());
    await expect(page.getByTestId('dialog.incoming')).toBeVisible();
    await page.getByTestId('incoming.cancel').click();
    await expect(app.node('tbot-2')).toBeVisible();
  });
});

test.describe('export', () => {
  test('PNG and SVG file names say the format once', async ({ app, page }) => {
    await app.open();
    await openExport(page);
    for (const format of ['png', 'svg', 'drawio']) {
      await page.getByTestId(`export.format.${format}`).check();
      await expect(page.getByTestId('export.file-name')).toHaveText(`example-self-hosted-ha-cluster.${format}`);
    }
  });

  test('Download says that the file is on its way, in the dialog and after it closes', async ({ app, page }) => {
    await app.open();
    await openExport(page);
    await page.getByTestId('export.format.csv').check();
    await expect(page.getByTestId('export.preview')).toContainText('source_zone');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export.download').click()]);
    expect(file.suggestedFilename()).toBe('example-self-hosted-ha-cluster-rules.csv');
    const message = 'Download started: "example-self-hosted-ha-cluster-rules.csv" (see your browser\'s downloads).';
    await expect(page.getByTestId('export.status')).toHaveText(message);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dialog.export')).toBeHidden();
    await expect(app.toasts.filter({ hasText: message })).toBeVisible();
  });

  test('a per-host format on an empty plan shows what to do, not an error', async ({ app, page }) => {
    await app.open();
    await page.getByTestId('toolbar.new').click();
    await expect(planName(page)).toHaveText('Untitled plan');
    await openExport(page);
    await page.getByTestId('export.format.nftables').check();
    await expect(page.getByTestId('export.empty')).toContainText('the plan has no nodes yet');
    await expect(page.getByTestId('export.empty')).toContainText('Add a node');
    await expect(page.getByTestId('export.error')).toHaveCount(0);
    await expect(page.getByTestId('export.host')).toHaveCount(0);
    await expect(page.getByTestId('export.download')).toBeDisabled();
    expect(app.problems).toEqual([]);
  });
});

test('a plan without a drawing is laid out once when it opens; undo puts the pile back and leaves it', async ({ app, page }) => {
  const piled = examplePlan();
  piled.nodes = piled.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } }));
  await page.goto(`/#${encodeShareFragment(piled)}`);
  await expect(app.toasts.filter({ hasText: 'had no drawing' })).toBeVisible({ timeout: 15_000 });
  const spots = async () => {
    const boxes = await Promise.all(piled.nodes.map((n) => app.boxOf(app.node(n.id))));
    return new Set(boxes.map((b) => `${Math.round(b.x)},${Math.round(b.y)}`)).size;
  };
  await expect.poll(spots).toBe(piled.nodes.length);
  await app.undo();
  await expect.poll(spots).toBe(1);
  // The undo dismissed the message; an edit afterwards does not lay the pile out again.
  await expect(app.toasts.filter({ hasText: 'had no drawing' })).toHaveCount(0);
  await app.paletteItem('tbot').click();
  await expect(app.node('tbot-2')).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await spots()).toBe(1);
  await expect(app.toasts.filter({ hasText: 'had no drawing' })).toHaveCount(0);
});
