/**
 * Where a node added by click (or Enter) in the palette goes: the free spot nearest to the middle of
 * the visible canvas, so that it covers no other node and no link label. Pure geometry, tested alone.
 */
import type { Plan } from '../../core/schema/index.ts';
import type { Size, XY } from '../store/planOps.ts';

export type Box = XY & Size;

/** Space kept between the new box and what it must not cover. */
const MARGIN = 16;
/** Distance between candidate spots. */
const STEP = 24;
/** Rings of candidates searched around the wanted spot (about 720 px each way). */
const RINGS = 30;
/** A link label, centred on the middle of its link (React Flow puts labels there). */
export const LABEL_SIZE: Size = { width: 180, height: 24 };

export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/**
 * The top-left corner nearest to `want` (by distance, then rows before columns) at which a box of
 * `size` keeps `MARGIN` from every obstacle; `want` itself when there is no room within the search.
 */
export function freeSpot(want: XY, size: Size, obstacles: readonly Box[]): XY {
  const fits = (p: XY) => !obstacles.some((o) => overlaps({ ...p, ...size }, o, MARGIN));
  if (fits(want)) return want;
  for (let ring = 1; ring <= RINGS; ring++) {
    const spots: XY[] = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) spots.push({ x: want.x + dx * STEP, y: want.y + dy * STEP });
      }
    }
    const d = (p: XY) => (p.x - want.x) ** 2 + (p.y - want.y) ** 2;
    spots.sort((a, b) => d(a) - d(b) || a.y - b.y || a.x - b.x);
    const spot = spots.find(fits);
    if (spot) return spot;
  }
  return want;
}

/** What a new node must not cover: the plan's nodes and the labels of its links. */
export function nodeObstacles(plan: Plan, sizeOf: (id: string) => Size): Box[] {
  const boxes = new Map<string, Box>(plan.nodes.map((n) => [n.id, { ...n.position, ...sizeOf(n.id) }]));
  const labels: Box[] = [];
  for (const link of plan.links) {
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!a || !b) continue;
    const mid = { x: (a.x + a.width / 2 + b.x + b.width / 2) / 2, y: (a.y + a.height / 2 + b.y + b.height / 2) / 2 };
    labels.push({ x: mid.x - LABEL_SIZE.width / 2, y: mid.y - LABEL_SIZE.height / 2, ...LABEL_SIZE });
  }
  return [...boxes.values(), ...labels];
}

/** What a new zone must not cover: the other zones. */
export function zoneObstacles(plan: Plan): Box[] {
  return plan.zones.map((z) => ({ ...z.position, ...z.size }));
}
