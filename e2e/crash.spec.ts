/** A crash never costs the user their plan: the crash screen offers the plan as a download. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('the crash screen lets the user download the current plan', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // Make an edit the user would not want to lose, then crash the app.
  await page.goto('/#crash-test');
  await page.reload();
  await expect(page.getByTestId('crash')).toBeVisible();
  await expect(page.getByRole('heading', { name: /unexpected error/i })).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('crash.download').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.portolan\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const plan = JSON.parse(text) as { type: string; nodes: { name: string }[] };
  expect(plan.type).toBe('portolan-plan');
  expect(plan.nodes.map((n) => n.name)).toContain('Proxy 1');
});

test('when the inspector cannot load, the canvas keeps working and the panel offers a reload', async ({ page }) => {
  await page.route(/\/assets\/Inspector-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const panel = page.getByRole('alert').filter({ hasText: 'Could not load the inspector' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Reload Portolan' })).toBeVisible();
  await expect(page.getByTestId('crash')).toHaveCount(0);
  // The rest of the app still answers.
  await expect(page.getByTestId('toolbar.new')).toBeEnabled();
  await page.unroute(/\/assets\/Inspector-[^/]*\.js$/);
  await panel.getByRole('button', { name: 'Reload Portolan' }).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
});
