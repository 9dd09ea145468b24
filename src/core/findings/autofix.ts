/**
 * Applying a finding's autofix: set the fields it names and check the result with the plan schema, so
 * a fix never leaves an invalid plan behind. Pure: plan in, plan (or a reason) out.
 */
import type { Autofix } from '../engine/types.ts';
import { PlanSchema } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';

export type AutofixResult = { ok: true; plan: Plan } | { ok: false; message: string };

export function applyAutofix(plan: Plan, fix: Autofix): AutofixResult {
  const next = structuredClone(plan) as Plan;
  for (const c of fix.changes) {
    const list: { id: string }[] = c.target === 'node' ? next.nodes : next.clusters;
    const entity = list.find((e) => e.id === c.id) as Record<string, unknown> | undefined;
    if (!entity) return { ok: false, message: `The plan no longer has the ${c.target} "${c.id}".` };
    entity[c.field] = c.value;
  }
  const parsed = PlanSchema.safeParse(next);
  if (!parsed.success) return { ok: false, message: `The fix does not fit the plan: ${parsed.error.issues[0]?.message ?? 'invalid'}.` };
  return { ok: true, plan: parsed.data };
}
