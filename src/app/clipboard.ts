/**
 * Copy and paste through the system clipboard, so that nodes and zones travel between tabs, windows
 * and plans. What is copied is a small plan file (the selected zones and nodes, the links between
 * them and the plan's clusters), so a paste goes through the same door as every other untrusted
 * plan (`parsePlanText`), and pasting it into a text editor gives a file Portolan can open.
 */
import { FORMAT_TYPE, parsePlanText } from '../core/schema/index.ts';
import type { Plan, PlanNode } from '../core/schema/index.ts';
import type { Clipboard } from './store/planOps.ts';

/** The clipboard text for `clip`, copied from `plan`. */
export function clipboardText(plan: Plan, clip: Clipboard): string {
  const zoneIds = new Set(clip.zones.map((z) => z.id));
  // A member whose zone is not copied leaves it (the paste puts it in the zone under it).
  const nodes = clip.nodes.map((n) => {
    if (n.zone === undefined || zoneIds.has(n.zone)) return n;
    const { zone: _zone, ...rest } = n;
    return rest as PlanNode;
  });
  const doc = { type: FORMAT_TYPE, version: 1, name: `Copied from ${plan.name}`, clusters: plan.clusters, zones: clip.zones, nodes, links: clip.links };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The zones, nodes and links a pasted text holds, fitted to `target` (its clusters), or why not. */
export function clipFromText(text: string, target: Plan): { ok: true; clip: Clipboard } | { ok: false; message: string } {
  const parsed = parsePlanText(text);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const { zones, nodes, links } = parsed.plan;
  if (zones.length === 0 && nodes.length === 0) return { ok: false, message: 'The plan on the clipboard has no zones or nodes.' };
  const clusters = new Set(target.clusters.map((c) => c.id));
  // Nodes of a cluster this plan does not have join its first cluster.
  const fitted = nodes.map((n) => {
    if (!('cluster' in n) || n.cluster === undefined || clusters.has(n.cluster)) return n;
    const { cluster: _cluster, ...rest } = n;
    return rest as PlanNode;
  });
  return { ok: true, clip: { zones, nodes: fitted, links } };
}
