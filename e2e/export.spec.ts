/**
 * The Export dialog: the same bytes as the CLI, a live preview, copy, per-host formats, and PNG/SVG
 * pictures of the canvas.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portolan.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'fixtures/plans/v1/valid/example.portolan.json');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What `portolan export` prints for the example plan (the plan the app opens on first start). */
function cli(format: string, host?: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-export-'));
  const file = join(dir, 'example.portolan.json');
  copyFileSync(EXAMPLE, file);
  return execFileSync(process.execPath, [join(ROOT, 'bin/portolan.mjs'), 'export', file, '--format', format, ...(host ? ['--host', host] : [])], { cwd: ROOT });
}

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('toolbar.export').click();
  await expect(page.getByTestId('dialog.export')).toBeVisible();
}

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export.download').click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('CSV downloads exactly what the CLI prints for the same plan', async ({ app, page }) => {
  await app.open();
  await openExport(page);
  await page.getByTestId('export.format.csv').check();
  await expect(page.getByTestId('export.preview')).toContainText('source_zone');
  const { name, bytes } = await download(page);
  expect(name).toBe('example-self-hosted-ha-cluster-rules.csv');
  expect(bytes.equals(cli('csv'))).toBe(true);
  expect(app.problems).toEqual([]);
});

for (const [format, resource] of [
  ['gcp-firewall', 'resource "google_compute_firewall" "portolan_ingress_from_tags"'],
  ['azure-nsg', 'resource "azurerm_network_security_rule" "portolan_inbound"'],
] as const) {
  test(`${format} (Terraform) downloads exactly what the CLI prints`, async ({ app, page }) => {
    await app.open();
    await openExport(page);
    await page.getByTestId(`export.format.${format}`).check();
    await expect(page.getByTestId('export.preview')).toContainText(resource);
    const { name, bytes } = await download(page);
    expect(name).toMatch(/\.tf$/);
    expect(bytes.equals(cli(format))).toBe(true);
    expect(app.problems).toEqual([]);
  });
}

test('the preview follows the format, and Copy puts the whole output on the clipboard', async ({ app, page }) => {
  await app.open();
  await app.pressShortcut('Control+e');
  const dialog = page.getByTestId('dialog.export');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Rule tables' })).toBeVisible();
  await page.getByTestId('export.format.md').check();
  await expect(page.getByTestId('export.preview')).toContainText('|');
  await page.getByTestId('export.format.json').check();
  await expect(page.getByTestId('export.preview')).toContainText('"portolan-rules"');
  await page.getByTestId('export.copy').click();
  await expect(page.getByTestId('export.status')).toHaveText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(cli('json').toString('utf8'));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a per-host format asks for the host and matches the CLI for that host', async ({ app, page }) => {
  await app.open();
  await openExport(page);
  await page.getByTestId('export.format.nftables').check();
  const host = page.getByTestId('export.host');
  await expect(host).toBeVisible();
  await host.selectOption('proxy-1');
  await expect(page.getByTestId('export.preview')).toContainText('table inet');
  const { name, bytes } = await download(page);
  expect(name).toBe('example-self-hosted-ha-cluster-proxy-1-nftables.nft');
  expect(bytes.equals(cli('nftables', 'proxy-1'))).toBe(true);
});

test('PNG is a picture of the whole plan; SVG too', async ({ app, page }) => {
  await app.open();
  // Zoom far out first: the picture must still show the edge labels, and not the minimap or controls.
  for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomout').click();
  await openExport(page);
  await page.getByTestId('export.format.png').check();
  await expect(page.getByTestId('export.preview').locator('img')).toBeVisible({ timeout: 15_000 });
  const { name, bytes } = await download(page);
  expect(name).toBe('example-self-hosted-ha-cluster.png');
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(400);
  expect(height).toBeGreaterThan(300);
  expect(bytes.length).toBeGreaterThan(20_000); // not a blank canvas
  mkdirSync('/tmp/shots', { recursive: true });
  await import('node:fs').then((fs) => fs.writeFileSync('/tmp/shots/export.png', bytes));

  await page.getByTestId('export.format.svg').check();
  await expect(page.getByTestId('export.preview').locator('img')).toBeVisible({ timeout: 15_000 });
  const svg = await download(page);
  expect(svg.name.endsWith('.svg')).toBe(true);
  const text = svg.bytes.toString('utf8');
  await import('node:fs').then((fs) => fs.writeFileSync('/tmp/shots/export.svg', svg.bytes));
  expect(text.startsWith('<svg')).toBe(true);
  for (const label of ['Proxy LB', 'Auth', 'DMZ', '443/tcp']) expect(text).toContain(label);
  expect(text).not.toContain('react-flow__minimap');
  expect(text).not.toContain('react-flow__controls');
  expect(app.problems).toEqual([]);
});

test('screenshots of the Export dialog, light and dark', async ({ app, page }) => {
  await app.open();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByTestId(`toolbar.theme.${theme}`).click();
    await openExport(page);
    await page.getByTestId('export.format.csv').check();
    await expect(page.getByTestId('export.preview')).toContainText('source_zone');
    await page.screenshot({ path: `/tmp/shots/export-dialog-${theme}.png` });
    await page.getByTestId('export.format.png').check();
    await expect(page.getByTestId('export.preview').locator('img')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `/tmp/shots/export-dialog-png-${theme}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dialog.export')).toBeHidden();
  }
});
