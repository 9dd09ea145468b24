/**
 * Gives a link its meaning by evaluating the catalog's relation table (`catalog/relations.ts`) on
 * the kinds and settings at its two ends, in both orientations. Unmatched pairs are refused with
 * the first matching entry of `catalog/refusals.ts`.
 */
import { AGENT_SERVICES, GENERIC_REFUSAL, KIND_INFO, LINK_REFUSALS, RELATIONS, resourceSpec, usesProxy } from '../catalog/index.ts';
import type { RefusalCondition, RefusalSpec, RelationCondition, RelationSpec } from '../catalog/index.ts';
import type { PlanNode } from '../schema/index.ts';
import { clusterIdOf, clusterOf } from './context.ts';
import type { Ctx } from './context.ts';

/** Outcome of classifying a pair of nodes. */
export type Classification =
  | { ok: true; relation: RelationSpec; initiator: PlanNode; listener: PlanNode }
  | { ok: false; reason: string; agent?: string };

/** How a Teleport node joins its cluster: agents of a Cloud cluster always use the tenant's tunnel (L-A3). */
export function effectiveJoinVia(ctx: Ctx, node: PlanNode): 'proxy' | 'auth' | undefined {
  if (node.kind !== 'agent' && node.kind !== 'tbot') return undefined;
  if (clusterOf(ctx, node)?.deployment === 'cloud') return 'proxy';
  return node.joinVia;
}

/** The agent runs a service that can accept connections and joined Auth directly. */
export function agentListens(ctx: Ctx, node: PlanNode): boolean {
  return node.kind === 'agent' && effectiveJoinVia(ctx, node) === 'auth' && node.services.some((s) => AGENT_SERVICES[s].listen !== undefined);
}

/** HTTPS_PROXY or HTTP_PROXY is set on the node. */
export function hasProxyEnv(node: PlanNode): boolean {
  if (!('env' in node) || !node.env) return false;
  return Boolean(node.env.httpsProxy) || Boolean(node.env.httpProxy);
}

function lbFronts(ctx: Ctx, node: PlanNode, want: 'proxy' | 'auth' | 'relay'): boolean {
  const info = ctx.lbs.get(node.id);
  if (!info) return false;
  return info.role === 'none' || info.role === want;
}

function holds(ctx: Ctx, w: RelationCondition, a: PlanNode, b: PlanNode): boolean {
  const ca = clusterIdOf(ctx, a);
  const cb = clusterIdOf(ctx, b);
  if (w.cluster === 'same' && ca !== undefined && cb !== undefined && ca !== cb) return false;
  if (w.cluster === 'leaf' && (cb === undefined || clusterOf(ctx, a)?.trustedRoot !== cb)) return false;
  if (w.initiatorJoinVia !== undefined && effectiveJoinVia(ctx, a) !== w.initiatorJoinVia) return false;
  if (w.initiatorServices === 'ssh' && (a.kind !== 'agent' || !a.services.includes('ssh'))) return false;
  if (w.initiatorServices === 'resource') {
    const spec = resourceSpec(b.kind);
    if (a.kind !== 'agent' || !spec || !a.services.some((s) => spec.services.includes(s))) return false;
  }
  if (w.listenerListens && !agentListens(ctx, b)) return false;
  if (w.lbFronts !== undefined) {
    const lb = a.kind === 'load-balancer' ? a : b;
    if (!lbFronts(ctx, lb, w.lbFronts)) return false;
  }
  if (w.backend) {
    const lb = ctx.lbs.get(a.id);
    if (!lb || (lb.cluster !== undefined && clusterIdOf(ctx, b) !== lb.cluster)) return false;
  }
  if (w.initiatorHasProxyEnv && !hasProxyEnv(a)) return false;
  if (w.peering && clusterOf(ctx, a)?.tunnelStrategy !== 'proxy_peering') return false;
  if (w.initiatorTool !== undefined && (a.kind !== 'client' || !a.tools.includes(w.initiatorTool))) return false;
  return true;
}

function refusalHolds(ctx: Ctx, when: RefusalCondition, a: PlanNode, b: PlanNode): boolean {
  const joiner = [a, b].find((n) => n.kind === 'agent' || n.kind === 'tbot');
  const ca = clusterIdOf(ctx, a);
  const cb = clusterIdOf(ctx, b);
  switch (when) {
    case 'agent-never-listens':
      return b.kind === 'agent' && b.services.every((s) => s === 'app' || s === 'database');
    case 'agent-joins-via-proxy':
      return joiner !== undefined && effectiveJoinVia(ctx, joiner) === 'proxy';
    case 'agent-joins-via-auth':
      return joiner !== undefined && effectiveJoinVia(ctx, joiner) === 'auth';
    case 'different-clusters':
      return ca !== undefined && cb !== undefined && ca !== cb;
    case 'same-cluster':
      return ca !== undefined && ca === cb;
    case 'agent-lacks-service': {
      const spec = resourceSpec(b.kind);
      return a.kind === 'agent' && spec !== undefined && !a.services.some((s) => spec.services.includes(s));
    }
    case 'lb-fronts-relay':
      return ctx.lbs.get(b.id)?.role === 'relay';
    case 'agent-lacks-ssh':
      return a.kind === 'agent' && !a.services.includes('ssh');
    case 'client-monitoring-only':
      return a.kind === 'client' && !a.tools.some(usesProxy);
    case 'lb-fronts-other': {
      const lb = ctx.lbs.get(b.id);
      const via = joiner === undefined ? undefined : effectiveJoinVia(ctx, joiner);
      return lb !== undefined && ((lb.role === 'auth' && via === 'proxy') || (lb.role === 'proxy' && via === 'auth'));
    }
  }
}

function fill(ctx: Ctx, text: string, a: PlanNode, b: PlanNode): string {
  const joiner = [a, b].find((n) => n.kind === 'agent' || n.kind === 'tbot');
  const spec = resourceSpec(b.kind);
  return text
    .replaceAll('{a}', a.name)
    .replaceAll('{b}', b.name)
    .replace('{kindA}', KIND_INFO[a.kind].label)
    .replace('{kindB}', KIND_INFO[b.kind].label)
    .replace('{services}', spec ? `needs ${spec.services.map((s) => AGENT_SERVICES[s].label).join(' or ')}` : '')
    .replace('{joinVia}', joiner && effectiveJoinVia(ctx, joiner) === 'auth' ? 'Auth' : 'the Proxy');
}

const matchesKind = (want: string, kind: string) => want === '*' || want === kind;

interface Candidate<T> {
  spec: T;
  /** Try with the ends swapped (initiator = y). */
  flip: boolean;
}

// Candidate relations and refusals per ordered pair of kinds, in table order, computed once per pair
// from the constant catalog tables (so classifying a link allocates nothing).
const relationIndex = new Map<string, Map<string, Candidate<RelationSpec>[]>>();
const refusalIndex = new Map<string, Map<string, Candidate<RefusalSpec>[]>>();

function candidates<T>(index: Map<string, Map<string, Candidate<T>[]>>, table: readonly T[], fits: (spec: T, a: string, b: string) => boolean, kx: string, ky: string): Candidate<T>[] {
  let inner = index.get(kx);
  if (!inner) index.set(kx, (inner = new Map()));
  let list = inner.get(ky);
  if (!list) {
    list = [];
    for (const spec of table) {
      if (fits(spec, kx, ky)) list.push({ spec, flip: false });
      if (fits(spec, ky, kx)) list.push({ spec, flip: true });
    }
    inner.set(ky, list);
  }
  return list;
}

const relFits = (r: RelationSpec, a: string, b: string) => r.initiator === a && r.listener === b;
const refFits = (r: RefusalSpec, a: string, b: string) => matchesKind(r.a, a) && matchesKind(r.b, b);

/** Classify the pair (x, y), in whichever orientation the table says. */
export function classify(ctx: Ctx, x: PlanNode, y: PlanNode): Classification {
  for (const { spec, flip } of candidates(relationIndex, RELATIONS, relFits, x.kind, y.kind)) {
    const a = flip ? y : x;
    const b = flip ? x : y;
    if (!spec.when || holds(ctx, spec.when, a, b)) return { ok: true, relation: spec, initiator: a, listener: b };
  }
  for (const { spec, flip } of candidates(refusalIndex, LINK_REFUSALS, refFits, x.kind, y.kind)) {
    const a = flip ? y : x;
    const b = flip ? x : y;
    if (spec.when && !refusalHolds(ctx, spec.when, a, b)) continue;
    const reason = fill(ctx, spec.reason, a, b);
    const agent = spec.inboundToAgent ? (a.kind === 'agent' ? a : b.kind === 'agent' ? b : undefined)?.id : undefined;
    return agent === undefined ? { ok: false, reason } : { ok: false, reason, agent };
  }
  return { ok: false, reason: fill(ctx, GENERIC_REFUSAL, x, y) };
}
