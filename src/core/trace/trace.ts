/**
 * `traceAccess`: the hops of one access path, client → (load balancer) → Proxy → (tunnel) → agent →
 * resource, each with the rule that permits it; or the hops found and what is missing.
 */
import { CLIENT_TOOLS } from '../catalog/index.ts';
import type { DeriveResult, Flow } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { findEntries } from './entry.ts';
import type { Entry } from './entry.ts';
import { buildGraph } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import { forwardHop, forwardHops } from './hops.ts';
import { agentGap, agentlessGap, resourceGap } from './missing.ts';
import { actorsOf, reachAgent } from './reach.ts';
import { relayPath } from './relay.ts';
import { resolveTarget } from './target.ts';
import type { Target } from './target.ts';
import type { AccessTool, Hop, MissingPart, Trace, TraceOptions } from './types.ts';

/**
 * Trace the access path from a client (or tbot) node to a target: an SSH agent or OpenSSH host, a
 * Kubernetes API, a database, an app, a Windows host, or a Proxy / its load balancer / a Cloud tenant.
 * The client tool is inferred from the target kind unless `options.tool` names one.
 */
export function traceAccess(plan: Plan, result: DeriveResult, fromId: string, toId: string, options: TraceOptions = {}): Trace {
  return traceInGraph(buildGraph(plan, result), fromId, toId, options);
}

function fail(fromId: string, toId: string, tool: AccessTool, hops: Hop[], missing: MissingPart): Trace {
  return { ok: false, from: fromId, to: toId, tool, hops, missing };
}

/** Hops from the entry's actors to the target, or undefined. */
function finish(g: FlowGraph, entry: Entry, target: Target): Hop[] | undefined {
  for (const actor of actorsOf(g, entry.end)) {
    const head = [...entry.hops, ...actor.hops];
    if (target.kind === 'agent') {
      const rest = reachAgent(g, actor.proxy, target.id, target.service);
      if (rest) return [...head, ...rest];
    } else if (target.kind === 'agentless') {
      const f = (g.out.get(actor.proxy) ?? []).find((x) => x.to === target.id && x.catalog === 'proxy-openssh');
      if (f) return [...head, forwardHop(g, f)];
    } else if (target.kind === 'resource') {
      const direct = target.proxyTemplate === undefined ? undefined : (g.out.get(actor.proxy) ?? []).find((x) => x.to === target.id && x.catalog === target.proxyTemplate);
      if (direct) return [...head, forwardHop(g, direct)];
      for (const p of servingPaths(g, target)) {
        const rest = reachAgent(g, actor.proxy, p.agent, target.service);
        if (rest) return [...head, ...rest, ...forwardHops(g, p.flows)];
      }
    }
  }
  return undefined;
}

/**
 * How agents reach the target: their own flow, or two through their forward proxy (agent → forward
 * proxy, forward proxy → resource; paired by the catalog entry and the address dialled).
 */
function servingPaths(g: FlowGraph, target: Target & { kind: 'resource' }): { agent: string; flows: Flow[] }[] {
  const out: { agent: string; flows: Flow[] }[] = [];
  for (const f of g.into.get(target.id) ?? []) {
    if (f.catalog !== target.template) continue;
    if (g.nodes.get(f.from)?.kind !== 'http-proxy') {
      out.push({ agent: f.from, flows: [f] });
      continue;
    }
    for (const a of g.into.get(f.from) ?? []) if (a.catalog === f.catalog && a.dialTarget === f.dialTarget) out.push({ agent: a.from, flows: [a, f] });
  }
  return out;
}

/** Why no entry reached the target: the first entry's view of the gap. */
function gap(g: FlowGraph, fromId: string, entry: Entry, target: Target): MissingPart {
  if (target.kind === 'agent') return agentGap(g, fromId, entry.end, target.id);
  if (target.kind === 'agentless') return agentlessGap(g, target.id, entry.end);
  if (target.kind === 'resource') {
    const first = servingPaths(g, target)[0];
    return first ? agentGap(g, fromId, entry.end, first.agent) : resourceGap(g, target.id, target.service);
  }
  return { message: `${g.name(fromId)} does not reach ${g.name(target.id)}`, nodes: [fromId, target.id].sort(), links: [] };
}

/** `traceAccess` on a prepared graph (used by `whatBreaks`, which traces many paths). */
export function traceInGraph(g: FlowGraph, fromId: string, toId: string, options: TraceOptions = {}): Trace {
  const from = g.nodes.get(fromId);
  if (!from || (from.kind !== 'client' && from.kind !== 'tbot')) {
    const what = from ? `${from.name} is not a client or a tbot` : `no node "${fromId}" in the plan`;
    return fail(fromId, toId, options.tool ?? 'tsh', [], { message: `${what}: a trace starts at users (a client node) or a Machine ID bot`, nodes: from ? [fromId] : [], links: [] });
  }
  const resolved = resolveTarget(g, from, toId, options.tool);
  if ('problem' in resolved) {
    const { message, setting } = resolved.problem;
    return fail(fromId, toId, resolved.tool, [], { message, nodes: g.nodes.has(toId) ? [toId] : [], links: [], ...(setting === undefined ? {} : { setting }) });
  }
  const { tool, target } = resolved;
  if (from.kind === 'client' && tool !== 'tbot' && !from.tools.includes(tool)) {
    return fail(fromId, toId, tool, [], { message: `the client ${from.name} does not use ${CLIENT_TOOLS[tool].label}: add it to its tools`, nodes: [fromId], links: [], setting: `nodes[${fromId}].tools` });
  }
  if (options.via === 'relay') {
    if (target.kind !== 'agent' || target.service !== 'ssh' || (tool !== 'tsh' && tool !== 'tbot')) {
      return fail(fromId, toId, tool, [], { message: 'only SSH sessions (tsh, or tbot\'s ssh-multiplexer) to an SSH agent go through a Relay Service', nodes: [toId], links: [] });
    }
    const path = relayPath(g, fromId, target.id);
    return 'missing' in path ? fail(fromId, toId, tool, path.hops, path.missing) : { ok: true, from: fromId, to: toId, tool, hops: path.hops };
  }
  const found = findEntries(g, from, tool, target);
  if (!found.ok) return fail(fromId, toId, tool, found.hops, found.missing);
  if (target.kind === 'entry') {
    const hit = found.entries.find((e) => e.end === toId || e.hops.some((h) => h.to === toId));
    if (hit) return { ok: true, from: fromId, to: toId, tool, hops: hit.hops };
    const reached = found.entries.map((e) => g.name(e.end)).join(', ');
    return fail(fromId, toId, tool, [], { message: `${from.name} reaches ${reached}, not ${g.name(toId)}`, nodes: [fromId, toId].sort(), links: [] });
  }
  for (const entry of found.entries) {
    const hops = finish(g, entry, target);
    if (hops) return { ok: true, from: fromId, to: toId, tool, hops };
  }
  const first = found.entries[0] as Entry;
  return fail(fromId, toId, tool, first.hops, gap(g, fromId, first, target));
}
