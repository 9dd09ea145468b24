/** Offline: after a first visit, the service worker serves the app without a network. */
import { expect, test } from './fixtures/portolan.ts';
import { planName } from './fixtures/travel.ts';

test('after the first visit the app opens offline, with the saved plan', async ({ app, page, context }) => {
  await app.open();
  // Wait until the service worker is installed and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await app.paletteItem('tbot').click();
  await expect(app.node('tbot-2')).toBeVisible();
  await page.waitForTimeout(600); // autosave

  await context.setOffline(true);
  await page.reload();
  await expect(app.canvas).toBeVisible();
  await expect(app.node('tbot-2')).toBeVisible();
  await expect(planName(page)).toHaveText(/Example/);
  await context.setOffline(false);
});
