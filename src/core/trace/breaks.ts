/**
 * "What breaks": every access path of the plan (client → target per tool, tbot → Proxy), traced with
 * and without a rule, a port or a link; the paths that worked before and do not after depend on it.
 */
import { usesProxy } from '../catalog/index.ts';
import { derive as coreDerive } from '../engine/index.ts';
import type { DeriveResult } from '../engine/index.ts';
import type { ClientToolName, Plan, PlanNode } from '../schema/index.ts';
import { chainsFrom } from './chain.ts';
import { buildGraph } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import { traceInGraph } from './trace.ts';
import type { AccessTool, Trace } from './types.ts';

/** One access path to check: `from` reaches `to` with `tool`. */
export interface AccessPair {
  from: string;
  to: string;
  tool: AccessTool;
  /** `relay`: the SSH leg through a Relay Service (the initiator has a relay transport). */
  via?: 'relay';
}

/** What to close. Several may be given: all are closed together. */
export interface Closure {
  /** A rule id: its flows are blocked. */
  rule?: string;
  /** A port: every rule whose port (range) includes it is blocked. */
  port?: number;
  /** A plan link id: the plan is derived again without it. */
  link?: string;
}

/** An access path that worked and breaks. */
export interface BrokenAccess extends AccessPair {
  /** The complete path before the change. */
  before: Trace;
  /** The trace after it, with `missing` naming the gap. */
  after: Trace;
}

/** The answer of `whatBreaks`. */
export interface WhatBreaks {
  /** Access paths that were complete before the change (the ones checked). */
  checked: number;
  /** Those that break, sorted by from, to, tool. */
  broken: BrokenAccess[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Client tools that make access paths: the ones that go through the Proxy (every tool but monitoring). */
export function isAccessTool(tool: ClientToolName): tool is Exclude<ClientToolName, 'monitoring'> {
  return usesProxy(tool);
}

function toolTargets(g: FlowGraph, tool: AccessTool, nodes: readonly PlanNode[]): string[] {
  const pick = (keep: (n: PlanNode) => boolean) => nodes.filter(keep).map((n) => n.id);
  switch (tool) {
    case 'tsh':
      return pick((n) => n.kind === 'openssh-host' || (n.kind === 'agent' && n.services.includes('ssh')));
    case 'kubectl':
      // An agent that serves no Kubernetes API node of the plan is the target itself (in-cluster agent).
      return pick((n) => n.kind === 'kube-api' || (n.kind === 'agent' && n.services.includes('kubernetes') && !(g.out.get(n.id) ?? []).some((f) => f.catalog === 'agent-kube-api')));
    case 'database':
      return pick((n) => n.kind === 'database');
    case 'browser':
      return pick((n) => n.kind === 'app');
    case 'rdp':
      return pick((n) => n.kind === 'windows-host');
    case 'tbot':
      return [];
  }
}

/** Where a tbot enters: the first Proxy, load balancer or tenant of each of its chains. */
function tbotTargets(g: FlowGraph, tbot: string): string[] {
  const ends = new Set<string>();
  for (const c of chainsFrom(g, tbot, new Set(['tbot-web'])).chains) {
    const first = c.flows.find((f) => g.nodes.get(f.to)?.kind !== 'http-proxy');
    if (first) ends.add(first.to);
  }
  return [...ends].sort();
}

/** SSH agents reached through a Relay Service, for an initiator with a relay transport flow. */
function relayTargets(g: FlowGraph, from: string, nodes: readonly PlanNode[]): string[] {
  if (!(g.out.get(from) ?? []).some((f) => f.catalog === 'relay-transport')) return [];
  return nodes.filter((n) => n.kind === 'agent' && n.services.includes('ssh') && (g.out.get(n.id) ?? []).some((f) => f.catalog === 'relay-tunnel')).map((n) => n.id);
}

const pairKey = (p: AccessPair) => `${p.from}\u0000${p.to}\u0000${p.tool}\u0000${p.via ?? ''}`;

function pairsOf(g: FlowGraph): AccessPair[] {
  const nodes = [...g.plan.nodes].sort(byId);
  const out: AccessPair[] = [];
  for (const n of nodes) {
    if (n.kind === 'client') {
      for (const tool of [...new Set(n.tools)].filter(isAccessTool).sort()) for (const to of toolTargets(g, tool, nodes)) out.push({ from: n.id, to, tool });
      if (n.tools.includes('tsh')) for (const to of relayTargets(g, n.id, nodes)) out.push({ from: n.id, to, tool: 'tsh', via: 'relay' });
    } else if (n.kind === 'tbot') {
      for (const to of tbotTargets(g, n.id)) out.push({ from: n.id, to, tool: 'tbot' });
      for (const to of relayTargets(g, n.id, nodes)) out.push({ from: n.id, to, tool: 'tbot', via: 'relay' });
    }
  }
  return out.sort((a, b) => (pairKey(a) < pairKey(b) ? -1 : pairKey(a) > pairKey(b) ? 1 : 0));
}

/**
 * Every access path of the plan: for each client and tool, each target that tool reaches (tsh: SSH
 * agents and OpenSSH hosts; kubectl: Kubernetes APIs; database clients: databases; browser: apps;
 * rdp: Windows hosts), and each tbot to the Proxy or load balancer it enters through. Sorted.
 */
export function accessPairs(plan: Plan, result: DeriveResult): AccessPair[] {
  return pairsOf(buildGraph(plan, result));
}

function closedFlows(result: DeriveResult, c: Closure): Set<string> {
  const out = new Set<string>();
  for (const r of result.rules) {
    const byRule = c.rule !== undefined && r.id === c.rule;
    const byPort = c.port !== undefined && r.port <= c.port && c.port <= (r.portEnd ?? r.port);
    if (byRule || byPort) for (const f of r.flows) out.add(f);
  }
  return out;
}

/**
 * The access paths that depend on a rule, a port or a link: each path complete in the plan as it is
 * and broken once that is closed (removed). `derive` is the engine, replaceable in tests.
 */
export function whatBreaks(plan: Plan, result: DeriveResult, closure: Closure, derive: (plan: Plan) => DeriveResult = coreDerive): WhatBreaks {
  const before = buildGraph(plan, result);
  let afterPlan = plan;
  let afterResult = result;
  if (closure.link !== undefined) {
    afterPlan = { ...plan, links: plan.links.filter((l) => l.id !== closure.link) };
    afterResult = derive(afterPlan);
  }
  const after = buildGraph(afterPlan, afterResult, closedFlows(afterResult, closure));
  let checked = 0;
  const broken: BrokenAccess[] = [];
  for (const pair of pairsOf(before)) {
    const options = pair.via === undefined ? { tool: pair.tool } : { tool: pair.tool, via: pair.via };
    const was = traceInGraph(before, pair.from, pair.to, options);
    if (!was.ok) continue;
    checked += 1;
    const now = traceInGraph(after, pair.from, pair.to, options);
    if (!now.ok) broken.push({ ...pair, before: was, after: now });
  }
  return { checked, broken };
}
