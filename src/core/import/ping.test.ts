import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema, parsePlan } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { previewPingImport } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/ping/${name}`, import.meta.url), 'utf8');
const EXAMPLE_A = fixture('example-a-cloud.json');
const EXAMPLE_B = fixture('example-b-separate.json');
const MULTIPLEX = fixture('self-hosted-multiplex.json');

/** A plan with one cluster and nothing drawn yet. */
function blankPlan(): Plan {
  return PlanSchema.parse({ type: 'portolan-plan', version: 1, name: 'Blank', clusters: [{ id: 'main', name: 'main' }] });
}

function ok(result: ReturnType<typeof previewPingImport>) {
  if (!result.ok) throw new Error(result.message);
  const reparsed = parsePlan(JSON.parse(JSON.stringify(result.plan)));
  expect(reparsed.ok).toBe(true);
  return result;
}

const proxyOf = (plan: Plan, id: string) => {
  const node = plan.nodes.find((n) => n.id === id);
  if (node?.kind !== 'proxy') throw new Error(`no proxy ${id}`);
  return node;
};

describe('previewPingImport', () => {
  it('Example A (Teleport Cloud) switches the plan to Cloud with the tenant address', () => {
    const plan = examplePlan();
    const before = JSON.stringify(plan);
    const result = ok(previewPingImport(plan, EXAMPLE_A));
    const cluster = result.plan.clusters[0]!;
    expect(cluster.deployment).toBe('cloud');
    expect(cluster.cloudTenant).toBe('example.teleport.sh:443');
    expect(cluster.edition).toBe('enterprise');
    expect(cluster.proxyListenerMode).toBe('multiplex');
    expect(result.changes).toContainEqual({
      path: 'clusters[main].cloudTenant',
      before: '(not set)',
      after: 'example.teleport.sh:443',
      description: 'the tenant address agents and users dial',
    });
    expect(result.changes.map((c) => c.path)).toEqual(['clusters[main].deployment', 'clusters[main].cloudTenant', 'clusters[main].edition']);
    // The plan's own Auth and Proxies are not deleted silently: the user is told.
    expect(result.warnings[0]).toMatch(/Teleport Cloud runs Auth and Proxy for you: remove proxy-1, proxy-2, auth/);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('Example B gives separate mode with dedicated listeners and the public address', () => {
    const plan = blankPlan();
    const before = JSON.stringify(plan);
    const result = ok(previewPingImport(plan, EXAMPLE_B));
    const cluster = result.plan.clusters[0]!;
    expect(cluster).toMatchObject({ proxyListenerMode: 'separate', teleportVersion: 17, edition: 'oss', name: 'teleport.example.com', deployment: 'self-hosted' });
    // server_version 17.x.y names no minor version: none is recorded.
    expect(cluster.teleportMinorVersion).toBeUndefined();
    // Nor is a minor version kept from the plan's previous release.
    const known = blankPlan();
    known.clusters[0]!.teleportMinorVersion = 2;
    const again = ok(previewPingImport(known, EXAMPLE_B));
    expect(again.plan.clusters[0]!.teleportMinorVersion).toBeUndefined();
    expect(again.changes).toContainEqual(expect.objectContaining({ path: 'clusters[main].teleportMinorVersion', before: '2' }));
    const proxy = proxyOf(result.plan, 'proxy');
    expect(proxy).toMatchObject({
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:3080',
      sshListenAddr: '0.0.0.0:3023',
      tunnelListenAddr: '0.0.0.0:3024',
      kubeListenAddr: '0.0.0.0:3026',
      mysqlListenAddr: '0.0.0.0:3036',
    });
    expect(proxy.postgresListenAddr).toBeUndefined();
    expect(result.changes[0]).toMatchObject({ path: 'clusters[main].proxyListenerMode', before: 'multiplex', after: 'separate' });
    expect(result.changes).toContainEqual(expect.objectContaining({ path: 'nodes[proxy]', before: '(not set)', after: 'Proxy "Proxy"' }));
    expect(result.changes).toContainEqual(expect.objectContaining({ path: 'nodes[proxy].sshListenAddr', after: '0.0.0.0:3023' }));
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('applies Proxy settings to every Proxy of the cluster, or only to the chosen one', () => {
    const all = ok(previewPingImport(examplePlan(), EXAMPLE_B));
    expect(proxyOf(all.plan, 'proxy-1').tunnelListenAddr).toBe('0.0.0.0:3024');
    expect(proxyOf(all.plan, 'proxy-2').tunnelListenAddr).toBe('0.0.0.0:3024');
    expect(all.plan.nodes.length).toBe(examplePlan().nodes.length);

    const one = ok(previewPingImport(examplePlan(), EXAMPLE_B, { proxyId: 'proxy-2' }));
    expect(proxyOf(one.plan, 'proxy-1').tunnelListenAddr).toBeUndefined();
    expect(proxyOf(one.plan, 'proxy-2').tunnelListenAddr).toBe('0.0.0.0:3024');
    expect(one.changes.every((c) => !c.path.startsWith('nodes[proxy-1]'))).toBe(true);
  });

  it('a multiplex response sets TLS routing and keeps listeners it cannot see', () => {
    const separate = ok(previewPingImport(examplePlan(), EXAMPLE_B)).plan;
    const result = ok(previewPingImport(separate, MULTIPLEX));
    const cluster = result.plan.clusters[0]!;
    expect(cluster).toMatchObject({ proxyListenerMode: 'multiplex', teleportVersion: 18, teleportMinorVersion: 2, edition: 'enterprise', name: 'tele.acme.io', deployment: 'self-hosted' });
    const proxy = proxyOf(result.plan, 'proxy-1');
    expect(proxy.publicAddr).toEqual(['tele.acme.io:443']);
    expect(proxy.webListenAddr).toBe('0.0.0.0:443');
    // TLS routing rewrites listen addresses to the web address: the response cannot tell.
    expect(proxy.sshListenAddr).toBe('0.0.0.0:3023');
    expect(result.changes.some((c) => c.path.endsWith('sshListenAddr'))).toBe(false);
  });

  it('in separate mode, a listen address equal to the web address means multiplexed', () => {
    const separate = ok(previewPingImport(examplePlan(), EXAMPLE_B)).plan;
    const legacy = JSON.stringify({
      proxy: { ssh: { listen_addr: '0.0.0.0:3023', tunnel_listen_addr: '0.0.0.0:3080', web_listen_addr: '0.0.0.0:3080', public_addr: 'teleport.example.com:443' }, tls_routing_enabled: false },
    });
    const result = ok(previewPingImport(separate, legacy, { proxyId: 'proxy-1' }));
    expect(proxyOf(result.plan, 'proxy-1').tunnelListenAddr).toBeUndefined();
    expect(result.changes).toContainEqual(expect.objectContaining({ path: 'nodes[proxy-1].tunnelListenAddr', before: '0.0.0.0:3024', after: '(not set)' }));
  });

  it('a self-hosted response turns a Cloud plan back into a self-hosted one', () => {
    const cloud = ok(previewPingImport(blankPlan(), EXAMPLE_A)).plan;
    expect(cloud.nodes).toEqual([]);
    const result = ok(previewPingImport(cloud, MULTIPLEX));
    expect(result.plan.clusters[0]!.deployment).toBe('self-hosted');
    expect(result.plan.clusters[0]!.cloudTenant).toBeUndefined();
    expect(result.plan.nodes.map((n) => n.kind)).toEqual(['proxy']);
  });

  it('places an added Proxy right of existing content, with a free id, in the chosen cluster', () => {
    const plan = examplePlan();
    plan.clusters.push({ ...plan.clusters[0]!, id: 'proxy', name: 'leaf.example.com' });
    const result = ok(previewPingImport(plan, EXAMPLE_B, { clusterId: 'proxy' }));
    const added = result.plan.nodes.at(-1)!;
    expect(added).toMatchObject({ id: 'proxy-3', kind: 'proxy', cluster: 'proxy' });
    const right = Math.max(...plan.zones.map((z) => z.position.x + z.size.width), ...plan.nodes.map((n) => n.position.x + 180));
    expect(added.position.x).toBeGreaterThan(right);
  });

  it.each([
    ['', /The input is empty/],
    ['{"proxy": ', /not valid JSON/],
    ['<html><body>Teleport</body></html>', /HTML, not JSON/],
    ['[1, 2]', /not a \/webapi\/ping response: expected a JSON object/],
    ['{"cluster_name": "x"}', /there is no "proxy" section/],
    ['{"error": {"message": "access denied"}}', /error returned by Teleport.*access denied/],
    ['{"type": "portolan-plan", "version": 1}', /Portolan plan, not a \/webapi\/ping response/],
    ['{"proxy": {"ssh": {"public_addr": 42}}}', /field proxy\.ssh\.public_addr: expected a string/],
    ['{"proxy": {"ssh": {"public_addr": "https://teleport.example.com/"}}}', /field proxy\.ssh\.public_addr: expected host:port/],
    ['{"proxy": {"tls_routing_enabled": "yes"}}', /field proxy\.tls_routing_enabled: expected true or false/],
    ['{"proxy": "teleport.example.com"}', /field proxy: expected an object/],
    ['{"proxy": {"kube": {"enabled": 1}, "ssh": 3}}', /field proxy\.kube\.enabled: expected true or false \(and 1 more problem\)/],
  ])('refuses %j with a clear message', (text, message) => {
    const result = previewPingImport(examplePlan(), text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses an unknown Proxy or cluster', () => {
    expect(previewPingImport(examplePlan(), EXAMPLE_B, { proxyId: 'nope' })).toEqual({ ok: false, message: 'There is no node "nope" in the plan to apply the Proxy settings to.' });
    expect(previewPingImport(examplePlan(), EXAMPLE_B, { proxyId: 'auth' })).toEqual({ ok: false, message: 'Node "auth" is an auth node, not a Proxy.' });
    expect(previewPingImport(examplePlan(), EXAMPLE_B, { clusterId: 'leaf' })).toEqual({ ok: false, message: 'There is no cluster "leaf" in the plan.' });
  });
});
