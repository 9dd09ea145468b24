/** The Proxy's addresses, listeners and settings (§5 L-P1…L-P4, L-T1, L-B4, L-B5, L-B6, L-C7, L-C8; PL-PROXY-PROTOCOL). */
import { ACME, PROXY_LISTENERS, PUBLIC_NEEDS_LISTEN, V1_LEGACY_LISTENERS } from '../catalog/index.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Ctx } from '../engine/context.ts';
import { nameOf, nodeLabel } from '../engine/endpoints.ts';
import type { ProxyInfo } from '../engine/proxy-listeners.ts';
import type { Check, CheckInput } from './input.ts';
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

/** L-P3 (advertised port ≠ open port), PL-TUNNEL-ENV-PORT (an agent's TELEPORT_TUNNEL_PUBLIC_ADDR override of it) and L-P4 (forced tunnel port through an LB). */
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
  return V1_LEGACY_LISTENERS.map((id) => PROXY_LISTENERS[id])
    .filter((spec) => info.node[spec.listenField] === undefined)
    .map((spec) => `${spec.label} ${info.listeners.get(spec.id)?.port ?? spec.defaultPort}`);
}

/**
 * Nodes that reach a Proxy's listeners without a load balancer in between, per Proxy: the initiators
 * of flows to one of its listener ports, other than load balancers (peering and monitoring use other ports).
 */
function directCallers(input: CheckInput): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const f of input.flows) {
    const info = input.ctx.proxies.get(f.to);
    if (!info || input.ctx.nodes.get(f.from)?.kind === 'load-balancer') continue;
    if (![...info.listeners.values()].some((l) => l.port === f.port)) continue;
    let set = out.get(f.to);
    if (!set) out.set(f.to, (set = new Set()));
    set.add(f.from);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

const names = (nodes: readonly { name: string }[]) => listNames(nodes.map((n) => n.name));

/** "LB sends" / "LB and LB 2 send": names with the verb that agrees with them. */
const they = (nodes: readonly { name: string }[], one: string, many: string) => withVerb(nodes.map((n) => n.name), one, many);

type At = (code: string, params: Record<string, string | number>, nodes?: string[]) => void;

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
  if (first) at('L-C8', { proxy: p.name, problems: listNames(lonely.map((x) => `${x.publicKey} without ${x.listenKey}`), lonely.length), example: `${first.listenKey}: 0.0.0.0:${first.defaultPort}` });
}

/** The ways into a Proxy: load balancers in front of it and nodes that reach it directly. */
interface Paths {
  fronts: NodeOfKind<'load-balancer'>[];
  /** May include synthetic endpoints (the ACME CA), named by the engine's label. */
  callers: { id: string; name: string }[];
  /** Ids of the plan nodes among both, for the finding's node list. */
  nodeIds: string[];
}

/** L-B4, PL-PROXY-PROTOCOL (direct callers) and L-B5: the Proxy's settings against the paths into it. */
function pathLints(p: NodeOfKind<'proxy'>, { fronts, callers, nodeIds }: Paths, at: At): void {
  const senders = fronts.filter((lb) => lb.sendsProxyProtocol);
  const quiet = [...fronts.filter((lb) => !lb.sendsProxyProtocol), ...callers];
  if (p.proxyProtocol === 'unspecified') {
    const advice = senders.length === 0
      ? `proxy_protocol: off (${quiet.length === 0 ? 'nothing in front of it sends PROXY headers' : `${they(quiet, 'sends', 'send')} no PROXY headers`})`
      : quiet.length === 0
        ? `proxy_protocol: on (${they(senders, 'sends', 'send')} PROXY headers)`
        : `one PROXY protocol setting on every path first: ${they(senders, 'sends', 'send')} PROXY headers while ${they(quiet, 'does', 'do')} not; then proxy_protocol to match`;
    at('L-B4', { proxy: p.name, advice }, nodeIds);
  }
  if (p.proxyProtocol === 'on' && callers.length > 0) {
    at('PL-PROXY-PROTOCOL', {
      problem: `${p.name} has proxy_protocol: on, but ${they(callers, 'connects', 'connect')} to it directly, without PROXY headers`,
      fix: senders.length === 0
        ? `Route ${names(callers)} through a load balancer that sends PROXY headers, or give ${p.name} proxy_protocol: off.`
        : `Route ${names(callers)} through ${names(senders)}, which ${senders.length === 1 ? 'sends' : 'send'} PROXY headers.`,
    }, nodeIds.filter((id) => callers.some((c) => c.id === id)));
  }
  const l4 = fronts.filter((lb) => lb.layer === 'l4');
  if (p.trustXForwardedFor && (fronts.length === 0 || l4.length > 0 || callers.length > 0)) {
    const parts = [
      ...(fronts.length === 0 && callers.length === 0 ? ['no load balancer is in front of it'] : []),
      ...(l4.length > 0 ? [`${names(l4)} in front of it ${l4.length === 1 ? 'is an L4 load balancer, which sets' : 'are L4 load balancers, which set'} no such header`] : []),
      ...(callers.length > 0 ? [`${they(callers, 'reaches', 'reach')} it directly`] : []),
    ];
    at('L-B5', { proxy: p.name, front: parts.join(', and ') }, nodeIds);
  }
}

/** L-C7, L-C8, L-B4, L-B5, PL-PROXY-PROTOCOL: the Proxy's own configuration. */
export const proxySettings: Check = (input) => {
  const { ctx, out } = input;
  const direct = directCallers(input);
  for (const info of ctx.proxies.values()) {
    if (info.cluster.deployment === 'cloud') continue;
    const p = info.node;
    const at: At = (code, params, nodes = []) => out.add({ code, subjects: [p.id], nodes: [p.id, ...nodes], params });
    addressLints(info, at);
    const fronts = frontsOf(ctx, p.id);
    const callers = (direct.get(p.id) ?? []).map((id) => ({ id, name: nodeLabel(ctx.plan, id) }));
    const nodeIds = [...fronts.map((lb) => lb.id), ...callers.filter((c) => ctx.nodes.has(c.id)).map((c) => c.id)];
    pathLints(p, { fronts, callers, nodeIds }, at);
  }
  proxyProtocolBehindLbs(input, direct);
};

/**
 * PL-PROXY-PROTOCOL: a load balancer's PROXY headers and its Proxies' setting disagree (one finding per load
 * balancer). The fix offers only the changes that break no other path: turning the load balancer's PROXY
 * protocol over when none of its other Proxies insists on the current one, changing the Proxies when
 * every other path into them agrees with this load balancer.
 */
function proxyProtocolBehindLbs(input: CheckInput, direct: Map<string, string[]>): void {
  const { ctx, out } = input;
  for (const [id, info] of ctx.lbs) {
    if (info.role !== 'proxy') continue;
    const lb = ctx.nodes.get(id) as NodeOfKind<'load-balancer'>;
    const sends = lb.sendsProxyProtocol;
    const against = sends ? 'off' : 'on';
    const proxies = info.backends.filter((b): b is NodeOfKind<'proxy'> => b.kind === 'proxy');
    const wrong = proxies.filter((b) => b.proxyProtocol === against).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (wrong.length === 0) continue;
    const lbCanTurn = proxies.every((b) => b.proxyProtocol !== (sends ? 'on' : 'off'));
    const proxiesCanTurn = wrong.every((w) => frontsOf(ctx, w.id).every((f) => f.sendsProxyProtocol === sends) && (sends ? (direct.get(w.id) ?? []).length === 0 : true));
    const options = [
      ...(lbCanTurn ? [`turn ${sends ? 'off' : 'on'} PROXY protocol on ${lb.name}`] : []),
      ...(proxiesCanTurn ? [`give ${names(wrong)} proxy_protocol: ${sends ? 'on' : 'off'}`] : []),
    ];
    const fix = options.length > 0
      ? `${options.join(', or ')}.`
      : `make every path into ${names(wrong)} agree on PROXY headers (load balancers and direct callers), then set proxy_protocol to match.`;
    out.add({
      code: 'PL-PROXY-PROTOCOL', subjects: [id], nodes: [id, ...wrong.map((w) => w.id)],
      params: {
        problem: `${lb.name} ${sends ? 'sends' : 'sends no'} PROXY headers, but ${names(wrong)} ${wrong.length === 1 ? 'has' : 'have'} proxy_protocol: ${against}`,
        fix: fix.charAt(0).toUpperCase() + fix.slice(1),
      },
    });
  }
}
