import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isTeleportNode } from '../schema/index.ts';
import { derive } from '../engine/index.ts';
import { allCases, goldenOf, hostileCase, runExport, scenarioCases, templateCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';

const scenario = (prefix: string) => scenarioCases().find((c) => c.name.startsWith(prefix)) as Case;
const config = (c: Case, host: string) => parse(runExport('teleport-config', c, { host })) as Record<string, Record<string, unknown>>;

describe('teleport.yaml fragments', () => {
  it('match the golden files', async () => {
    await expect(goldenOf('teleport-config', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.teleport.yaml');
  });

  it('parse as YAML for every Teleport node of every plan', () => {
    for (const c of [...allCases(), hostileCase()]) {
      for (const node of c.plan.nodes.filter(isTeleportNode)) {
        const docs = parseAllDocuments(runExport('teleport-config', c, { host: node.id }));
        if (!Array.isArray(docs)) throw new Error('not a stream');
        expect(docs).toHaveLength(1);
        expect(docs[0]?.errors).toEqual([]);
        const doc = docs[0]?.toJS() as Record<string, unknown>;
        expect(doc.version).toBe(node.kind === 'tbot' ? 'v2' : (c.plan.clusters.find((k) => k.id === node.cluster) ?? c.plan.clusters[0])?.configVersion);
      }
    }
  });

  it('gives a separate-mode v1 Proxy its SSH (3023) and tunnel (3024) listeners', () => {
    const proxy = config(scenario('2.'), 'proxy');
    expect(proxy.version).toBe('v1');
    expect(proxy.proxy_service).toMatchObject({ enabled: true, web_listen_addr: '0.0.0.0:3080', listen_addr: '0.0.0.0:3023', tunnel_listen_addr: '0.0.0.0:3024', public_addr: ['teleport.example.com:3080'] });
    expect(proxy.teleport).toEqual({ auth_servers: ['10.0.2.10:3025'] });
    expect(config(scenario('2.'), 'auth').auth_service).toMatchObject({ proxy_listener_mode: 'separate', listen_addr: '0.0.0.0:3025', cluster_name: 'teleport.example.com' });
  });

  it('points a v3 agent at the Proxy public address (proxy_server)', () => {
    const agent = config(scenario('1.'), 'ssh-agent');
    expect(agent.version).toBe('v3');
    expect(agent.teleport).toEqual({ proxy_server: 'teleport.example.com:443' });
    expect(agent.ssh_service).toEqual({ enabled: true });
    expect(config(scenario('1.'), 'proxy').proxy_service).toMatchObject({ web_listen_addr: '0.0.0.0:443', public_addr: ['teleport.example.com:443'] });
    expect(config(scenario('1.'), 'proxy').proxy_service).not.toHaveProperty('listen_addr');
  });

  it("writes an agent's join address as the plan gives it, port-less or not, under the key of its config version", () => {
    const withJoin = (c: Case, joinAddr: string) => {
      const plan = { ...c.plan, nodes: c.plan.nodes.map((n) => (n.id === 'ssh-agent' && n.kind === 'agent' ? { ...n, joinAddr } : n)) };
      return config({ ...c, plan, result: derive(plan) }, 'ssh-agent').teleport;
    };
    for (const joinAddr of ['teleport.example.com', 'proxy.internal.example.com:3080']) expect(withJoin(scenario('1.'), joinAddr)).toEqual({ proxy_server: joinAddr });
    expect(withJoin(scenario('3.'), 'auth.internal.example.com')).toEqual({ auth_server: 'auth.internal.example.com' });
    expect(withJoin(scenario('2.'), 'teleport.example.com:3080')).toEqual({ auth_servers: ['teleport.example.com:3080'] });
  });

  it("writes a tbot's join address as the plan gives it, under tbot.yaml's key whatever the cluster's config version", () => {
    const base = scenario('2.');
    const bot = (joinVia: 'proxy' | 'auth', joinAddr: string) => {
      const plan = { ...base.plan, nodes: [...base.plan.nodes, { id: 'bot', name: 'Bot', kind: 'tbot' as const, joinVia, joinAddr, addresses: [], position: { x: 0, y: 0 } }] };
      const doc = config({ ...base, plan, result: derive(plan) }, 'bot');
      return [doc.proxy_server, doc.auth_server];
    };
    expect(bot('proxy', 'teleport.example.com')).toEqual(['teleport.example.com', undefined]);
    expect(bot('auth', 'auth.internal.example.com:3025')).toEqual([undefined, 'auth.internal.example.com:3025']);
  });

  it('joins a direct agent to Auth and opens its SSH listener', () => {
    const agent = config(scenario('3.'), 'ssh-agent');
    expect(agent.teleport).toEqual({ auth_server: '10.0.2.10:3025' });
    expect(agent.ssh_service).toEqual({ enabled: true, listen_addr: '0.0.0.0:3022' });
  });

  it('writes tunnel_strategy and peer listeners for proxy peering, and the tenant for Cloud agents', () => {
    expect(config(scenario('5a.'), 'auth').auth_service?.tunnel_strategy).toEqual({ type: 'proxy_peering' });
    expect(config(scenario('5a.'), 'proxy-1').proxy_service).toMatchObject({ peer_listen_addr: '0.0.0.0:3021' });
    const db = config(scenario('6.'), 'db-agent');
    expect(db.teleport).toEqual({ proxy_server: 'example.teleport.sh:443' });
    expect(db.db_service).toEqual({ enabled: true, databases: [{ name: 'postgres', protocol: 'postgres', uri: 'postgres:5432' }] });
    expect(config(scenario('6.'), 'desktop-agent').windows_desktop_service).toMatchObject({ enabled: true, static_hosts: [{ addr: 'windows:3389' }], ldap: { addr: 'dc:636' } });
  });

  it('says what Portolan cannot know, and quotes on/off', () => {
    const text = runExport('teleport-config', allCases()[0] as Case, { host: 'proxy-1' });
    expect(text).toMatch(/# Not in the plan, so not here: join token/);
    expect(text).toMatch(/proxy_protocol: "off"/);
    expect(runExport('teleport-config', allCases()[0] as Case, { host: 'users' })).toMatch(/does not run Teleport/);
  });
});

describe('monitoring settings in teleport.yaml', () => {
  it('writes teleport.diag_addr and metrics_service for Teleport nodes, diag_addr for tbot', () => {
    const base = scenario('1.');
    const plan = {
      ...base.plan,
      nodes: [
        ...base.plan.nodes.map((n) => (n.kind === 'proxy' ? { ...n, diagAddr: '0.0.0.0:3000', metricsListenAddr: '0.0.0.0:3081' } : n)),
        { id: 'bot', name: 'Bot', kind: 'tbot' as const, joinVia: 'proxy' as const, addresses: [], position: { x: 0, y: 0 }, diagAddr: '127.0.0.1:3001' },
      ],
    };
    const c = { ...base, plan, result: derive(plan) };
    const proxy = config(c, 'proxy');
    expect(proxy.teleport).toMatchObject({ diag_addr: '0.0.0.0:3000' });
    expect(proxy.metrics_service).toEqual({ enabled: true, listen_addr: '0.0.0.0:3081' });
    expect(runExport('teleport-config', c, { host: 'proxy' })).toContain('add keypairs and ca_certs to require mTLS');
    expect(config(c, 'bot')).toMatchObject({ version: 'v2', diag_addr: '127.0.0.1:3001' });
    expect(config(c, 'auth')).not.toHaveProperty('metrics_service');
  });
});

describe('Workload API in tbot.yaml', () => {
  it('names the workload-identity-api service, its listen address and the kubelet port, and says the selector is missing', () => {
    const base = scenario('1.');
    type Api = { listen?: string; kubernetesAttestor: boolean; kubeletSecurePort?: number; kubeletReadOnlyPort?: number; sigstoreAttestor: boolean; sigstorePrivatePrefixes: string[] };
    const bot = (workloadApi: Api) => ({ id: 'bot', name: 'Bot', kind: 'tbot' as const, joinVia: 'proxy' as const, addresses: [], position: { x: 0, y: 0 }, workloadApi });
    const text = (workloadApi: Api) => {
      const plan = { ...base.plan, nodes: [...base.plan.nodes, bot(workloadApi)] };
      return runExport('teleport-config', { ...base, plan, result: derive(plan) }, { host: 'bot' });
    };
    expect(text({ listen: 'unix:///opt/machine-id/workload.sock', kubernetesAttestor: true, kubeletSecurePort: 10250, sigstoreAttestor: false, sigstorePrivatePrefixes: [] })).toContain(
      '# Workload API: add a workload-identity-api service with listen: unix:///opt/machine-id/workload.sock, attestors.kubernetes: enabled: true, kubelet.secure_port: 10250, and its selector (not in the plan).',
    );
    expect(text({ listen: 'tcp://0.0.0.0:4040', kubernetesAttestor: false, kubeletReadOnlyPort: 10255, sigstoreAttestor: false, sigstorePrivatePrefixes: [] })).toContain('with listen: tcp://0.0.0.0:4040, and its selector');
    expect(text({ kubernetesAttestor: false, sigstoreAttestor: true, sigstorePrivatePrefixes: ['10.50.0.0/16'] })).toContain(
      'listen: unix:///opt/machine-id/workload.sock (none in the plan; tbot requires one), attestors.sigstore: enabled: true (allowed_private_network_prefixes: 10.50.0.0/16), and its selector',
    );
    expect(text({ kubernetesAttestor: false, sigstoreAttestor: false, sigstorePrivatePrefixes: [] })).not.toContain('Workload API');
  });
});

describe('Relay Service in teleport.yaml', () => {
  it('writes relay_service for a relay (joining through the Proxy) and relay_server for an SSH agent', () => {
    const base = scenario('1.');
    const relay = { id: 'relay', name: 'Relay', kind: 'relay' as const, addresses: ['10.0.10.41'], position: { x: 0, y: 0 }, relayGroup: 'edge', targetConnectionCount: 2, publicHostnames: ['relay.example.com'], transportListenAddr: '0.0.0.0:3040', transportProxyProtocol: false, peerListenAddr: '0.0.0.0:3041', tunnelListenAddr: '0.0.0.0:3042', tunnelProxyProtocol: true };
    const plan = {
      ...base.plan,
      nodes: [...base.plan.nodes.map((n) => (n.kind === 'agent' ? { ...n, relayServer: 'relay.example.com:3042' } : n)), relay],
      links: [...base.plan.links, { id: 'relay-proxy', source: 'relay', target: 'proxy' }],
    };
    const c = { ...base, plan, result: derive(plan) };
    const doc = config(c, 'relay');
    expect(doc.teleport).toEqual({ proxy_server: 'teleport.example.com:443' });
    expect(doc.relay_service).toEqual({
      enabled: true, relay_group: 'edge', target_connection_count: 2, public_hostnames: ['relay.example.com'],
      transport_listen_addr: '0.0.0.0:3040', peer_listen_addr: '0.0.0.0:3041', tunnel_listen_addr: '0.0.0.0:3042', tunnel_proxy_protocol: true,
    });
    expect(doc.proxy_service).toEqual({ enabled: false });
    expect(config(c, 'ssh-agent').teleport).toMatchObject({ relay_server: 'relay.example.com:3042' });
  });
});

describe('multi-port apps in teleport.yaml', () => {
  it('lists the app once, with its tcp_ports', () => {
    const base = scenario('1.');
    const plan = {
      ...base.plan,
      nodes: [
        ...base.plan.nodes,
        { id: 'app-agent', name: 'App agent', kind: 'agent' as const, services: ['app' as const], joinVia: 'proxy' as const, runtime: 'host' as const, sshForceListen: false, desktopUsesAd: false, appHostFilters: false, addresses: [], position: { x: 0, y: 0 } },
        { id: 'ports', name: 'Ports', kind: 'app' as const, uri: 'tcp://ports.internal', tcpPorts: [{ port: 5432 }, { port: 8000, endPort: 8010 }], addresses: [], position: { x: 0, y: 0 } },
      ],
      links: [...base.plan.links, { id: 'app-agent-proxy', source: 'app-agent', target: 'proxy' }, { id: 'app-agent-ports', source: 'app-agent', target: 'ports' }],
    };
    const c = { ...base, plan, result: derive(plan) };
    expect(config(c, 'app-agent').app_service).toEqual({ enabled: true, apps: [{ name: 'ports', uri: 'tcp://ports.internal', tcp_ports: [{ port: 5432 }, { port: 8000, end_port: 8010 }] }] });
  });
});

describe('/etc/default/teleport', () => {
  const egress = () => templateCases().find((c) => c.name === 'template http-connect-egress') as Case;

  it('matches the golden file', async () => {
    await expect(goldenOf('teleport-env', [egress(), scenario('4.')])).toMatchFileSnapshot('__golden__/proxy-env.env');
  });

  it('sets the proxy variables from the plan and shows how each target is routed', () => {
    const text = runExport('teleport-env', scenario('4.'), { host: 'ssh-agent' });
    expect(text).toContain('\nHTTPS_PROXY=http://httpproxy.example.com:8080\n');
    expect(text).toContain('\nNO_PROXY=teleportproxy.example.com:3024\n');
    expect(text).toMatch(/# teleportproxy\.example\.com:3024: direct \(NO_PROXY or loopback\)/);
    expect(text).toMatch(/# teleportproxy\.example\.com:3080: through the forward proxy/);
    for (const line of text.split('\n')) expect(line).toMatch(/^(#.*|[A-Z_]+=\S*|)$/);
  });

  it('has nothing to set for a node without a forward proxy', () => {
    expect(runExport('teleport-env', allCases()[0] as Case, { host: 'proxy-1' })).toMatch(/sets no HTTP CONNECT forward proxy/);
  });

  it('an agent joined to Auth directly dials Auth through its forward proxy, as Go does (client.NewDialer), and the rules say so', () => {
    const base = scenario('4.');
    const plan = { ...base.plan, nodes: base.plan.nodes.map((n) => (n.kind === 'agent' ? { ...n, joinVia: 'auth' as const } : n)), links: [...base.plan.links, { id: 'agent-auth', source: 'ssh-agent', target: 'auth' }] };
    const result = derive(plan);
    const text = runExport('teleport-env', { ...base, plan, result }, { host: 'ssh-agent' });
    expect(text).toMatch(/# 10\.0\.2\.10:3025: through the forward proxy\n/);
    const fwd = plan.nodes.find((n) => n.kind === 'http-proxy')!.id;
    expect(result.rules.map((r) => `${r.source}>${r.destination}:${r.port}`)).toEqual(expect.arrayContaining([`ssh-agent>${fwd}:8080`, `${fwd}>auth:3025`]));
    expect(result.rules.map((r) => `${r.source}>${r.destination}:${r.port}`)).not.toContain('ssh-agent>auth:3025');
  });

  it('sets TELEPORT_TUNNEL_PUBLIC_ADDR on an agent that overrides its tunnel address', () => {
    const base = scenario('4.');
    const plan = { ...base.plan, nodes: base.plan.nodes.map((n) => (n.kind === 'agent' ? { ...n, env: { ...n.env, teleportTunnelPublicAddr: 'tunnel.example.com:3024' } } : n)) };
    const text = runExport('teleport-env', { ...base, plan, result: derive(plan) }, { host: 'ssh-agent' });
    expect(text).toContain('\nTELEPORT_TUNNEL_PUBLIC_ADDR=tunnel.example.com:3024\n');
    expect(text).toContain('\nHTTPS_PROXY=http://httpproxy.example.com:8080\n');
    expect(text).toMatch(/# tunnel\.example\.com:3024: through the forward proxy/);
  });

  it('names an Auth without an address among what a node behind a forward proxy dials, asking for its address in NO_PROXY', () => {
    const base = scenario('4.');
    const auth = base.plan.nodes.find((n) => n.kind === 'auth')!;
    const plan = { ...base.plan, nodes: base.plan.nodes.map((n) => (n.kind === 'auth' ? { ...n, addresses: [], publicAddr: [] } : n.kind === 'proxy' ? { ...n, env: { httpsProxy: 'http://httpproxy.example.com:8080' } } : n)) };
    const proxy = plan.nodes.find((n) => n.kind === 'proxy')!;
    const text = runExport('teleport-env', { ...base, plan, result: derive(plan) }, { host: proxy.id });
    expect(text).toContain(`# ${auth.name} (no address in the plan): the rules assume a direct connection: add its address to NO_PROXY`);
  });

  it('sets TELEPORT_UNSTABLE_QUIC_PROXY_PEERING on a Proxy that opts into QUIC peering, even without a forward proxy', () => {
    const base = scenario('5a.');
    const plan = { ...base.plan, nodes: base.plan.nodes.map((n) => (n.kind === 'proxy' ? { ...n, quicPeering: true } : n)) };
    const text = runExport('teleport-env', { ...base, plan, result: derive(plan) }, { host: 'proxy-1' });
    expect(text).toContain('\nTELEPORT_UNSTABLE_QUIC_PROXY_PEERING=yes\n');
    expect(text).not.toContain('HTTPS_PROXY');
    expect(runExport('teleport-env', base, { host: 'proxy-1' })).not.toContain('QUIC');
  });
});
