/**
 * An SSH path through the Relay Service (reference §2.8): tsh (or tbot) → relay transport (possibly
 * through the relay load balancer) → the relay, or a relay of its group (relay peering) → the agent's
 * relay tunnel, travelled backwards. Login still goes through the Proxy; this traces the SSH leg only.
 */
import { chainsFrom } from './chain.ts';
import type { FlowGraph } from './graph.ts';
import { deadEndMissing } from './entry.ts';
import { forwardHop, forwardHops, reverseHops } from './hops.ts';
import type { Hop, MissingPart } from './types.ts';

const TRANSPORT = new Set(['relay-transport']);
const TUNNEL = new Set(['relay-tunnel']);

/** Hops from `from` to the SSH agent `agent` through a relay, or what is missing. */
export function relayPath(g: FlowGraph, from: string, agent: string): { hops: Hop[] } | { hops: Hop[]; missing: MissingPart } {
  const entries = chainsFrom(g, from, TRANSPORT, 'relay');
  if (entries.chains.length === 0) {
    const dead = entries.deadEnds[0];
    if (dead) return { hops: forwardHops(g, dead.flows), missing: deadEndMissing(g, from, dead) };
    return { hops: [], missing: { message: `${g.name(from)} has no relay transport connection: link it to a Relay Service (or the load balancer in front of the relays) and give it tsh`, nodes: [from], links: [] } };
  }
  const tunnels = chainsFrom(g, agent, TUNNEL, 'relay').chains;
  for (const entry of entries.chains) {
    const relay = entry.end;
    const actors: { relay: string; hops: Hop[] }[] = [{ relay, hops: [] }];
    for (const f of g.out.get(relay) ?? []) if (f.catalog === 'relay-peer') actors.push({ relay: f.to, hops: [forwardHop(g, f)] });
    for (const actor of actors) {
      const tunnel = tunnels.find((c) => c.end === actor.relay);
      if (tunnel) return { hops: [...forwardHops(g, entry.flows), ...actor.hops, ...reverseHops(g, tunnel.flows)] };
    }
  }
  const reached = [...new Set(entries.chains.map((c) => c.end))].sort();
  const agentLinks = (g.linksOf.get(agent) ?? []).map((l) => l.id);
  return {
    hops: forwardHops(g, (entries.chains[0] as (typeof entries.chains)[number]).flows),
    missing: {
      message: `${g.name(agent)} has no relay tunnel to ${reached.map((id) => g.name(id)).join(', ')} or a relay of its group: set its relay_server and link it to the relay (or the relay load balancer)`,
      nodes: [agent, ...reached].sort(), links: agentLinks, setting: `nodes[${agent}].relayServer`,
    },
  };
}
