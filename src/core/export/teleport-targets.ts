/**
 * What a Teleport node dials, read from the engine's flows (`Flow.dialTarget`): the `proxy_server`
 * or `auth_server` of its teleport.yaml, and the resources an agent serves (databases, apps,
 * desktops) from its outbound rules. Shared by the Teleport config and environment exports.
 */
import type { DeriveResult, Flow } from '../engine/index.ts';
import type { Plan, PlanNode, TeleportNode } from '../schema/index.ts';
import { isHostPort } from '../schema/index.ts';
import { compareText } from './model.ts';

/** Flow catalogs that tell where a node joins, by node kind and join path. */
const JOIN_CATALOGS: Record<'proxy' | 'auth', readonly string[]> = {
  proxy: ['agent-join', 'tbot-web', 'relay-join'],
  auth: ['agent-auth-direct', 'tbot-auth', 'proxy-auth'],
};

/** Where a node joins: `via` says which key (`proxy_server` / `auth_server`) it belongs in. */
export interface JoinTarget {
  via: 'proxy' | 'auth';
  /** `host:port`, or undefined when the plan does not link the node to its Proxy/Auth, or gives them no address. */
  address?: string;
}

/** The address a node dials to join its cluster (from its flows, first by flow id). */
export function joinTarget(node: TeleportNode, result: DeriveResult): JoinTarget {
  const via = node.kind === 'proxy' || node.kind === 'auth' ? 'auth' : node.kind === 'relay' ? 'proxy' : node.joinVia;
  const flows = result.flows
    .filter((f) => f.from === node.id && JOIN_CATALOGS[via].includes(f.catalog) && f.dialTarget !== undefined && isHostPort(f.dialTarget))
    .sort((a, b) => compareText(a.id, b.id));
  const address = flows[0]?.dialTarget;
  return address === undefined ? { via } : { via, address };
}

/** Plan nodes an agent reaches (destinations of its outbound flows), with the port it dials. */
export function reachedNodes(plan: Plan, result: DeriveResult, nodeId: string): { node: PlanNode; flow: Flow }[] {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const out: { node: PlanNode; flow: Flow }[] = [];
  for (const flow of [...result.flows].sort((a, b) => compareText(a.id, b.id))) {
    const node = nodes.get(flow.to);
    if (flow.from !== nodeId || !node || seen.has(`${node.id}:${flow.port}`)) continue;
    seen.add(`${node.id}:${flow.port}`);
    out.push({ node, flow });
  }
  return out;
}

/** The host part of a flow's destination: its dial target, else the node's first address, else its id. */
export function targetHost(node: PlanNode, flow: Flow): string {
  const dial = flow.dialTarget;
  if (dial !== undefined && isHostPort(dial)) return dial.replace(/:\d+$/, '');
  const first = node.addresses[0];
  return first !== undefined && !first.includes('/') ? first.replace(/:\d+$/, '') : node.id;
}
