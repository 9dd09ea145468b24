/** Plain words for the gap between the entry Proxy and the target. */
import { AGENT_SERVICES } from '../catalog/index.ts';
import type { AgentServiceName } from '../schema/index.ts';
import { deadEndMissing } from './entry.ts';
import { clusterOfEndpoint } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import { dialsInto, tunnelEnds } from './reach.ts';
import type { MissingPart } from './types.ts';

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

function clusterName(g: FlowGraph, id: string | undefined): string {
  return g.plan.clusters.find((c) => c.id === id)?.name ?? id ?? 'its cluster';
}

/** Why the entry Proxy `entry` (reached by `from`) cannot reach `agent`. */
export function agentGap(g: FlowGraph, from: string, entry: string, agent: string): MissingPart {
  const name = g.name(agent);
  const own = clusterOfEndpoint(g, agent);
  const entered = clusterOfEndpoint(g, entry);
  if (own !== entered && own !== undefined) {
    const leaf = g.plan.clusters.find((c) => c.id === own);
    if (leaf?.trustedRoot === entered) {
      return {
        message: `the leaf cluster ${clusterName(g, own)} has no tunnel to ${g.name(entry)}: link a leaf Proxy to the root Proxy or its load balancer`,
        nodes: sorted([agent, entry]), links: [],
      };
    }
    return {
      message: `${name} belongs to cluster ${clusterName(g, own)}, which ${g.name(from)} cannot reach through ${g.name(entry)} (cluster ${clusterName(g, entered)}; no trusted cluster relation)`,
      nodes: sorted([agent, entry]), links: [], setting: `clusters[${own}].trustedRoot`,
    };
  }
  const { ends, deadEnds } = tunnelEnds(g, agent);
  const dials = dialsInto(g, agent);
  if (ends.length === 0 && dials.length === 0) {
    const dead = deadEnds[0];
    if (dead) return deadEndMissing(g, agent, dead);
    return { message: `${name} has no path to the Proxy: link it to the Proxy or its load balancer`, nodes: [agent], links: [] };
  }
  const where = ends.length > 0 ? `its reverse tunnel ends at ${ends.map((e) => g.name(e)).join(', ')}` : `only ${sorted(dials).map((d) => g.name(d)).join(', ')} dial it`;
  return { message: `${name} has no path to ${g.name(entry)}, which ${g.name(from)} reaches (${where})`, nodes: sorted([agent, entry]), links: [] };
}

/** A resource no agent (and no Proxy) reaches. */
export function resourceGap(g: FlowGraph, resource: string, service: AgentServiceName): MissingPart {
  return { message: `no agent serves ${g.name(resource)}: link an agent running the ${AGENT_SERVICES[service].label} Service to it`, nodes: [resource], links: [] };
}

/** An agentless host no Proxy dials. */
export function agentlessGap(g: FlowGraph, host: string, entry: string): MissingPart {
  return { message: `no link from ${g.name(entry)} to the OpenSSH host ${g.name(host)} (the Proxy dials agentless hosts itself)`, nodes: sorted([host, entry]), links: [] };
}
