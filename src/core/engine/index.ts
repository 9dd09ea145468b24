/**
 * The requirements engine: plan in; flows, rules, findings and link infos out. Pure and
 * deterministic (lists sorted by id, ids built from meaning). See docs/engine.md.
 */
export { derive } from './derive.ts';
export { deriveWith } from './derive-core.ts';
export type { FindingsOf } from './derive-core.ts';
export { applyAllAutofixes, newErrors } from './autofix-all.ts';
export type { AutofixAllResult } from './autofix-all.ts';
export { checkLink } from './check-link.ts';
export { rulesByHost, rulesByZonePair } from './views.ts';
export { nodeLabel, tenantId } from './endpoints.ts';
export { ruleId } from './rules.ts';
export { flowId } from './sink.ts';
export { parseNoProxy, shouldProxy, useProxy } from './no-proxy.ts';
export type { NoProxy } from './no-proxy.ts';
export type { Autofix, DeriveResult, EndpointId, FieldChange, Finding, Flow, HostView, LinkCheck, LinkInfo, Protocol, Rule, Severity, ZonePairView } from './types.ts';
