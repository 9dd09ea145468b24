/** Imports: a /webapi/ping response or a teleport.yaml, previewed, applied only on "Apply" as one undo step. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/portolan.ts';

const CLOUD_PING = readFileSync('fixtures/import/ping/example-a-cloud.json', 'utf8');

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('the Cloud ping example switches the plan to Cloud with the tenant address after Apply, not before', async ({ app, page }) => {
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.text').fill(CLOUD_PING);
  const preview = page.getByTestId('import.preview');
  await expect(preview.getByTestId('import.change').filter({ hasText: 'Teleport Cloud tenant' })).toContainText('cloud');
  await expect(preview.getByTestId('import.change').filter({ hasText: 'tenant address' })).toContainText('example.teleport.sh:443');
  await expect(page.getByTestId('import.warnings')).toContainText('Teleport Cloud runs Auth and Proxy for you');

  // Nothing has changed yet: cancel and look.
  await page.getByTestId('import.cancel').click();
  await expect(await app.clusterField('main', 'deployment')).toHaveValue('self-hosted');
  await expect(page.getByTestId('toolbar.undo')).toBeDisabled();

  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.text').fill(CLOUD_PING);
  await page.getByTestId('import.apply').click();
  await expect(page.getByTestId('dialog.import')).toBeHidden();
  await expect(app.toasts.filter({ hasText: 'Applied 3 changes' })).toBeVisible();
  await expect(await app.clusterField('main', 'deployment')).toHaveValue('cloud');
  await expect(await app.clusterField('main', 'cloudTenant')).toHaveValue('example.teleport.sh:443');

  // One undo step takes it all back.
  await app.undo();
  await expect(await app.clusterField('main', 'deployment')).toHaveValue('self-hosted');
  await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
});

test('unknown or malformed input gets a clear message and cannot be applied', async ({ page }) => {
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.text').fill('{"proxy": ');
  await expect(page.getByTestId('import.error')).toBeVisible();
  await expect(page.getByTestId('import.apply')).toBeDisabled();
  await page.getByTestId('import.tab.yaml').click();
  await page.getByTestId('import.file').setInputFiles('fixtures/import/yaml/not-teleport.yaml');
  await expect(page.getByTestId('import.error')).toBeVisible();
  await expect(page.getByTestId('import.apply')).toBeDisabled();
  const message = await page.getByTestId('import.error').innerText();
  expect(message.length).toBeGreaterThan(20);
});

test('an uploaded teleport.yaml adds the node it describes, as one undo step', async ({ app, page }) => {
  const before = await page.locator('.pl-node').count();
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.tab.yaml').click();
  await page.getByTestId('import.file').setInputFiles('fixtures/import/yaml/v3-agent-ssh-db-app.yaml');
  await expect(page.getByTestId('import.text')).toHaveValue(/nodename: app-host-1/);
  // The preview lists the agent and the database and app it declares.
  const changes = page.getByTestId('import.change');
  await expect(changes.filter({ hasText: 'Agent "app-host-1"' })).toBeVisible();
  await expect(changes.filter({ hasText: 'Database "orders"' })).toContainText('declared in db_service.databases');
  await expect(changes.filter({ hasText: 'App "grafana"' })).toContainText('declared in app_service.apps');
  await expect(page.locator('.pl-node')).toHaveCount(before);
  await page.getByTestId('import.apply').click();
  // The agent, the database and the app.
  await expect(page.locator('.pl-node')).toHaveCount(before + 3);
  await expect(app.nodeNamed('app-host-1')).toHaveCount(1);
  await expect(app.node('orders')).toContainText('orders');
  await expect(app.node('grafana')).toContainText('grafana');
  await expect(app.edge('agent-orders')).toBeAttached();
  await expect(app.edge('agent-grafana')).toBeAttached();
  await app.undo();
  await expect(page.locator('.pl-node')).toHaveCount(before);
  await expect(app.node('orders')).toHaveCount(0);
});

test('a teleport.yaml key that Teleport does not know is named with its line and the likely spelling', async ({ page }) => {
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.tab.yaml').click();
  const yaml = ['version: v3', 'teleport:', '  nodename: proxy-1', 'proxy_service:', '  enabled: yes', '  web_listen_adr: 0.0.0.0:443', '  public_addr: teleport.example.com:443', 'auth_service:', '  enabled: no'].join('\n');
  await page.getByTestId('import.text').fill(yaml);
  await expect(page.getByTestId('import.warnings')).toContainText('proxy_service.web_listen_adr (line 6) is not a teleport.yaml setting: Teleport refuses the file at startup (did you mean web_listen_addr?).');
  // A warning, not an error: the rest of the file still imports.
  await expect(page.getByTestId('import.error')).toHaveCount(0);
  await expect(page.getByTestId('import.apply')).toBeEnabled();
});
