/** Ids share one namespace across a plan (the schema refuses a repeat): what a new element must avoid. */
import type { Plan } from './index.ts';

/** Every id the plan uses: clusters, zones, nodes, links and assertions. */
export function planIds(plan: Plan): Set<string> {
  return new Set([...plan.clusters.map((c) => c.id), ...plan.zones.map((z) => z.id), ...plan.nodes.map((n) => n.id), ...plan.links.map((l) => l.id), ...plan.assertions.map((a) => a.id)]);
}
