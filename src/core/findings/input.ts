/** What every check receives. */
import type { Ctx } from '../engine/context.ts';
import type { Observations } from '../engine/observations.ts';
import type { Classification } from '../engine/relations.ts';
import type { Flow, Rule } from '../engine/types.ts';
import type { FindingSink } from './sink.ts';

/** Input of the checks: the context, what the families noticed, and their output. */
export interface CheckInput {
  ctx: Ctx;
  obs: Observations;
  flows: readonly Flow[];
  rules: readonly Rule[];
  /** Classification of each link, index for index with `ctx.sortedLinks`. */
  classes: readonly Classification[];
  out: FindingSink;
}

/** A check: reads the input and adds findings. */
export type Check = (input: CheckInput) => void;

/** Names of ids, for messages. */
export function namesOf(input: CheckInput, ids: Iterable<string>): string[] {
  return [...ids].sort().map((id) => input.ctx.nodes.get(id)?.name ?? id);
}

/** `text(name)` when `id` is a plan node, which the user can change; '' for a synthetic endpoint (a Cloud tenant). */
export function ifNode(input: CheckInput, id: string, text: (name: string) => string): string {
  const node = input.ctx.nodes.get(id);
  return node === undefined ? '' : text(node.name);
}

/** The ids that are plan nodes (a finding's `nodes` lists nodes only, not synthetic endpoints). */
export function planNodes(input: CheckInput, ...ids: string[]): string[] {
  return ids.filter((id) => input.ctx.nodes.has(id));
}
