import { PlanSchema } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { fitZones } from './layout.ts';
import type { PlanInput } from './layout.ts';

/**
 * Turn a template's plan input into a fresh validated plan: deep copy, fit zones around their nodes,
 * apply defaults. Throws only if the template itself is broken (the templates test guards that).
 */
export function buildPlan(input: PlanInput): Plan {
  return PlanSchema.parse(fitZones(JSON.parse(JSON.stringify(input)) as PlanInput));
}
