/** Runs every check and returns findings sorted by id. */
import { agents, joinAddresses, resources } from './agent-checks.ts';
import { appSubdomains } from './app-checks.ts';
import { peering, trust } from './cluster-checks.ts';
import { clearApps, forwardPorts, forwardUse, noProxyTypes, proxyUrls } from './forward-checks.ts';
import type { Check, CheckInput } from './input.ts';
import { lbKinds, lbMappings } from './lb-checks.ts';
import { monitoring } from './monitor-checks.ts';
import { clusterShape, paths, refusedLinks } from './plan-checks.ts';
import { relays } from './relay-checks.ts';
import { acme, advertisedPorts, proxyAddresses, proxySettings } from './proxy-checks.ts';
import { servicePaths } from './path-checks.ts';
import { internetExposure, unplacedEnds } from './rule-checks.ts';
import { addressesInZones, impossibleAddresses, unlinkedResources } from './placement-checks.ts';
import { workloadApi } from './workload-checks.ts';
import { createFindingSink } from './sink.ts';
import type { Finding } from '../engine/types.ts';
import { evaluateAssertions } from '../assertions/evaluate.ts';
import type { Plan } from '../schema/index.ts';

/** Every check, in a fixed order (the output is sorted anyway). */
export const CHECKS: readonly Check[] = [
  clusterShape, paths, refusedLinks, proxyAddresses, proxySettings, servicePaths, advertisedPorts, acme, lbKinds, lbMappings,
  peering, trust, agents, joinAddresses, resources, proxyUrls, noProxyTypes, clearApps, forwardUse, forwardPorts, internetExposure, unplacedEnds,
  monitoring, relays, workloadApi, appSubdomains, unlinkedResources, addressesInZones, impossibleAddresses,
];

/** Run the checks. */
export function runChecks(input: Omit<CheckInput, 'out'>): Finding[] {
  const out = createFindingSink();
  for (const check of CHECKS) check({ ...input, out });
  return out.finish();
}

/** The checks' findings and the plan's assertion findings, sorted by id: what `derive` reports. */
export function findingsOf(plan: Plan, input: Omit<CheckInput, 'out'>): Finding[] {
  const checks = runChecks(input);
  // The plan's own assertions are findings like any other, so every consumer (canvas, CLI, exports) sees them.
  const asserted = plan.assertions.length === 0 ? [] : evaluateAssertions(plan, { rules: input.rules });
  return asserted.length === 0 ? checks : [...checks, ...asserted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export { createFindingSink, fillTemplate, listNames } from './sink.ts';
export { applyAutofix } from './autofix.ts';
export type { AutofixResult } from './autofix.ts';
export type { FindingInput, FindingSink } from './sink.ts';
export type { Check, CheckInput } from './input.ts';
