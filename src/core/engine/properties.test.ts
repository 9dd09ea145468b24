/**
 * Properties over ~200 generated plans (seeded PRNG, no dependency): order independence, unique ids,
 * and traceability of every rule and flow.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { FLOW_TEMPLATES } from '../catalog/index.ts';
import { PlanSchema } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { derive } from './index.ts';

type PlanInput = z.input<typeof PlanSchema>;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(seed: number): Plan {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const maybe = (p: number) => rnd() < p;
  const clusters: PlanInput['clusters'] = [{
    id: 'c0', name: 'root.example.com', deployment: maybe(0.15) ? 'cloud' : 'self-hosted', cloudTenant: maybe(0.7) ? 'example.teleport.sh:443' : undefined,
    configVersion: pick(['v1', 'v2', 'v3'] as const), proxyListenerMode: pick(['multiplex', 'separate'] as const),
    tunnelStrategy: maybe(0.2) ? 'proxy_peering' : 'agent_mesh', edition: pick(['oss', 'enterprise'] as const), teleportVersion: pick([12, 15, 18]),
  }];
  if (maybe(0.3)) clusters.push({ id: 'c1', name: 'leaf.example.com', trustedRoot: 'c0', proxyListenerMode: pick(['multiplex', 'separate'] as const) });
  const zones: NonNullable<PlanInput['zones']> = [{ id: 'z-internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'] }];
  for (let i = 0; i < int(4); i++) zones.push({ id: `z${i}`, name: `Zone ${i}`, kind: pick(['dmz', 'private', 'cloud'] as const), cidrs: maybe(0.7) ? [`10.${i}.0.0/16`] : [] });
  const zone = () => (maybe(0.85) ? pick(zones).id : undefined);
  const cluster = () => pick(clusters).id;
  const nodes: Record<string, unknown>[] = [];
  const add = (n: Record<string, unknown>) => nodes.push({ zone: zone(), addresses: maybe(0.5) ? [`10.9.${nodes.length}.${int(250) + 1}`] : [], ...n });
  const env = () => (maybe(0.2) ? { httpsProxy: pick(['http://fwd.corp.example.com:3128', 'fwd.corp.example.com:3128', 'http://localhost:8080', 'http://unknown.example.com']), noProxy: pick(['', '*', 'teleport.example.com:3024', '.example.com', '10.0.0.0/8']) } : undefined);
  for (let i = 0; i < 1 + int(3); i++) add({ id: `proxy-${i}`, name: `Proxy ${i}`, kind: 'proxy', cluster: cluster(), publicAddr: maybe(0.8) ? [pick(['teleport.example.com:443', 'teleport.example.com', 'teleport.example.com:3080'])] : [], webListenAddr: pick(['0.0.0.0:3080', '0.0.0.0:443']), tunnelListenAddr: maybe(0.3) ? '0.0.0.0:3024' : undefined, sshListenAddr: maybe(0.3) ? '0.0.0.0:3023' : undefined, kubeListenAddr: maybe(0.2) ? '0.0.0.0:3026' : undefined, acme: maybe(0.1), env: env() });
  for (let i = 0; i < 1 + int(2); i++) add({ id: `auth-${i}`, name: `Auth ${i}`, kind: 'auth', cluster: cluster() });
  for (let i = 0; i < int(3); i++) add({ id: `lb-${i}`, name: `LB ${i}`, kind: 'load-balancer', layer: pick(['l4', 'l7'] as const), tlsTermination: maybe(0.2), idleTimeoutSeconds: maybe(0.3) ? pick([60, 350]) : undefined, mappings: pick([[{ frontPort: 443, targetPort: 3080 }], [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3024, targetPort: 3024 }, { frontPort: 3023, targetPort: 3023 }], [{ frontPort: 3025, targetPort: 3025 }]]) });
  add({ id: 'fwd', name: 'Forward proxy', kind: 'http-proxy', port: pick([3128, 8080]), addresses: ['fwd.corp.example.com'] });
  const services = ['ssh', 'kubernetes', 'database', 'app', 'desktop', 'discovery'] as const;
  for (let i = 0; i < 2 + int(8); i++) add({ id: `agent-${i}`, name: `Agent ${i}`, kind: 'agent', cluster: cluster(), services: [...new Set([pick(services), pick(services)])], joinVia: maybe(0.25) ? 'auth' : 'proxy', kubeListenAddr: maybe(0.1) ? '0.0.0.0' : undefined, desktopUsesAd: maybe(0.3), appHostFilters: maybe(0.1), env: env() });
  for (let i = 0; i < int(3); i++) add({ id: `tbot-${i}`, name: `tbot ${i}`, kind: 'tbot', cluster: cluster(), joinVia: maybe(0.2) ? 'auth' : 'proxy', env: env() });
  for (let i = 0; i < 1 + int(2); i++) add({ id: `users-${i}`, name: `Users ${i}`, kind: 'client', tools: [...new Set([pick(['browser', 'tsh', 'kubectl', 'database', 'rdp'] as const), pick(['tsh', 'kubectl'] as const)])], env: env() });
  const resources: Record<string, unknown>[] = [
    { kind: 'database', engine: pick(['postgres', 'mysql', 'redis', 'sqlserver'] as const), port: maybe(0.5) ? 5432 : undefined },
    { kind: 'kube-api', port: pick([443, 6443]) }, { kind: 'windows-host' }, { kind: 'domain-controller' },
    { kind: 'app', uri: pick(['https://app.internal', 'http://app.internal:8080', 'tcp://tcp.internal:5000', 'tcp://tcp.internal']) },
    { kind: 'cloud-api' }, { kind: 'openssh-host', sshPort: 22 },
  ];
  for (let i = 0; i < int(6); i++) add({ id: `res-${i}`, name: `Resource ${i}`, ...pick(resources) });
  const ids = nodes.map((n) => n.id as string);
  const byKind = (k: string) => nodes.filter((n) => n.kind === k).map((n) => n.id as string);
  const links: { id: string; source: string; target: string }[] = [];
  const link = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined || a === b) return;
    links.push(maybe(0.5) ? { id: `l${links.length}`, source: a, target: b } : { id: `l${links.length}`, source: b, target: a });
  };
  const entries = [...byKind('proxy'), ...byKind('load-balancer')];
  for (const id of [...byKind('agent'), ...byKind('tbot'), ...byKind('client')]) if (maybe(0.8)) link(id, pick(entries));
  for (const lb of byKind('load-balancer')) link(lb, pick([...byKind('proxy'), ...byKind('auth')]));
  for (const p of byKind('proxy')) if (maybe(0.85)) link(p, pick(byKind('auth')));
  for (const r of byKind('agent')) if (maybe(0.5)) link(r, pick(nodes.filter((n) => n.id?.toString().startsWith('res-')).map((n) => n.id as string)));
  for (let i = 0; i < int(4); i++) link(pick(ids), pick(ids));
  // Relay Service, monitoring and multi-port apps: drawn after everything above, so the older part of
  // each generated plan is unchanged.
  const teleportNodes = nodes.filter((n) => ['auth', 'proxy', 'agent', 'tbot'].includes(n.kind as string));
  for (let i = 0; i < int(3); i++) {
    add({
      id: `relay-${i}`, name: `Relay ${i}`, kind: 'relay', cluster: cluster(), relayGroup: pick(['a', 'b']), targetConnectionCount: pick([1, 2, 3]),
      publicHostnames: maybe(0.8) ? ['relay.example.com'] : [], tunnelListenAddr: pick(['0.0.0.0:3042', '0.0.0.0:4042', 'relay.internal:3042']),
      peerPublicAddr: maybe(0.3) ? `10.8.0.${i + 1}:3041` : undefined, metricsListenAddr: maybe(0.3) ? '0.0.0.0:3081' : undefined, env: env(),
    });
  }
  const relays = byKind('relay');
  if (relays.length > 0 && maybe(0.6)) {
    add({ id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', tlsTermination: maybe(0.1), mappings: pick([[{ frontPort: 443, targetPort: 3040 }, { frontPort: 3042, targetPort: 3042 }], [{ frontPort: 3042, targetPort: 3042 }]]) });
    for (const r of relays) if (maybe(0.8)) link('relay-lb', r);
  }
  const relayEnds = [...relays, ...byKind('load-balancer').filter((id) => id === 'relay-lb')];
  for (const r of relays) if (maybe(0.8)) link(r, pick(entries));
  for (const n of teleportNodes) {
    if (maybe(0.2)) n.diagAddr = pick(['0.0.0.0:3000', '127.0.0.1:3000', '10.9.0.1:3000']);
    if (n.kind !== 'tbot' && maybe(0.2)) n.metricsListenAddr = '0.0.0.0:3081';
    if (n.kind === 'agent' && maybe(0.3)) n.relayServer = pick(['relay.example.com:3042', 'relay.example.com:443', 'relay.example.com']);
    if (n.kind === 'tbot' && maybe(0.3)) {
      n.workloadApi = { listen: pick(['unix:///opt/machine-id/workload.sock', 'tcp://0.0.0.0:4040']), kubernetesAttestor: maybe(0.7), sigstoreAttestor: maybe(0.4), sigstorePrivatePrefixes: maybe(0.5) ? ['10.50.0.0/16'] : [], ...(maybe(0.3) ? pick([{ kubeletSecurePort: 10250 }, { kubeletReadOnlyPort: 10255 }]) : {}) };
    }
  }
  for (const n of nodes) if (n.kind === 'app' && (n.uri as string).startsWith('tcp://tcp.internal') && maybe(0.5)) n.tcpPorts = [{ port: 5000 }, { port: 6000, endPort: pick([6000, 6010]) }];
  for (const n of nodes) if (n.kind === 'client' && maybe(0.3)) n.env = { ...(n.env as object | undefined), teleportRelay: pick(['relay.example.com', 'relay.example.com:3042']) };
  if (maybe(0.5)) add({ id: 'prom', name: 'Prometheus', kind: 'client', tools: pick([['monitoring'], ['tsh', 'monitoring']]) });
  if (byKind('client').includes('prom')) for (let i = 0; i < 1 + int(4); i++) link('prom', pick([...teleportNodes.map((n) => n.id as string), ...relays, ...entries]));
  if (relayEnds.length > 0) {
    for (const id of [...byKind('agent'), ...byKind('client'), ...byKind('tbot')]) if (maybe(0.3)) link(id, pick(relayEnds));
  }
  // Addresses and settings added to v1 later (join addresses, PROXY protocol, QUIC peering, minor
  // versions, trusted_cluster addresses): drawn last, so the plans above stay as they were.
  for (const n of nodes) {
    if ((n.kind === 'agent' || n.kind === 'tbot') && maybe(0.3)) n.joinAddr = pick(['teleport.example.com', 'teleport.example.com:443', 'teleport.example.com:3080', 'auth.example.com:3025', 'auth.example.com', '10.9.0.5:3025']);
    if ((n.kind === 'auth' || n.kind === 'proxy') && maybe(0.5)) n.proxyProtocol = pick(['on', 'off', 'unspecified']);
    if (n.kind === 'load-balancer' && maybe(0.3)) n.sendsProxyProtocol = true;
    if (n.kind === 'proxy' && maybe(0.3)) n.quicPeering = true;
    if (n.kind === 'proxy' && maybe(0.2)) n.peerListenAddr = pick(['0.0.0.0:3021', '10.9.0.7:3021']);
    if (n.kind === 'proxy' && maybe(0.3)) n.peerPublicAddr = pick(['192.168.9.7:3021', '[fd00::7]:3021']);
  }
  for (const c of clusters) {
    if (maybe(0.4)) c.teleportMinorVersion = int(6);
    if (c.trustedRoot !== undefined && maybe(0.5)) Object.assign(c, { trustWebProxyAddr: pick(['root.example.com', 'root.example.com:443', 'root.example.com:3080']), ...(maybe(0.5) ? { trustTunnelAddr: pick(['root.example.com:3024', 'root.example.com']) } : {}) });
  }
  return PlanSchema.parse({ type: 'portolan-plan', version: 1, name: `generated ${seed}`, clusters, zones, nodes, links });
}

function shuffled(p: Plan, seed: number): Plan {
  const rnd = prng(seed);
  const shuffle = <T,>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { ...p, nodes: shuffle(p.nodes), links: shuffle(p.links), zones: shuffle(p.zones) };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const unique = (ids: string[]) => new Set(ids).size === ids.length;

describe('properties over generated plans', () => {
  it('the generator makes varied plans', () => {
    const rules = SEEDS.slice(0, 50).map((s) => derive(generate(s)).rules.length);
    expect(Math.max(...rules)).toBeGreaterThan(10);
    // Relay, monitoring and port-range flows occur in the generated plans.
    const catalogs = new Set(SEEDS.slice(0, 100).flatMap((s) => derive(generate(s)).flows.map((f) => (f.portEnd === undefined ? f.catalog : `${f.catalog}:range`))));
    for (const c of ['relay-tunnel', 'relay-transport', 'relay-peer', 'relay-join', 'monitor-metrics', 'monitor-diag', 'agent-app:range', 'tbot-kubelet', 'tbot-oci-registry']) expect(catalogs, c).toContain(c);
    // So do the later settings' findings.
    const codes = new Set(SEEDS.slice(0, 100).flatMap((s) => derive(generate(s)).findings.map((f) => f.code)));
    for (const c of ['L-B4', 'PL-PROXY-PROTOCOL', 'PL-JOIN-ADDR-PORT', 'L-C5', 'PL-TBOT-AUTH-NO-PORT', 'L-R6']) expect(codes, c).toContain(c);
  });

  it.each(SEEDS)('seed %i: order-independent, unique ids, every rule and flow traceable', (seed) => {
    const p = generate(seed);
    const result = derive(p);
    const json = JSON.stringify(result);
    expect(JSON.stringify(derive(shuffled(p, seed * 7919)))).toBe(json);
    expect(JSON.stringify(derive(p))).toBe(json);

    expect(unique(result.rules.map((r) => r.id))).toBe(true);
    expect(unique(result.flows.map((f) => f.id))).toBe(true);
    expect(unique(result.findings.map((f) => f.id))).toBe(true);
    expect(result.links.map((l) => l.id).sort()).toEqual(p.links.map((l) => l.id).sort());

    const linkIds = new Set(p.links.map((l) => l.id));
    const flows = new Map(result.flows.map((f) => [f.id, f]));
    for (const f of result.flows) {
      expect(f.links.length + f.settings.length, f.id).toBeGreaterThan(0);
      for (const l of f.links) expect(linkIds.has(l), `${f.id} cites ${l}`).toBe(true);
      expect(FLOW_TEMPLATES.has(f.catalog), f.catalog).toBe(true);
    }
    for (const r of result.rules) {
      expect(r.flows.length, r.id).toBeGreaterThan(0);
      for (const id of r.flows) {
        const f = flows.get(id);
        expect(f && f.from === r.source && f.to === r.destination && f.port === r.port && f.protocol === r.protocol, `${r.id} ← ${id}`).toBe(true);
      }
    }
    const flowCount = result.rules.reduce((n, r) => n + r.flows.length, 0);
    expect(flowCount).toBe(result.flows.length);
    for (const f of result.findings) {
      expect(f.message, f.id).not.toMatch(/\{\w+\}/);
      expect(f.id.startsWith(`${f.code}:`)).toBe(true);
    }
  });
});
