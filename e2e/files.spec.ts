/** Plan files: save, open by picker or keyboard, drop on the canvas; the same door and errors as links. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { expect, test } from './fixtures/portolan.ts';
import { currentPlan, dropFile, normalised, planFromText, planName, saveFile } from './fixtures/travel.ts';

const VALID = 'fixtures/plans/v1/valid';
const INVALID = 'fixtures/plans/v1/invalid';

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('Ctrl+S saves a pretty .portolan.json file that parses to the same plan', async ({ page }) => {
  const file = await saveFile(page);
  expect(file.name).toBe('example-self-hosted-ha-cluster.portolan.json');
  expect(file.text).toContain('\n  "type": "portolan-plan",');
  expect(planFromText(file.text)).toEqual(normalised(examplePlan()));
});

test('a file opens by the picker and by Ctrl+O, asking how to open it', async ({ app, page }) => {
  const everyKind = join(VALID, 'every-kind.portolan.json');
  await page.getByTestId('toolbar.open-file').click();
  await page.getByTestId('files.input').setInputFiles(everyKind);
  await expect(page.getByTestId('dialog.incoming')).toContainText('every-kind.portolan.json');
  await page.getByTestId('incoming.open-new').click();
  await expect(planName(page)).toHaveText('Every node kind');
  // The file has no drawing (no positions): it is laid out once, as an undo step of its own.
  await expect(app.toasts.filter({ hasText: 'had no drawing' })).toBeVisible();
  await app.undo();
  await expect.poll(() => currentPlan(page)).toEqual(planFromText(readFileSync(everyKind, 'utf8')));

  const chooser = page.waitForEvent('filechooser');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.pressShortcut('Control+o');
  await (await chooser).setFiles(join(VALID, 'minimal.portolan.json'));
  await page.getByTestId('incoming.replace').click();
  await expect(planName(page)).toHaveText('Minimal');
  await expect(page.getByTestId('canvas.empty')).toBeVisible();
  await app.undo();
  await expect(planName(page)).toHaveText('Every node kind');
});

test('a file dropped on the canvas opens; palette drags still add components', async ({ app, page }) => {
  const text = readFileSync(join(VALID, 'minimal.portolan.json'), 'utf8');
  await dropFile(page, 'minimal.portolan.json', text);
  await expect(page.getByTestId('dialog.incoming')).toBeVisible();
  await page.getByTestId('incoming.replace').click();
  await expect(planName(page)).toHaveText('Minimal');
  await app.undo();
  await expect(app.node('auth')).toBeVisible();
  const pane = await app.boxOf(app.pane);
  await app.dragFromPalette('tbot', { x: pane.width / 2, y: pane.height - 60 });
  await expect(app.node('tbot-2')).toBeVisible();
  await expect(page.getByTestId('dialog.incoming')).toBeHidden();
});

test('every older-version fixture keeps opening', async ({ page }) => {
  let open = normalised(examplePlan());
  for (const name of readdirSync(VALID)) {
    const plan = planFromText(readFileSync(join(VALID, name), 'utf8'));
    await page.getByTestId('files.input').setInputFiles(join(VALID, name));
    if (JSON.stringify(plan) === JSON.stringify(open)) {
      await expect(page.getByTestId('toast').filter({ hasText: 'is already open' })).toBeVisible();
      continue;
    }
    await page.getByTestId('incoming.replace').click();
    await expect(planName(page)).toHaveText(plan.name);
    open = plan;
  }
});

test('a broken file says what is wrong and keeps the current plan', async ({ app, page }) => {
  const cases: [string, RegExp][] = [
    ['bad-port.portolan.json', /field nodes\[\d+\]\.\w+/],
    ['too-new.portolan.json', /made by a newer Portolan/],
    ['truncated.portolan.json', /cut off/],
    ['not-a-plan.portolan.json', /not a Portolan plan/],
  ];
  for (const [name, message] of cases) {
    await page.getByTestId('files.input').setInputFiles(join(INVALID, name));
    const dialog = page.getByTestId('dialog.plan-error');
    await expect(dialog).toContainText('This file cannot be opened');
    await expect(page.getByTestId('plan-error.message')).toContainText(message);
    await page.getByTestId('plan-error.close').click();
    await expect(dialog).toBeHidden();
  }
  await dropFile(page, 'notes.txt', 'just some text');
  await expect(page.getByTestId('plan-error.message')).toContainText('not valid JSON');
  await page.getByTestId('plan-error.close').click();
  await expect(planName(page)).toHaveText(examplePlan().name);
  await expect(app.node('auth')).toBeVisible();
});
