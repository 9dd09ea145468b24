/**
 * The paths into the services that read how they are reached: PROXY protocol (§5 L-B4;
 * PL-PROXY-PROTOCOL) on the two services with a `proxy_protocol` each, the Proxy
 * (`proxy_service.proxy_protocol`, D5) and Auth (`auth_service.proxy_protocol`, D6; docs "Run Teleport
 * with the PROXY Protocol"), and the Proxy's `trust_x_forwarded_for` (L-B5). `on` requires a PROXY header
 * and `off` refuses one; unspecified takes either, which lets any client forge its source address.
 */
import type { NodeOfKind } from '../schema/index.ts';
import type { Autofix } from '../engine/types.ts';
import { MONITOR_ENDPOINTS } from '../catalog/index.ts';
import { hostOfAddress } from '../engine/context.ts';
import type { Ctx } from '../engine/context.ts';
import { nodeLabel } from '../engine/endpoints.ts';
import { authPort } from '../engine/families/control-plane.ts';
import type { Check, CheckInput } from './input.ts';
import { namedList, namedWithVerb } from './sink.ts';

/** A service that reads `proxy_protocol`: the ports it takes connections on, and the load balancer role that fronts it. */
interface Served {
  node: NodeOfKind<'proxy'> | NodeOfKind<'auth'>;
  role: 'proxy' | 'auth';
  ports: ReadonlySet<number>;
}

/** Every self-hosted Proxy (its listener ports) and Auth (its listen port), in the context's order. */
function servedNodes(ctx: Ctx): Map<string, Served> {
  const out = new Map<string, Served>();
  for (const info of ctx.proxies.values()) {
    if (info.cluster.deployment === 'cloud') continue;
    out.set(info.node.id, { node: info.node, role: 'proxy', ports: new Set([...info.listeners.values()].map((l) => l.port)) });
  }
  for (const [cluster, auths] of ctx.authsByCluster) {
    if (ctx.clusters.get(cluster)?.deployment === 'cloud') continue;
    for (const auth of auths) out.set(auth.id, { node: auth, role: 'auth', ports: new Set([authPort(auth)]) });
  }
  return out;
}

/** The load balancers in front of a node: those of the role that have it as a backend. */
export function frontsOf(ctx: Ctx, id: string, role: 'proxy' | 'auth' = 'proxy'): NodeOfKind<'load-balancer'>[] {
  const out: NodeOfKind<'load-balancer'>[] = [];
  for (const [lbId, lb] of ctx.lbs) {
    if (lb.role === role && lb.backends.some((b) => b.id === id)) out.push(ctx.nodes.get(lbId) as NodeOfKind<'load-balancer'>);
  }
  return out;
}

/** Monitoring scrapes (metrics, diagnostics): on ports of their own, never a service's front door. */
const MONITOR_TEMPLATES: ReadonlySet<string> = new Set(MONITOR_ENDPOINTS.map((e) => e.template));

/**
 * Nodes that reach a Proxy's listeners or Auth's port without a load balancer in between, per service:
 * the initiators of flows to one of those ports, other than load balancers and monitoring scrapes
 * (peering uses another port). May include synthetic endpoints (the ACME CA).
 */
function directCallers(input: CheckInput, served: ReadonlyMap<string, Served>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const f of input.flows) {
    const s = served.get(f.to);
    if (!s || !s.ports.has(f.port) || MONITOR_TEMPLATES.has(f.catalog) || input.ctx.nodes.get(f.from)?.kind === 'load-balancer') continue;
    let set = out.get(f.to);
    if (!set) out.set(f.to, (set = new Set()));
    set.add(f.from);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Host addresses (not CIDRs) of a node, lower-cased. */
function hostsOf(node: { addresses: readonly string[] } | undefined): Set<string> {
  return new Set((node?.addresses ?? []).filter((a) => !a.includes('/')).map(hostOfAddress));
}

/**
 * The caller runs on the same host as the service: Teleport's multiplexer lets such connections in
 * without a PROXY header (`checkPROXYProtocolRequirement`: "Proxy and other services might call itself
 * directly"), so they do not count against `proxy_protocol: on`.
 */
function sameHost(ctx: Ctx, caller: string, service: { addresses: readonly string[] }): boolean {
  const mine = hostsOf(service);
  for (const h of hostsOf(ctx.nodes.get(caller))) if (mine.has(h)) return true;
  return false;
}

/**
 * L-B4 and PL-PROXY-PROTOCOL: each service's setting against the paths into it, and each load balancer's
 * headers against its backends; L-B5: a Proxy's `trust_x_forwarded_for` against the same paths.
 */
export const servicePaths: Check = (input) => {
  const served = servedNodes(input.ctx);
  const direct = directCallers(input, served);
  for (const s of served.values()) {
    const callers = direct.get(s.node.id) ?? [];
    settingAgainstPaths(input, s, callers);
    if (s.node.kind === 'proxy') forwardedFor(input, s.node, callers);
  }
  for (const role of ['proxy', 'auth'] as const) behindLbs(input, role, direct);
};

/** L-B5: `trust_x_forwarded_for` without a trusted L7 load balancer in front (nodes that reach the Proxy directly count too). */
function forwardedFor(input: CheckInput, p: NodeOfKind<'proxy'>, callerIds: readonly string[]): void {
  if (!p.trustXForwardedFor) return;
  const { ctx, out } = input;
  const fronts = frontsOf(ctx, p.id, 'proxy');
  const callers = callerIds.map((id) => ({ id, name: nodeLabel(ctx.plan, id) }));
  const l4 = fronts.filter((lb) => lb.layer === 'l4');
  if (fronts.length > 0 && l4.length === 0 && callers.length === 0) return;
  const parts = [
    ...(fronts.length === 0 && callers.length === 0 ? ['no load balancer is in front of it'] : []),
    ...(l4.length > 0 ? [`${namedList(l4)} in front of it ${l4.length === 1 ? 'is an L4 load balancer, which sets' : 'are L4 load balancers, which set'} no such header`] : []),
    ...(callers.length > 0 ? [`${namedWithVerb(callers, 'reaches', 'reach')} it directly`] : []),
  ];
  const nodeIds = [...fronts.map((lb) => lb.id), ...callerIds.filter((id) => ctx.nodes.has(id))];
  out.add({ code: 'L-B5', subjects: [p.id], nodes: [p.id, ...nodeIds], params: { proxy: p.name, front: parts.join(', and ') } });
}

/** Set proxy_protocol on these services (one change each). */
function proxyProtocolFix(services: readonly { id: string; name: string }[], value: 'on' | 'off'): Autofix {
  return { label: `Set proxy_protocol: ${value} for ${namedList(services)}`, changes: services.map((s) => ({ target: 'node' as const, id: s.id, field: 'proxyProtocol', value })) };
}

/** L-B4 (unspecified) and PL-PROXY-PROTOCOL (`on` with direct callers) for one service. */
function settingAgainstPaths(input: CheckInput, s: Served, callerIds: readonly string[]): void {
  const { ctx, out } = input;
  const n = s.node;
  const fronts = frontsOf(ctx, n.id, s.role);
  const callers = callerIds.filter((id) => !sameHost(ctx, id, n)).map((id) => ({ id, name: nodeLabel(ctx.plan, id) }));
  const nodeIds = [...fronts.map((lb) => lb.id), ...callers.filter((c) => ctx.nodes.has(c.id)).map((c) => c.id)];
  const senders = fronts.filter((lb) => lb.sendsProxyProtocol);
  const quiet = [...fronts.filter((lb) => !lb.sendsProxyProtocol), ...callers];
  if (n.proxyProtocol === 'unspecified') {
    const advice = senders.length === 0
      ? `proxy_protocol: off (${quiet.length === 0 ? 'nothing in front of it sends PROXY headers' : `${namedWithVerb(quiet, 'sends', 'send')} no PROXY headers`})`
      : quiet.length === 0
        ? `proxy_protocol: on (${namedWithVerb(senders, 'sends', 'send')} PROXY headers)`
        : `one PROXY protocol setting on every path first: ${namedWithVerb(senders, 'sends', 'send')} PROXY headers while ${namedWithVerb(quiet, 'does', 'do')} not; then proxy_protocol to match`;
    // One setting fits every path when none or all of them send PROXY headers: the app can set it.
    const value = senders.length === 0 ? 'off' : quiet.length === 0 ? 'on' : undefined;
    const autofix = value === undefined ? undefined : proxyProtocolFix([n], value);
    out.add({ code: 'L-B4', subjects: [n.id], nodes: [n.id, ...nodeIds], params: { service: n.name, section: `${s.role}_service`, advice }, ...(autofix ? { autofix } : {}) });
  }
  if (n.proxyProtocol === 'on' && callers.length > 0) {
    out.add({
      code: 'PL-PROXY-PROTOCOL', subjects: [n.id], nodes: [n.id, ...nodeIds.filter((id) => callers.some((c) => c.id === id))],
      params: {
        problem: `${n.name} has proxy_protocol: on, but ${namedWithVerb(callers, 'connects', 'connect')} to it directly, without PROXY headers`,
        fix: senders.length === 0
          ? `Route ${namedList(callers)} through a load balancer that sends PROXY headers, or give ${n.name} proxy_protocol: off.`
          : `Route ${namedList(callers)} through ${namedList(senders)}, which ${senders.length === 1 ? 'sends' : 'send'} PROXY headers.`,
      },
      // Rerouting is a drawing change; turning the setting off is a field, an option while no path sends headers.
      ...(senders.length === 0 ? { choices: [proxyProtocolFix([n], 'off')] } : {}),
    });
  }
}

/**
 * PL-PROXY-PROTOCOL: a load balancer's PROXY headers and its backends' setting disagree (one finding per
 * load balancer). The fix offers only the changes that break no other path: turning the load balancer's
 * PROXY protocol over when none of its other backends insists on the current one, changing the backends
 * when every other path into them agrees with this load balancer.
 */
function behindLbs(input: CheckInput, role: 'proxy' | 'auth', direct: ReadonlyMap<string, string[]>): void {
  const { ctx, out } = input;
  for (const [id, info] of ctx.lbs) {
    if (info.role !== role) continue;
    const lb = ctx.nodes.get(id) as NodeOfKind<'load-balancer'>;
    const sends = lb.sendsProxyProtocol;
    const against = sends ? 'off' : 'on';
    const backends = info.backends.filter((b): b is NodeOfKind<'proxy'> | NodeOfKind<'auth'> => b.kind === role);
    const wrong = backends.filter((b) => b.proxyProtocol === against).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (wrong.length === 0) continue;
    const lbCanTurn = backends.every((b) => b.proxyProtocol !== (sends ? 'on' : 'off'));
    const backendsCanTurn = wrong.every((w) => frontsOf(ctx, w.id, role).every((f) => f.sendsProxyProtocol === sends) && (sends ? (direct.get(w.id) ?? []).every((id) => sameHost(ctx, id, w)) : true));
    const options = [
      ...(lbCanTurn ? [`turn ${sends ? 'off' : 'on'} PROXY protocol on ${lb.name}`] : []),
      ...(backendsCanTurn ? [`give ${namedList(wrong)} proxy_protocol: ${sends ? 'on' : 'off'}`] : []),
    ];
    const choices: Autofix[] = [
      ...(lbCanTurn ? [{ label: `Turn ${sends ? 'off' : 'on'} PROXY protocol on ${lb.name}`, changes: [{ target: 'node' as const, id, field: 'sendsProxyProtocol', value: !sends }] }] : []),
      ...(backendsCanTurn ? [proxyProtocolFix(wrong, sends ? 'on' : 'off')] : []),
    ];
    const fix = options.length > 0
      ? `${options.join(', or ')}.`
      : `make every path into ${namedList(wrong)} agree on PROXY headers (load balancers and direct callers), then set proxy_protocol to match.`;
    out.add({
      code: 'PL-PROXY-PROTOCOL', subjects: [id], nodes: [id, ...wrong.map((w) => w.id)],
      params: {
        problem: `${lb.name} ${sends ? 'sends' : 'sends no'} PROXY headers, but ${namedList(wrong)} ${wrong.length === 1 ? 'has' : 'have'} proxy_protocol: ${against}`,
        fix: fix.charAt(0).toUpperCase() + fix.slice(1),
      },
      choices,
    });
  }
}
