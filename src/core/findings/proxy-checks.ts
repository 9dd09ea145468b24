/** The Proxy's addresses, listeners and settings (§5 L-P1…L-P4, L-T1, L-B6, L-C7, L-C8; the paths into it, L-B4, L-B5: path-checks.ts). */
import { ACME, L7_TLS_ROUTING_MIN_VERSION, PROXY_LISTENERS, PUBLIC_NEEDS_LISTEN, V1_LEGACY_LISTENERS } from '../catalog/index.ts';
import type { ProxyListenerSpec } from '../catalog/index.ts';
import type { Ctx } from '../engine/context.ts';
import { joinHostPort } from '../engine/addr.ts';
import { nameOf } from '../engine/endpoints.ts';
import type { ProxyInfo } from '../engine/proxy-listeners.ts';
import type { Autofix } from '../engine/types.ts';
import type { Check } from './input.ts';
import { frontsOf } from './path-checks.ts';
import { ifNode, namesOf, planNodes } from './input.ts';
import { listNames, withVerb } from './sink.ts';

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
      // Kubernetes too when kubectl users reach this Proxy: tsh points them at <web host>:3026 (applyProxySettings).
      const kubectl = [...(reached ?? [])].some((id) => { const n = ctx.nodes.get(id); return n?.kind === 'client' && n.tools.includes('kubectl'); });
      const missing = (kubectl ? (['ssh', 'tunnel', 'kube'] as const) : (['ssh', 'tunnel'] as const)).filter((id) => !info.listeners.has(id)).map((id) => PROXY_LISTENERS[id]);
      if (missing.length > 0) {
        out.add({
          code: 'L-T1', subjects: [p.id], nodes: [p.id],
          params: { cluster: info.cluster.name, proxy: p.name, version: info.cluster.configVersion, missing: missing.map((m) => `${m.label} (${m.listenKey}, ${m.defaultPort})`).join(' or ') },
          choices: separateModeChoices(input.ctx, info, missing),
        });
      }
    }
  }
};

/**
 * L-T1's options, each only where it works: TLS routing for the cluster (not where a Proxy of it sits
 * behind an L7 or TLS-terminating load balancer of a release before TLS routing through them, L-T3), or the missing
 * listeners on their default ports (not behind a load balancer, whose mappings a field cannot add, nor
 * on a port another listener of the Proxy holds).
 */
function separateModeChoices(ctx: Ctx, info: ProxyInfo, missing: readonly ProxyListenerSpec[]): Autofix[] {
  const c = info.cluster;
  const out: Autofix[] = [];
  const oldL7 = c.teleportVersion < L7_TLS_ROUTING_MIN_VERSION && (ctx.proxiesByCluster.get(c.id) ?? []).some((p) => frontsOf(ctx, p.id).some((lb) => lb.layer === 'l7' || lb.tlsTermination));
  if (!oldL7) out.push({ label: `Switch ${c.name} to TLS routing (proxy_listener_mode: multiplex)`, changes: [{ target: 'cluster', id: c.id, field: 'proxyListenerMode', value: 'multiplex' }] });
  const taken = new Set([...info.listeners.values()].map((l) => l.port));
  if (frontsOf(ctx, info.node.id).length === 0 && missing.every((m) => !taken.has(m.defaultPort))) {
    const listen = (m: ProxyListenerSpec) => joinHostPort('0.0.0.0', m.defaultPort);
    out.push({
      label: `Set ${listNames(missing.map((m) => `${m.listenKey}: ${listen(m)}`))} for ${info.node.name}`,
      changes: missing.map((m) => ({ target: 'node' as const, id: info.node.id, field: m.listenField, value: listen(m) })),
    });
  }
  return out;
}

/** `port 443`, `ports 443 and 3024`. */
function portList(ports: readonly number[]): string {
  return `${ports.length === 1 ? 'port' : 'ports'} ${listNames(ports.map(String), ports.length)}`;
}

/** Each advertised address once, with the uses it serves: `a:443 (join, tsh) and b:3024 (reverse tunnel)`. */
function advertisedUses(items: readonly (readonly [string, { advertised: string }])[]): string {
  const uses = new Map<string, string[]>();
  for (const [what, v] of items) {
    const list = uses.get(v.advertised);
    if (list) list.push(what);
    else uses.set(v.advertised, [what]);
  }
  return listNames([...uses].map(([addr, whats]) => `${addr} (${whats.join(', ')})`), uses.size);
}

/** L-P3 (advertised port ≠ open port), PL-TUNNEL-ENV-PORT (an agent's TELEPORT_TUNNEL_PUBLIC_ADDR override of it) and L-P4 (forced tunnel port through an LB). */
export const advertisedPorts: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const m of obs.portMismatches.values()) {
    const items = [...m.items.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    out.add({
      code: 'L-P3', subjects: [m.hop, m.proxy], nodes: [m.hop, m.proxy, ...m.initiators], links: m.links,
      params: {
        initiator: withVerb(namesOf(input, m.initiators), 'dials', 'dial'),
        advertised: advertisedUses(items),
        proxy: ctx.nodes.get(m.proxy)?.name ?? m.proxy,
        hop: ctx.nodes.get(m.hop)?.name ?? m.hop,
        open: portList([...new Set(items.map(([, v]) => v.open))]),
      },
    });
  }
  for (const m of obs.overrideMismatches.values()) {
    if (m.kind !== 'tunnel-env') continue; // join addresses: `joinAddresses` in agent-checks.ts
    out.add({
      code: 'PL-TUNNEL-ENV-PORT', subjects: [m.agent, m.hop], nodes: planNodes(input, m.agent, m.hop), links: m.links,
      params: {
        agent: nameOf(ctx, m.agent), addr: m.addr, hop: nameOf(ctx, m.hop), open: m.open,
        orOpen: ifNode(input, m.hop, (name) => `, or open its port on ${name} (a tunnel listener, or a load balancer mapping to one)`),
      },
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
      // TLS-ALPN-01 (RFC 8737): the CA's own TLS handshake (ALPN acme-tls/1) must reach the Proxy.
      if (lb.layer === 'l7' || lb.tlsTermination) problems.push(`${lb.name} terminates TLS, so the CA's TLS-ALPN-01 handshake never reaches the Proxy`);
    }
    if (problems.length > 0) out.add({ code: 'L-B6', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, problem: problems.join('; ') } });
  }
};

/** Listeners a v1 configuration opens although the Proxy does not configure them (L-C7). */
function legacyListeners(info: ProxyInfo): string[] {
  return V1_LEGACY_LISTENERS.map((id) => PROXY_LISTENERS[id])
    .filter((spec) => info.node[spec.listenField] === undefined)
    .map((spec) => `${spec.label} ${info.listeners.get(spec.id)?.port ?? spec.defaultPort}`);
}

type At = (code: string, params: Record<string, string | number>, nodes?: string[], autofix?: Autofix) => void;

/** L-C7 and L-C8: what the Proxy's own listen and public addresses make Teleport do. */
function addressLints(info: ProxyInfo, at: At): void {
  const p = info.node;
  const legacy = info.cluster.configVersion === 'v1' ? legacyListeners(info) : [];
  if (legacy.length > 0) at('L-C7', { proxy: p.name, listeners: listNames(legacy, legacy.length) });
  const lonely = PUBLIC_NEEDS_LISTEN.filter((x) => {
    const pub = p[x.publicField];
    return (Array.isArray(pub) ? pub.length > 0 : pub !== undefined) && p[x.listenField] === undefined;
  });
  const first = lonely[0];
  if (first) {
    const autofix = {
      label: `Set ${listNames(lonely.map((x) => `${x.listenKey}: 0.0.0.0:${x.defaultPort}`), lonely.length)} for ${p.name}`,
      changes: lonely.map((x) => ({ target: 'node' as const, id: p.id, field: x.listenField, value: `0.0.0.0:${x.defaultPort}` })),
    };
    at('L-C8', { proxy: p.name, problems: listNames(lonely.map((x) => `${x.publicKey} without ${x.listenKey}`), lonely.length), example: `${first.listenKey}: 0.0.0.0:${first.defaultPort}` }, [], autofix);
  }
}

/** L-C7, L-C8: the Proxy's own configuration. */
export const proxySettings: Check = (input) => {
  const { ctx, out } = input;
  for (const info of ctx.proxies.values()) {
    if (info.cluster.deployment === 'cloud') continue;
    const p = info.node;
    addressLints(info, (code, params, nodes = [], autofix) => out.add({ code, subjects: [p.id], nodes: [p.id, ...nodes], params, ...(autofix ? { autofix } : {}) }));
  }
};
