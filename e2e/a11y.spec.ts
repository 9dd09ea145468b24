/**
 * Accessibility: axe-core on the main screens, light and dark. No `serious` or `critical` violation.
 * Nothing is excluded wholesale; each exclusion below names the element and why.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // React Flow's attribution link sits on the canvas corner in 10px grey text; it is React Flow's own
    // element (pro option to hide it aside), decorative for our users and not part of the app's content.
    .exclude('.react-flow__attribution')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n  ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ app, page }) => {
      await app.open();
      await page.getByTestId(`toolbar.theme.${theme}`).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    test('main screen with the rules panel', async ({ app, page }) => {
      await app.showTab('rules');
      await expect(app.ruleRows.first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a node selected: the inspector', async ({ app, page }) => {
      await app.select(app.node('proxy-1'));
      await expect(app.inspector.getByRole('heading', { name: 'Proxy 1' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the findings panel, with findings, their Apply buttons and fix options', async ({ app, page }) => {
      await app.select(app.node('tbot'));
      await app.setField(app.inspector.getByTestId('field.joinAddr'), 'teleport.example.com:3080');
      await app.select(app.node('auth'));
      await app.inspector.getByTestId('field.proxyProtocol').selectOption('on');
      await app.select(app.node('lb'));
      await app.inspector.getByTestId('field.tlsTermination').check();
      await app.showTab('findings');
      await expect(page.getByTestId('tab.findings')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('findings.autofix')).toHaveCount(1);
      await expect(page.getByTestId('findings.choice')).toHaveCount(4);
      expect(await seriousViolations(page)).toEqual([]);
      // With a severity hidden (its toggle struck out) and the list filtered.
      await page.getByTestId('findings.severity.info').click();
      await page.getByTestId('findings.filter').fill('tls');
      await expect(page.getByTestId('findings.count')).toHaveText('2 of 4');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the Export dialog, text and picture', async ({ page }) => {
      await page.getByTestId('toolbar.export').click();
      await expect(page.getByTestId('export.preview')).toContainText('source_zone');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('export.format.png').check();
      await expect(page.getByTestId('export.preview').locator('img')).toBeVisible({ timeout: 15_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the explain tabs with content: a drawn trace, and a violated assertion', async ({ page }) => {
      await page.getByTestId('tab.trace').click();
      await page.getByTestId('explain.mode.trace').click();
      await page.getByTestId('trace.from').selectOption('users');
      await page.getByTestId('trace.to').selectOption('postgres');
      await expect(page.getByTestId('trace.hop').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('tab.assertions').click();
      await page.getByTestId('assertions.type').selectOption('no-outbound');
      await page.getByTestId('assertions.zone').selectOption('private');
      await page.getByTestId('assertions.add').click();
      await expect(page.getByTestId('assertions.row')).toHaveAttribute('data-status', 'violated');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the templates, import, plans and share dialogs', async ({ page }) => {
      for (const [button, dialog] of [['toolbar.templates', 'dialog.templates'], ['toolbar.import', 'dialog.import'], ['toolbar.plans', 'dialog.plans'], ['toolbar.share', 'dialog.share']] as const) {
        await page.getByTestId(button).click();
        await expect(page.getByTestId(dialog)).toBeVisible();
        expect(await seriousViolations(page), dialog).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId(dialog)).toBeHidden();
      }
    });

    test('the shortcut sheet', async ({ page }) => {
      await page.getByTestId('toolbar.shortcuts').click();
      await expect(page.getByTestId('dialog.shortcuts')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('Find, with matches and an active one', async ({ page }) => {
      await page.keyboard.press('Control+k');
      await expect(page.getByTestId('find.input')).toBeFocused();
      await page.keyboard.type('proxy');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByTestId('find.option').nth(1)).toHaveAttribute('aria-selected', 'true');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
