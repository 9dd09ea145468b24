/** The Proxy's addresses, listeners and settings (§5 L-P1…L-P4, L-T1, L-B4, L-B5, L-B6, L-C7, L-C8; PL-PROXY-PROTOCOL). */
import { ACME, PROXY_LISTENERS, PUBLIC_NEEDS_LISTEN, V1_LEGACY_LISTENERS } from '../catalog/index.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Ctx } from '../engine/context.ts';
import type { ProxyInfo } from '../engine/proxy-listeners.ts';
import type { Check } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

/** L-P1, L-P2, L-T1. */
export const proxyAddresses: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const info of ctx.proxies.values()) {
    const p = info.node;
    if (info.cluster.deployment === 'cloud') continue;
    if (p.publicAddr.length > 1) out.add({ code: 'L-P1', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, count: p.publicAddr.length, first: p.publicAddr[0] ?? '' } });
    const web = info.resolve('web');
    const reached = obs.reachedProxies.get(p.id);
    if (web.unspecified && reached && reached.size > 0) {
      out.add({ code: 'L-P2', subjects: [p.id], nodes: [p.id, ...reached], params: { proxy: p.name, listen: p.webListenAddr, initiators: listNames(namesOf(input, reached)) } });
    }
    if (info.cluster.proxyListenerMode === 'separate' && info.cluster.configVersion !== 'v1') {
      const missing = (['ssh', 'tunnel'] as const).filter((id) => !info.listeners.has(id));
      if (missing.length > 0) {
        out.add({
          code: 'L-T1', subjects: [p.id], nodes: [p.id],
          params: { cluster: info.cluster.name, proxy: p.name, version: info.cluster.configVersion, missing: missing.map((m) => (m === 'ssh' ? 'SSH (listen_addr, 3023)' : 'tunnel (tunnel_listen_addr, 3024)')).join(' or ') },
        });
      }
    }
  }
};

/** L-P3 (advertised port ≠ open port), PL-TUNNEL-ENV-PORT (an agent's override of it) and L-P4 (forced tunnel port through an LB). */
export const advertisedPorts: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const m of obs.portMismatches.values()) {
    const items = [...m.items.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    out.add({
      code: 'L-P3', subjects: [m.hop, m.proxy], nodes: [m.hop, m.proxy, ...m.initiators], links: m.links,
      params: {
        initiator: listNames(namesOf(input, m.initiators)),
        advertised: items.map(([, v]) => v.advertised).join(', '),
        what: items.map(([w]) => w).join(', '),
        proxy: ctx.nodes.get(m.proxy)?.name ?? m.proxy,
        hop: ctx.nodes.get(m.hop)?.name ?? m.hop,
        open: [...new Set(items.map(([, v]) => v.open))].join(', '),
      },
    });
  }
  for (const m of obs.tunnelEnvMismatches.values()) {
    out.add({
      code: 'PL-TUNNEL-ENV-PORT', subjects: [m.agent, m.hop], nodes: [m.agent, m.hop], links: m.links,
      params: { agent: ctx.nodes.get(m.agent)?.name ?? m.agent, addr: m.addr, hop: ctx.nodes.get(m.hop)?.name ?? m.hop, open: m.open },
    });
  }
  for (const [proxy, lbs] of obs.forcedTunnel) {
    const info = ctx.proxies.get(proxy);
    const port = info?.listeners.get('tunnel')?.port ?? 0;
    out.add({ code: 'L-P4', subjects: [proxy], nodes: [proxy, ...lbs], params: { proxy: info?.node.name ?? proxy, port, lb: listNames(namesOf(input, lbs)) } });
  }
};

/** L-B6: ACME needs a single Proxy reachable on public 443. */
export const acme: Check = (input) => {
  const { ctx, out } = input;
  for (const info of ctx.proxies.values()) {
    if (!info.node.acme) continue;
    const p = info.node;
    const web = info.listeners.get('web')?.port;
    const peers = ctx.proxiesByCluster.get(info.cluster.id) ?? [];
    const fronts = frontsOf(ctx, p.id);
    const problems: string[] = [];
    if (peers.length > 1) problems.push(`${info.cluster.name} has ${peers.length} Proxies (ACME works with a single one)`);
    if (fronts.length === 0 && web !== ACME.port) problems.push(`its web listener is on ${web}, not ${ACME.port}`);
    for (const lb of fronts) {
      if (!lb.mappings.some((m) => m.frontPort === ACME.port && m.targetPort === web)) problems.push(`${lb.name} does not forward ${ACME.port} → ${web}`);
    }
    if (problems.length > 0) out.add({ code: 'L-B6', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, problem: problems.join('; ') } });
  }
};

/** The load balancers in front of a Proxy (those that front Proxies and have it as a backend). */
function frontsOf(ctx: Ctx, proxy: string): NodeOfKind<'load-balancer'>[] {
  const out: NodeOfKind<'load-balancer'>[] = [];
  for (const [id, lb] of ctx.lbs) {
    if (lb.role === 'proxy' && lb.backends.some((b) => b.id === proxy)) out.push(ctx.nodes.get(id) as NodeOfKind<'load-balancer'>);
  }
  return out;
}

/** Listeners a v1 configuration opens although the Proxy does not configure them (L-C7). */
function legacyListeners(info: ProxyInfo): string[] {
  return V1_LEGACY_LISTENERS.filter((l) => info.node[PROXY_LISTENERS[l.id].listenField] === undefined).map((l) => {
    const spec = PROXY_LISTENERS[l.id];
    return `${spec.label} ${info.listeners.get(l.id)?.port ?? spec.defaultPort}${l.condition === undefined ? '' : ` (${l.condition})`}`;
  });
}

/** L-C7, L-C8, L-B4, L-B5, PL-PROXY-PROTOCOL: the Proxy's own configuration. */
export const proxySettings: Check = (input) => {
  const { ctx, out } = input;
  for (const info of ctx.proxies.values()) {
    if (info.cluster.deployment === 'cloud') continue;
    const p = info.node;
    const at = (code: string, params: Record<string, string | number>, nodes: string[] = []) => out.add({ code, subjects: [p.id], nodes: [p.id, ...nodes], params });
    const legacy = info.cluster.configVersion === 'v1' ? legacyListeners(info) : [];
    if (legacy.length > 0) at('L-C7', { proxy: p.name, listeners: listNames(legacy, legacy.length) });
    const lonely = PUBLIC_NEEDS_LISTEN.filter((x) => {
      const pub = p[x.publicField];
      return (Array.isArray(pub) ? pub.length > 0 : pub !== undefined) && p[x.listenField] === undefined;
    });
    if (lonely.length > 0) {
      const first = lonely[0]!;
      at('L-C8', { proxy: p.name, problems: listNames(lonely.map((x) => `${x.publicKey} without ${x.listenKey}`), lonely.length), example: `${first.listenKey}: 0.0.0.0:${first.defaultPort}` });
    }
    const fronts = frontsOf(ctx, p.id);
    if (p.proxyProtocol === 'unspecified') {
      const sender = fronts.find((lb) => lb.sendsProxyProtocol);
      const why = sender ? `${sender.name} sends PROXY headers` : fronts.length === 0 ? 'nothing in front of it sends PROXY headers' : `${listNames(fronts.map((lb) => lb.name))} ${fronts.length === 1 ? 'sends' : 'send'} no PROXY headers`;
      const advice = `proxy_protocol: ${sender ? 'on' : 'off'} (${why})`;
      at('L-B4', { proxy: p.name, advice }, fronts.map((lb) => lb.id));
    }
    for (const lb of fronts) {
      const mismatch = (lb.sendsProxyProtocol && p.proxyProtocol === 'off') || (!lb.sendsProxyProtocol && p.proxyProtocol === 'on');
      if (!mismatch) continue;
      out.add({
        code: 'PL-PROXY-PROTOCOL', subjects: [p.id, lb.id], nodes: [p.id, lb.id],
        params: { lb: lb.name, proxy: p.name, sends: lb.sendsProxyProtocol ? 'sends' : 'sends no', mode: p.proxyProtocol, want: lb.sendsProxyProtocol ? 'on' : 'off', toggle: lb.sendsProxyProtocol ? 'turn off' : 'turn on' },
      });
    }
    if (p.trustXForwardedFor && !fronts.some((lb) => lb.layer === 'l7')) {
      const front = fronts.length === 0 ? 'no load balancer is in front of it' : `${listNames(fronts.map((lb) => lb.name))} in front of it ${fronts.length === 1 ? 'is an L4 load balancer, which sets' : 'are L4 load balancers, which set'} no such header`;
      at('L-B5', { proxy: p.name, front }, fronts.map((lb) => lb.id));
    }
  }
};
