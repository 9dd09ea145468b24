/**
 * Screenshots of the main screens in light and dark mode, for people to look at (not compared).
 * Runs only with PORTOLAN_SHOTS=1: `PORTOLAN_SHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
 * Writes to $PORTOLAN_SHOTS_DIR (default /tmp/shots); PORTOLAN_README_SHOT=1 also refreshes docs/screenshot.png.
 */
import { expect, test } from './fixtures/portolan.ts';

const DIR = process.env.PORTOLAN_SHOTS_DIR ?? '/tmp/shots';

test.skip(!process.env.PORTOLAN_SHOTS, 'screenshots only on demand (PORTOLAN_SHOTS=1)');

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });

    test('main screens', async ({ app, page }) => {
      await app.open();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${DIR}/${scheme}-example.png` });
      if (scheme === 'light' && process.env.PORTOLAN_README_SHOT) await page.screenshot({ path: 'docs/screenshot.png' });

      await app.select(app.node('proxy-1'));
      await page.screenshot({ path: `${DIR}/${scheme}-node-selected.png` });

      await app.select(app.zone('dmz'));
      await page.screenshot({ path: `${DIR}/${scheme}-zone-selected.png` });

      await app.pressShortcut('Escape');
      await app.showTab('findings');
      await page.screenshot({ path: `${DIR}/${scheme}-findings.png` });

      await app.pressShortcut('?');
      await expect(page.getByTestId('dialog.shortcuts')).toBeVisible();
      await page.screenshot({ path: `${DIR}/${scheme}-shortcuts.png` });
      await app.pressShortcut('Escape');

      await page.getByTestId('toolbar.new').click();
      await expect(page.getByTestId('canvas.empty')).toBeVisible();
      await page.screenshot({ path: `${DIR}/${scheme}-empty.png` });
    });
  });
}
