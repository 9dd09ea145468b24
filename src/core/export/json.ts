/**
 * JSON export (`json`): the rules with all their metadata and the findings, in a versioned envelope
 * (`{ type, version, … }`, like the plan format). Objects are built field by field, so the key order
 * is fixed whatever order the engine fills them in; absent values are `null`, never missing keys.
 */
import type { DeriveResult, Finding } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { compareText, ruleRows } from './model.ts';
import type { Endpoint, RuleRow } from './model.ts';

export const RULES_JSON_TYPE = 'portolan-rules';
export const RULES_JSON_VERSION = 1;

function endpointJson(e: Endpoint) {
  return { id: e.id, name: e.name, kind: e.kind, zone: e.zoneId ?? null, zoneName: e.zoneId === undefined ? null : e.zoneName, address: e.address };
}

function ruleJson(r: RuleRow) {
  const rule = r.rule;
  return {
    id: rule.id,
    source: endpointJson(r.source),
    destination: endpointJson(r.destination),
    port: rule.port,
    portEnd: rule.portEnd ?? null,
    protocol: rule.protocol,
    initiator: rule.initiator,
    longLived: rule.longLived,
    sameZone: rule.sameZone,
    purposes: [...rule.purposes],
    causes: [...rule.causes],
    docs: [...rule.docs],
    notes: [...rule.notes],
    flows: [...rule.flows],
    links: [...rule.links],
  };
}

function findingJson(f: Finding) {
  return {
    id: f.id,
    code: f.code,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
    docs: f.docs,
    nodes: [...f.nodes],
    links: [...f.links],
  };
}

/** The document as an object (for callers that want to embed it). */
export function rulesDocument(plan: Plan, result: DeriveResult) {
  return {
    type: RULES_JSON_TYPE,
    version: RULES_JSON_VERSION,
    plan: plan.name,
    rules: ruleRows(plan, result).map(ruleJson),
    findings: [...result.findings].sort((a, b) => compareText(a.id, b.id)).map(findingJson),
  };
}

export type RulesDocument = ReturnType<typeof rulesDocument>;

export function jsonExport(plan: Plan, result: DeriveResult): string {
  return `${JSON.stringify(rulesDocument(plan, result), null, 2)}\n`;
}
