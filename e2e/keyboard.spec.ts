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
