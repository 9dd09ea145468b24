/**
 * Auto-layout, the pure half: the plan as an ELK graph (zones are compound nodes holding their members,
 * edges run from the side that opens the connection to the listener), and ELK's answer back as absolute
 * plan positions and zone sizes. No elkjs import here (only its types), so this module costs nothing at
 * first paint; `autoLayout.ts` loads ELK itself on demand.
 *
 * Options: https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { LinkInfo } from '../../core/engine/index.ts';
import type { Plan, PlanNode, Zone } from '../../core/schema/index.ts';
import type { Size, XY } from '../store/planOps.ts';

export const ROOT_ID = '__portolan_root__';

/** Room at the top of a zone for its header (name, kind, CIDRs), and around its members. */
export const ZONE_PADDING = { top: 64, left: 28, bottom: 28, right: 28 } as const;
/** A zone never shrinks below this (an empty zone keeps its current size, at least this). */
export const ZONE_MIN: Size = { width: 240, height: 140 };

/** Approximate edge label box (the label sits on the middle of the link; ELK keeps layers apart for it). */
function labelSize(text: string): Size {
  return { width: Math.min(260, 12 + text.length * 6.2), height: 22 };
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.spacing.edgeLabel': '6',
  'elk.spacing.componentComponent': '60',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

function zoneOptions(): LayoutOptions {
  const p = ZONE_PADDING;
  return {
    'elk.padding': `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${ZONE_MIN.width}, ${ZONE_MIN.height})`,
  };
}

export interface GraphInput {
  plan: Plan;
  /** The engine's reading of each link (direction and label); links it does not know keep their drawing. */
  links: readonly LinkInfo[];
  /** Rendered size of a node card. */
  sizeOf: (id: string) => Size;
}

/** The ELK graph for a plan. Zones come first, then loose nodes, then members, in plan order (stable). */
export function toElkGraph({ plan, links, sizeOf }: GraphInput): ElkNode {
  const zoneIds = new Set(plan.zones.map((z) => z.id));
  const memberOf = (n: PlanNode) => (n.zone !== undefined && zoneIds.has(n.zone) ? n.zone : undefined);
  const leaf = (n: PlanNode): ElkNode => ({ id: n.id, ...sizeOf(n.id) });
  const zoneNode = (zone: Zone): ElkNode => {
    const members = plan.nodes.filter((n) => memberOf(n) === zone.id).map(leaf);
    if (members.length === 0) {
      return { id: zone.id, width: Math.max(ZONE_MIN.width, zone.size.width), height: Math.max(ZONE_MIN.height, zone.size.height) };
    }
    return { id: zone.id, layoutOptions: zoneOptions(), children: members };
  };
  const info = new Map(links.map((l) => [l.id, l]));
  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  for (const link of plan.links) {
    if (!nodeIds.has(link.source) || !nodeIds.has(link.target) || link.source === link.target) continue;
    const meaning = info.get(link.id);
    const [from, to] = meaning?.ok ? [meaning.initiator, meaning.listener] : [link.source, link.target];
    const text = meaning?.ok ? meaning.label : '';
    edges.push({
      id: link.id,
      sources: [from],
      targets: [to],
      ...(text ? { labels: [{ text, ...labelSize(text) }] } : {}),
    });
  }
  return {
    id: ROOT_ID,
    layoutOptions: ROOT_OPTIONS,
    children: [...plan.zones.map(zoneNode), ...plan.nodes.filter((n) => memberOf(n) === undefined).map(leaf)],
    edges,
  };
}

export interface LayoutResult {
  /** Absolute top-left corner of every zone and node. */
  positions: Map<string, XY>;
  /** New size of every zone. */
  zoneSizes: Map<string, Size>;
}

/**
 * ELK's laid-out graph → absolute positions (children are relative to their parent in ELK's answer),
 * shifted so that the layout starts at `origin` (the old top-left corner of the drawing, so the view
 * does not jump to 0,0).
 */
export function fromElkGraph(laid: ElkNode, zoneIds: ReadonlySet<string>, origin: XY): LayoutResult {
  const positions = new Map<string, XY>();
  const zoneSizes = new Map<string, Size>();
  const walk = (node: ElkNode, offset: XY) => {
    for (const child of node.children ?? []) {
      const at = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0) };
      positions.set(child.id, { x: Math.round(at.x + origin.x), y: Math.round(at.y + origin.y) });
      if (zoneIds.has(child.id)) zoneSizes.set(child.id, { width: Math.ceil(child.width ?? ZONE_MIN.width), height: Math.ceil(child.height ?? ZONE_MIN.height) });
      walk(child, at);
    }
  };
  walk(laid, { x: 0, y: 0 });
  return { positions, zoneSizes };
}

/** Top-left corner of everything drawn (zones and nodes), or 0,0 for an empty plan. */
export function drawingOrigin(plan: Plan): XY {
  const all = [...plan.zones.map((z) => z.position), ...plan.nodes.map((n) => n.position)];
  if (all.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...all.map((p) => p.x)), y: Math.min(...all.map((p) => p.y)) };
}

/**
 * Put a layout into the plan: zones and nodes move to their new absolute positions and zones take their
 * new sizes. Membership does not change. Returns the same plan when nothing moved (so no undo step).
 */
export function applyLayout(plan: Plan, layout: LayoutResult): Plan {
  let changed = false;
  const zones = plan.zones.map((zone) => {
    const to = layout.positions.get(zone.id);
    const size = layout.zoneSizes.get(zone.id);
    if (!to || !size) return zone;
    if (to.x === zone.position.x && to.y === zone.position.y && size.width === zone.size.width && size.height === zone.size.height) return zone;
    changed = true;
    return { ...zone, position: to, size };
  });
  const nodes = plan.nodes.map((node) => {
    const to = layout.positions.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: to };
  });
  return changed ? { ...plan, zones, nodes } : plan;
}

/** Same zones and nodes (by id) in both plans: a layout computed for one applies to the other. */
export function sameElements(a: Plan, b: Plan): boolean {
  const ids = (p: Plan) => [...p.zones.map((z) => `z:${z.id}`), ...p.nodes.map((n) => `n:${n.id}:${n.zone ?? ''}`)].sort().join('|');
  return ids(a) === ids(b);
}
