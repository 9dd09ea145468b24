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
