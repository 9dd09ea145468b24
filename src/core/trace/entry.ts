/**
 * First leg of a path: from the client (or tbot) to the Proxies it reaches, with every connection
 * its tool needs in the entry cluster's listener mode (separate mode: tsh needs the web port and the
 * SSH listener, for instance).
 */
import { flowTemplate } from '../catalog/index.ts';
import type { PlanNode } from '../schema/index.ts';
import { chainsFrom } from './chain.ts';
import type { Chain, DeadEnd } from './chain.ts';
import { clusterOfEndpoint, isTenant } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import { forwardHops } from './hops.ts';
import { allEntryTemplates, entryNeeds } from './target.ts';
import type { Target } from './target.ts';
import type { AccessTool, Hop, MissingPart } from './types.ts';

/** A Proxy (or tenant) the initiator reaches, with the hops to it. */
export interface Entry {
  end: string;
  hops: Hop[];
}

/** Entries, or why there is none (with the hops found before the gap). */
export type EntryResult = { ok: true; entries: Entry[] } | { ok: false; hops: Hop[]; missing: MissingPart };

function modeOf(g: FlowGraph, end: string): 'multiplex' | 'separate' {
  if (isTenant(end)) return 'multiplex';
  const cluster = clusterOfEndpoint(g, end);
  return g.plan.clusters.find((c) => c.id === cluster)?.proxyListenerMode ?? 'multiplex';
}

/** The message for a chain that stops at a load balancer or a forward proxy. */
export function deadEndMissing(g: FlowGraph, from: string, d: DeadEnd): MissingPart {
  const node = g.nodes.get(d.at);
  const last = d.flows[d.flows.length - 1];
  const links = [...new Set(d.flows.flatMap((f) => f.links))].sort();
  const nodes = [...new Set([from, d.at])].sort();
  if (node?.kind === 'load-balancer') {
    return { message: `the load balancer ${node.name} forwards ${last?.port ?? ''} to no Proxy (no mapping to an open Proxy port, or no link to a Proxy)`, nodes, links, setting: `nodes[${node.id}].mappings` };
  }
  if (node?.kind === 'http-proxy') return { message: `the forward proxy ${node.name} relays nothing to a Proxy: link it to the Proxy or its load balancer`, nodes, links };
  return { message: `the path of ${g.name(from)} stops at ${g.name(d.at)}, which is no Proxy`, nodes, links };
}

/** A load balancer the node is linked to (the engine emits no flow to one that fronts nothing). */
function linkedLb(g: FlowGraph, id: string): { id: string; name: string; links: string[] } | undefined {
  for (const l of g.linksOf.get(id) ?? []) {
    const other = g.nodes.get(l.source === id ? l.target : l.source);
    if (other?.kind === 'load-balancer') return { id: other.id, name: other.name, links: [l.id] };
  }
  return undefined;
}

function assemble(g: FlowGraph, needs: string[][], chains: Chain[], end: string): { hops: Hop[] } | { gap: string } {
  const hops: Hop[] = [];
  const seen = new Set<string>();
  for (const need of needs) {
    const chain = need.map((t) => chains.find((c) => c.end === end && c.flows[0]?.catalog === t)).find((c) => c !== undefined);
    if (!chain) return { gap: need[0] as string };
    for (const h of forwardHops(g, chain.flows)) {
      if (seen.has(h.flow)) continue;
      seen.add(h.flow);
      hops.push(h);
    }
  }
  return { hops };
}

/** The Proxies `from` reaches with `tool` (sorted by endpoint id). */
export function findEntries(g: FlowGraph, from: PlanNode, tool: AccessTool, target: Target): EntryResult {
  const all = chainsFrom(g, from.id, allEntryTemplates(g, tool, target));
  const ends = [...new Set(all.chains.map((c) => c.end))].sort();
  const entries: Entry[] = [];
  let gap: { end: string; template: string } | undefined;
  for (const end of ends) {
    const got = assemble(g, entryNeeds(g, tool, modeOf(g, end), target), all.chains, end);
    if ('gap' in got) gap ??= { end, template: got.gap };
    else entries.push({ end, hops: got.hops });
  }
  if (entries.length > 0) return { ok: true, entries };
  if (gap) {
    const t = flowTemplate(gap.template);
    const message = `${from.name} has no ${t.label} connection (${t.ref}) to ${g.name(gap.end)}, which ${modeOf(g, gap.end)} mode needs: the load balancer or the Proxy lacks that listener`;
    const links = [...new Set(all.chains.filter((c) => c.end === gap.end).flatMap((c) => c.flows.flatMap((f) => f.links)))].sort();
    return { ok: false, hops: [], missing: { message, nodes: [...new Set([from.id, gap.end])].sort(), links } };
  }
  const dead = all.deadEnds[0];
  if (dead) return { ok: false, hops: forwardHops(g, dead.flows), missing: deadEndMissing(g, from.id, dead) };
  const lb = linkedLb(g, from.id);
  if (lb) {
    return {
      ok: false, hops: [],
      missing: { message: `the load balancer ${lb.name} forwards nothing ${from.name} needs to a Proxy: link it to the Proxies it fronts and map their ports`, nodes: [from.id, lb.id].sort(), links: lb.links, setting: `nodes[${lb.id}].mappings` },
    };
  }
  const what = from.kind === 'tbot' ? 'the tbot' : 'the client';
  return { ok: false, hops: [], missing: { message: `no link from ${what} ${from.name} to a Proxy or load balancer`, nodes: [from.id], links: [] } };
}
