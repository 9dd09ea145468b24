/**
 * Forward chains: from a node that dials the Proxy (a client, tbot, an agent, a leaf Proxy), follow
 * its flows of one kind through HTTP CONNECT forward proxies and load balancers until they reach a
 * Proxy or a Teleport Cloud tenant (or, for relay flows, a Relay Service). A chain that stops early is
 * a dead end, kept to explain a gap.
 */
import type { Flow } from '../engine/index.ts';
import { flowsFrom, isTenant } from './graph.ts';
import type { FlowGraph } from './graph.ts';

/** Flows from the initiator to a Proxy (or tenant), in traffic order. */
export interface Chain {
  /** Proxy node id or `cloud-tenant:<cluster>`. */
  end: string;
  flows: Flow[];
}

/** Where a chain stopped before reaching a Proxy. */
export interface DeadEnd {
  /** The load balancer or forward proxy that leads nowhere. */
  at: string;
  flows: Flow[];
}

/** All chains (sorted by end, then flow ids) and dead ends from `start`. */
export interface Chains {
  chains: Chain[];
  deadEnds: DeadEnd[];
}

/** Forward proxies and load balancers in a row: more is a loop in the plan, not a path. */
const MAX_DEPTH = 6;

/** The kind of node chains end at: the Proxy (with Cloud tenants), or a Relay Service. */
export type ChainEnd = 'proxy' | 'relay';

function expand(g: FlowGraph, flows: Flow[], acc: Chains, endKind: ChainEnd): void {
  const last = flows[flows.length - 1] as Flow;
  const to = last.to;
  const node = g.nodes.get(to);
  if ((endKind === 'proxy' && isTenant(to)) || node?.kind === endKind) {
    acc.chains.push({ end: to, flows });
    return;
  }
  let next: Flow[] = [];
  if (flows.length < MAX_DEPTH && node?.kind === 'load-balancer') {
    const targets = new Set(node.mappings.filter((m) => m.frontPort === last.port).map((m) => m.targetPort));
    next = (g.out.get(to) ?? []).filter((f) => f.catalog === 'lb-backend' && targets.has(f.port) && g.nodes.get(f.to)?.kind === endKind);
  } else if (flows.length < MAX_DEPTH && node?.kind === 'http-proxy') {
    // The relayed flow shares the kind and the link of the host that asked for the CONNECT tunnel.
    next = (g.out.get(to) ?? []).filter((f) => f.catalog === last.catalog && f.links.some((l) => last.links.includes(l)));
  }
  if (next.length === 0) {
    acc.deadEnds.push({ at: to, flows });
    return;
  }
  for (const f of next) expand(g, [...flows, f], acc, endKind);
}

function chainKey(c: Chain): string {
  return `${c.end}\u0000${c.flows.map((f) => f.id).join('\u0000')}`;
}

const memo = new WeakMap<FlowGraph, Map<string, Chains>>();

/** Chains of flows of these kinds from `start` to the Proxies it reaches (memoised per graph: treat as read-only). */
export function chainsFrom(g: FlowGraph, start: string, catalogs: ReadonlySet<string>, endKind: ChainEnd = 'proxy'): Chains {
  let cache = memo.get(g);
  if (!cache) memo.set(g, (cache = new Map()));
  const key = `${start}\u0000${[...catalogs].sort().join(',')}\u0000${endKind}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const acc: Chains = { chains: [], deadEnds: [] };
  cache.set(key, acc);
  for (const f of flowsFrom(g, start, catalogs)) expand(g, [f], acc, endKind);
  acc.chains.sort((a, b) => (chainKey(a) < chainKey(b) ? -1 : chainKey(a) > chainKey(b) ? 1 : 0));
  return acc;
}
