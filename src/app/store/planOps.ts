/**
 * Pure operations on a plan: every editing gesture of the app is one of these, so they can be unit-tested
 * without React. Positions in a plan are absolute canvas coordinates (zones too); React Flow's relative
 * coordinates never reach this module (see `canvas/adapter.ts`).
 */
import { PALETTE, freeId, paletteItem } from '../../core/catalog/kinds.ts';
import { ClusterSchema, FORMAT_TYPE, NodeSchema, PlanSchema, ZoneSchema, planIds } from '../../core/schema/index.ts';
import { Id } from '../../core/schema/common.ts';
import type { Cluster, Link, Plan, PlanNode, Zone } from '../../core/schema/index.ts';

export interface XY {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

/** Size of a node card before React Flow has measured it (matches `.pl-node` in the CSS). */
export const DEFAULT_NODE_SIZE: Size = { width: 184, height: 64 };
export const DEFAULT_ZONE_SIZE: Size = { width: 420, height: 280 };

/** A plan with nothing in it but one cluster with the defaults `teleport configure` writes. */
export function emptyPlan(): Plan {
  return PlanSchema.parse({
    type: FORMAT_TYPE,
    version: 1,
    name: 'Untitled plan',
    clusters: [{ id: 'main', name: 'teleport.example.com' }],
  });
}

/** The zone under a point: the smallest zone whose rectangle contains it (zones may overlap). */
export function zoneAt(plan: Plan, point: XY, exclude?: string): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of plan.zones) {
    if (zone.id === exclude) continue;
    const { x, y } = zone.position;
    const { width, height } = zone.size;
    if (point.x < x || point.y < y || point.x > x + width || point.y > y + height) continue;
    if (!best || width * height < best.size.width * best.size.height) best = zone;
  }
  return best;
}

/** `SSH agent`, then `SSH agent 2` for `ssh-agent-2`: the name follows the numbering of the id. */
function nameFor(label: string, id: string, base: string): string {
  const suffix = id.slice(base.length).replace(/^-/, '');
  return suffix ? `${label} ${suffix}` : label;
}

export interface Created {
  plan: Plan;
  /** Ids of the zones and nodes created (to select them). */
  created: string[];
}

/**
 * Add what a palette item creates, with its top-left corner at `at`. A node dropped inside a zone joins it.
 * Returns the plan unchanged (and nothing created) for an unknown palette id.
 */
export function addFromPalette(plan: Plan, itemId: string, at: XY): Created {
  const item = paletteItem(itemId);
  if (!item) return { plan, created: [] };
  const taken = planIds(plan);
  const target = item.target;
  switch (target.type) {
    case 'zone': {
      const id = freeId(item.idBase, taken);
      const zone = ZoneSchema.parse({
        id,
        name: nameFor(item.label, id, item.idBase),
        kind: target.zoneKind,
        cidrs: target.zoneKind === 'internet' ? ['0.0.0.0/0'] : [],
        position: round(at),
        size: DEFAULT_ZONE_SIZE,
      });
      return { plan: { ...plan, zones: [...plan.zones, zone] }, created: [id] };
    }
    case 'node': {
      const id = freeId(item.idBase, taken);
      const center = { x: at.x + DEFAULT_NODE_SIZE.width / 2, y: at.y + DEFAULT_NODE_SIZE.height / 2 };
      const zone = zoneAt(plan, center);
      const node = NodeSchema.parse({
        ...target.preset,
        kind: target.kind,
        id,
        name: nameFor(item.label, id, item.idBase),
        position: round(at),
        ...(zone ? { zone: zone.id } : {}),
      });
      return { plan: { ...plan, nodes: [...plan.nodes, node] }, created: [id] };
    }
    case 'leaf-cluster': {
      const root = plan.clusters[0];
      const clusterId = freeId(item.idBase, taken);
      taken.add(clusterId);
      const cluster: Cluster = ClusterSchema.parse({
        id: clusterId,
        name: `${clusterId}.example.com`,
        teleportVersion: root?.teleportVersion,
        teleportMinorVersion: root?.teleportMinorVersion,
        ...(root ? { trustedRoot: root.id } : {}),
      });
      const nodes: PlanNode[] = [];
      const zone = zoneAt(plan, { x: at.x + DEFAULT_NODE_SIZE.width / 2, y: at.y + DEFAULT_NODE_SIZE.height / 2 });
      (['auth', 'proxy'] as const).forEach((kind, i) => {
        const base = paletteItem(kind)!;
        const id = freeId(`${clusterId}-${kind}`, taken);
        taken.add(id);
        nodes.push(
          NodeSchema.parse({
            ...(base.target.type === 'node' ? base.target.preset : {}),
            kind,
            id,
            name: `${base.label} (${clusterId})`,
            cluster: clusterId,
            position: round({ x: at.x + i * (DEFAULT_NODE_SIZE.width + 40), y: at.y }),
            ...(zone ? { zone: zone.id } : {}),
          }),
        );
      });
      return {
        plan: { ...plan, clusters: [...plan.clusters, cluster], nodes: [...plan.nodes, ...nodes] },
        created: nodes.map((n) => n.id),
      };
    }
  }
}

function round(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/**
 * Move zones and nodes to new absolute positions. A zone carries its members along (unless a member is
 * moved explicitly too), because in the plan every position is absolute.
 */
export function moveElements(plan: Plan, moves: ReadonlyMap<string, XY>): Plan {
  if (moves.size === 0) return plan;
  const zoneDelta = new Map<string, XY>();
  const zones = plan.zones.map((zone) => {
    const to = moves.get(zone.id);
    if (!to || (to.x === zone.position.x && to.y === zone.position.y)) return zone;
    zoneDelta.set(zone.id, { x: to.x - zone.position.x, y: to.y - zone.position.y });
    return { ...zone, position: { ...to } };
  });
  const nodes = plan.nodes.map((node) => {
    const to = moves.get(node.id);
    if (to) return to.x === node.position.x && to.y === node.position.y ? node : { ...node, position: { ...to } };
    const delta = node.zone === undefined ? undefined : zoneDelta.get(node.zone);
    if (!delta) return node;
    return { ...node, position: { x: node.position.x + delta.x, y: node.position.y + delta.y } };
  });
  return { ...plan, zones, nodes };
}

/** Resize a zone (its top-left corner may move too); members keep their absolute positions. */
export function setZoneBounds(plan: Plan, id: string, position: XY, size: Size): Plan {
  return {
    ...plan,
    zones: plan.zones.map((z) =>
      z.id === id ? { ...z, position: round(position), size: { width: Math.max(40, Math.round(size.width)), height: Math.max(40, Math.round(size.height)) } } : z,
    ),
  };
}

/** After a drag: each given node joins the zone under its centre (or leaves every zone). */
export function assignZones(plan: Plan, nodeIds: Iterable<string>, sizeOf: (id: string) => Size): Plan {
  const ids = new Set(nodeIds);
  let changed = false;
  const nodes = plan.nodes.map((node) => {
    if (!ids.has(node.id)) return node;
    const size = sizeOf(node.id);
    const zone = zoneAt(plan, { x: node.position.x + size.width / 2, y: node.position.y + size.height / 2 });
    if (zone?.id === node.zone) return node;
    changed = true;
    const { zone: _old, ...rest } = node;
    return (zone ? { ...rest, zone: zone.id } : rest) as PlanNode;
  });
  return changed ? { ...plan, nodes } : plan;
}

/**
 * Delete zones, nodes and links by id. Links touching a deleted node go too; members of a deleted zone
 * stay where they are, outside any zone. A leaf cluster left without nodes is removed.
 */
export function removeElements(plan: Plan, ids: Iterable<string>): Plan {
  const gone = new Set(ids);
  if (gone.size === 0) return plan;
  const nodes = plan.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      if (n.zone === undefined || !gone.has(n.zone)) return n;
      const { zone: _z, ...rest } = n;
      return rest as PlanNode;
    });
  const nodeIds = new Set(nodes.map((n) => n.id));
  const links = plan.links.filter((l) => !gone.has(l.id) && nodeIds.has(l.source) && nodeIds.has(l.target));
  const zones = plan.zones.filter((z) => !gone.has(z.id));
  // An assertion about a deleted zone goes with it (the schema refuses assertions naming unknown zones).
  const assertions = plan.assertions.filter((a) => (a.type === 'no-traffic' ? [a.fromZone, a.toZone] : [a.zone]).every((z) => !gone.has(z)));
  const usedClusters = new Set(nodes.map((n) => ('cluster' in n ? n.cluster : undefined)).filter((c) => c !== undefined));
  const clusters = plan.clusters.filter((c, i) => i === 0 || c.trustedRoot === undefined || usedClusters.has(c.id) || plan.clusters.some((o) => o.trustedRoot === c.id));
  if (nodes.length === plan.nodes.length && links.length === plan.links.length && zones.length === plan.zones.length && clusters.length === plan.clusters.length && assertions.length === plan.assertions.length) {
    return plan;
  }
  return { ...plan, zones, nodes, links, clusters, assertions };
}

/** Is there already a link between these two nodes, whichever way it was drawn? */
export function findLink(plan: Plan, a: string, b: string): Link | undefined {
  return plan.links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
}

export function addLink(plan: Plan, source: string, target: string): { plan: Plan; id: string } {
  const id = freeId(`${source}-${target}`, planIds(plan));
  return { plan: { ...plan, links: [...plan.links, { id, source, target }] }, id };
}

/** Why `next` cannot become the id of node or zone `current` (undefined when it can). */
export function renameProblem(plan: Plan, current: string, next: string): string | undefined {
  if (next === current) return undefined;
  const parsed = Id.safeParse(next);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid id';
  if (planIds(plan).has(next)) return `"${next}" is already the id of something else in this plan`;
  return undefined;
}

/**
 * Give a node or zone a new id, and every reference to it: links, zone members, assertions. Links
 * named after their two ends (`users-lb`) are renamed with them when the new name is free.
 */
export function renameElement(plan: Plan, current: string, next: string): Plan {
  if (next === current || renameProblem(plan, current, next) !== undefined) return plan;
  const isZone = plan.zones.some((z) => z.id === current);
  const taken = planIds(plan);
  const swap = (id: string) => (id === current ? next : id);
  const links = isZone
    ? plan.links
    : plan.links.map((l) => {
        if (l.source !== current && l.target !== current) return l;
        const source = swap(l.source);
        const target = swap(l.target);
        const named = l.id === `${l.source}-${l.target}` ? `${source}-${target}` : undefined;
        if (named === undefined || taken.has(named) || !Id.safeParse(named).success) return { ...l, source, target };
        taken.add(named);
        return { ...l, id: named, source, target };
      });
  return {
    ...plan,
    zones: isZone ? plan.zones.map((z) => (z.id === current ? { ...z, id: next } : z)) : plan.zones,
    nodes: plan.nodes.map((n) => (n.id === current ? { ...n, id: next } : isZone && n.zone === current ? { ...n, zone: next } : n)),
    links,
    assertions: !isZone
      ? plan.assertions
      : plan.assertions.map((a) => (a.type === 'no-traffic' ? (a.fromZone === current || a.toZone === current ? { ...a, fromZone: swap(a.fromZone), toZone: swap(a.toZone) } : a) : a.zone === current ? { ...a, zone: next } : a)),
  };
}

export function replaceNode(plan: Plan, node: PlanNode): Plan {
  return { ...plan, nodes: plan.nodes.map((n) => (n.id === node.id ? node : n)) };
}
export function replaceZone(plan: Plan, zone: Zone): Plan {
  return { ...plan, zones: plan.zones.map((z) => (z.id === zone.id ? zone : z)) };
}
export function replaceLink(plan: Plan, link: Link): Plan {
  return { ...plan, links: plan.links.map((l) => (l.id === link.id ? link : l)) };
}
export function replaceCluster(plan: Plan, cluster: Cluster): Plan {
  return { ...plan, clusters: plan.clusters.map((c) => (c.id === cluster.id ? cluster : c)) };
}

/** What Copy puts on the app's clipboard: whole zones, nodes, and the links between copied nodes. */
export interface Clipboard {
  zones: Zone[];
  nodes: PlanNode[];
  links: Link[];
}

export function copyElements(plan: Plan, ids: Iterable<string>): Clipboard | null {
  const want = new Set(ids);
  const zones = plan.zones.filter((z) => want.has(z.id));
  const zoneIds = new Set(zones.map((z) => z.id));
  // Copying a zone copies its members.
  const nodes = plan.nodes.filter((n) => want.has(n.id) || (n.zone !== undefined && zoneIds.has(n.zone)));
  if (zones.length === 0 && nodes.length === 0) return null;
  const nodeIds = new Set(nodes.map((n) => n.id));
  const links = plan.links.filter((l) => nodeIds.has(l.source) && nodeIds.has(l.target));
  return { zones, nodes, links };
}

/** Paste with fresh ids, shifted by `offset`; pasted nodes join the zone under them. */
export function pasteElements(plan: Plan, clip: Clipboard, offset: XY, sizeOf: (id: string) => Size): Created {
  const taken = planIds(plan);
  const rename = new Map<string, string>();
  const fresh = (id: string) => {
    const next = freeId(id.replace(/-\d+$/, ''), taken);
    taken.add(next);
    rename.set(id, next);
    return next;
  };
  const shift = (p: XY) => ({ x: p.x + offset.x, y: p.y + offset.y });
  const zones = clip.zones.map((z) => ({ ...z, id: fresh(z.id), position: shift(z.position) }));
  const nodes = clip.nodes.map((n) => {
    const id = fresh(n.id);
    const zone = n.zone !== undefined ? rename.get(n.zone) : undefined;
    const { zone: _z, ...rest } = n;
    return { ...rest, id, position: shift(n.position), ...(zone ? { zone } : {}) } as PlanNode;
  });
  const links = clip.links.map((l) => ({ ...l, id: fresh(l.id), source: rename.get(l.source)!, target: rename.get(l.target)! }));
  let next: Plan = { ...plan, zones: [...plan.zones, ...zones], nodes: [...plan.nodes, ...nodes], links: [...plan.links, ...links] };
  const loose = nodes.filter((n) => n.zone === undefined).map((n) => n.id);
  next = assignZones(next, loose, (id) => {
    const original = [...rename].find(([, to]) => to === id)?.[0];
    return sizeOf(original ?? id);
  });
  return { plan: next, created: [...zones.map((z) => z.id), ...nodes.map((n) => n.id)] };
}

/** Palette ids in display order (exported for tests and the shortcut sheet). */
export const PALETTE_IDS: readonly string[] = PALETTE.map((p) => p.id);
