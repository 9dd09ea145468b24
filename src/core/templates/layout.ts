/**
 * Canvas geometry shared by the templates: a grid of columns (left → right: clients, edge, Proxies,
 * control plane, private services) and rows, and zones fitted around their member nodes.
 */
import type { PlanSchema } from '../schema/index.ts';
import type * as z from 'zod/mini';

/** A plan as written in TypeScript, before defaults are applied. */
export type PlanInput = z.input<typeof PlanSchema>;

/** Size the canvas draws a node at (templates place nodes assuming it). */
export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 70;
/** Space between a zone's border and the nodes inside it. */
export const ZONE_PADDING = 40;

/** Wide enough for a link label between the cards of adjacent columns. */
const COLUMN_PITCH = 420;
const ROW_PITCH = 110;
const ORIGIN = { x: 40, y: 80 };

/**
 * Position of the grid cell `column`, `row`. Adjacent columns leave 160px between their zones;
 * zones stacked in one column need one empty row between them.
 */
export function at(column: number, row: number): { x: number; y: number } {
  return { x: ORIGIN.x + column * COLUMN_PITCH, y: ORIGIN.y + row * ROW_PITCH };
}

/**
 * Give every zone without an explicit `size` the rectangle around its member nodes plus
 * `ZONE_PADDING`. Returns a new object; zones with no members keep what they have.
 */
export function fitZones(input: PlanInput): PlanInput {
  const nodes = input.nodes ?? [];
  const zones = (input.zones ?? []).map((zone) => {
    if (zone.size !== undefined) return zone;
    const members = nodes.filter((n) => n.zone === zone.id && n.position !== undefined);
    if (members.length === 0) return zone;
    const xs = members.map((n) => n.position?.x ?? 0);
    const ys = members.map((n) => n.position?.y ?? 0);
    const left = Math.min(...xs) - ZONE_PADDING;
    const top = Math.min(...ys) - ZONE_PADDING;
    const right = Math.max(...xs) + NODE_WIDTH + ZONE_PADDING;
    const bottom = Math.max(...ys) + NODE_HEIGHT + ZONE_PADDING;
    return { ...zone, position: { x: left, y: top }, size: { width: right - left, height: bottom - top } };
  });
  return { ...input, zones };
}
