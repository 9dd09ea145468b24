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
