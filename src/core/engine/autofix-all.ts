/**
 * Every autofix at once: apply one, derive again, and repeat, so that each fix sees the plan the
 * previous ones left. Pure and bounded: a finding id is fixed at most once (one that comes back after
 * its fix is left to the user), and at most `limit` rounds run.
 */
import { applyAutofix } from '../findings/autofix.ts';
import type { Plan } from '../schema/index.ts';
import type { DeriveResult } from './types.ts';

export interface AutofixAllResult {
  plan: Plan;
  /** Labels of the fixes applied, in the order they were applied. */
  applied: string[];
}

export function applyAllAutofixes(plan: Plan, derive: (p: Plan) => DeriveResult, limit = 50): AutofixAllResult {
  let current = plan;
  const applied: string[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < limit; round++) {
    const next = derive(current).findings.find((f) => f.autofix !== undefined && !tried.has(f.id));
    if (!next?.autofix) break;
    tried.add(next.id);
    const result = applyAutofix(current, next.autofix);
    if (!result.ok) continue;
    current = result.plan;
    applied.push(next.autofix.label);
  }
  return { plan: current, applied };
}
