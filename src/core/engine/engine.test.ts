import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { checkLink, derive, nodeLabel, rulesByHost, rulesByZonePair } from './index.ts';
import { PlanSchema } from '../schema/index.ts';
import { ZONES, plan, ruleKeys } from './__fixtures__/build.ts';
import type { NodeInput } from './__fixtures__/build.ts';
import { SCENARIOS } from './__fixtures__/scenarios.ts';

describe('example plan', () => {
  const result = derive(examplePlan());

  it('yields exactly the expected rules', () => {
    expect(ruleKeys(result.rules)).toEqual([
      'db-agent>lb:443/tcp', 'db-agent>postgres:5432/tcp', 'kube-agent>kube-api:6443/tcp', 'kube-agent>lb:443/tcp',
      'lb>proxy-1:3080/tcp', 'lb>proxy-2:3080/tcp', 'proxy-1>auth:3025/tcp', 'proxy-2>auth:3025/tcp',
      'ssh-agent>lb:443/tcp', 'tbot>lb:443/tcp', 'users>lb:443/tcp',
    ]);
  });

  it('has no error findings', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('builds rule ids from meaning and fills addresses', () => {
    const r = result.rules.find((x) => x.id === 'users-to-lb-443-tcp');
    expect(r).toMatchObject({ source: 'users', destination: 'lb', sourceZone: 'internet', destinationZone: 'dmz', sourceAddress: '0.0.0.0/0', destinationAddress: 'teleport.example.com', initiator: 'users', sameZone: false, links: ['users-lb'] });
    expect(r?.flows.length).toBeGreaterThan(1);
    expect(result.rules.find((x) => x.id === 'tbot-to-lb-443-tcp')?.sourceAddress).toBe('10.20.0.0/16');
    expect(result.rules.find((x) => x.id === 'db-agent-to-postgres-5432-tcp')?.sameZone).toBe(true);
  });

  it('labels links with the first hop', () => {
    const byId = new Map(result.links.map((l) => [l.id, l]));
    expect(byId.get('ssh-agent-lb')).toMatchObject({ ok: true, initiator: 'ssh-agent', listener: 'lb', label: '443/tcp join + reverse tunnel' });
    expect(byId.get('lb-proxy-1')).toMatchObject({ initiator: 'lb', listener: 'proxy-1', label: '3080/tcp LB backend' });
    expect(byId.get('proxy-1-auth')?.label).toBe('3025/tcp Auth gRPC');
    expect(result.links.every((l) => l.ok && l.flows.length > 0)).toBe(true);
  });

  it('lists are sorted by id', () => {
    for (const list of [result.flows, result.rules, result.findings, result.links]) {
      const ids = list.map((x) => x.id);
      expect(ids).toEqual([...ids].sort());
    }
  });
});

describe('link direction and label in separate mode', () => {
  it('labels several ports as "3023, 3080/tcp"', () => {
    const s = SCENARIOS[1];
    const result = derive(s!.plan);
    expect(result.links.find((l) => l.id === 'users--proxy')).toMatchObject({ initiator: 'users', listener: 'proxy', label: '3023, 3080/tcp' });
    expect(result.links.find((l) => l.id === 'proxy--ssh-agent')).toMatchObject({ initiator: 'ssh-agent', listener: 'proxy' });
  });
});

describe('checkLink', () => {
  const p = examplePlan();
  // [a, b, ok, initiator | reason fragment]
  const TABLE: [string, string, boolean, string][] = [
    ['users', 'lb', true, 'users'],
    ['lb', 'users', true, 'users'],
    ['proxy-1', 'lb', true, 'lb'],
    ['auth', 'proxy-1', true, 'proxy-1'],
    ['ssh-agent', 'proxy-1', true, 'ssh-agent'],
    ['db-agent', 'postgres', true, 'db-agent'],
    ['kube-api', 'kube-agent', true, 'kube-agent'],
    ['users', 'db-agent', false, 'never listen'],
    ['users', 'ssh-agent', false, 'Clients never connect to agents'],
    ['users', 'postgres', false, 'through Teleport'],
    ['users', 'auth', false, 'through the Proxy'],
    ['ssh-agent', 'db-agent', false, 'never connect to each other'],
    ['ssh-agent', 'auth', false, 'joins via the Proxy'],
    ['ssh-agent', 'postgres', false, 'needs Database'],
    ['proxy-1', 'proxy-2', false, 'proxy peering'],
    ['users', 'users', false, 'itself'],
    ['users', 'nope', false, 'No node'],
  ];
  it.each(TABLE)('%s — %s → ok=%s (%s)', (a, b, ok, what) => {
    const r = checkLink(p, a, b);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.initiator).toBe(what);
    else expect(r.reason).toContain(what);
  });

  it('names the nodes in its reasons', () => {
    const r = checkLink(p, 'users', 'db-agent');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('Database agent');
  });
});

describe('refused links', () => {
  it('are reported with ok=false, a reason and a finding', () => {
    const p = plan(
      [{ id: 'main', name: 'main' }],
      [
        { id: 'users', name: 'Users', kind: 'client', tools: ['browser'] },
        { id: 'app-agent', name: 'App agent', kind: 'agent', services: ['app'] },
      ],
      [['users', 'app-agent']],
    );
    const result = derive(p);
    expect(result.links[0]).toMatchObject({ ok: false, flows: [], label: '' });
    expect(result.links[0]?.reason).toContain('Application and Database services never listen');
    expect(result.findings.map((f) => f.id)).toContain('L-A2:app-agent+users');
  });
});

describe('an L7 load balancer in front of TLS routing (reference §5 L-T6)', () => {
  // The load balancer also forwards 3026 to a Kubernetes listener of the Proxies: not the web port.
  const withLb = (layer: 'l4' | 'l7', mode: 'multiplex' | 'separate') => {
    const p = examplePlan();
    Object.assign(p.clusters[0]!, { proxyListenerMode: mode });
    for (const n of p.nodes) {
      if (n.id === 'lb' && n.kind === 'load-balancer') Object.assign(n, { layer, mappings: [...n.mappings, { frontPort: 3026, targetPort: 3026 }] });
      if (n.kind === 'proxy') n.kubeListenAddr = '0.0.0.0:3026';
    }
    return derive(p).rules.filter((r) => r.source === 'lb');
  };
  const noted = (rules: { port: number; notes: string[] }[]) => rules.filter((r) => r.notes.some((n) => n.includes('(L-T6)'))).map((r) => r.port);

  it('notes on the web port rules that the HTTP upgrades must pass, and only there', () => {
    const l7 = withLb('l7', 'multiplex');
    expect([...new Set(l7.map((r) => r.port))].sort()).toEqual([3026, 3080]);
    expect(noted(l7)).toEqual([3080, 3080]);
    expect(noted([...withLb('l4', 'multiplex'), ...withLb('l7', 'separate')])).toEqual([]);
  });
});

describe('views', () => {
  const p = examplePlan();
  const result = derive(p);

  it('rulesByZonePair groups every rule once, marking intra-zone pairs', () => {
    const views = rulesByZonePair(result, p);
    expect(views.flatMap((v) => v.rules).length).toBe(result.rules.length);
    expect(views.map((v) => v.id)).toContain('internet>dmz');
    const intra = views.find((v) => v.id === 'private>private');
    expect(intra?.sameZone).toBe(true);
    expect(ruleKeys(intra?.rules ?? [])).toEqual(['db-agent>postgres:5432/tcp', 'kube-agent>kube-api:6443/tcp']);
  });

  it('rulesByHost lists inbound and outbound rules per node', () => {
    const views = rulesByHost(result, p);
    const lb = views.find((v) => v.id === 'lb');
    expect(lb?.inbound.map((r) => r.source).sort()).toEqual(['db-agent', 'kube-agent', 'ssh-agent', 'tbot', 'users']);
    expect(lb?.outbound.map((r) => r.destination)).toEqual(['proxy-1', 'proxy-2']);
    expect(views.length).toBe(p.nodes.length);
  });

  it('shows synthetic endpoints with a label', () => {
    const cloud = SCENARIOS.find((s) => s.name.startsWith('6.'));
    const r = derive(cloud!.plan);
    const tenant = rulesByHost(r, cloud!.plan).find((v) => v.id === 'cloud-tenant:cloud');
    expect(tenant?.name).toBe('Teleport Cloud tenant example.teleport.sh');
    expect(tenant?.inbound.length).toBe(2);
    expect(r.rules.find((x) => x.destination === 'cloud-tenant:cloud')?.destinationAddress).toBe('example.teleport.sh');
    expect(nodeLabel(cloud!.plan, 'external:acme-ca')).toBe('ACME certificate authority');
  });
});

describe('TELEPORT_TUNNEL_PUBLIC_ADDR on an agent (reference A2)', () => {
  const users: NodeInput = { id: 'users', name: 'Users', kind: 'client', tools: ['tsh'], zone: 'internet' };
  const auth: NodeInput = { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' };
  const proxy = { id: 'proxy', name: 'Proxy', kind: 'proxy' as const, publicAddr: ['teleport.example.com:3080'], addresses: ['10.0.1.11'], zone: 'dmz' };
  const separate = (tunnelAddr: string | undefined) =>
    plan(
      [{ id: 'main', name: 'teleport.example.com', configVersion: 'v1', proxyListenerMode: 'separate' }],
      [users, auth, proxy, { id: 'agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', ...(tunnelAddr ? { env: { teleportTunnelPublicAddr: tunnelAddr } } : {}) }],
      [['users', 'proxy'], ['proxy', 'auth'], ['agent', 'proxy']],
    );
  const tunnel = (r: ReturnType<typeof derive>) => r.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-reverse-tunnel');

  it('the reverse tunnel dials the variable instead of the advertised tunnel address, to the same listener', () => {
    const plain = derive(separate(undefined));
    const set = derive(separate('tunnel.example.com'));
    expect(tunnel(plain)).toMatchObject({ to: 'proxy', port: 3024, dialTarget: 'teleport.example.com:3024' });
    expect(tunnel(set)).toMatchObject({ to: 'proxy', port: 3024, dialTarget: 'tunnel.example.com:3024' });
    expect(tunnel(set)?.settings).toContain('nodes[agent].env');
    // The join still goes to the web port; the rules are the same.
    expect(ruleKeys(set.rules)).toEqual(ruleKeys(plain.rules));
    expect(set.findings.map((f) => f.code)).not.toContain('PL-TUNNEL-ENV-PORT');
  });

  it('a port the Proxy does not open for tunnels is a finding', () => {
    const r = derive(separate('tunnel.example.com:4024'));
    expect(tunnel(r)).toMatchObject({ port: 3024, dialTarget: 'tunnel.example.com:4024' });
    const f = r.findings.find((x) => x.code === 'PL-TUNNEL-ENV-PORT');
    expect(f?.message).toBe('SSH agent opens its reverse tunnel to tunnel.example.com:4024 (TELEPORT_TUNNEL_PUBLIC_ADDR), but Proxy opens port 3024 for reverse tunnels.');
    expect(f).toMatchObject({ nodes: ['agent', 'proxy'], links: ['agent--proxy'] });
  });

  it('through a load balancer, the front port that maps to the tunnel listener is used', () => {
    const withLb = plan(
      [{ id: 'main', name: 'teleport.example.com' }],
      [users, auth, { ...proxy, publicAddr: ['teleport.example.com:443'] },
        { id: 'lb', name: 'LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 8443, targetPort: 3080 }], addresses: ['teleport.example.com'], zone: 'dmz' },
        { id: 'agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], zone: 'private', env: { teleportTunnelPublicAddr: 'tunnels.example.com:8443' } }],
      [['users', 'lb'], ['lb', 'proxy'], ['proxy', 'auth'], ['agent', 'lb']],
    );
    const r = derive(withLb);
    expect(tunnel(r)).toMatchObject({ to: 'lb', port: 8443, dialTarget: 'tunnels.example.com:8443' });
    expect(r.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-join')).toMatchObject({ to: 'lb', port: 443 });
    expect(r.findings.map((f) => f.code)).not.toContain('PL-TUNNEL-ENV-PORT');
  });
});

describe('a leaf Auth behind an HTTP CONNECT proxy', () => {
  const build = (authEnv: boolean) =>
    plan(
      [{ id: 'main', name: 'root.example.com' }, { id: 'leaf', name: 'leaf.example.com', trustedRoot: 'main' }],
      [
        { id: 'root-lb', name: 'Root LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }], addresses: ['root.example.com'], zone: 'dmz' },
        { id: 'root-proxy', name: 'Root Proxy', kind: 'proxy', publicAddr: ['root.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' },
        { id: 'root-auth', name: 'Root Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' },
        { id: 'leaf-proxy', name: 'Leaf Proxy', kind: 'proxy', cluster: 'leaf', publicAddr: ['leaf.example.com:443'], addresses: ['10.9.0.11'], zone: 'private' },
        { id: 'leaf-auth', name: 'Leaf Auth', kind: 'auth', cluster: 'leaf', addresses: ['10.9.0.10'], zone: 'private', ...(authEnv ? { env: { httpsProxy: 'http://fwd.corp.example.com:3128' } } : {}) },
        { id: 'fwd', name: 'Corporate proxy', kind: 'http-proxy', port: 3128, addresses: ['fwd.corp.example.com'], zone: 'private' },
      ],
      [['root-lb', 'root-proxy'], ['root-proxy', 'root-auth'], ['leaf-proxy', 'leaf-auth'], ['leaf-proxy', 'root-lb'], ['fwd', 'root-lb'], ['leaf-auth', 'fwd']],
    );
  const validation = (r: ReturnType<typeof derive>) => r.flows.filter((f) => f.catalog === 'trust-leaf-auth-validate').map((f) => `${f.from}>${f.to}:${f.port}`).sort();

  it('validates the trust through the forward proxy when its environment says so', () => {
    const r = derive(build(true));
    expect(validation(r)).toEqual(['fwd>root-lb:443', 'leaf-auth>fwd:3128']);
    expect(r.links.find((l) => l.id === 'leaf-auth--fwd')).toMatchObject({ ok: true, initiator: 'leaf-auth', listener: 'fwd' });
    expect(r.findings.map((f) => f.code)).not.toContain('PL-HTTP-PROXY-UNUSED');
  });

  it('without HTTPS_PROXY the link to the forward proxy means nothing and the Auth dials the root directly', () => {
    const r = derive(build(false));
    expect(validation(r)).toEqual(['leaf-auth>root-lb:443']);
    expect(r.links.find((l) => l.id === 'leaf-auth--fwd')?.ok).toBe(false);
  });
});

describe('monitoring (reference §2.9)', () => {
  const cluster = [{ id: 'main', name: 'teleport.example.com' }];
  const base: NodeInput[] = [
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp', diagAddr: '127.0.0.1:3000' },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz', metricsListenAddr: '0.0.0.0:3081', diagAddr: '10.0.1.11:3000' },
    { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private' },
    { id: 'bot', name: 'Bot', kind: 'tbot', addresses: ['10.0.10.30'], zone: 'private', diagAddr: '0.0.0.0:3001' },
    { id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], addresses: ['10.0.10.9'], zone: 'private' },
    { id: 'users', name: 'Users', kind: 'client', tools: ['tsh', 'monitoring'], zone: 'internet' },
  ];
  const links: [string, string][] = [['proxy', 'auth'], ['agent', 'proxy'], ['bot', 'proxy'], ['prom', 'auth'], ['prom', 'proxy'], ['prom', 'agent'], ['prom', 'bot'], ['users', 'proxy']];
  const result = derive(plan(cluster, base, links));

  it('scrapes metrics_service and diag_addr of the linked Teleport nodes; a monitoring-only client gets nothing from the Proxy web port', () => {
    expect(ruleKeys(result.rules)).toEqual([
      'agent>proxy:443/tcp', 'bot>proxy:443/tcp', 'prom>bot:3001/tcp', 'prom>proxy:3000/tcp', 'prom>proxy:3081/tcp',
      'proxy>auth:3025/tcp', 'users>proxy:3000/tcp', 'users>proxy:3081/tcp', 'users>proxy:443/tcp',
    ]);
    const diag = result.flows.find((f) => f.id === 'prom>proxy:3000/tcp:monitor-diag');
    expect(diag).toMatchObject({ dialTarget: '10.0.1.11:3000', settings: ['nodes[prom].tools', 'nodes[proxy].diagAddr'], links: ['prom--proxy'] });
    expect(diag?.note).toContain('no authentication');
    expect(result.flows.find((f) => f.id === 'prom>proxy:3081/tcp:monitor-metrics')?.dialTarget).toBeUndefined();
    expect(result.links.find((l) => l.id === 'prom--bot')).toMatchObject({ ok: true, initiator: 'prom', listener: 'bot' });
  });

  it('a load balancer mapping to a backend\'s metrics port is not a dead mapping (and forwards it)', () => {
    const lb: NodeInput = { id: 'lb', name: 'LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 443 }, { frontPort: 3081, targetPort: 3081 }], zone: 'dmz' };
    const r = derive(plan(cluster, [...base, lb], [...links, ['lb', 'proxy']]));
    expect(r.findings.map((f) => f.code)).not.toContain('PL-LB-DEAD-MAPPING');
    expect(ruleKeys(r.rules)).toContain('lb>proxy:3081/tcp');
    const off = derive(plan(cluster, [...base.map((n) => (n.id === 'proxy' ? { ...n, metricsListenAddr: undefined } : n)) as NodeInput[], lb], [...links, ['lb', 'proxy']]));
    expect(off.findings.map((f) => f.code)).toContain('PL-LB-DEAD-MAPPING');
  });

  it('reports a loopback endpoint, a node with nothing to scrape and an endpoint open to the internet', () => {
    const byCode = (code: string) => result.findings.filter((f) => f.code === code);
    expect(byCode('PL-MONITOR-LOOPBACK').map((f) => f.nodes)).toEqual([['auth', 'prom']]);
    expect(byCode('PL-MONITOR-LOOPBACK')[0]?.message).toContain('127.0.0.1:3000');
    expect(byCode('PL-MONITOR-NOTHING').map((f) => f.links)).toEqual([['prom--agent']]);
    expect(byCode('PL-MONITOR-INTERNET').map((f) => f.id).sort()).toEqual(['PL-MONITOR-INTERNET:users-to-proxy-3000-tcp', 'PL-MONITOR-INTERNET:users-to-proxy-3081-tcp']);
    expect(result.findings.map((f) => f.code)).not.toContain('PL-CLIENT-NO-PATH');
  });

  it('a client without the monitoring tool still cannot link to an agent', () => {
    const r = derive(plan(cluster, [...base.slice(0, 4), { id: 'ops', name: 'Ops', kind: 'client', tools: ['tsh'], zone: 'private' }], [['agent', 'proxy'], ['ops', 'agent']]));
    const info = r.links.find((l) => l.id === 'ops--agent');
    expect(info?.ok).toBe(false);
    expect(info?.reason).toContain('monitoring tool');
  });
});

describe('multi-port TCP apps (tcp_ports, reference R7)', () => {
  const nodes: NodeInput[] = [
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], zone: 'dmz' },
    { id: 'app-agent', name: 'App agent', kind: 'agent', services: ['app'], zone: 'private' },
    { id: 'app', name: 'Ports app', kind: 'app', uri: 'tcp://ports.internal', tcpPorts: [{ port: 5432 }, { port: 8000, endPort: 8010 }, { port: 9000, endPort: 9000 }], zone: 'private' },
  ];
  const result = derive(plan([{ id: 'main', name: 'teleport.example.com' }], nodes, [['proxy', 'auth'], ['app-agent', 'proxy'], ['app-agent', 'app']]));

  it('opens one rule per port or range, and no finding', () => {
    expect(ruleKeys(result.rules).filter((k) => k.startsWith('app-agent>app'))).toEqual(['app-agent>app:5432/tcp', 'app-agent>app:8000-8010/tcp', 'app-agent>app:9000/tcp']);
    expect(result.rules.find((r) => r.id === 'app-agent-to-app-8000-8010-tcp')?.causes[0]).toContain('tcp_ports');
    expect(result.findings.map((f) => f.code).filter((c) => c.startsWith('PL-APP'))).toEqual([]);
  });

  it('rejects an end port below the port', () => {
    expect(() => plan([{ id: 'main', name: 'x' }], [{ id: 'app', name: 'App', kind: 'app', uri: 'tcp://a', tcpPorts: [{ port: 10, endPort: 5 }] }], [])).toThrow(/end port/);
  });
});

describe('Relay Service (reference §2.8)', () => {
  const nodes: NodeInput[] = [
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'cp' },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], proxyProtocol: 'off', addresses: ['10.0.1.11'], zone: 'dmz' },
    { id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3040 }, { frontPort: 3042, targetPort: 3042 }], idleTimeoutSeconds: 350, addresses: ['relay.example.com'], zone: 'private' },
    ...[1, 2].map((i): NodeInput => ({ id: `relay-${i}`, name: `Relay ${i}`, kind: 'relay', publicHostnames: ['relay.example.com'], targetConnectionCount: 2, addresses: [`10.0.10.4${i}`], zone: 'private' })),
    { id: 'ssh-agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], relayServer: 'relay.example.com:3042', addresses: ['10.0.10.21'], zone: 'private' },
    { id: 'users', name: 'Users', kind: 'client', tools: ['tsh'], zone: 'internet' },
    { id: 'bot', name: 'Bot', kind: 'tbot', addresses: ['10.0.10.30'], zone: 'private' },
  ];
  const links: [string, string][] = [
    ['proxy', 'auth'], ['relay-1', 'proxy'], ['relay-2', 'proxy'], ['relay-lb', 'relay-1'], ['relay-lb', 'relay-2'],
    ['ssh-agent', 'proxy'], ['ssh-agent', 'relay-lb'], ['users', 'proxy'], ['users', 'relay-lb'], ['bot', 'proxy'], ['bot', 'relay-1'],
  ];
  const result = derive(plan([{ id: 'main', name: 'teleport.example.com' }], nodes, links));

  it('agents tunnel, tsh and tbot connect through the relays; relays peer and join through the Proxy', () => {
    expect(ruleKeys(result.rules)).toEqual([
      'bot>proxy:443/tcp', 'bot>relay-1:3040/tcp',
      'proxy>auth:3025/tcp',
      'relay-1>proxy:443/tcp', 'relay-1>relay-2:3041/tcp', 'relay-2>proxy:443/tcp', 'relay-2>relay-1:3041/tcp',
      'relay-lb>relay-1:3040/tcp', 'relay-lb>relay-1:3042/tcp', 'relay-lb>relay-2:3040/tcp', 'relay-lb>relay-2:3042/tcp',
      'ssh-agent>proxy:443/tcp', 'ssh-agent>relay-lb:3042/tcp',
      'users>proxy:443/tcp', 'users>relay-lb:443/tcp',
    ]);
    expect(result.flows.find((f) => f.id === 'ssh-agent>relay-lb:3042/tcp:relay-tunnel')).toMatchObject({ dialTarget: 'relay.example.com:3042', longLived: true, settings: ['nodes[relay-lb].mappings', 'nodes[ssh-agent].relayServer'] });
    expect(result.flows.find((f) => f.id === 'relay-1>relay-2:3041/tcp:relay-peer')?.settings).toEqual(['nodes[relay-1].relayGroup', 'nodes[relay-2].peerListenAddr']);
    expect(result.findings.map((f) => f.code)).toEqual([]);
  });

  it('a relay LB without a mapping to the tunnel port is a missing port; an agent without the SSH Service is refused', () => {
    const narrow = nodes.map((n) => (n.id === 'relay-lb' ? { ...n, mappings: [{ frontPort: 443, targetPort: 3040 }] } : n.id === 'ssh-agent' ? n : n)) as NodeInput[];
    const db: NodeInput = { id: 'db-agent', name: 'DB agent', kind: 'agent', services: ['database'], zone: 'private' };
    const r = derive(plan([{ id: 'main', name: 'teleport.example.com' }], [...narrow, db], [...links, ['db-agent', 'proxy'], ['db-agent', 'relay-1']]));
    const missing = r.findings.find((f) => f.code === 'PL-RELAY-LB-PORT');
    expect(missing?.message).toContain('3042');
    expect(missing?.nodes).toEqual(expect.arrayContaining(['relay-lb', 'ssh-agent']));
    const refused = r.links.find((l) => l.id === 'db-agent--relay-1');
    expect(refused?.ok).toBe(false);
    expect(refused?.reason).toContain('Only the SSH Service');
  });
});

describe('Relay Service: mixed cases', () => {
  const cluster = [{ id: 'main', name: 'teleport.example.com' }];
  const core: NodeInput[] = [
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' },
    { id: 'relay', name: 'Relay', kind: 'relay', publicHostnames: ['relay.example.com'], addresses: ['10.0.10.41'], zone: 'private', metricsListenAddr: '0.0.0.0:3081' },
    { id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', mappings: [{ frontPort: 3042, targetPort: 3042 }], zone: 'private' },
  ];
  const coreLinks: [string, string][] = [['proxy', 'auth'], ['relay', 'proxy'], ['relay-lb', 'relay']];

  it('a client with tsh and monitoring gets the relay transport and the scrape', () => {
    const r = derive(plan(cluster, [...core, { id: 'ops', name: 'Ops', kind: 'client', tools: ['tsh', 'monitoring'], zone: 'private' }], [...coreLinks, ['ops', 'proxy'], ['ops', 'relay']]));
    expect(ruleKeys(r.rules).filter((k) => k.startsWith('ops>relay'))).toEqual(['ops>relay:3040/tcp', 'ops>relay:3081/tcp']);
  });

  it('TELEPORT_RELAY on a client picks the relay LB front port; one the LB does not forward is a finding', () => {
    const lb = { id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', mappings: [{ frontPort: 3042, targetPort: 3042 }, { frontPort: 443, targetPort: 3040 }, { frontPort: 8443, targetPort: 3040 }], zone: 'private' } as NodeInput;
    const nodes = (relay: string) => [...core.filter((n) => n.id !== 'relay-lb'), lb, { id: 'ops', name: 'Ops', kind: 'client', tools: ['tsh'], env: { teleportRelay: relay }, zone: 'private' } as NodeInput];
    const ok = derive(plan(cluster, nodes('relay.example.com:8443'), [...coreLinks, ['ops', 'proxy'], ['ops', 'relay-lb']]));
    expect(ruleKeys(ok.rules).filter((k) => k.startsWith('ops>relay'))).toEqual(['ops>relay-lb:8443/tcp']);
    expect(ok.flows.find((f) => f.catalog === 'relay-transport')?.dialTarget).toBe('relay.example.com:8443');
    const bad = derive(plan(cluster, nodes('relay.example.com:9000'), [...coreLinks, ['ops', 'proxy'], ['ops', 'relay-lb']]));
    const f = bad.findings.find((x) => x.code === 'PL-RELAY-SERVER-PORT');
    expect(f?.message).toBe('Ops dials relay.example.com:9000 (TELEPORT_RELAY), but Relay LB opens port 443, 8443 for the relay transport.');
    const dflt = derive(plan(cluster, nodes('relay.example.com'), [...coreLinks, ['ops', 'proxy'], ['ops', 'relay-lb']]));
    expect(ruleKeys(dflt.rules).filter((k) => k.startsWith('ops>relay'))).toEqual(['ops>relay-lb:443/tcp']);
  });

  it('relay_server pointing at a load balancer that also fronts Proxies says why it has no effect', () => {
    const mixed: NodeInput = { id: 'mixed-lb', name: 'Mixed LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 443 }, { frontPort: 3042, targetPort: 3042 }], addresses: ['edge.example.com'], zone: 'dmz' };
    const agent: NodeInput = { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], relayServer: 'edge.example.com:3042', zone: 'private' };
    const r = derive(plan(cluster, [...core.filter((n) => n.id !== 'relay-lb'), mixed, agent], [['proxy', 'auth'], ['mixed-lb', 'proxy'], ['mixed-lb', 'relay'], ['agent', 'mixed-lb']]));
    const f = r.findings.find((x) => x.code === 'PL-RELAY-SERVER-UNUSED');
    expect(f?.message).toContain('Mixed LB also fronts Proxies');
    expect(f?.fix).toMatch(/^Put the relays behind a load balancer of their own/);
  });

  it('tbot\'s ssh-multiplexer relay_server picks the relay LB front port too', () => {
    const lb = { id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', mappings: [{ frontPort: 3042, targetPort: 3042 }, { frontPort: 443, targetPort: 3040 }, { frontPort: 8443, targetPort: 3040 }], zone: 'private' } as NodeInput;
    const bot = (relayServer?: string) => ({ id: 'bot', name: 'Bot', kind: 'tbot', relayServer, zone: 'private' }) as NodeInput;
    const nodes = (relayServer?: string) => [...core.filter((n) => n.id !== 'relay-lb'), lb, bot(relayServer)];
    const links: [string, string][] = [...coreLinks, ['bot', 'proxy'], ['bot', 'relay-lb']];
    expect(ruleKeys(derive(plan(cluster, nodes('relay.example.com:8443'), links)).rules).filter((k) => k.startsWith('bot>relay'))).toEqual(['bot>relay-lb:8443/tcp']);
    expect(ruleKeys(derive(plan(cluster, nodes(), links)).rules).filter((k) => k.startsWith('bot>relay'))).toEqual(['bot>relay-lb:443/tcp']);
    const bad = derive(plan(cluster, nodes('relay.example.com:9000'), links)).findings.find((f) => f.code === 'PL-RELAY-SERVER-PORT');
    expect(bad?.message).toBe('Bot dials relay.example.com:9000 (ssh-multiplexer relay_server), but Relay LB opens port 443, 8443 for the relay transport.');
  });

  it('a relay behind a forward proxy joins with its own flow, through the forward proxy', () => {
    const nodes: NodeInput[] = [
      ...core.map((n) => (n.id === 'relay' ? { ...n, env: { httpsProxy: 'http://fwd.example.com:3128' } } : n)) as NodeInput[],
      { id: 'fwd', name: 'Forward proxy', kind: 'http-proxy', port: 3128, addresses: ['fwd.example.com'], zone: 'private' },
    ];
    const r = derive(plan(cluster, nodes, [['proxy', 'auth'], ['relay-lb', 'relay'], ['relay', 'fwd'], ['fwd', 'proxy']]));
    expect(r.flows.filter((f) => f.from === 'relay').map((f) => f.catalog)).toEqual(['relay-auth-tunnel', 'relay-join']);
    expect(ruleKeys(r.rules)).toContain('relay>fwd:3128/tcp');
    expect(r.findings.map((f) => f.code)).not.toContain('PL-NO-PATH');
  });

  it('refusals name the real reason: monitoring through a relay LB, an agent of another cluster, relay_server on a refused link', () => {
    const nodes: NodeInput[] = [
      ...core,
      { id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], zone: 'private' },
      { id: 'other-agent', name: 'Other agent', kind: 'agent', cluster: 'other', services: ['ssh'], zone: 'private' },
      { id: 'direct', name: 'Direct agent', kind: 'agent', services: ['ssh'], joinVia: 'auth', relayServer: 'relay.example.com:3042', zone: 'private' },
    ];
    const r = derive(plan([...cluster, { id: 'other', name: 'other.example.com' }], nodes, [...coreLinks, ['prom', 'relay-lb'], ['other-agent', 'relay'], ['direct', 'auth'], ['direct', 'relay']]));
    const reason = (id: string) => r.links.find((l) => l.id === id)?.reason ?? '';
    expect(reason('prom--relay-lb')).toMatch(/^A monitoring system scrapes each Teleport process directly/);
    expect(reason('other-agent--relay')).toMatch(/belong to different clusters: an agent only connects to its own cluster/);
    expect(reason('direct--relay')).toMatch(/joins Auth directly/);
    const unused = r.findings.find((f) => f.code === 'PL-RELAY-SERVER-UNUSED');
    expect(unused?.message).toContain('its link to Relay has no meaning');
    expect(unused?.fix).toBe('Fix the link (same cluster, joining via the Proxy), or remove relay_server.');
  });

  it('an agent without the SSH Service linked to a relay load balancer is told why (no inbound-agent finding)', () => {
    const r = derive(plan(cluster, [...core, { id: 'db', name: 'DB agent', kind: 'agent', services: ['database'], zone: 'private' }], [...coreLinks, ['db', 'proxy'], ['db', 'relay-lb']]));
    const f = r.findings.find((x) => x.links.includes('db--relay-lb'));
    expect(f?.code).toBe('PL-LINK-MEANINGLESS');
    expect(f?.message).toContain('fronts Relay Services');
  });
});

describe('tbot Workload API and the Kubernetes attestor (reference §2.5 T5)', () => {
  const zones = [...ZONES, { id: 'k8s', name: 'Cluster nodes', kind: 'kubernetes' as const, cidrs: ['10.20.0.0/16'] }];
  const auth: NodeInput = { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' };
  const proxy: NodeInput = { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' };
  const tbot = (workloadApi?: Record<string, unknown>, zone: string | null = 'k8s'): NodeInput => ({ id: 'bot', name: 'Workload bot', kind: 'tbot', ...(zone ? { zone } : {}), ...(workloadApi ? { workloadApi } : {}) }) as NodeInput;
  const planInput = (bot: NodeInput) => ({ type: 'portolan-plan', version: 1, name: 'test', clusters: [{ id: 'main', name: 'teleport.example.com' }], zones, nodes: [auth, proxy, bot], links: [{ id: 'p-a', source: 'proxy', target: 'auth' }, { id: 'b-p', source: 'bot', target: 'proxy' }] });
  const planWith = (bot: NodeInput) => plan([{ id: 'main', name: 'teleport.example.com' }], [auth, proxy, bot], [['proxy', 'auth'], ['bot', 'proxy']], zones);
  const derived = (bot: NodeInput) => derive(planWith(bot));

  it.each([
    ['attestor off: no kubelet rule', { listen: 'unix:///opt/machine-id/workload.sock', kubeletSecurePort: 10250 }, []],
    ['secure port by default (10250)', { kubernetesAttestor: true }, ['bot>kubelet:bot:10250/tcp']],
    ['secure_port set', { kubernetesAttestor: true, kubeletSecurePort: 10443 }, ['bot>kubelet:bot:10443/tcp']],
    ['read_only_port set', { kubernetesAttestor: true, kubeletReadOnlyPort: 10255 }, ['bot>kubelet:bot:10255/tcp']],
  ] as const)('%s', (_name, api, expected) => {
    const r = derived(tbot(api));
    expect(ruleKeys(r.rules).filter((k) => k.includes('kubelet'))).toEqual(expected);
  });

  it('the kubelet rule explains itself: the node of the tbot, its zone and addresses, the setting, the read-only caveat', () => {
    const r = derived(tbot({ kubernetesAttestor: true, kubeletReadOnlyPort: 10255 }));
    const rule = r.rules.find((x) => x.destination === 'kubelet:bot');
    expect(rule).toMatchObject({ sourceZone: 'k8s', destinationZone: 'k8s', destinationAddress: '10.20.0.0/16', sameZone: true, longLived: false });
    expect(rule?.purposes[0]).toBe('Workload bot asks the kubelet of its Kubernetes node which pod is calling its Workload API (GET /pods, Kubernetes workload attestation)');
    expect(rule?.notes.join(' ')).toContain('plain HTTP without authentication');
    expect(rule?.notes.join(' ')).toContain('TELEPORT_NODE_NAME');
    expect(r.flows.find((f) => f.to === 'kubelet:bot')?.settings).toEqual(['nodes[bot].workloadApi']);
    expect(nodeLabel(planWith(tbot()), 'kubelet:bot')).toBe('kubelet (node of Workload bot)');
  });

  it('findings: a TCP listener is not attested, the attestor outside a Kubernetes zone cannot work', () => {
    const codes = (bot: NodeInput) => derived(bot).findings.map((f) => f.code);
    expect(codes(tbot({ listen: 'tcp://0.0.0.0:4040' }))).toContain('PL-WORKLOAD-TCP');
    expect(codes(tbot({ listen: 'unix:///run/workload.sock' }))).not.toContain('PL-WORKLOAD-TCP');
    expect(codes(tbot({ kubernetesAttestor: true }, 'private'))).toContain('PL-KUBELET-ZONE');
    expect(codes(tbot({ kubernetesAttestor: true }))).not.toContain('PL-KUBELET-ZONE');
  });

  it('the schema refuses both kubelet ports (on the read-only port field) and listen addresses tbot cannot use', () => {
    const issue = (api: Record<string, unknown>) => PlanSchema.safeParse(planInput(tbot(api))).error?.issues[0];
    expect(issue({ kubernetesAttestor: true, kubeletSecurePort: 10250, kubeletReadOnlyPort: 10255 })).toMatchObject({ path: ['nodes', 2, 'workloadApi', 'kubeletReadOnlyPort'], message: expect.stringMatching(/secure port or its read-only port, not both/) });
    for (const bad of ['tcp://0.0.0.0', '0.0.0.0:4040', 'localhost:4040', 'unix://relative.sock', 'unix:///', 'tcp://fe80::1', 'tcp://fe80::1:4040']) {
      expect(issue({ listen: bad })?.message, bad).toBe('expected unix:///path/to/socket or tcp://host:port');
    }
    for (const good of ['unix:///opt/machine-id/workload.sock', 'tcp://0.0.0.0:4040', 'tcp://[::1]:4040', 'tcp://localhost:4040']) expect(issue({ listen: good }), good).toBeUndefined();
  });

  it('the Sigstore attestor reads registries on 443: public ones, and private ones only in the prefixes it may dial', () => {
    const r = derived(tbot({ sigstoreAttestor: true, sigstorePrivatePrefixes: ['10.0.10.128/25'] }));
    const rule = r.rules.find((x) => x.destination === 'oci-registries:bot');
    expect(rule).toMatchObject({ port: 443, protocol: 'tcp', destinationZone: 'internet', destinationAddress: '0.0.0.0/0', sameZone: false });
    expect(rule?.notes.join(' ')).toContain('allowed_private_network_prefixes');
    // The private prefix sits in zone Private (10.0.10.0/24): a rule of its own, in that zone.
    const inside = r.rules.find((x) => x.destination === 'private-registries:bot');
    expect(inside).toMatchObject({ port: 443, destinationZone: 'private', destinationAddress: '10.0.10.128/25' });
    expect(inside?.notes.join(' ')).toContain('Private registries in 10.0.10.128/25');
    expect(nodeLabel(planWith(tbot()), 'private-registries:bot')).toBe('private container registries (for Workload bot)');
    expect(r.rules.some((x) => x.destination === 'private-registries:bot' && x.destinationZone === 'internet')).toBe(false);
    expect(derived(tbot({ sigstoreAttestor: true })).rules.some((x) => x.destination === 'private-registries:bot')).toBe(false);
    // A prefix no zone holds (the internet zone does not count), or prefixes in two zones: no zone.
    const zoneFor = (prefixes: string[]) => derived(tbot({ sigstoreAttestor: true, sigstorePrivatePrefixes: prefixes })).rules.find((x) => x.destination === 'private-registries:bot')?.destinationZone;
    expect(zoneFor(['10.50.0.0/16'])).toBeUndefined();
    expect(zoneFor(['10.0.10.128/25', '10.0.2.0/25'])).toBeUndefined();
    expect(zoneFor(['10.0.10.128/25', '10.0.10.0/26'])).toBe('private');
    expect(nodeLabel(planWith(tbot()), 'oci-registries:bot')).toBe('container registries (for Workload bot)');
    expect(ruleKeys(derived(tbot({ sigstoreAttestor: false })).rules).filter((k) => k.includes('oci'))).toEqual([]);
  });

  it('a tbot in no zone: the kubelet rule goes to any address; an empty Workload API (no listen, attestor off) is nothing', () => {
    const r = derived(tbot({ kubernetesAttestor: true }, null));
    expect(r.rules.find((x) => x.destination === 'kubelet:bot')).toMatchObject({ destinationAddress: 'any', sameZone: false });
    const empty = derived(tbot({}));
    expect(empty.flows.filter((f) => f.from === 'bot').map((f) => f.catalog)).toEqual(['tbot-tunnel', 'tbot-web']);
    expect(empty.findings.map((f) => f.code).filter((c) => c.startsWith('PL-WORKLOAD') || c.startsWith('PL-KUBELET'))).toEqual([]);
  });
});

describe('a destination the plan gives no address for', () => {
  it('gets no dial target (never its display name)', () => {
    const nodes = (authAddresses: string[], env?: Record<string, string>) => PlanSchema.parse({
      type: 'portolan-plan', version: 1, name: 'no address', clusters: [{ id: 'main', name: 'teleport.example.com' }],
      nodes: [
        { id: 'auth', name: 'Auth Service', kind: 'auth', addresses: authAddresses },
        { id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', mappings: [{ frontPort: 3025, targetPort: 3025 }] },
        { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], joinVia: 'auth', ...(env ? { env } : {}) },
        { id: 'fwd', name: 'Squid', kind: 'http-proxy', port: 3128, addresses: ['squid.corp.example.com'] },
      ],
      links: [{ id: 'lb-auth', source: 'auth-lb', target: 'auth' }, { id: 'agent-lb', source: 'agent', target: 'auth-lb' }],
    });
    const joins = (r: ReturnType<typeof derive>) => r.flows.filter((f) => f.catalog === 'agent-auth-direct' || f.from === 'fwd').map((f) => [f.from, f.to, f.dialTarget, f.purpose]);
    expect(joins(derive(nodes([])))).toEqual([['agent', 'auth-lb', undefined, expect.stringContaining('Agent')]]);
    // Auth's gRPC never goes through a forward proxy, so HTTPS_PROXY changes nothing here.
    expect(joins(derive(nodes([], { httpsProxy: 'http://squid.corp.example.com:3128' })))).toEqual([['agent', 'auth-lb', undefined, expect.stringContaining('Agent')]]);
  });
});
