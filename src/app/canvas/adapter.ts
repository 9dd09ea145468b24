/**
 * The one place where the plan meets React Flow.
 *
 * Plan positions are absolute canvas coordinates, zones included. React Flow draws a zone member relative
 * to its parent (`parentId`), so a member's position is converted here, both ways, and nowhere else.
 * Nodes are rebuilt only when something they show changed: React Flow skips work for identical objects.
 */
import type { Edge, Node, XYPosition } from '@xyflow/react';
import { KIND_INFO } from '../../core/catalog/kinds.ts';
import type { KindFamily } from '../../core/catalog/kinds.ts';
import type { LinkInfo, Severity } from '../../core/engine/index.ts';
import type { Link, Plan, PlanNode, Zone } from '../../core/schema/index.ts';
import type { NodeFindings } from '../store/derived.ts';
import type { Highlight, HighlightTone } from '../store/uiSlice.ts';

export interface PlanNodeData extends Record<string, unknown> {
  node: PlanNode;
  findings: number;
  worst: Severity | null;
  highlighted: boolean;
  /** Explain colour (trace, diff, what breaks) and step along a traced path; null when none. */
  tone: HighlightTone | null;
  step: number | null;
  /**
   * The card is the only one selected: its grips show without a hover (for touch), as they cannot for a
   * selection of many (mounting four grips on each card of a large selection took seconds).
   */
  soleSelected: boolean;
}

export interface ZoneNodeData extends Record<string, unknown> {
  zone: Zone;
  members: number;
  highlighted: boolean;
}

/** What a link shows of the engine's answer (its `LinkInfo`): kept by value, see `toEdges`. */
export type LinkShown = Pick<LinkInfo, 'ok' | 'label' | 'reason'>;

export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
  info: LinkShown | null;
  highlighted: boolean;
  tone: HighlightTone | null;
  /** Not in the plan: a link of a compared plan, drawn where it was (see `Highlight.ghosts`). */
  ghost?: boolean;
}

/** Edge id of a ghost link (cannot collide with plan ids, which have no colon). */
export const GHOST_PREFIX = 'ghost:';

export type PlanFlowNode = Node<PlanNodeData, KindFamily>;
export type ZoneFlowNode = Node<ZoneNodeData, 'zone'>;
export type FlowNode = PlanFlowNode | ZoneFlowNode;
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

export interface AdapterInput {
  plan: Plan;
  selection: ReadonlySet<string>;
  edgeSelection: ReadonlySet<string>;
  measured: Record<string, { width: number; height: number }>;
  findings: Map<string, NodeFindings>;
  links: ReadonlyMap<string, LinkInfo>;
  highlight: Highlight | null;
}

/**
 * Stacking, with React Flow's `zIndexMode="manual"`: zones at the bottom, links above zones (so they stay
 * clickable inside a zone) but under node cards, selected links above other links.
 */
export const Z = { zone: 0, edge: 1, activeEdge: 2, node: 3 } as const;

const NO_GHOSTS: NonNullable<Highlight['ghosts']> = [];

type Cache<T> = Map<string, { deps: unknown[]; value: T }>;

function cached<T>(cache: Cache<T>, id: string, deps: unknown[], make: () => T): T {
  const prior = cache.get(id);
  if (prior && prior.deps.length === deps.length && prior.deps.every((d, i) => Object.is(d, deps[i]))) return prior.value;
  const value = make();
  cache.set(id, { deps, value });
  return value;
}

function shown(info: LinkInfo): LinkShown {
  return info.reason === undefined ? { ok: info.ok, label: info.label } : { ok: info.ok, label: info.label, reason: info.reason };
}

/** A stateful adapter (it keeps the last objects it built, to hand React Flow the same ones back). */
export function createAdapter() {
  const nodeCache: Cache<FlowNode> = new Map();
  const dataCache: Cache<PlanNodeData> = new Map();
  const edgeCache: Cache<LinkFlowEdge> = new Map();
  let lastNodes: FlowNode[] = [];
  let lastEdges: LinkFlowEdge[] = [];
  let lastGhosts: { list: NonNullable<Highlight['ghosts']>; edges: LinkFlowEdge[] } = { list: NO_GHOSTS, edges: [] };

  function toNodes(input: AdapterInput): FlowNode[] {
    const { plan, selection, measured, findings, highlight } = input;
    const zonesById = new Map(plan.zones.map((z) => [z.id, z]));
    const hl = new Set(highlight?.nodes ?? []);
    const memberCount = new Map<string, number>();
    for (const n of plan.nodes) if (n.zone !== undefined) memberCount.set(n.zone, (memberCount.get(n.zone) ?? 0) + 1);

    // Parents must come before their children in React Flow's list.
    const zones = plan.zones.map((zone) => {
      const selected = selection.has(zone.id);
      const size = measured[zone.id];
      const members = memberCount.get(zone.id) ?? 0;
      const highlighted = hl.has(zone.id);
      return cached(nodeCache, zone.id, [zone, selected, size, members, highlighted], (): ZoneFlowNode => ({
        id: zone.id,
        type: 'zone',
        position: zone.position,
        width: zone.size.width,
        height: zone.size.height,
        data: { zone, members, highlighted },
        selected,
        zIndex: Z.zone,
        ariaLabel: `Zone ${zone.name}`,
        ...(size ? { measured: size } : {}),
      }));
    });
    const nodes = plan.nodes.map((node) => {
      const parent = node.zone === undefined ? undefined : zonesById.get(node.zone);
      const selected = selection.has(node.id);
      const size = measured[node.id];
      const f = findings.get(node.id);
      const highlighted = hl.has(node.id);
      const tone = highlight?.tones?.nodes?.[node.id] ?? null;
      const step = highlight?.steps?.[node.id] ?? null;
      // The card's data is kept apart from size and selection (but for a sole selection): when React Flow
      // reports the sizes it measured (every card, once, after the first render), the cards keep their data
      // and their memo skips them.
      const soleSelected = selected && selection.size === 1;
      // Findings by value: every derive (every keystroke in a field) makes new finding objects.
      const count = f?.count ?? 0;
      const worst = f?.worst ?? null;
      const data = cached(dataCache, node.id, [node, count, worst, highlighted, tone, step, soleSelected], (): PlanNodeData => ({ node, findings: count, worst, highlighted, tone, step, soleSelected }));
      return cached(nodeCache, node.id, [data, parent?.position, selected, size], (): PlanFlowNode => ({
        id: node.id,
        type: KIND_INFO[node.kind].family,
        position: parent ? relative(node.position, parent.position) : node.position,
        ...(parent ? { parentId: parent.id } : {}),
        data,
        selected,
        zIndex: Z.node,
        ariaLabel: `${KIND_INFO[node.kind].label} ${node.name}`,
        ...(size ? { measured: size } : {}),
      }));
    });
    prune(nodeCache, plan.zones.length + plan.nodes.length, [...plan.zones, ...plan.nodes]);
    prune(dataCache, plan.nodes.length, plan.nodes);
    return (lastNodes = same(lastNodes, [...zones, ...nodes]));
  }

  function toEdges(input: AdapterInput): LinkFlowEdge[] {
    const { plan, edgeSelection, links, highlight } = input;
    const hl = new Set(highlight?.links ?? []);
    const edges = plan.links.map((link) => {
      const info = links.get(link.id) ?? null;
      const selected = edgeSelection.has(link.id);
      const highlighted = hl.has(link.id);
      const tone = highlight?.tones?.links?.[link.id] ?? null;
      // The engine's answer by what the link shows: every derive makes new LinkInfo objects, and an edge
      // rebuilt for nothing costs React Flow a re-render (a thousand of them for a keystroke in a big plan).
      return cached(edgeCache, link.id, [link, info?.ok, info?.initiator, info?.listener, info?.label, info?.reason, selected, highlighted, tone], (): LinkFlowEdge => {
        // The arrow points from the side that opens the connection to the listener, however it was drawn.
        const reversed = info?.ok === true && info.initiator === link.target;
        return {
          id: link.id,
          type: 'link',
          source: reversed ? link.target : link.source,
          target: reversed ? link.source : link.target,
          data: { link, info: info && shown(info), highlighted, tone },
          selected,
          zIndex: selected || highlighted ? Z.activeEdge : Z.edge,
          ariaLabel: info?.label ? `Link ${link.source} – ${link.target}: ${info.label}` : `Link ${link.source} – ${link.target}`,
        };
      });
    });
    prune(edgeCache, plan.links.length, plan.links);
    const ghosts = ghostEdges(highlight?.ghosts ?? NO_GHOSTS);
    return (lastEdges = same(lastEdges, ghosts.length > 0 ? [...edges, ...ghosts] : edges));
  }

  /** Ghost links as edges, rebuilt only when the list of ghosts changes (so a drag keeps the same ones). */
  function ghostEdges(list: NonNullable<Highlight['ghosts']>): LinkFlowEdge[] {
    if (list === lastGhosts.list) return lastGhosts.edges;
    const edges = list.map(
      (g): LinkFlowEdge => ({
        id: GHOST_PREFIX + g.id,
        type: 'link',
        source: g.source,
        target: g.target,
        data: { link: { id: g.id, source: g.source, target: g.target }, info: null, highlighted: false, tone: g.tone, ghost: true },
        selectable: false,
        focusable: false,
        zIndex: Z.activeEdge,
        ariaLabel: `Link ${g.source} – ${g.target}, removed`,
      }),
    );
    lastGhosts = { list, edges };
    return edges;
  }

  return { toNodes, toEdges };
}

/**
 * The previous list when it holds the very same objects: React Flow then skips its whole update (a drag
 * changes the plan on every frame, but no edge, so the edges list must not change either).
 */
function same<T>(prior: T[], next: T[]): T[] {
  if (prior.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prior[i] !== next[i]) return next;
  return prior;
}

function prune<T>(cache: Cache<T>, size: number, live: readonly { id: string }[]): void {
  if (cache.size <= size) return;
  const keep = new Set(live.map((e) => e.id));
  for (const id of cache.keys()) if (!keep.has(id)) cache.delete(id);
}

export function relative(abs: XYPosition, parent: XYPosition): XYPosition {
  return { x: abs.x - parent.x, y: abs.y - parent.y };
}

/** React Flow position (relative to `parentId` if any) → absolute plan position. */
export function toAbsolute(plan: Plan, parentId: string | undefined, position: XYPosition): XYPosition {
  const parent = parentId === undefined ? undefined : plan.zones.find((z) => z.id === parentId);
  return parent ? { x: Math.round(position.x + parent.position.x), y: Math.round(position.y + parent.position.y) } : { x: Math.round(position.x), y: Math.round(position.y) };
}
