/**
 * Applying a finding's autofix: set the fields it names (and relink, when it says so), and check the
 * result with the plan schema, so a fix never leaves an invalid plan behind. Pure: plan in, plan (or a
 * reason) out. Only the changed nodes and clusters are new objects; every other element of the plan is
 * kept as it was.
 */
import { freeId } from '../catalog/kinds.ts';
import type { Autofix, FieldChange } from '../engine/types.ts';
import { PlanSchema, planIds } from '../schema/index.ts';
import type { Cluster, Link, Plan, PlanNode } from '../schema/index.ts';

export type AutofixResult = { ok: true; plan: Plan } | { ok: false; message: string };

function changed<T extends { id: string }>(list: readonly T[], changes: readonly FieldChange[]): T[] {
  return list.map((e) => {
    const mine = changes.filter((c) => c.id === e.id);
    if (mine.length === 0) return e;
    const next: Record<string, unknown> = { ...e };
    for (const c of mine) {
      if (c.value === null) delete next[c.field];
      else next[c.field] = c.value;
    }
    return next as T;
  });
}

/** The field holds the change's value (a removed field holds none). */
const holds = (element: Record<string, unknown> | undefined, c: FieldChange) => (c.value === null ? element?.[c.field] === undefined : element?.[c.field] === c.value);

/** The plan's links with the fix's removals and additions (an added link that exists already is not added twice). */
function relinked(plan: Plan, fix: Autofix): Link[] | string {
  if (!fix.links) return plan.links;
  for (const id of fix.links.remove) if (!plan.links.some((l) => l.id === id)) return `The plan no longer has the link "${id}".`;
  const kept = plan.links.filter((l) => !fix.links?.remove.includes(l.id));
  const taken = planIds(plan);
  let added = false;
  for (const { source, target } of fix.links.add) {
    if (kept.some((l) => (l.source === source && l.target === target) || (l.source === target && l.target === source))) continue;
    const id = freeId(`${source}-${target}`, taken);
    taken.add(id);
    kept.push({ id, source, target });
    added = true;
  }
  return added || kept.length !== plan.links.length ? kept : plan.links;
}

export function applyAutofix(plan: Plan, fix: Autofix): AutofixResult {
  const nodeChanges = fix.changes.filter((c) => c.target === 'node');
  const clusterChanges = fix.changes.filter((c) => c.target === 'cluster');
  for (const c of fix.changes) {
    const list: readonly { id: string }[] = c.target === 'node' ? plan.nodes : plan.clusters;
    if (!list.some((e) => e.id === c.id)) return { ok: false, message: `The plan no longer has the ${c.target} "${c.id}".` };
  }
  const links = relinked(plan, fix);
  if (typeof links === 'string') return { ok: false, message: links };
  const candidate: Plan = { ...plan, nodes: changed<PlanNode>(plan.nodes, nodeChanges), clusters: changed<Cluster>(plan.clusters, clusterChanges), links };
  const parsed = PlanSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: `The fix does not fit the plan: ${parsed.error.issues[0]?.message ?? 'invalid'}.` };
  // The schema drops keys it does not know: a field the element does not have would change nothing.
  // A removed field the schema fills with its default has no removal to offer either.
  const element = (p: Plan, c: FieldChange) => (c.target === 'node' ? p.nodes : p.clusters).find((e) => e.id === c.id) as Record<string, unknown> | undefined;
  const lost = fix.changes.find((c) => !holds(element(parsed.data, c), c));
  if (lost) return { ok: false, message: `The fix does not fit the plan: ${lost.target} "${lost.id}" has no ${lost.value === null ? 'optional ' : ''}field ${lost.field}.` };
  if (fix.changes.every((c) => holds(element(plan, c), c)) && links === plan.links) return { ok: false, message: 'The plan already has it.' };
  // Keep the untouched elements as they are; take the changed ones as the schema normalised them.
  const touched = new Set(fix.changes.map((c) => `${c.target}:${c.id}`));
  return {
    ok: true,
    plan: {
      ...plan,
      nodes: plan.nodes.map((n, i) => (touched.has(`node:${n.id}`) ? (parsed.data.nodes[i] as PlanNode) : n)),
      clusters: plan.clusters.map((c, i) => (touched.has(`cluster:${c.id}`) ? (parsed.data.clusters[i] as Cluster) : c)),
      links,
    },
  };
}
