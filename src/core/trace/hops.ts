/** Flows → hops, with the rule that permits each and a description in plain words. */
import type { Flow } from '../engine/index.ts';
import type { FlowGraph } from './graph.ts';
import type { Hop } from './types.ts';

/** A hop opened by its source: traffic and rule go the same way. */
export function forwardHop(g: FlowGraph, f: Flow): Hop {
  return { from: f.from, to: f.to, port: f.port, protocol: f.protocol, rule: g.ruleOf.get(f.id), flow: f.id, reverse: false, description: f.purpose };
}

/**
 * A hop over a reverse tunnel: the flow was opened by `f.from` (an agent or a leaf Proxy, or a load
 * balancer or forward proxy relaying its connection), but traffic travels back from `f.to`. The rule
 * stays the flow's rule, `f.from → f.to`. `opener` is who opened the tunnel in the first place.
 */
export function reverseHop(g: FlowGraph, f: Flow, opener: string = f.from): Hop {
  const from = g.name(f.from);
  const to = g.name(f.to);
  const who = opener === f.from ? `${from} opened it` : `${from} relays the tunnel ${g.name(opener)} opened`;
  return {
    from: f.to, to: f.from, port: f.port, protocol: f.protocol, rule: g.ruleOf.get(f.id), flow: f.id, reverse: true, opener,
    description: `reverse tunnel, traffic ${to} → ${from}; ${who} to ${to} on ${f.port}/${f.protocol}, so the rule goes ${from} → ${to}. ${f.purpose}`,
  };
}

/** Forward hops of a chain, in traffic order. */
export function forwardHops(g: FlowGraph, flows: readonly Flow[]): Hop[] {
  return flows.map((f) => forwardHop(g, f));
}

/** Hops of a tunnel chain (initiator → … → Proxy) as traffic travels it: Proxy → … → initiator. */
export function reverseHops(g: FlowGraph, flows: readonly Flow[]): Hop[] {
  const opener = flows[0]?.from;
  return [...flows].reverse().map((f) => reverseHop(g, f, opener));
}
