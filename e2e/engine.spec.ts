/** Issue 4 tests that depend on the requirements engine (`derive` / `checkLink` in src/core/engine). */
import { expect, test } from './fixtures/portolan.ts';

test.describe('with the requirements engine', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('an SSH agent linked to a Proxy needs 443, and 3024 in separate mode on config v1', async ({ app, page }) => {
    await page.getByTestId('toolbar.new').click();
    const pane = await app.boxOf(app.pane);
    await app.dragFromPalette('proxy', { x: pane.width / 2 + 180, y: pane.height / 2 });
    await app.dragFromPalette('ssh-agent', { x: pane.width / 2 - 180, y: pane.height / 2 });
    await expect(app.node('proxy')).toBeVisible();
    await expect(app.node('ssh-agent')).toBeVisible();
    // A single Proxy exposed directly on 443 (without it, the engine rightly says 3080).
    await app.select(app.node('proxy'));
    const web = app.inspector.getByTestId('field.webListenAddr');
    await web.fill('0.0.0.0:443');
    await web.blur();
    // Drawn from the Proxy to the agent: the arrow still goes from the agent (it dials out).
    await app.connect('proxy', 'ssh-agent');
    const edge = page.locator('[data-testid^="edge."][data-from]');
    await expect(edge).toHaveCount(1);
    await expect(edge).toHaveAttribute('data-from', 'ssh-agent');
    await expect(page.locator('[data-testid$=".label"]').first()).toContainText('443');

    await app.showTab('rules');
    await expect(app.ruleRows.filter({ hasText: 'SSH agent' }).filter({ has: page.getByTestId('rules.port').getByText('443', { exact: true }) })).not.toHaveCount(0);

    await (await app.clusterField('main', 'configVersion')).selectOption('v1');
    await (await app.clusterField('main', 'proxyListenerMode')).selectOption('separate');
    await expect(app.ruleRows.filter({ has: page.getByTestId('rules.port').getByText('3024', { exact: true }) })).not.toHaveCount(0);

    // Selecting a rule highlights its two ends.
    await app.ruleRows.first().click();
    await expect(page.locator('.pl-node.is-highlighted')).toHaveCount(2);
  });

  test('QUIC peering ticked on every Proxy turns the peering rules into UDP; on one Proxy only it is an info finding', async ({ app, page }) => {
    await app.useTemplate('proxy-peering');
    await expect(app.node('proxy-1')).toBeVisible();
    await app.filterRules('3021');
    const peering = app.ruleRows.filter({ has: page.getByTestId('rules.port').getByText('3021', { exact: true }) });
    const udp = peering.filter({ has: page.getByTestId('rules.protocol').getByText('udp', { exact: true }) });
    await expect(peering).toHaveCount(6);
    await expect(udp).toHaveCount(0);
    for (const id of ['proxy-1', 'proxy-2', 'proxy-3']) {
      await app.select(app.node(id));
      const quic = app.inspector.getByTestId('field.quicPeering');
      await quic.scrollIntoViewIfNeeded();
      await quic.check();
      if (id === 'proxy-1') {
        await app.showTab('findings');
        await expect(app.finding('PL-QUIC-PEERING-UNUSED')).toContainText('no other Proxy of');
      }
    }
    await app.showTab('findings');
    await expect(app.finding('PL-QUIC-PEERING-UNUSED')).toHaveCount(0);
    await app.filterRules('3021');
    await expect(peering).toHaveCount(6);
    await expect(udp).toHaveCount(6);
    expect(app.problems).toEqual([]);
  });

  test('the attestors of a tbot add the kubelet and registry rules; a TCP Workload API and an OSS Sigstore attestor are findings', async ({ app, page }) => {
    await app.select(app.node('tbot'));
    const attestor = app.inspector.getByTestId('field.workloadApi.kubernetesAttestor');
    await attestor.scrollIntoViewIfNeeded();
    await attestor.check();
    await app.filterRules('kubelet');
    const kubelet = app.ruleRows.filter({ hasText: 'kubelet (node of CI tbot)' });
    await expect(kubelet).toHaveCount(1);
    await expect(kubelet.getByTestId('rules.port')).toHaveText('10250');
    const port = app.inspector.getByTestId('field.workloadApi.kubeletSecurePort');
    await port.fill('10443');
    await port.blur();
    await expect(kubelet.getByTestId('rules.port')).toHaveText('10443');
    const listen = app.inspector.getByTestId('field.workloadApi.listen');
    await listen.fill('tcp://0.0.0.0:4040');
    await listen.blur();
    await app.showTab('findings');
    await expect(app.findingRows.and(page.locator('[data-code="PL-WORKLOAD-TCP"]'))).toHaveCount(1);
    await expect(app.findingRows.and(page.locator('[data-code="PL-KUBELET-ZONE"]'))).toHaveCount(1);
    await attestor.uncheck();
    await expect(app.findingRows.and(page.locator('[data-code="PL-KUBELET-ZONE"]'))).toHaveCount(0);
    await app.filterRules('kubelet');
    await expect(kubelet).toHaveCount(0);
    // The Sigstore attestor reads image signatures from the registries on 443; it needs Enterprise.
    await app.inspector.getByTestId('field.workloadApi.sigstoreAttestor').check();
    await app.filterRules('registries');
    const registries = app.ruleRows.filter({ hasText: 'container registries (for CI tbot)' });
    await expect(registries).toHaveCount(1);
    await expect(registries.getByTestId('rules.port')).toHaveText('443');
    await app.showTab('findings');
    await expect(app.findingRows.and(page.locator('[data-code="PL-SIGSTORE-CLUSTER"]'))).toHaveCount(1);
    expect(app.problems).toEqual([]);
  });

  test('a link the engine cannot give a meaning to is refused, with the reason', async ({ app, page }) => {
    const edges = page.locator('[data-testid^="edge."][data-from]');
    const before = await edges.count();
    await app.connect('users', 'postgres');
    await expect(app.toasts.filter({ hasText: 'Link refused' })).toBeVisible();
    await expect(edges).toHaveCount(before);
    await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
  });

  test('proxy peering on OSS is a finding, gone on Enterprise', async ({ app, page }) => {
    await app.showTab('findings');
    const peering = app.findingRows.and(page.locator('[data-code="L-R1"]'));
    await expect(peering).toHaveCount(0);
    await (await app.clusterField('main', 'tunnelStrategy')).selectOption('proxy_peering');
    await expect(peering).toHaveCount(1);
    await expect(page.getByTestId('node.proxy-1.findings')).toBeVisible();
    await (await app.clusterField('main', 'edition')).selectOption('enterprise');
    await expect(peering).toHaveCount(0);
  });

  test('selecting a finding focuses its nodes', async ({ app, page }) => {
    await (await app.clusterField('main', 'tunnelStrategy')).selectOption('proxy_peering');
    await app.showTab('findings');
    await app.findingRows.first().click();
    await expect(page.locator('.pl-node.is-selected').first()).toBeVisible();
  });
});

test('TELEPORT_TUNNEL_PUBLIC_ADDR on an agent: a port its load balancer does not forward is a finding', async ({ app, page }) => {
  await app.open();
  await app.select(app.node('ssh-agent'));
  const field = app.inspector.getByTestId('field.env.teleportTunnelPublicAddr');
  await field.fill('tunnel.example.com:3024');
  await field.blur();
  await app.showTab('findings');
  const finding = app.findingRows.and(page.locator('[data-code="PL-TUNNEL-ENV-PORT"]'));
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('tunnel.example.com:3024');
  await app.select(app.node('ssh-agent'));
  await field.fill('teleport.example.com:443');
  await field.blur();
  await expect(finding).toHaveCount(0);
});

test('a monitoring system scrapes the metrics service a Proxy enables; before that, there is nothing to scrape', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('toolbar.new').click();
  const pane = await app.boxOf(app.pane);
  await app.dragFromPalette('proxy', { x: pane.width / 2 + 180, y: pane.height / 2 });
  await app.dragFromPalette('monitoring', { x: pane.width / 2 - 180, y: pane.height / 2 });
  await expect(app.node('prometheus')).toBeVisible();
  await app.connect('prometheus', 'proxy');
  const edge = page.locator('[data-testid^="edge."][data-from]');
  await expect(edge).toHaveCount(1);
  await expect(edge).toHaveAttribute('data-from', 'prometheus');

  await app.showTab('findings');
  const nothing = app.findingRows.and(page.locator('[data-code="PL-MONITOR-NOTHING"]'));
  await expect(nothing).toHaveCount(1);

  await app.select(app.node('proxy'));
  const metrics = app.inspector.getByTestId('field.metricsListenAddr');
  await metrics.fill('0.0.0.0:3081');
  await metrics.blur();
  await expect(nothing).toHaveCount(0);
  await app.filterRules('Prometheus');
  await expect(app.ruleRows.filter({ hasText: 'Prometheus' }).filter({ has: page.getByTestId('rules.port').getByText('3081', { exact: true }) })).toHaveCount(1);
  // The Prometheus host asks nothing of the Proxy's web port.
  await expect(app.ruleRows.filter({ hasText: 'Prometheus' })).toHaveCount(1);
});

test('a Relay Service: the SSH agent linked to it tunnels to 3042 once it names the relay; the relay joins through the Proxy', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('toolbar.new').click();
  const pane = await app.boxOf(app.pane);
  await app.dragFromPalette('proxy', { x: pane.width / 2 + 220, y: pane.height / 2 - 120 });
  await app.dragFromPalette('relay', { x: pane.width / 2 + 220, y: pane.height / 2 + 120 });
  await app.dragFromPalette('ssh-agent', { x: pane.width / 2 - 220, y: pane.height / 2 + 120 });
  await expect(app.node('relay')).toBeVisible();
  await app.connect('ssh-agent', 'relay');
  await app.connect('relay', 'proxy');
  await app.connect('ssh-agent', 'proxy');
  const edges = page.locator('[data-testid^="edge."][data-from]');
  await expect(edges).toHaveCount(3);

  await app.showTab('findings');
  const noHostnames = app.findingRows.and(page.locator('[data-code="PL-RELAY-NO-HOSTNAMES"]'));
  const noServer = app.findingRows.and(page.locator('[data-code="PL-RELAY-NO-SERVER"]'));
  await expect(noHostnames).toHaveCount(1);
  await expect(noServer).toHaveCount(1);

  await app.select(app.node('relay'));
  const hostnames = app.inspector.getByTestId('field.publicHostnames');
  await hostnames.fill('relay.example.com');
  await hostnames.blur();
  await app.select(app.node('ssh-agent'));
  const server = app.inspector.getByTestId('field.relayServer');
  await server.fill('relay.example.com:3042');
  await server.blur();
  await expect(noHostnames).toHaveCount(0);
  await expect(noServer).toHaveCount(0);

  await app.filterRules('3042');
  await expect(app.ruleRows.filter({ hasText: 'SSH agent' }).filter({ has: page.getByTestId('rules.port').getByText('3042', { exact: true }) })).toHaveCount(1);
  await app.filterRules('Relay Service');
  await expect(app.ruleRows.filter({ hasText: 'Relay Service' }).filter({ has: page.getByTestId('rules.port').getByText('3080', { exact: true }) })).toHaveCount(1);
});
