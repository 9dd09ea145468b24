import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema, parsePlan } from '../schema/index.ts';
import type { Plan, PlanNode } from '../schema/index.ts';
import { derive } from '../engine/index.ts';
import { previewYamlImport } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/yaml/${name}`, import.meta.url), 'utf8');

function blankPlan(): Plan {
  return PlanSchema.parse({ type: 'portolan-plan', version: 1, name: 'Blank', clusters: [{ id: 'main', name: 'main' }] });
}

function ok(result: ReturnType<typeof previewYamlImport>) {
  if (!result.ok) throw new Error(result.message);
  expect(parsePlan(JSON.parse(JSON.stringify(result.plan))).ok).toBe(true);
  return result;
}

const byId = (plan: Plan, id: string): PlanNode => {
  const node = plan.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

const rect = (n: PlanNode) => ({ x: n.position.x, y: n.position.y, width: 180, height: 70 });
const overlaps = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('previewYamlImport', () => {
  it('a `teleport configure` v3 auth+proxy config with ACME gives Auth, Proxy and the SSH Service', () => {
    const plan = blankPlan();
    const before = JSON.stringify(plan);
    const result = ok(previewYamlImport(plan, fixture('v3-auth-proxy-acme.yaml')));
    expect(result.added).toEqual(['proxy', 'auth', 'ssh-agent']);
    expect(result.plan.clusters[0]).toMatchObject({ name: 'teleport.example.com', configVersion: 'v3', proxyListenerMode: 'multiplex', tunnelStrategy: 'agent_mesh' });
    expect(byId(result.plan, 'proxy')).toMatchObject({
      kind: 'proxy',
      name: 'Proxy (teleport-1)',
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:443',
      acme: true,
      proxyProtocol: 'unspecified',
    });
    expect(byId(result.plan, 'auth')).toMatchObject({ kind: 'auth', listenAddr: '0.0.0.0:3025', publicAddr: [] });
    expect(byId(result.plan, 'ssh-agent')).toMatchObject({ kind: 'agent', services: ['ssh'], joinVia: 'auth' });
    expect(result.plan.links).toEqual([
      { id: 'proxy-auth', source: 'proxy', target: 'auth' },
      { id: 'ssh-agent-auth', source: 'ssh-agent', target: 'auth' },
    ]);
    expect(result.changes).toContainEqual({ path: 'clusters[main].name', before: 'main', after: 'teleport.example.com', description: 'auth_service.cluster_name' });
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('a v3 agent with proxy_server and ssh+db+app becomes one agent linked to the load balancer it dials, with its database and app', () => {
    const plan = examplePlan();
    const before = JSON.stringify(plan);
    const result = ok(previewYamlImport(plan, fixture('v3-agent-ssh-db-app.yaml')));
    expect(result.added).toEqual(['agent', 'orders', 'grafana']);
    const agent = byId(result.plan, 'agent');
    expect(agent).toMatchObject({ kind: 'agent', name: 'app-host-1', services: ['ssh', 'database', 'app'], joinVia: 'proxy', appHostFilters: true });
    expect(agent).toMatchObject({ joinAddr: 'teleport.example.com:443' });
    expect(byId(result.plan, 'orders')).toEqual({ id: 'orders', kind: 'database', name: 'orders', engine: 'postgres', port: 5432, addresses: ['orders-db.internal.example.com'], position: expect.any(Object) });
    expect(byId(result.plan, 'grafana')).toEqual({ id: 'grafana', kind: 'app', name: 'grafana', uri: 'http://grafana.internal.example.com:3000', addresses: ['grafana.internal.example.com'], position: expect.any(Object) });
    expect(result.plan.links.slice(-3)).toEqual([
      { id: 'agent-lb', source: 'agent', target: 'lb' },
      { id: 'agent-orders', source: 'agent', target: 'orders' },
      { id: 'agent-grafana', source: 'agent', target: 'grafana' },
    ]);
    expect(result.changes).toContainEqual({ path: 'nodes[orders]', before: '(not set)', after: 'Database "orders" (postgres, orders-db.internal.example.com:5432)', description: 'declared in db_service.databases' });
    expect(result.changes).toContainEqual({ path: 'nodes[grafana]', before: '(not set)', after: 'App "grafana" (http://grafana.internal.example.com:3000)', description: 'declared in app_service.apps' });
    // The example plan already draws this database: both are kept, and the user is told.
    expect(result.warnings).toEqual(['orders: the plan already has Orders DB (postgres) at orders-db.internal.example.com; if it is the same database, keep one of the two and link it to agent.']);
    // Disabled auth_service / proxy_service add nothing and leave the cluster settings alone.
    expect(result.plan.clusters).toEqual(plan.clusters);
    // Placed right of everything (the resources right of the agent), overlapping nothing.
    const fresh = result.added.map((id) => byId(result.plan, id));
    for (const node of fresh) {
      for (const other of [...plan.nodes, ...fresh.filter((n) => n !== node)]) expect(overlaps(rect(node), rect(other))).toBe(false);
    }
    const rightmost = Math.max(...plan.zones.map((z) => z.position.x + z.size.width), ...plan.nodes.map((n) => n.position.x + 180));
    expect(agent.position.x).toBeGreaterThan(rightmost);
    expect(byId(result.plan, 'orders').position.x).toBeGreaterThan(agent.position.x + 180);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('derives the agent\'s rules to the database and the app it declares', () => {
    const result = ok(previewYamlImport(examplePlan(), fixture('v3-agent-ssh-db-app.yaml')));
    const rules = derive(result.plan).rules.filter((r) => r.source === 'agent');
    expect(rules.map((r) => [r.destination, r.destinationAddress, r.port, r.protocol])).toEqual(expect.arrayContaining([
      ['orders', 'orders-db.internal.example.com', 5432, 'tcp'],
      ['grafana', 'grafana.internal.example.com', 3000, 'tcp'],
    ]));
  });

  it.each([
    ['a nodename', 'teleport:\n  nodename: app-host-1\n  auth_server: 10.0.2.10:3025\nssh_service: {}\ndb_service: {}\n', 'app-host-1'],
    ['no nodename, one service', 'teleport:\n  auth_server: 10.0.2.10:3025\nssh_service: {}\n', 'SSH agent'],
    ['no nodename, several services', 'teleport:\n  auth_server: 10.0.2.10:3025\nssh_service: {}\ndb_service: {}\n', 'Agent (SSH, Database)'],
  ])('names the agent after %s', (_case, yaml, name) => {
    const result = ok(previewYamlImport(examplePlan(), `version: v3\n${yaml}`));
    expect(result.plan.nodes.find((n) => n.kind === 'agent' && result.added.includes(n.id))?.name).toBe(name);
  });

  it("keeps a port-less proxy_server as written, so the plan shows the 3080 Teleport dials (L-C5)", () => {
    const yaml = 'version: v3\nteleport:\n  proxy_server: teleport.example.com\nssh_service:\n  enabled: true\n';
    const result = ok(previewYamlImport(examplePlan(), yaml));
    const agent = byId(result.plan, result.added[0]!);
    expect(agent).toMatchObject({ kind: 'agent', joinVia: 'proxy', joinAddr: 'teleport.example.com' });
    const c5 = derive(result.plan).findings.filter((f) => f.code === 'L-C5');
    expect(c5.map((f) => f.message)).toEqual([`${agent.name} sets proxy_server: teleport.example.com without a port, so Teleport dials teleport.example.com:3080, but Proxy LB opens port 443 for joining.`]);
  });

  it('a v1 config without version joins through the Proxy its auth_servers points at', () => {
    const result = ok(previewYamlImport(examplePlan(), fixture('v1-no-version.yaml')));
    expect(result.changes[0]).toEqual({
      path: 'clusters[main].configVersion',
      before: 'v3',
      after: 'v1',
      description: 'the file has no version: key, which Teleport reads as config v1',
    });
    expect(byId(result.plan, result.added[0]!)).toMatchObject({ kind: 'agent', services: ['ssh'], joinVia: 'proxy', sshListenAddr: '0.0.0.0:3022', joinAddr: 'teleport.example.com:3080' });
  });

  it("keeps a v3 auth_server as the agent's join address", () => {
    const direct = ok(previewYamlImport(examplePlan(), 'version: v3\nteleport:\n  auth_server: 10.0.2.10:3025\nssh_service:\n  enabled: true\n'));
    expect(byId(direct.plan, direct.added[0]!)).toMatchObject({ joinVia: 'auth', joinAddr: '10.0.2.10:3025' });
  });

  it('reads every agent service and its listeners', () => {
    const yaml = [
      'version: v3',
      'teleport:',
      '  auth_server: auth.example.internal:3025',
      'kubernetes_service:',
      '  enabled: true',
      '  listen_addr: 0.0.0.0:3026',
      'windows_desktop_service:',
      '  enabled: yes',
      '  listen_addr: 0.0.0.0:3028',
      '  ldap:',
      '    addr: dc1.corp.example.com:636',
      'discovery_service:',
      '  enabled: "yes"',
      'app_service:',
      '  enabled: "no"',
    ].join('\n');
    const result = ok(previewYamlImport(blankPlan(), yaml));
    expect(byId(result.plan, 'agent')).toMatchObject({
      services: ['kubernetes', 'desktop', 'discovery'],
      joinVia: 'auth',
      kubeListenAddr: '0.0.0.0:3026',
      desktopListenAddr: '0.0.0.0:3028',
      desktopUsesAd: true,
    });
    expect(result.warnings).toEqual(['Nothing in the plan has the address auth.example.internal: link agent to the Auth Service or its load balancer it dials (auth.example.internal:3025).']);
  });

  it('a legacy proxy config: separate listeners, Teleport defaults for Auth settings, PROXY protocol', () => {
    const yaml = `
version: v2
teleport:
  auth_servers: [ 10.0.2.10:3025 ]
auth_service:
  enabled: "yes"
  proxy_protocol: off
  tunnel_strategy:
    type: proxy_peering
    agent_connection_count: 2
proxy_service:
  enabled: "yes"
  listen_addr: 0.0.0.0:3023
  tunnel_listen_addr: 0.0.0.0:3024
  tunnel_public_addr: teleport.example.com:3024
  public_addr: [teleport.example.com:443, teleport.internal:443]
  kubernetes:
    enabled: yes
    listen_addr: 0.0.0.0:3026
  peer_listen_addr: 0.0.0.0:3021
  peer_public_addr: 10.0.1.11:3021
  proxy_protocol: on
  trust_x_forwarded_for: true
`;
    const result = ok(previewYamlImport(blankPlan(), yaml));
    expect(result.plan.clusters[0]).toMatchObject({ configVersion: 'v2', proxyListenerMode: 'separate', tunnelStrategy: 'proxy_peering', agentConnectionCount: 2 });
    expect(result.changes).toContainEqual(expect.objectContaining({ path: 'clusters[main].proxyListenerMode', after: 'separate', description: expect.stringMatching(/default is separate/) }));
    expect(byId(result.plan, 'auth')).toMatchObject({ proxyProtocol: 'off' });
    expect(byId(result.plan, 'proxy')).toMatchObject({
      webListenAddr: '0.0.0.0:3080',
      publicAddr: ['teleport.example.com:443', 'teleport.internal:443'],
      sshListenAddr: '0.0.0.0:3023',
      tunnelListenAddr: '0.0.0.0:3024',
      tunnelPublicAddr: ['teleport.example.com:3024'],
      kubeListenAddr: '0.0.0.0:3026',
      peerListenAddr: '0.0.0.0:3021',
      peerPublicAddr: '10.0.1.11:3021',
      proxyProtocol: 'on',
      trustXForwardedFor: true,
      acme: false,
    });
  });

  it('warns about join settings Teleport refuses', () => {
    const yaml = 'version: v3\nteleport:\n  auth_servers: [teleport.example.com:3080]\n  proxy_server: teleport.example.com:3025\nssh_service: {}\n';
    const result = ok(previewYamlImport(examplePlan(), yaml));
    expect(result.warnings).toEqual([
      'teleport.auth_servers is not allowed in config v3: use auth_server or proxy_server.',
      'teleport.proxy_server teleport.example.com:3025 uses the Auth port 3025: probably auth_server was meant.',
      "teleport.proxy_server is set, and the file has no proxy_service section, which Teleport turns on by default: it refuses proxy_server beside a running Proxy Service. Add proxy_service: enabled: no (and auth_service: enabled: no) to an agent's file.",
    ]);
    // With the Proxy Service turned off, as `teleport node configure` writes it, the file is accepted.
    const off = ok(previewYamlImport(examplePlan(), 'version: v3\nteleport:\n  proxy_server: teleport.example.com:443\nauth_service:\n  enabled: no\nproxy_service:\n  enabled: no\nssh_service: {}\n'));
    expect(off.warnings.filter((w) => w.includes('refuses'))).toEqual([]);
  });

  it('warns about Proxy settings Teleport refuses at startup (L-C3, L-C9), and keeps kube_listen_addr', () => {
    const yaml = [
      'version: v3',
      'teleport:',
      '  proxy_server: teleport.example.com:443',
      'proxy_service:',
      '  enabled: yes',
      '  kube_listen_addr: 0.0.0.0:3026',
      '  kubernetes:',
      '    enabled: yes',
      '    listen_addr: 0.0.0.0:3027',
      '',
    ].join('\n');
    const result = ok(previewYamlImport(examplePlan(), yaml));
    expect(result.warnings).toEqual([
      'teleport.proxy_server is set while proxy_service is enabled: Teleport refuses to start. A Proxy reaches Auth through auth_server.',
      'proxy_service sets both kubernetes.enabled (the legacy form) and kube_listen_addr or kube_public_addr: Teleport refuses to start. Keep kube_listen_addr and kube_public_addr, which this import uses, and remove the kubernetes block.',
    ]);
    expect(result.plan.nodes.find((n) => n.kind === 'proxy' && n.name === 'Proxy')).toMatchObject({ kubeListenAddr: '0.0.0.0:3026' });
    // Beside kube_public_addr alone, the legacy listen address is not taken either: Teleport reads one form only.
    const publicOnly = ok(previewYamlImport(examplePlan(), yaml.replace('  kube_listen_addr: 0.0.0.0:3026', '  kube_public_addr: kube.example.com:3026')));
    expect(publicOnly.plan.nodes.find((n) => n.kind === 'proxy' && n.name === 'Proxy')).toMatchObject({ kubePublicAddr: ['kube.example.com:3026'] });
    expect(publicOnly.plan.nodes.find((n) => n.kind === 'proxy' && n.name === 'Proxy')).not.toHaveProperty('kubeListenAddr');
    // A legacy block without enabled: yes is ignored, as Teleport ignores it.
    const unflagged = ok(previewYamlImport(examplePlan(), 'version: v3\nproxy_service:\n  enabled: yes\n  kubernetes:\n    listen_addr: 0.0.0.0:3027\n'));
    expect(unflagged.plan.nodes.find((n) => n.kind === 'proxy' && n.name === 'Proxy')).not.toHaveProperty('kubeListenAddr');
    // A legacy block turned off beside kube_listen_addr is accepted.
    const off = ok(previewYamlImport(examplePlan(), yaml.replace('    enabled: yes', '    enabled: no').replace('  proxy_server: teleport.example.com:443\n', '  auth_server: auth.example.com:3025\n')));
    expect(off.warnings.filter((w) => w.includes('refuses to start'))).toEqual([]);
  });

  it('warns about cluster settings a file carries where Teleport does not read them (L-T2), and keeps the plan\'s', () => {
    const yaml = [
      'version: v3',
      'teleport:',
      '  auth_server: 10.0.2.10:3025',
      'auth_service:',
      '  enabled: no',
      '  proxy_listener_mode: separate',
      '  tunnel_strategy:',
      '    type: proxy_peering',
      'proxy_service:',
      '  enabled: yes',
      '  proxy_listener_mode: separate',
      '',
    ].join('\n');
    const plan = examplePlan();
    const result = ok(previewYamlImport(plan, yaml));
    expect(result.warnings).toEqual([
      'auth_service.proxy_listener_mode and auth_service.tunnel_strategy are set, but this file does not run the Auth Service: they are settings of the Auth Service (or of cluster_networking_config, set with tctl), so they change nothing here. The plan keeps its cluster settings.',
      'proxy_service sets proxy_listener_mode, which is not a Proxy Service setting: Teleport reads teleport.yaml strictly and refuses to start ("failed parsing the config file"). Move it to auth_service (or set cluster_networking_config with tctl). The plan keeps its cluster settings.',
    ]);
    expect(result.plan.clusters[0]).toMatchObject({ proxyListenerMode: plan.clusters[0]?.proxyListenerMode, tunnelStrategy: plan.clusters[0]?.tunnelStrategy });
    // In a file that runs Auth, they are read: no warning. One key alone is worded for one.
    const auth = ok(previewYamlImport(examplePlan(), 'version: v3\nauth_service:\n  enabled: yes\n  proxy_listener_mode: separate\nproxy_service:\n  enabled: no\n'));
    expect(auth.warnings).toEqual([]);
    expect(auth.plan.clusters[0]?.proxyListenerMode).toBe('separate');
    const one = ok(previewYamlImport(examplePlan(), yaml.replace('  tunnel_strategy:\n    type: proxy_peering\n', '').replace('proxy_service:\n  enabled: yes\n  proxy_listener_mode: separate\n', 'proxy_service:\n  enabled: yes\n')));
    expect(one.warnings).toEqual(['auth_service.proxy_listener_mode is set, but this file does not run the Auth Service: it is a setting of the Auth Service (or of cluster_networking_config, set with tctl), so it changes nothing here. The plan keeps its cluster settings.']);
    // With Auth on, the misplaced keys are still refused, and the plan takes the file's Auth settings.
    const both = ok(previewYamlImport(examplePlan(), 'version: v3\nauth_service:\n  enabled: yes\nproxy_service:\n  enabled: yes\n  proxy_listener_mode: multiplex\n  tunnel_strategy:\n'));
    expect(both.warnings).toEqual(['proxy_service sets proxy_listener_mode and tunnel_strategy, which are not Proxy Service settings: Teleport reads teleport.yaml strictly and refuses to start ("failed parsing the config file"). Move them to auth_service (or set cluster_networking_config with tctl).']);
  });

  it.each([
    ['invalid-indent.yaml', /^The YAML is not valid: .*at line 7, column 1\.$/],
    ['not-teleport.yaml', /^This is not a teleport\.yaml: expected at least one of auth_service, proxy_service, ssh_service, kubernetes_service, db_service, app_service, windows_desktop_service, discovery_service\.$/],
  ])('refuses %s', (name, message) => {
    const result = previewYamlImport(examplePlan(), fixture(name));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ['', /The input is empty/],
    ['key: "unterminated\n', /The YAML is not valid: Missing closing "quote at line \d+/],
    ['a: 1\na: 2\n', /The YAML is not valid: Map keys must be unique at line 2/],
    ['- ssh_service\n- proxy_service\n', /expected a YAML mapping/],
    ['just a sentence', /expected a YAML mapping/],
    ['{"proxy": {"tls_routing_enabled": true}, "cluster_name": "x"}', /looks like a \/webapi\/ping response/],
    ['version: v2\nonboarding:\n  join_method: token\noutputs: []\n', /looks like a tbot/],
    ['apiVersion: v1\nkind: ConfigMap\ndata: {}\n', /Kubernetes manifest \(kind: ConfigMap\)/],
    ['version: v4\nssh_service: {}\n', /field version: expected v1, v2 or v3 \(line 1\)/],
    ['version: v3\nproxy_service:\n  enabled: yes\n  public_addr: "https://teleport.example.com"\n', /field proxy_service\.public_addr: expected host:port, e\.g\. teleport\.example\.com:443 or 0\.0\.0\.0:3080 \(line 4\)/],
    ['version: v3\nssh_service:\n  enabled: maybe\n', /field ssh_service\.enabled: expected yes or no \(line 3\)/],
    ['ssh_service:\n  enabled: no\nauth_service:\n  enabled: false\n', /enables no service/],
    ['version: v3\ndb_service:\n  enabled: yes\n  databases: orders\n', /field db_service\.databases: expected a list \(line 4\)/],
  ])('refuses %j with a clear message', (text, message) => {
    const result = previewYamlImport(examplePlan(), text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('adds nodes to the chosen cluster', () => {
    const plan = examplePlan();
    plan.clusters.push({ ...plan.clusters[0]!, id: 'leaf', name: 'leaf.example.com' });
    const result = ok(previewYamlImport(plan, fixture('v1-no-version.yaml'), { clusterId: 'leaf' }));
    expect(byId(result.plan, result.added[0]!)).toMatchObject({ cluster: 'leaf' });
    expect(result.plan.clusters[1]!.configVersion).toBe('v1');
    expect(result.plan.clusters[0]!.configVersion).toBe('v3');
    expect(previewYamlImport(plan, fixture('v1-no-version.yaml'), { clusterId: 'nope' })).toEqual({ ok: false, message: 'There is no cluster "nope" in the plan.' });
  });
});

describe('previewYamlImport: resources the agent declares', () => {
  /** An agent joined through the example plan's load balancer, with `sections` after the header. */
  const agentYaml = (...sections: string[]) => ['version: v3', 'teleport:', '  proxy_server: teleport.example.com:443', 'auth_service:', '  enabled: no', 'proxy_service:', '  enabled: no', ...sections, ''].join('\n');
  const databases = (...entry: string[]) => agentYaml('db_service:', '  enabled: yes', '  databases:', ...entry.map((l) => `    ${l}`));
  const resourcesOf = (result: ReturnType<typeof ok>) => result.added.slice(1).map((id) => byId(result.plan, id));

  it('adds every kind it can map from one file, links each to the agent, and names what it skips', () => {
    const result = ok(previewYamlImport(examplePlan(), fixture('v3-agent-declared-resources.yaml')));
    expect(result.added).toEqual(['agent', 'billing', 'catalog', 'cache', 'analytics', 'wiki', 'pg-pool', 'aws-console', 'dc1', 'win-build', '10-0-30-12', '10-0-30-13']);
    const shape = (n: PlanNode) => {
      const { position: _position, id: _id, ...rest } = n;
      return rest;
    };
    expect(resourcesOf(result).map(shape)).toEqual([
      { kind: 'database', name: 'billing', engine: 'mysql', port: 3306, addresses: ['billing.db.example.internal'] },
      { kind: 'database', name: 'catalog', engine: 'mongodb', port: 27017, addresses: ['mongo-1.example.internal', 'mongo-2.example.internal'] },
      { kind: 'database', name: 'cache', engine: 'redis', port: 6380, addresses: ['cache.example.internal'] },
      { kind: 'database', name: 'analytics', engine: 'clickhouse', port: 9440, addresses: ['ch.example.internal'] },
      { kind: 'app', name: 'wiki', uri: 'https://wiki.example.internal', addresses: ['wiki.example.internal'] },
      { kind: 'app', name: 'pg-pool', uri: 'tcp://pgpool.example.internal', tcpPorts: [{ port: 5432 }, { port: 6432, endPort: 6440 }], addresses: ['pgpool.example.internal'] },
      { kind: 'cloud-api', name: 'aws-console', provider: 'aws', port: 443, addresses: ['console.aws.amazon.com'] },
      { kind: 'domain-controller', name: 'dc1.corp.example.com', ldapPort: 636, kdcPort: 88, addresses: ['dc1.corp.example.com'] },
      { kind: 'windows-host', name: 'win-build', rdpPort: 3389, addresses: ['win-build.corp.example.com'] },
      { kind: 'windows-host', name: '10.0.30.12', rdpPort: 3390, addresses: ['10.0.30.12'] },
      { kind: 'windows-host', name: '10.0.30.13', rdpPort: 3389, addresses: ['10.0.30.13'] },
    ]);
    expect(result.plan.links.filter((l) => l.source === 'agent').map((l) => l.target)).toEqual(['lb', ...result.added.slice(1)]);
    expect(result.warnings).toEqual([
      'db_service.databases[1] "catalog" (line 19): the uri lists 2 hosts; the node keeps them all as addresses, and its rules name the first (mongo-1.example.internal). Add a node per member if each needs its own rule.',
      'db_service.databases[4] "sessions" (line 28): its endpoint follows from aws.region eu-west-1, so there is no host to draw; not added. Add the database by hand if the agent\'s rules to it matter.',
      'app_service.apps[3] "everything" (line 47): uri mcp+stdio:// is not an http(s):// or tcp:// address, which the plan\'s app node needs; not added.',
    ]);
    // Eleven resources: ten in the first column right of the agent, the eleventh starts a second.
    const fresh = result.added.map((id) => byId(result.plan, id));
    for (const node of fresh) for (const other of [...examplePlan().nodes, ...fresh.filter((n) => n !== node)]) expect(overlaps(rect(node), rect(other))).toBe(false);

    const rules = derive(result.plan).rules.filter((r) => r.source === 'agent' && r.destination !== 'lb');
    expect(rules.map((r) => `${r.destination} ${r.port}${r.portEnd === undefined ? '' : `-${r.portEnd}`}`).sort()).toEqual([
      '10-0-30-12 3390', '10-0-30-13 3389', 'analytics 9440', 'aws-console 443', 'billing 3306', 'cache 6380', 'catalog 27017',
      'dc1 636', 'dc1 88', 'pg-pool 5432', 'pg-pool 6432-6440', 'wiki 443', 'win-build 3389',
    ]);
  });

  it.each([
    ['host:port', 'postgres', 'pg.example.internal:5433', { engine: 'postgres', port: 5433, addresses: ['pg.example.internal'] }],
    ['an IPv6 host:port', 'mysql', '[fd00::5]:3306', { engine: 'mysql', port: 3306, addresses: ['fd00::5'] }],
    ['a postgres URL with user and database', 'cockroachdb', 'postgres://app@crdb.example.internal:26257/orders?sslmode=verify-full', { engine: 'cockroachdb', port: 26257, addresses: ['crdb.example.internal'] }],
    ['a MongoDB host:port', 'mongodb', 'mongo.example.internal:27018', { engine: 'mongodb', port: 27018, addresses: ['mongo.example.internal'] }],
    ['a Redis host without port (Teleport dials 6379)', 'redis', 'redis.example.internal', { engine: 'redis', addresses: ['redis.example.internal'] }],
    ['a redis:// URL', 'redis', 'redis://redis.example.internal:6379', { engine: 'redis', port: 6379, addresses: ['redis.example.internal'] }],
    ['a ClickHouse HTTP URL', 'clickhouse-http', 'https://ch.example.internal:8443', { engine: 'clickhouse-http', port: 8443, addresses: ['ch.example.internal'] }],
    ['a sqlserver:// URL', 'sqlserver', 'sqlserver://sql01.corp.example.com:1433', { engine: 'sqlserver', port: 1433, addresses: ['sql01.corp.example.com'] }],
    ['a Snowflake account host', 'snowflake', 'abc12345.snowflakecomputing.com', { engine: 'snowflake', addresses: ['abc12345.snowflakecomputing.com'] }],
    ['an Oracle TCPS host:port', 'oracle', 'oracle.example.internal:2484', { engine: 'oracle', port: 2484, addresses: ['oracle.example.internal'] }],
  ])('reads a database uri given as %s', (_form, protocol, uri, expected) => {
    const result = ok(previewYamlImport(examplePlan(), databases('- name: db1', `  protocol: ${protocol}`, `  uri: "${uri}"`)));
    const [db] = resourcesOf(result);
    expect(db).toEqual({ id: 'db1', kind: 'database', name: 'db1', position: expect.any(Object), ...expected });
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['an unknown protocol, with the likely spelling', ['- name: db1', '  protocol: postgresql', '  uri: pg.example.internal:5432'], 'db_service.databases[0] "db1" (line 11): protocol "postgresql" is not a database protocol the plan knows (did you mean postgres?); not added.'],
    [
      'an unknown protocol, with the list',
      ['- name: db1', '  protocol: couchdb', '  uri: couch.example.internal:5984'],
      'db_service.databases[0] "db1" (line 11): protocol "couchdb" is not a database protocol the plan knows (postgres, mysql, mongodb, oracle, cockroachdb, redis, snowflake, sqlserver, cassandra, elasticsearch, opensearch, dynamodb, clickhouse, clickhouse-http, spanner); not added.',
    ],
    ['a missing protocol', ['- name: db1', '  uri: pg.example.internal:5432'], 'db_service.databases[0] "db1" (line 11): protocol is missing; not added.'],
    ['an entry that is not a mapping', ['- pg.example.internal:5432'], 'db_service.databases[0] (line 11): expected a database (a mapping with name, protocol and uri); not added.'],
    ['a uri without a host', ['- name: db1', '  protocol: postgres', '  uri: "postgres:///orders"'], 'db_service.databases[0] "db1" (line 11): uri postgres:///orders has no host:port the plan can read; not added.'],
    ['a port out of range', ['- name: db1', '  protocol: postgres', '  uri: pg.example.internal:99999'], 'db_service.databases[0] "db1" (line 11): uri pg.example.internal:99999 has no host:port the plan can read; not added.'],
    ['Keyspaces without uri', ['- name: ks', '  protocol: cassandra', '  aws:', '    region: us-east-1', '    account_id: "123456789012"'], 'db_service.databases[0] "ks" (line 11): its endpoint follows from aws.region us-east-1, so there is no host to draw; not added. Add the database by hand if the agent\'s rules to it matter.'],
    ['a name the plan refuses', ['- name: ""', '  protocol: postgres', '  uri: pg.example.internal:5432'], 'db_service.databases[0] (line 11): name: must not be empty; not added.'],
  ])('skips %s with a warning, and imports the rest', (_case, entry, warning) => {
    const result = ok(previewYamlImport(examplePlan(), databases(...entry, '- name: ok', '  protocol: mysql', '  uri: mysql.example.internal:3306')));
    expect(result.warnings).toEqual([warning]);
    expect(result.added.slice(1)).toEqual(['ok']);
  });

  it.each([
    ['an app uri', ['- name: mcp', '  uri: mcp+http://mcp.example.internal:8080/mcp'], 'app_service.apps[0] "mcp" (line 11): uri mcp+http://mcp.example.internal:8080/mcp is not an http(s):// or tcp:// address, which the plan\'s app node needs; not added.'],
    ['an app without uri', ['- name: app1'], 'app_service.apps[0] "app1" (line 11): uri is missing; not added.'],
    ['a bad tcp port', ['- name: app1', '  uri: tcp://db.example.internal', '  tcp_ports:', '  - port: many'], 'app_service.apps[0] "app1" (line 14): tcp_ports[0].port: expected a port number; not added.'],
    ['an unknown cloud', ['- name: app1', '  uri: cloud://Oracle', '  cloud: OCI'], 'app_service.apps[0] "app1" (line 11): cloud "OCI" is not AWS, Azure or GCP; not added.'],
  ])('skips %s it cannot map', (_case, entry, warning) => {
    const result = ok(previewYamlImport(examplePlan(), agentYaml('app_service:', '  enabled: yes', '  apps:', ...entry.map((l) => `    ${l}`))));
    expect(result.warnings).toEqual([warning]);
    expect(result.added).toHaveLength(1);
  });

  it('takes no resources from a disabled section, as Teleport runs none of them', () => {
    const yaml = agentYaml('ssh_service:', '  enabled: yes', 'db_service:', '  enabled: no', '  databases:', '  - name: db1', '    protocol: postgres', '    uri: pg.example.internal:5432');
    const result = ok(previewYamlImport(examplePlan(), yaml));
    expect(result.added).toEqual(['ssh-agent-2']);
    expect(result.warnings).toEqual([]);
  });

  it('keeps a KDC on another host out of the domain controller, and says so', () => {
    const yaml = agentYaml('windows_desktop_service:', '  enabled: yes', '  ldap:', '    addr: dc1.corp.example.com', '  kdc_address: kdc.corp.example.com:88');
    const result = ok(previewYamlImport(examplePlan(), yaml));
    expect(resourcesOf(result)).toEqual([expect.objectContaining({ id: 'dc1', kind: 'domain-controller', ldapPort: 636, kdcPort: 88, addresses: ['dc1.corp.example.com'] })]);
    expect(result.plan.links.at(-1)).toEqual({ id: 'desktop-agent-dc1', source: 'desktop-agent', target: 'dc1' });
    expect(result.warnings).toEqual([
      'windows_desktop_service.kdc_address (line 12): the Kerberos KDC kdc.corp.example.com:88 is not on the LDAP host dc1.corp.example.com, and the plan\'s domain controller has both on one host; add a domain controller for it and link it to the agent.',
    ]);
  });

  it.each([
    [50, 50, []],
    [57, 50, ['The file declares 57 resources: the import adds the first 50, not the other 7 (from db_service.databases[50] "db-51" (line 161) on). Add them by hand where their rules matter.']],
  ])('adds at most 50 resources: %i declared, %i added', (declared, added, warnings) => {
    const entries = Array.from({ length: declared }, (_, i) => [`- name: db-${i + 1}`, '  protocol: postgres', `  uri: db-${i + 1}.example.internal:5432`]).flat();
    const result = ok(previewYamlImport(examplePlan(), databases(...entries)));
    expect(result.added).toHaveLength(1 + added);
    expect(result.added.at(-1)).toBe(`db-${added}`);
    expect(result.plan.links.filter((l) => l.source === result.added[0])).toHaveLength(1 + added);
    expect(result.warnings).toEqual(warnings);
    // Columns of ten, right of the agent, overlapping nothing.
    const fresh = result.added.map((id) => byId(result.plan, id));
    expect(new Set(fresh.slice(1).map((n) => n.position.x)).size).toBe(5);
    for (const node of fresh) for (const other of fresh) if (node !== other) expect(overlaps(rect(node), rect(other))).toBe(false);
  });
});
