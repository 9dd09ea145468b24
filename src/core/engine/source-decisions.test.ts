/**
 * Behaviours that follow Teleport's source where the reference or the docs say otherwise, or say
 * nothing (docs/engine.md, "Where the reference and Teleport differ").
 */
import { describe, expect, it } from 'vitest';
import { derive, newErrors } from './index.ts';
import { applyAutofix } from '../findings/index.ts';
import { plan, ruleKeys } from './__fixtures__/build.ts';
import type { ClusterInput, NodeInput } from './__fixtures__/build.ts';

const codes = (r: ReturnType<typeof derive>) => r.findings.map((f) => f.code);

describe('config v1 in separate mode: MySQL 3036 only when mysql_listen_addr is set (reference §6 Q3)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com', configVersion: 'v1', proxyListenerMode: 'separate' };
  const nodes = (proxy: Record<string, unknown>): NodeInput[] => [
    { id: 'users', name: 'Users', kind: 'client', tools: ['tsh', 'database'], zone: 'internet' },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleport.example.com:3080'], zone: 'dmz', ...proxy } as NodeInput,
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
  ];
  const links: [string, string][] = [['users', 'proxy'], ['proxy', 'auth']];

  it('opens no MySQL listener by default: database clients use the web port', () => {
    const result = derive(plan([cluster], nodes({}), links));
    expect(ruleKeys(result.rules).filter((k) => k.startsWith('users>'))).toEqual(['users>proxy:3023/tcp', 'users>proxy:3080/tcp']);
  });

  it('opens 3036 when the Proxy sets mysql_listen_addr', () => {
    const result = derive(plan([cluster], nodes({ mysqlListenAddr: '0.0.0.0:3036' }), links));
    expect(ruleKeys(result.rules).filter((k) => k.startsWith('users>'))).toEqual(['users>proxy:3023/tcp', 'users>proxy:3036/tcp', 'users>proxy:3080/tcp']);
    expect(codes(result)).not.toContain('L-C8');
  });
});

describe('an App or Database Service joined directly to Auth does not start on any config version (L-C2)', () => {
  const nodes: NodeInput[] = [
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], zone: 'dmz' },
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    { id: 'db-agent', name: 'DB agent', kind: 'agent', services: ['database'], joinVia: 'auth', zone: 'private' },
  ];
  const links: [string, string][] = [['proxy', 'auth'], ['db-agent', 'auth']];

  it.each(['v1', 'v2', 'v3'] as const)('config %s: an error that says why', (configVersion) => {
    const result = derive(plan([{ id: 'main', name: 'teleport.example.com', configVersion }], nodes, links));
    const finding = result.findings.find((f) => f.code === 'L-C2');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(configVersion === 'v3' ? 'config v3 refuses auth_server' : 'failed to find reverse tunnel address');
    // v1/v2 join the Proxy with auth_servers (proxy_server is v3's key).
    expect(finding?.fix).toContain(configVersion === 'v3' ? 'point proxy_server at the Proxy' : 'point auth_servers at the Proxy');
  });

  it('offers to join through the Proxy instead: one step that relinks the agent and brings no new error', () => {
    const before = plan([{ id: 'main', name: 'teleport.example.com' }], [...nodes.slice(0, 2), { ...nodes[2]!, joinAddr: 'auth.example.com:3025' } as NodeInput], links);
    const result = derive(before);
    const choice = result.findings.find((f) => f.code === 'L-C2')?.choices?.[0];
    expect(choice?.label).toBe('Make DB agent join through Proxy (proxy_server), linked to it instead of Auth');
    const fixed = applyAutofix(before, choice!);
    if (!fixed.ok) throw new Error(fixed.message);
    expect(fixed.plan.links.map((l) => [l.source, l.target])).toEqual([['proxy', 'auth'], ['db-agent', 'proxy']]);
    const agent = fixed.plan.nodes.find((n) => n.id === 'db-agent');
    expect(agent).toMatchObject({ joinVia: 'proxy' });
    expect(agent).not.toHaveProperty('joinAddr');
    const after = derive(fixed.plan);
    expect(codes(after)).not.toContain('L-C2');
    expect(newErrors(result.findings, after.findings)).toEqual([]);
    expect(applyAutofix(fixed.plan, choice!)).toMatchObject({ ok: false });
  });

  it('the new link takes an id nothing else in the plan uses (ids are one namespace)', () => {
    const zone = { id: 'db-agent-proxy', name: 'Named like the link', kind: 'private' as const, cidrs: ['10.9.0.0/16'] };
    const before = { ...plan([{ id: 'main', name: 'teleport.example.com' }], nodes, links) };
    const withZone = { ...before, zones: [...before.zones, { ...zone, position: { x: 0, y: 0 }, size: { width: 100, height: 100 } }] };
    const choice = derive(withZone).findings.find((f) => f.code === 'L-C2')?.choices?.[0];
    const fixed = applyAutofix(withZone, choice!);
    if (!fixed.ok) throw new Error(fixed.message);
    expect(fixed.plan.links.find((l) => l.source === 'db-agent')?.id).toBe('db-agent-proxy-2');
  });
});

describe('the Windows Desktop Service listens or tunnels, exactly one (L-A1, lib/service/desktop.go)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com' };
  const nodes = (agent: Record<string, unknown>): NodeInput[] => [
    { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], zone: 'dmz' },
    { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    { id: 'desk', name: 'Desktop agent', kind: 'agent', services: ['desktop'], zone: 'private', ...agent } as NodeInput,
  ];
  const derived = (agent: Record<string, unknown>) => derive(plan([cluster], nodes(agent), [['proxy', 'auth'], agent.joinVia === 'auth' ? ['desk', 'auth'] : ['desk', 'proxy']]));

  it('joined to Auth without listen_addr: no rule to a listener that does not exist, and an error with a fix', () => {
    const result = derived({ joinVia: 'auth' });
    expect(ruleKeys(result.rules).filter((k) => k.includes('>desk:'))).toEqual([]);
    const finding = result.findings.find((f) => f.code === 'L-A1');
    expect(finding?.message).toContain('The Windows Desktop Service needs exactly one of listen_addr');
    expect(finding?.autofix?.changes).toEqual([{ target: 'node', id: 'desk', field: 'desktopListenAddr', value: '0.0.0.0:3028' }]);
  });

  it('joined to Auth with listen_addr: the Proxy dials it, no finding', () => {
    const result = derived({ joinVia: 'auth', desktopListenAddr: '0.0.0.0:3028' });
    expect(ruleKeys(result.rules).filter((k) => k.includes('>desk:'))).toEqual(['proxy>desk:3028/tcp']);
    expect(codes(result)).not.toContain('L-A1');
  });

  it('joined via the Proxy with listen_addr: Teleport refuses both, the fix removes the listener', () => {
    const finding = derived({ desktopListenAddr: '0.0.0.0:3028' }).findings.find((f) => f.code === 'L-A1');
    expect(finding?.message).toContain('windows_desktop_service.listen_addr is set while the agent joins via the Proxy');
    expect(finding?.autofix?.changes).toEqual([{ target: 'node', id: 'desk', field: 'desktopListenAddr', value: null }]);
  });
});

describe('L-P4: the forced tunnel port through a load balancer', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com', proxyListenerMode: 'separate' };
  const proxy = (id: string): NodeInput => ({ id, name: id, kind: 'proxy', publicAddr: ['teleport.example.com:443'], sshListenAddr: '0.0.0.0:3023', tunnelListenAddr: '0.0.0.0:3024', zone: 'dmz' });
  const derived = (tunnelFront: number) =>
    derive(plan([cluster], [
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], zone: 'private' },
      { id: 'lb', name: 'LB', kind: 'load-balancer', addresses: ['teleport.example.com'], mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3023, targetPort: 3023 }, { frontPort: tunnelFront, targetPort: 3024 }], zone: 'dmz' },
      proxy('p1'), proxy('p2'),
      { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    ], [['agent', 'lb'], ['lb', 'p1'], ['lb', 'p2'], ['p1', 'auth'], ['p2', 'auth']]));

  it('is silent when the load balancer forwards the tunnel port as it is', () => {
    expect(codes(derived(3024))).not.toContain('L-P4');
  });

  it('names every Proxy behind a load balancer that does not', () => {
    expect(derived(4024).findings.filter((f) => f.code === 'L-P4').map((f) => f.nodes.filter((n) => n !== 'lb'))).toEqual([['p1'], ['p2']]);
  });
});

describe('kubectl in separate mode on config v2/v3 without kube_listen_addr (lib/client/api.go applyProxySettings)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com', configVersion: 'v3', proxyListenerMode: 'separate' };
  const derived = (proxy: Record<string, unknown>, tools: string[]) =>
    derive(plan([cluster], [
      { id: 'users', name: 'Users', kind: 'client', tools, zone: 'internet' } as NodeInput,
      { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleport.example.com:3080'], sshListenAddr: '0.0.0.0:3023', tunnelListenAddr: '0.0.0.0:3024', zone: 'dmz', ...proxy } as NodeInput,
      { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    ], [['users', 'proxy'], ['proxy', 'auth']]));

  it('gets no rule to the web port (tsh sends kubectl to port 3026, where nothing listens) and L-T1 names the listener', () => {
    const result = derived({}, ['tsh', 'kubectl']);
    expect(ruleKeys(result.rules).filter((k) => k.startsWith('users>'))).toEqual(['users>proxy:3023/tcp', 'users>proxy:3080/tcp']);
    const finding = result.findings.find((f) => f.code === 'L-T1');
    expect(finding?.message).toContain('Kubernetes proxy (kube_listen_addr, 3026)');
    expect(finding?.choices?.map((c) => c.changes)).toContainEqual([{ target: 'node', id: 'proxy', field: 'kubeListenAddr', value: '0.0.0.0:3026' }]);
  });

  it('reaches the Kubernetes listener when there is one; without kubectl users, no listener is missing', () => {
    const result = derived({ kubeListenAddr: '0.0.0.0:3026' }, ['tsh', 'kubectl']);
    expect(ruleKeys(result.rules)).toContain('users>proxy:3026/tcp');
    expect(codes(result)).not.toContain('L-T1');
    expect(codes(derived({}, ['tsh']))).not.toContain('L-T1');
  });
});

describe('a public address without a port takes Teleport\'s default for its key (applyProxyConfig)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com', proxyListenerMode: 'separate' };
  const derived = (proxy: Record<string, unknown>) =>
    derive(plan([cluster], [
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], zone: 'private' },
      { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleport.example.com:443'], webListenAddr: '0.0.0.0:443', sshListenAddr: '0.0.0.0:3023', tunnelListenAddr: '0.0.0.0:4024', zone: 'dmz', ...proxy } as NodeInput,
      { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
    ], [['agent', 'proxy'], ['proxy', 'auth']]));

  it('tunnel_public_addr without a port: agents dial 3024, not the listener\'s 4024, and L-P3 says so', () => {
    const result = derived({ tunnelPublicAddr: ['tun.example.com'] });
    const tunnel = result.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-reverse-tunnel');
    expect(tunnel?.dialTarget).toBe('tun.example.com:3024');
    expect(result.findings.find((f) => f.code === 'L-P3')?.message).toContain('tun.example.com:3024');
  });

  it('with the port written out, it is dialled as written', () => {
    const result = derived({ tunnelPublicAddr: ['tun.example.com:4024'] });
    expect(result.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-reverse-tunnel')?.dialTarget).toBe('tun.example.com:4024');
    expect(codes(result)).not.toContain('L-P3');
  });
});

describe('proxy peering dials the advertised peer address (PublicPeerAddr, reference S8)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com', edition: 'enterprise', tunnelStrategy: 'proxy_peering' };
  const proxy = (id: string, extra: Record<string, unknown> = {}): NodeInput => ({ id, name: id, kind: 'proxy', publicAddr: ['teleport.example.com:443'], webListenAddr: '0.0.0.0:443', peerListenAddr: '0.0.0.0:3021', zone: 'dmz', ...extra }) as NodeInput;
  const derived = (p2: Record<string, unknown>) =>
    derive(plan([cluster], [proxy('p1'), proxy('p2', p2), { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' }], [['p1', 'auth'], ['p2', 'auth']]));

  it('a peer_public_addr on another port: the dial target says so and L-P3 names the port the peer does not open', () => {
    const result = derived({ peerPublicAddr: '203.0.113.11:4021' });
    expect(result.flows.find((f) => f.from === 'p1' && f.to === 'p2')?.dialTarget).toBe('203.0.113.11:4021');
    expect(result.findings.find((f) => f.code === 'L-P3')?.message).toBe('p1 dials 203.0.113.11:4021 (proxy peering), advertised by p2, but p2 opens port 3021.');
  });

  it('a peer_public_addr without a port is dialled on 3021: no finding', () => {
    const result = derived({ peerPublicAddr: '203.0.113.11' });
    expect(result.flows.find((f) => f.from === 'p1' && f.to === 'p2')?.dialTarget).toBe('203.0.113.11:3021');
    expect(codes(result)).not.toContain('L-P3');
  });
});

describe('clients that honour HTTP(S)_PROXY: Auth connections (client.NewDialer) and the Kubernetes API transport', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com' };
  const derived = (agent: Record<string, unknown>, links: [string, string][]) =>
    derive(plan([cluster], [
      { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.10'], zone: 'dmz' },
      { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' },
      { id: 'fwd', name: 'Forward proxy', kind: 'http-proxy', port: 3128, addresses: ['fwd.example.com'], zone: 'private' },
      { id: 'kapi', name: 'K8s API', kind: 'kube-api', port: 6443, addresses: ['10.0.10.5'], zone: 'private' },
      { id: 'agent', name: 'Agent', kind: 'agent', zone: 'private', ...agent } as NodeInput,
    ], [['proxy', 'auth'], ['agent', 'fwd'], ...links]));
  const keys = (r: ReturnType<typeof derive>) => ruleKeys(r.rules).filter((k) => k.startsWith('agent>') || k.startsWith('fwd>'));

  it('an agent joined to Auth dials it through HTTPS_PROXY unless NO_PROXY lists Auth', () => {
    const env = { httpsProxy: 'http://fwd.example.com:3128' };
    expect(keys(derived({ services: ['ssh'], joinVia: 'auth', env }, [['agent', 'auth']]))).toEqual(['agent>fwd:3128/tcp', 'fwd>auth:3025/tcp']);
    expect(keys(derived({ services: ['ssh'], joinVia: 'auth', env: { ...env, noProxy: '10.0.2.0/24' } }, [['agent', 'auth']]))).toEqual(['agent>auth:3025/tcp']);
  });

  it('the Kubernetes Service reaches its API through HTTPS_PROXY unless NO_PROXY lists the API host', () => {
    const env = { httpsProxy: 'http://fwd.example.com:3128' };
    const proxied = keys(derived({ services: ['kubernetes'], env }, [['agent', 'proxy'], ['agent', 'kapi']]));
    expect(proxied).toEqual(expect.arrayContaining(['agent>fwd:3128/tcp', 'fwd>kapi:6443/tcp']));
    expect(proxied).not.toContain('agent>kapi:6443/tcp');
    expect(keys(derived({ services: ['kubernetes'], env: { ...env, noProxy: '10.0.10.5' } }, [['agent', 'proxy'], ['agent', 'kapi']]))).toContain('agent>kapi:6443/tcp');
  });
});

describe('which forward proxy a URL names', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com' };
  const derived = (env: Record<string, string>) =>
    derive(plan([cluster], [
      { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], zone: 'dmz' },
      { id: 'auth', name: 'Auth', kind: 'auth', zone: 'cp' },
      { id: 'fwd', name: 'fwd', kind: 'http-proxy', port: 3128, addresses: ['fwd.dc'], zone: 'private' },
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], env, zone: 'private' } as NodeInput,
    ], [['proxy', 'auth'], ['agent', 'fwd'], ['fwd', 'proxy']]));

  it('an HTTP_PROXY naming another host is not taken for the linked forward proxy (no port warning about it)', () => {
    const result = derived({ httpsProxy: 'http://fwd.dc:3128', httpProxy: 'http://other.dc:8080' });
    expect(codes(result)).not.toContain('PL-HTTP-PROXY-PORT');
    expect(ruleKeys(result.rules)).toContain('agent>fwd:3128/tcp');
  });

  it('a URL naming a proxy the plan does not have is reported, and no rule goes to the linked one', () => {
    const result = derived({ httpsProxy: 'http://other.dc:8080' });
    expect(codes(result)).toContain('PL-HTTP-PROXY-UNKNOWN');
    expect(ruleKeys(result.rules).filter((k) => k.startsWith('agent>fwd'))).toEqual([]);
  });

  it('a port mismatch on the named proxy says which variable holds the URL', () => {
    const finding = derived({ httpsProxy: 'http://fwd.dc:8080' }).findings.find((f) => f.code === 'PL-HTTP-PROXY-PORT');
    expect(finding?.message).toContain('on port 8080 (HTTPS_PROXY)');
    expect(finding?.fix).toContain('Align the URL in HTTPS_PROXY');
  });
});

describe('agents reach resources through HTTP(S)_PROXY only where their client reads it (S36–S42)', () => {
  const cluster: ClusterInput = { id: 'main', name: 'teleport.example.com' };
  const fwdUrl = 'http://fwd.example.com:3128';
  const derived = (resource: Record<string, unknown>, env: Record<string, string>) =>
    derive(plan([cluster], [
      { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.10'], zone: 'dmz' },
      { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' },
      { id: 'fwd', name: 'Forward proxy', kind: 'http-proxy', port: 3128, addresses: ['fwd.example.com'], zone: 'private' },
      { id: 'res', name: 'Resource', addresses: ['10.0.10.5'], zone: 'private', ...resource } as NodeInput,
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['app', 'database'], zone: 'private', env: { ...env, noProxy: `teleport.example.com${env.noProxy ? `,${env.noProxy}` : ''}` } } as NodeInput,
    ], [['proxy', 'auth'], ['agent', 'fwd'], ['agent', 'proxy'], ['agent', 'res']]));
  const keys = (r: ReturnType<typeof derive>) => ruleKeys(r.rules).filter((k) => k.endsWith('>res') || k.includes('>res:') || k.startsWith('agent>fwd'));

  it.each([
    // App Service: http(s):// apps on a transport cloned from http.DefaultTransport; tcp:// on a net.Dialer.
    ['https app, HTTPS_PROXY', { kind: 'app', uri: 'https://wiki.internal' }, { httpsProxy: fwdUrl }, ['agent>fwd:3128/tcp', 'fwd>res:443/tcp']],
    ['https app, its host in NO_PROXY', { kind: 'app', uri: 'https://wiki.internal' }, { httpsProxy: fwdUrl, noProxy: '.internal' }, ['agent>res:443/tcp']],
    ['https app, only HTTP_PROXY', { kind: 'app', uri: 'https://wiki.internal' }, { httpProxy: fwdUrl }, ['agent>res:443/tcp']],
    ['http app, HTTP_PROXY', { kind: 'app', uri: 'http://wiki.internal:8080' }, { httpProxy: fwdUrl }, ['agent>fwd:3128/tcp', 'fwd>res:8080/tcp']],
    ['http app, only HTTPS_PROXY', { kind: 'app', uri: 'http://wiki.internal:8080' }, { httpsProxy: fwdUrl }, ['agent>res:8080/tcp']],
    ['tcp app', { kind: 'app', uri: 'tcp://pg.internal:5432' }, { httpsProxy: fwdUrl, httpProxy: fwdUrl }, ['agent>res:5432/tcp']],
    ['loopback app (Go never proxies it)', { kind: 'app', uri: 'http://localhost:8080' }, { httpProxy: fwdUrl }, ['agent>res:8080/tcp']],
    // Database Service: only the engines built on defaults.Transport() read HTTPS_PROXY.
    ['PostgreSQL', { kind: 'database', engine: 'postgres', port: 5432 }, { httpsProxy: fwdUrl }, ['agent>res:5432/tcp']],
    ['Elasticsearch (a bare transport)', { kind: 'database', engine: 'elasticsearch', port: 9200 }, { httpsProxy: fwdUrl }, ['agent>res:9200/tcp']],
    ['OpenSearch', { kind: 'database', engine: 'opensearch', port: 443 }, { httpsProxy: fwdUrl }, ['agent>fwd:3128/tcp', 'fwd>res:443/tcp']],
    ['ClickHouse HTTP without a port (443)', { kind: 'database', engine: 'clickhouse-http' }, { httpsProxy: fwdUrl }, ['agent>fwd:3128/tcp', 'fwd>res:443/tcp']],
    ['ClickHouse native', { kind: 'database', engine: 'clickhouse', port: 9440 }, { httpsProxy: fwdUrl }, ['agent>res:9440/tcp']],
  ] as const)('%s', (_, resource, env, expected) => {
    expect(keys(derived(resource, env))).toEqual(expected);
  });

  it("the link to a resource reached through the forward proxy is labelled with the resource's port and the proxy", () => {
    const label = (r: ReturnType<typeof derive>) => r.links.find((l) => l.initiator === 'agent' && l.listener === 'res')?.label;
    expect(label(derived({ kind: 'app', uri: 'http://wiki.internal:8080' }, { httpProxy: fwdUrl }))).toBe('8080/tcp app via Forward proxy');
    expect(label(derived({ kind: 'database', engine: 'opensearch', port: 443 }, { httpsProxy: fwdUrl }))).toBe('443/tcp database via Forward proxy');
    expect(label(derived({ kind: 'database', engine: 'postgres', port: 5432 }, { httpsProxy: fwdUrl }))).toBe('5432/tcp database');
  });

  it('so are tunnels to the Proxy through it, and each link names the forward proxy its variable points to', () => {
    const result = derive(plan([cluster], [
      { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.10'], zone: 'dmz' },
      { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' },
      { id: 'fwd', name: 'Squid', kind: 'http-proxy', port: 3128, addresses: ['fwd.example.com'], zone: 'private' },
      { id: 'fwd2', name: 'Squid 2', kind: 'http-proxy', port: 3128, addresses: ['fwd2.example.com'], zone: 'private' },
      { id: 'res', name: 'Wiki', kind: 'app', uri: 'http://wiki.internal:8080', addresses: ['10.0.10.5'], zone: 'private' },
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['app'], zone: 'private', env: { httpsProxy: fwdUrl, httpProxy: 'http://fwd2.example.com:3128' } } as NodeInput,
    ], [['proxy', 'auth'], ['agent', 'fwd'], ['agent', 'fwd2'], ['agent', 'proxy'], ['agent', 'res']]));
    const label = (to: string) => result.links.find((l) => l.initiator === 'agent' && l.listener === to)?.label;
    expect(label('proxy')).toBe('443/tcp join + reverse tunnel via Squid');
    expect(label('res')).toBe('8080/tcp app via Squid 2');
  });

  it('an http app through HTTP_PROXY goes as plain HTTP, which the rule and a warning say', () => {
    const result = derived({ kind: 'app', uri: 'http://wiki.internal:8080' }, { httpProxy: fwdUrl });
    const rule = result.rules.find((r) => r.source === 'agent' && r.destination === 'fwd');
    expect(rule?.purposes.join(' ')).toContain('(plain HTTP)');
    expect(rule?.notes.join(' ')).toContain('no CONNECT tunnel');
    expect(result.rules.find((r) => r.source === 'fwd' && r.destination === 'res')?.purposes).toEqual(['app: Forward proxy forwards HTTP requests to Resource']);
    const finding = result.findings.find((f) => f.code === 'PL-APP-HTTP-CLEAR');
    expect(finding?.message).toContain('Teleport-Jwt-Assertion');
    expect(finding?.fix).toContain('add wiki.internal to NO_PROXY on Agent');
  });

  it('a ClickHouse native URI without a port is accepted by Teleport but every connection fails (L-A8 says so)', () => {
    const finding = derived({ kind: 'database', engine: 'clickhouse' }, {}).findings.find((f) => f.code === 'L-A8');
    expect(finding?.message).toContain('every connection fails');
    expect(derived({ kind: 'database', engine: 'clickhouse-http' }, {}).findings.map((f) => f.code)).not.toContain('L-A8');
  });
});
