/**
 * Where imported nodes go: a new column to the right of everything already on the canvas, so they
 * never overlap existing nodes or zones. Deterministic: same plan, same positions.
 */
import type { Plan } from '../schema/index.ts';

const NODE_WIDTH = 180;
const GAP = 80;
const ROW_PITCH = 110;

/** `count` positions stacked in one column right of the plan's content. */
export function positionsRightOf(plan: Plan, count: number): { x: number; y: number }[] {
  const rights = [...plan.nodes.map((n) => n.position.x + NODE_WIDTH), ...plan.zones.map((z) => z.position.x + z.size.width)];
  const tops = [...plan.nodes.map((n) => n.position.y), ...plan.zones.map((z) => z.position.y)];
  const x = rights.length > 0 ? Math.max(...rights) + GAP : 40;
  const y = tops.length > 0 ? Math.min(...tops) : 80;
  return Array.from({ length: count }, (_, i) => ({ x, y: y + i * ROW_PITCH }));
}

/** How many nodes `positionsBeside` stacks in one column before starting the next. */
const PER_COLUMN = 10;

/**
 * `count` positions in columns of ten right of `anchor` (an imported agent, itself right of the plan's
 * content), top-aligned with it: the agent's resources sit next to it and overlap nothing.
 */
export function positionsBeside(anchor: { x: number; y: number }, count: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => ({ x: anchor.x + (NODE_WIDTH + GAP) * (1 + Math.floor(i / PER_COLUMN)), y: anchor.y + (i % PER_COLUMN) * ROW_PITCH }));
}

/** A deep copy of a plan (plans are plain JSON data), so imports never mutate their input. */
export function clonePlan(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan)) as Plan;
}
