/**
 * Canvas highlights of the explain tabs, as pure functions of the plan and a core answer: a traced path
 * (nodes numbered in order), the paths that break, the colours of a plan diff. They only decide which
 * node and link ids get which tone; the canvas draws tones as CSS classes (`is-hl-<tone>`).
 */
import type { DeriveResult } from '../../core/engine/index.ts';
import type { PlanDiff } from '../../core/diff/index.ts';
import type { Link, Plan } from '../../core/schema/index.ts';
import type { BrokenAccess, Closure, Trace } from '../../core/trace/index.ts';
import type { Highlight, HighlightTone } from '../store/uiSlice.ts';

/** The plan link between two nodes, whichever way it was drawn. */
export function linkBetween(plan: Plan, a: string, b: string): Link | undefined {
  return plan.links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
}

/** Collects tones per id; an id asked for two different tones shows as `mixed`. */
class Tones {
  readonly nodes = new Map<string, HighlightTone>();
  readonly links = new Map<string, HighlightTone>();

  constructor(
    private readonly plan: Plan,
    private readonly mixed: HighlightTone,
  ) {}

  node(id: string, tone: HighlightTone): void {
    if (!this.plan.nodes.some((n) => n.id === id)) return; // synthetic endpoints (cloud tenant) have no card
    put(this.nodes, id, tone, this.mixed);
  }

  link(id: string, tone: HighlightTone): void {
    if (!this.plan.links.some((l) => l.id === id)) return;
    put(this.links, id, tone, this.mixed);
  }

  highlight(source: string, steps?: Record<string, number>): Highlight {
    return {
      source,
      nodes: [...this.nodes.keys()],
      links: [...this.links.keys()],
      tones: { nodes: Object.fromEntries(this.nodes), links: Object.fromEntries(this.links) },
      ...(steps ? { steps } : {}),
    };
  }
}

function put(map: Map<string, HighlightTone>, id: string, tone: HighlightTone, mixed: HighlightTone): void {
  const prior = map.get(id);
  map.set(id, prior === undefined || prior === tone ? tone : mixed);
}

/** Plan links a hop travels: the link between its ends, else the links of its engine flow. */
function hopLinks(plan: Plan, flowLinks: ReadonlyMap<string, string[]>, hop: { from: string; to: string; flow: string }): string[] {
  const direct = linkBetween(plan, hop.from, hop.to);
  return direct ? [direct.id] : (flowLinks.get(hop.flow) ?? []);
}

/** A traced path: its nodes numbered in the order the traffic reaches them; the missing part in red. */
export function traceHighlight(plan: Plan, result: DeriveResult, trace: Trace): Highlight {
  const flowLinks = new Map(result.flows.map((f) => [f.id, f.links]));
  // The missing part wins over the path (a node on the path can also be the one that lacks a link).
  const tones = new Tones(plan, 'missing');
  const steps: Record<string, number> = {};
  let step = 0;
  const visit = (id: string) => {
    if (steps[id] !== undefined || !plan.nodes.some((n) => n.id === id)) return;
    steps[id] = ++step;
    tones.node(id, 'trace');
  };
  if (trace.hops.length === 0) visit(trace.from);
  for (const hop of trace.hops) {
    visit(hop.from);
    visit(hop.to);
    for (const id of hopLinks(plan, flowLinks, hop)) tones.link(id, 'trace');
  }
  if (trace.missing) {
    for (const id of trace.missing.nodes) tones.node(id, 'missing');
    for (const id of trace.missing.links) tones.link(id, 'missing');
    if (steps[trace.to] === undefined) tones.node(trace.to, 'missing');
  }
  return tones.highlight('trace', steps);
}

/** What breaks: the paths that worked before (in red), and the closed rule's or link's own links dashed. */
export function breaksHighlight(plan: Plan, result: DeriveResult, closure: Closure, broken: readonly BrokenAccess[]): Highlight {
  const flowLinks = new Map(result.flows.map((f) => [f.id, f.links]));
  const tones = new Tones(plan, 'missing');
  for (const b of broken) {
    for (const hop of b.before.hops) {
      tones.node(hop.from, 'broken');
      tones.node(hop.to, 'broken');
      for (const id of hopLinks(plan, flowLinks, hop)) tones.link(id, 'broken');
    }
  }
  if (closure.link !== undefined) tones.link(closure.link, 'missing');
  if (closure.rule !== undefined) {
    for (const id of result.rules.find((r) => r.id === closure.rule)?.links ?? []) tones.link(id, 'missing');
  }
  return tones.highlight('breaks');
}

/**
 * A plan diff on the canvas of the current plan: what the change adds in green, what it removes in red
 * (the ends and links of removed rules that are still on the canvas), changed rules in amber. A node
 * with changes of several kinds is amber.
 */
export function diffHighlight(current: Plan, diff: PlanDiff): Highlight {
  const tones = new Tones(current, 'changed');
  const rules = [
    ...diff.added.map((r) => ({ r, tone: 'added' as const })),
    ...diff.removed.map((r) => ({ r, tone: 'removed' as const })),
    ...diff.changed.map((c) => ({ r: c.after, tone: 'changed' as const })),
  ];
  for (const { r, tone } of rules) {
    tones.node(r.source, tone);
    tones.node(r.destination, tone);
    for (const id of r.links) tones.link(id, tone);
  }
  for (const n of diff.nodes.added) tones.node(n.id, 'added');
  for (const n of diff.nodes.removed) tones.node(n.id, 'removed');
  for (const c of diff.nodes.changed) tones.node(c.after.id, 'changed');
  for (const l of diff.links.added) tones.link(l.id, 'added');
  for (const l of diff.links.removed) tones.link(l.id, 'removed');
  // A removed link between two nodes that are still here is drawn where it was.
  const here = new Set(current.nodes.map((n) => n.id));
  const present = new Set(current.links.map((l) => l.id));
  const ghosts = diff.links.removed
    .filter((l) => here.has(l.source) && here.has(l.target) && !present.has(l.id) && !linkBetween(current, l.source, l.target))
    .map((l) => ({ id: l.id, source: l.source, target: l.target, tone: 'removed' as const }));
  const highlight = tones.highlight('compare');
  return ghosts.length > 0 ? { ...highlight, ghosts } : highlight;
}

/** Same ids, tones and steps (so the store is not written again while nothing changed). */
export function sameHighlight(a: Highlight | null, b: Highlight | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
