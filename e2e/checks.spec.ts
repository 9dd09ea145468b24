/** The checks load after first paint: the plan and its rules show at once, the findings a moment later. */
import { encodeShareFragment } from '../src/core/share/index.ts';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { expect, test } from './fixtures/portolan.ts';
import { planName } from './fixtures/travel.ts';

// Blocked chunks must stay blocked: a service worker would serve them from its cache, unseen by page.route.
test.use({ serviceWorkers: 'block' });

test('findings arrive after the rules; when the checks cannot load, the tab says so and Retry brings them', async ({ app, page }) => {
  let block = true;
  await page.route('**/assets/findings-*.js', (route) => (block ? route.abort() : route.continue()));
  await app.open();
  const tab = page.getByTestId('tab.findings');
  // The rules are complete without the checks.
  await expect(page.getByTestId('tab.rules')).toContainText(/Rules\s*\d+/);
  await expect(tab).toContainText('!');
  await expect(tab).toHaveAttribute('title', 'The checks could not be loaded');
  await tab.click();
  await expect(page.getByRole('alert').filter({ hasText: 'The checks could not be loaded' })).toBeVisible();
  block = false;
  await page.getByTestId('checks.retry').click();
  await expect(tab).toContainText(/Findings\s*\d+/);
  await expect(tab).not.toHaveAttribute('title');
  await expect(page.getByTestId('checks.retry')).toHaveCount(0);
});

test('a normal load shows the findings count without a retry', async ({ app, page }) => {
  await app.open();
  await expect(page.getByTestId('tab.findings')).toContainText(/Findings\s*\d+/);
});

test('an export waits for the checks: without them it would list no findings, so it offers Retry instead', async ({ app, page }) => {
  let block = true;
  await page.route('**/assets/findings-*.js', (route) => (block ? route.abort() : route.continue()));
  await app.open();
  await expect(page.getByTestId('tab.findings')).toContainText('!');
  await page.getByTestId('toolbar.export').click();
  const notice = page.getByTestId('export.checks');
  await expect(notice).toContainText('would list no findings');
  await expect(page.getByTestId('export.download')).toBeDisabled();
  block = false;
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('export.preview')).toBeVisible();
  await expect(page.getByTestId('export.download')).toBeEnabled();
});

test('a tab or the Export dialog whose code cannot load says so in place; the rest of the app works on', async ({ app, page }) => {
  await page.route('**/assets/{ExplainTab,ExportPanel}-*.js', (route) => route.abort());
  await app.open();
  await page.getByTestId('tab.trace').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load this tab' })).toBeVisible();
  await page.getByTestId('tab.rules').click();
  await expect(page.getByTestId('rules.row').first()).toBeVisible();
  await page.getByTestId('toolbar.export').click();
  await expect(page.getByTestId('dialog.export').getByRole('alert')).toContainText('Could not load the exporters');
  await expect(app.node('proxy-1')).toBeVisible();
});

test('a dialog whose code cannot load says so in a notice that closes; the app works on', async ({ app, page }) => {
  await page.route('**/assets/PlansDialog-*.js', (route) => route.abort());
  await app.open();
  await page.getByTestId('toolbar.plans').click();
  const notice = page.getByRole('alert').filter({ hasText: 'Could not load this dialog' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toHaveCount(0);
  await app.paletteItem('tbot').click();
  await expect(app.node('tbot-2')).toBeVisible();
});

test('a share link whose reader cannot load keeps the open plan, says so, and stays in the address: a reload opens it', async ({ app, page }) => {
  let block = true;
  await page.route('**/assets/codec-*.js', (route) => (block ? route.abort() : route.continue()));
  await app.open();
  const template = TEMPLATES[0]!;
  const fragment = encodeShareFragment(template.plan());
  await page.goto(`/#${fragment}`);
  await expect(app.toasts.filter({ hasText: 'The shared plan could not be opened' })).toBeVisible();
  await expect(app.node('proxy-1')).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#${fragment}`);
  block = false;
  await page.reload();
  await expect(planName(page)).toHaveText(template.plan().name);
  await expect.poll(() => new URL(page.url()).hash).toBe('');
});
