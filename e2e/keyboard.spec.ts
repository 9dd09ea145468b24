/**
 * A keyboard-only path through the app (no mouse at all): add two nodes from the palette, connect them
 * with "Connect to…", inspect a node and edit a field, then export CSV and download it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';

/** What has the focus: its test id, or React Flow's `rf__node-…` id for a node. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
}

/** Press Tab (or Shift+Tab) until the element with this test id has the focus. */
async function tabTo(page: Page, testId: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 250); i++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${testId} never got the focus with ${key}`);
}

test('add, connect, inspect and export with the keyboard alone', async ({ app, page }) => {
  await app.open();

  // Add a Proxy, then an SSH agent, from the palette (the new node is selected and inspected).
  await tabTo(page, 'palette.item.proxy');
  await page.keyboard.press('Enter');
  await expect(app.node('proxy')).toBeVisible();
  await tabTo(page, 'palette.item.ssh-agent');
  await page.keyboard.press('Enter');
  await expect(app.node('ssh-agent-2')).toBeVisible();
  await expect(app.inspector.getByRole('heading', { name: 'SSH agent 2' })).toBeVisible();

  // Connect it to the Proxy: pick the other end from the list, like a drag would (checked by the engine).
  await tabTo(page, 'inspector.connect.target');
  await page.keyboard.type('Proxy Service');
  await expect(page.getByTestId('inspector.connect.target')).toHaveValue('proxy');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('inspector.connect.go');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector.connect.message')).toContainText('Linked to Proxy Service');
  await expect(app.edge('ssh-agent-2-proxy')).toBeAttached();
  await expect(page.getByTestId('inspector.connect.go')).toBeFocused();

  // Inspect the Proxy: focus its card on the canvas, select it with Enter, rename it.
  await tabTo(page, 'rf__node-proxy', { back: true });
  await page.keyboard.press('Enter');
  await expect(app.inspector.getByRole('heading', { name: 'Proxy Service' })).toBeVisible();
  await tabTo(page, 'field.name');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Edge proxy');
  await page.keyboard.press('Tab');
  await expect(app.node('proxy')).toContainText('Edge proxy');

  // Export: Ctrl+E, choose CSV with the arrow keys, download.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('dialog.export')).toBeVisible();
  // The format list loads on demand: wait for it before moving the focus into it.
  await expect(page.getByTestId('export.format.csv')).toBeVisible();
  await tabTo(page, 'export.format.csv', { max: 10 });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export.format.csv-hosts')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('export.format.csv')).toBeChecked();
  await expect(page.getByTestId('export.preview')).toContainText('Edge proxy');
  await tabTo(page, 'export.download', { max: 10 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('example-self-hosted-ha-cluster-rules.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toMatch(/^id,source,/);
  expect(csv).toContain('SSH agent 2');
  expect(csv).toContain('Edge proxy');
  expect(app.problems).toEqual([]);
});

test('Find (Ctrl+K or /): type, move with the arrows, Enter selects the node and brings it into view', async ({ app, page }) => {
  await app.open();
  await app.pressShortcut('Control+k');
  const dialog = page.getByTestId('dialog.find');
  await expect(dialog).toBeVisible();
  const input = page.getByTestId('find.input');
  await expect(input).toBeFocused();
  // Every node and zone is listed; words narrow it, by name, kind, zone or address.
  await page.keyboard.type('agent private');
  const options = page.getByTestId('find.option');
  await expect(options).toHaveText([/^Database agent/, /^Kubernetes agent/, /^SSH agent/]);
  await expect(page.getByTestId('find.status')).toHaveText('3 matches. Enter selects, arrows move.');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? 'none');
  const second = (await options.nth(1).locator('.pl-find__name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.inspector.getByRole('heading', { name: second })).toBeVisible();
  // By address, from the / key; nothing found says so.
  await app.pressShortcut('/');
  await page.keyboard.type('orders-db.internal');
  await expect(options).toHaveText([/Orders DB/]);
  await page.keyboard.press('Enter');
  await expect(app.inspector.getByRole('heading', { name: 'Orders DB' })).toBeVisible();
  await expect(app.node('postgres')).toBeInViewport();
  // Keyboard focus is on the node found, as if it had been tabbed to.
  await expect(page.locator('.react-flow__node[data-id="postgres"]')).toBeFocused();
  await app.pressShortcut('/');
  await page.keyboard.type('no such thing');
  await expect(page.getByTestId('find.status')).toHaveText('Nothing in the plan matches.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // In a text field / is a character; Ctrl+K still opens Find. A click on a match chooses it too.
  const name = app.inspector.getByTestId('field.name');
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('/');
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue('Orders DB/');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  await page.keyboard.type('proxy lb');
  await options.first().click();
  await expect(dialog).toBeHidden();
  await expect(app.inspector.getByRole('heading', { name: 'Proxy LB' })).toBeVisible();
  expect(app.problems).toEqual([]);
});
