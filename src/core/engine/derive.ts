/** `derive(plan)`: the engine with every check (derive-core.ts, findings/index.ts). */
import { findingsOf } from '../findings/index.ts';
import type { Plan } from '../schema/index.ts';
import { deriveWith } from './derive-core.ts';
import type { DeriveResult } from './types.ts';

/** Derive flows, rules, findings and link infos from a plan. Pure and deterministic. */
export function derive(plan: Plan): DeriveResult {
  return deriveWith(plan, findingsOf);
}
