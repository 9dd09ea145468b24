/**
 * Last legs of a path: from the Proxy a user entered through to the target. The Proxy reaches an
 * agent through the agent's reverse tunnel (possibly through a load balancer and a forward proxy),
 * or dials it (agent joined to Auth: 3022/3026/3028); a peer Proxy (proxy peering) or a leaf
 * cluster's Proxy (trusted clusters, over the tunnel the leaf opened) may stand in between.
 */
import { AGENT_SERVICES, PEERING_TEMPLATES } from '../catalog/index.ts';
import type { AgentServiceName } from '../schema/index.ts';
import { chainsFrom } from './chain.ts';
import { clusterOfEndpoint } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import { forwardHop, reverseHops } from './hops.ts';
import type { Hop } from './types.ts';

const TUNNEL = new Set(['agent-reverse-tunnel']);
const TRUST_TUNNEL = new Set(['trust-leaf-tunnel']);

/** A Proxy that can act for the entry Proxy, and the hops from the entry to it. */
export interface Actor {
  proxy: string;
  hops: Hop[];
}

/** The entry itself, its peers (proxy peering), and the Proxies of leaf clusters tunnelled to it. */
export function actorsOf(g: FlowGraph, entry: string): Actor[] {
  const out: Actor[] = [{ proxy: entry, hops: [] }];
  for (const f of g.out.get(entry) ?? []) if (PEERING_TEMPLATES.has(f.catalog)) out.push({ proxy: f.to, hops: [forwardHop(g, f)] });
  const cluster = clusterOfEndpoint(g, entry);
  for (const p of g.proxies) {
    const leafOf = g.plan.clusters.find((c) => c.id === clusterOfEndpoint(g, p.id))?.trustedRoot;
    if (leafOf === undefined || leafOf !== cluster) continue;
    const chain = chainsFrom(g, p.id, TRUST_TUNNEL).chains.find((c) => c.end === entry);
    if (chain) out.push({ proxy: p.id, hops: reverseHops(g, chain.flows) });
  }
  return out;
}

/** Hops from Proxy `proxy` to `agent`: its reverse tunnel, or a direct dial of the service. */
export function reachAgent(g: FlowGraph, proxy: string, agent: string, service: AgentServiceName): Hop[] | undefined {
  const tunnel = chainsFrom(g, agent, TUNNEL).chains.find((c) => c.end === proxy);
  if (tunnel) return reverseHops(g, tunnel.flows);
  const dial = AGENT_SERVICES[service].listen?.template;
  const f = dial === undefined ? undefined : (g.out.get(proxy) ?? []).find((x) => x.to === agent && x.catalog === dial);
  return f ? [forwardHop(g, f)] : undefined;
}

/** The tunnel chains an agent has (to explain where they end). */
export function tunnelEnds(g: FlowGraph, agent: string): { ends: string[]; deadEnds: ReturnType<typeof chainsFrom>['deadEnds'] } {
  const c = chainsFrom(g, agent, TUNNEL);
  return { ends: [...new Set(c.chains.map((x) => x.end))].sort(), deadEnds: c.deadEnds };
}

/** Dial flows from any Proxy to the agent's listening services. */
export function dialsInto(g: FlowGraph, agent: string): string[] {
  const dials = new Set(Object.values(AGENT_SERVICES).flatMap((s) => (s.listen ? [s.listen.template] : [])));
  return (g.into.get(agent) ?? []).filter((f) => dials.has(f.catalog)).map((f) => f.from);
}
