/**
 * The requirements engine: plan in, flows, rules and findings out. Pure and deterministic.
 * (Placeholder until the engine lands: same signature, empty result.)
 */
import type { Plan } from '../schema/index.ts';
import type { DeriveResult, LinkCheck } from './types.ts';

export type { DeriveResult, Finding, Flow, LinkCheck, LinkInfo, Protocol, Rule, Severity } from './types.ts';

export function derive(_plan: Plan): DeriveResult {
  return { flows: [], rules: [], findings: [], links: [] };
}

export function checkLink(_plan: Plan, source: string, target: string): LinkCheck {
  return { ok: true, initiator: source, listener: target, summary: '' };
}
