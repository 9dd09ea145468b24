/**
 * PROXY protocol (§5 L-B4; PL-PROXY-PROTOCOL) on the two services that read `proxy_protocol`, each on its
 * own: the Proxy (`proxy_service.proxy_protocol`, D5) and Auth (`auth_service.proxy_protocol`, D6; docs
 * "Run Teleport with the PROXY Protocol"). `on` requires a PROXY header and `off` refuses one; unspecified
 * takes either, which lets any client forge its source address.
 */
import type { NodeOfKind } from '../schema/index.ts';
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

/**
 * Nodes that reach a Proxy's listeners or Auth's port without a load balancer in between, per service:
 * the initiators of flows to one of those ports, other than load balancers (peering and monitoring use
 * other ports). May include synthetic endpoints (the ACME CA).
 */
export function directCallers(input: CheckInput, served: ReadonlyMap<string, Served> = servedNodes(input.ctx)): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const f of input.flows) {
    const s = served.get(f.to);
    if (!s || !s.ports.has(f.port) || input.ctx.nodes.get(f.from)?.kind === 'load-balancer') continue;
    let set = out.get(f.to);
    if (!set) out.set(f.to, (set = new Set()));
    set.add(f.from);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

const names = namedList;
const they = namedWithVerb;

/** L-B4 and PL-PROXY-PROTOCOL: each service's setting against the paths into it, and each load balancer's headers against its backends. */
export const proxyProtocol: Check = (input) => {
  const served = servedNodes(input.ctx);
  const direct = directCallers(input, served);
  for (const s of served.values()) settingAgainstPaths(input, s, direct.get(s.node.id) ?? []);
  for (const role of ['proxy', 'auth'] as const) behindLbs(input, role, direct);
};

/** L-B4 (unspecified) and PL-PROXY-PROTOCOL (`on` with direct callers) for one service. */
function settingAgainstPaths(input: CheckInput, s: Served, callerIds: readonly string[]): void {
  const { ctx, out } = input;
  const n = s.node;
  const fronts = frontsOf(ctx, n.id, s.role);
  const callers = callerIds.map((id) => ({ id, name: nodeLabel(ctx.plan, id) }));
  const nodeIds = [...fronts.map((lb) => lb.id), ...callers.filter((c) => ctx.nodes.has(c.id)).map((c) => c.id)];
  const senders = fronts.filter((lb) => lb.sendsProxyProtocol);
  const quiet = [...fronts.filter((lb) => !lb.sendsProxyProtocol), ...callers];
  if (n.proxyProtocol === 'unspecified') {
    const advice = senders.length === 0
      ? `proxy_protocol: off (${quiet.length === 0 ? 'nothing in front of it sends PROXY headers' : `${they(quiet, 'sends', 'send')} no PROXY headers`})`
      : quiet.length === 0
        ? `proxy_protocol: on (${they(senders, 'sends', 'send')} PROXY headers)`
        : `one PROXY protocol setting on every path first: ${they(senders, 'sends', 'send')} PROXY headers while ${they(quiet, 'does', 'do')} not; then proxy_protocol to match`;
    out.add({ code: 'L-B4', subjects: [n.id], nodes: [n.id, ...nodeIds], params: { service: n.name, section: `${s.role}_service`, advice } });
  }
  if (n.proxyProtocol === 'on' && callers.length > 0) {
    out.add({
      code: 'PL-PROXY-PROTOCOL', subjects: [n.id], nodes: [n.id, ...nodeIds.filter((id) => callers.some((c) => c.id === id))],
      params: {
        problem: `${n.name} has proxy_protocol: on, but ${they(callers, 'connects', 'connect')} to it directly, without PROXY headers`,
        fix: senders.length === 0
          ? `Route ${names(callers)} through a load balancer that sends PROXY headers, or give ${n.name} proxy_protocol: off.`
          : `Route ${names(callers)} through ${names(senders)}, which ${senders.length === 1 ? 'sends' : 'send'} PROXY headers.`,
      },
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
    const backendsCanTurn = wrong.every((w) => frontsOf(ctx, w.id, role).every((f) => f.sendsProxyProtocol === sends) && (sends ? (direct.get(w.id) ?? []).length === 0 : true));
    const options = [
      ...(lbCanTurn ? [`turn ${sends ? 'off' : 'on'} PROXY protocol on ${lb.name}`] : []),
      ...(backendsCanTurn ? [`give ${names(wrong)} proxy_protocol: ${sends ? 'on' : 'off'}`] : []),
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
