/** The Proxy's addresses and listeners (§5 L-P1…L-P4, L-T1, L-B6). */
import { ACME } from '../catalog/index.ts';
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
    const fronts = [...ctx.lbs.entries()].filter(([, lb]) => lb.role === 'proxy' && lb.backends.some((b) => b.id === p.id));
    const problems: string[] = [];
    if (peers.length > 1) problems.push(`${info.cluster.name} has ${peers.length} Proxies (ACME works with a single one)`);
    if (fronts.length === 0 && web !== ACME.port) problems.push(`its web listener is on ${web}, not ${ACME.port}`);
    for (const [id] of fronts) {
      const lb = ctx.nodes.get(id);
      if (lb?.kind === 'load-balancer' && !lb.mappings.some((m) => m.frontPort === ACME.port && m.targetPort === web)) problems.push(`${lb.name} does not forward ${ACME.port} → ${web}`);
    }
    if (problems.length > 0) out.add({ code: 'L-B6', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, problem: problems.join('; ') } });
  }
};
