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

/** The cluster most templates start from: what `teleport configure` writes today (v3, multiplex, agent mesh). */
export const SELF_HOSTED_CLUSTER: PlanInput['clusters'][number] = {
  id: 'main',
  name: 'teleport.example.com',
  deployment: 'self-hosted',
  teleportVersion: 18,
  configVersion: 'v3',
  proxyListenerMode: 'multiplex',
  tunnelStrategy: 'agent_mesh',
  edition: 'oss',
};

/** The public internet as a zone. */
// Shared by several templates; safe because buildPlan deep-copies its input before anything else.
export const INTERNET_ZONE: NonNullable<PlanInput['zones']>[number] = { id: 'internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'] };
