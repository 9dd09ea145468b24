/**
 * Lookups over one derive result for tracing: flows by initiator, the rule of each flow, plan nodes by
 * id. A set of flow ids can be left out, which is how `whatBreaks` closes a rule or a port.
 */
import { CLOUD_TENANT_PREFIX } from '../catalog/index.ts';
import { nodeLabel } from '../engine/endpoints.ts';
import type { DeriveResult, Flow } from '../engine/index.ts';
import type { Link, Plan, PlanNode } from '../schema/index.ts';
import { isTeleportNode } from '../schema/index.ts';

/** The trace's view of a plan and its derive result. */
export interface FlowGraph {
  plan: Plan;
  nodes: ReadonlyMap<string, PlanNode>;
  /** Flows by `from`, sorted by flow id. */
  out: ReadonlyMap<string, readonly Flow[]>;
  /** Flows by `to`, sorted by flow id. */
  into: ReadonlyMap<string, readonly Flow[]>;
  /** Proxy nodes, sorted by id. */
  proxies: readonly PlanNode[];
  /** Plan links of each node, sorted by id. */
  linksOf: ReadonlyMap<string, readonly Link[]>;
  /** Rule id by flow id. */
  ruleOf: ReadonlyMap<string, string>;
  /** Display name of an endpoint (node name, or a readable name for a synthetic endpoint). */
  name(id: string): string;
}

function push(map: Map<string, Flow[]>, key: string, f: Flow): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

/** Build the graph, leaving out the flows in `closed`. */
export function buildGraph(plan: Plan, result: DeriveResult, closed: ReadonlySet<string> = new Set()): FlowGraph {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Flow[]>();
  const into = new Map<string, Flow[]>();
  const flows = [...result.flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const f of flows) {
    if (closed.has(f.id)) continue;
    push(out, f.from, f);
    push(into, f.to, f);
  }
  const proxies = plan.nodes.filter((n) => n.kind === 'proxy').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const linksOf = new Map<string, Link[]>();
  for (const l of [...plan.links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const end of new Set([l.source, l.target])) {
      const list = linksOf.get(end);
      if (list) list.push(l);
      else linksOf.set(end, [l]);
    }
  }
  const ruleOf = new Map<string, string>();
  for (const r of result.rules) for (const f of r.flows) ruleOf.set(f, r.id);
  const names = new Map<string, string>();
  return {
    plan, nodes, out, into, proxies, linksOf, ruleOf,
    name(id) {
      let n = names.get(id);
      if (n === undefined) names.set(id, (n = nodes.get(id)?.name ?? nodeLabel(plan, id)));
      return n;
    },
  };
}

/** Flows opened by `from` with one of these catalog ids. */
export function flowsFrom(g: FlowGraph, from: string, catalogs: ReadonlySet<string>): Flow[] {
  return (g.out.get(from) ?? []).filter((f) => catalogs.has(f.catalog));
}

/** The endpoint is a Teleport Cloud tenant (it stands in for the Proxy). */
export function isTenant(id: string): boolean {
  return id.startsWith(CLOUD_TENANT_PREFIX);
}

/** Cluster id of a Proxy node or tenant endpoint (the first cluster when a node names none). */
export function clusterOfEndpoint(g: FlowGraph, id: string): string | undefined {
  if (isTenant(id)) return id.slice(CLOUD_TENANT_PREFIX.length);
  const node = g.nodes.get(id);
  if (!node) return undefined;
  if (isTeleportNode(node)) return node.cluster ?? g.plan.clusters[0]?.id;
  return undefined;
}
