/**
 * A plan without a drawing (written by hand or by a script, or exported by a tool that knows no
 * positions) arrives with its nodes piled on one spot, the schema's default position. Such a plan is
 * laid out when it comes in, as an undo step of its own; undoing it brings the pile back and leaves it so.
 */
import type { Plan } from '../../core/schema/index.ts';
import { useAppStore } from '../store/index.ts';
import { autoLayout } from './autoLayout.ts';

/** Three nodes or more on one exact spot, or every node of a plan of two or more. */
export function isUndrawn(plan: Plan): boolean {
  if (plan.nodes.length < 2) return false;
  const counts = new Map<string, number>();
  let most = 0;
  for (const n of plan.nodes) {
    const key = `${n.position.x},${n.position.y}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    most = Math.max(most, count);
  }
  return most >= 3 || most === plan.nodes.length;
}

/**
 * After a plan came in from a link or a file: lay it out if it has no drawing. Called by those
 * paths alone, so that an undo of the layout stays undone (edits and reloads never lay it out again).
 */
export function layOutIfUndrawn(): void {
  if (isUndrawn(useAppStore.getState().plan)) void autoLayout('This plan had no drawing (its nodes sat on one spot): laid out by zone. Undo (Ctrl+Z) puts them back.');
}
