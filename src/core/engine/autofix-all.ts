/**
 * Every autofix at once: apply one, derive again, and repeat, so that each fix sees the plan the
 * previous ones left. Pure and bounded: a finding id is fixed at most once (one that comes back after
 * its fix is left to the user), a fix that would add an error finding (a violated assertion, say) is
 * skipped, and at most `limit` rounds run.
 */
import { applyAutofix } from '../findings/autofix.ts';
import type { Plan } from '../schema/index.ts';
import type { DeriveResult, Finding } from './types.ts';

export interface AutofixAllResult {
  plan: Plan;
  /** Labels of the fixes applied, in the order they were applied. */
  applied: string[];
  /** Fixes left out, each with why (the new error it would bring, or why it does not apply). */
  skipped: { label: string; reason: string }[];
  /** The round limit stopped the loop with fixes left to try. */
  capped: boolean;
}

/** Error findings of `after` that `before` does not have. */
export function newErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const had = new Set(before.filter((f) => f.severity === 'error').map((f) => f.id));
  return after.filter((f) => f.severity === 'error' && !had.has(f.id));
}

/**
 * `derive` should be what the user sees (the app and the CLI add the plan's assertion findings), so
 * that a fix which breaks an assertion is caught. The default limit grows with the plan: every node and
 * cluster can carry a few fixes.
 */
export function applyAllAutofixes(plan: Plan, derive: (p: Plan) => DeriveResult, limit = 50 + 4 * (plan.nodes.length + plan.clusters.length)): AutofixAllResult {
  let current = plan;
  let findings = derive(current).findings;
  const applied: string[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < limit; round++) {
    const next = findings.find((f) => f.autofix !== undefined && !tried.has(f.id));
    if (!next?.autofix) return { plan: current, applied, skipped, capped: false };
    tried.add(next.id);
    const result = applyAutofix(current, next.autofix);
    if (!result.ok) {
      skipped.push({ label: next.autofix.label, reason: result.message });
      continue;
    }
    const after = derive(result.plan).findings;
    const broken = newErrors(findings, after);
    if (broken.length > 0) {
      skipped.push({ label: next.autofix.label, reason: `it would add ${broken.map((f) => f.id).join(', ')}` });
      continue;
    }
    current = result.plan;
    findings = after;
    applied.push(next.autofix.label);
  }
  return { plan: current, applied, skipped, capped: findings.some((f) => f.autofix !== undefined && !tried.has(f.id)) };
}
