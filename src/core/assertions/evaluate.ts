/**
 * Plan assertions (docs/plan-format.md, "Assertions"): statements about zones, checked against the
 * derived rules. Each violated assertion becomes one error finding `PL-ASSERT:<assertion id>` that
 * names the rules breaking it. Rules are compared by their zones as the engine set them: an end in
 * no zone is "another zone" for every zone.
 */
import { sourceUrl } from '../catalog/index.ts';
// Imported from the modules, not engine/index.ts: derive() itself runs the assertions.
import { nodeLabel } from '../engine/endpoints.ts';
import type { DeriveResult, Finding, Rule } from '../engine/types.ts';
import type { Assertion, Plan } from '../schema/index.ts';

/** Finding code of a violated assertion. */
export const ASSERTION_CODE = 'PL-ASSERT';

/** How many violating rules a message names before "and N more". */
const NAMED_RULES = 5;

function zoneName(plan: Plan, id: string): string {
  return plan.zones.find((z) => z.id === id)?.name ?? id;
}

/** Does the rule's port (range) stay within `ports`? */
function portsWithin(rule: Rule, ports: readonly number[]): boolean {
  const allowed = new Set(ports);
  for (let p = rule.port; p <= (rule.portEnd ?? rule.port); p += 1) if (!allowed.has(p)) return false;
  return true;
}

/** The ports of an `only-ports-from` assertion as a user writes them: `443, 3024, 3021/udp`. */
export function allowedPortsText(a: { ports: readonly number[]; udpPorts?: readonly number[] | undefined }): string {
  const sorted = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
  return [...sorted(a.ports).map(String), ...sorted(a.udpPorts ?? []).map((p) => `${p}/udp`)].join(', ');
}

/** The rules that violate one assertion. */
export function violations(a: Assertion, rules: readonly Rule[]): Rule[] {
  switch (a.type) {
    case 'no-inbound':
      return rules.filter((r) => r.destinationZone === a.zone && r.sourceZone !== a.zone);
    case 'no-outbound':
      return rules.filter((r) => r.sourceZone === a.zone && r.destinationZone !== a.zone);
    case 'no-traffic':
      return rules.filter((r) => r.sourceZone === a.fromZone && r.destinationZone === a.toZone);
    case 'only-ports-from':
      return rules.filter((r) => r.sourceZone === a.zone && !portsWithin(r, r.protocol === 'udp' ? (a.udpPorts ?? []) : a.ports));
  }
}

/** The assertion in plain words (its description when it has one). */
export function assertionText(plan: Plan, a: Assertion): string {
  if (a.description) return a.description;
  switch (a.type) {
    case 'no-inbound':
      return `nothing inbound to zone ${zoneName(plan, a.zone)}`;
    case 'no-outbound':
      return `nothing outbound from zone ${zoneName(plan, a.zone)}`;
    case 'no-traffic':
      return `no traffic from zone ${zoneName(plan, a.fromZone)} to zone ${zoneName(plan, a.toZone)}`;
    case 'only-ports-from':
      return `only ${allowedPortsText(a)} reachable from zone ${zoneName(plan, a.zone)}`;
  }
}

const FIX: Readonly<Record<Assertion['type'], string>> = {
  'no-inbound': 'Remove or re-route the links that need these connections (agents dial out, so a zone that only holds agents needs nothing inbound), move the nodes, or change the assertion.',
  'no-outbound': 'Remove or re-route the links that make nodes in the zone open these connections (for example through a forward proxy in another zone), or change the assertion.',
  'no-traffic': 'Remove or re-route the links that need these connections, move the nodes to other zones, or change the assertion.',
  'only-ports-from': 'Use only the allowed ports (multiplex mode puts every client connection on the web port), remove the links that need the others, or change the assertion (a UDP port is allowed as 3021/udp).',
};

function ruleText(plan: Plan, r: Rule): string {
  const port = r.portEnd !== undefined && r.portEnd !== r.port ? `${r.port}-${r.portEnd}` : String(r.port);
  return `${nodeLabel(plan, r.source)} → ${nodeLabel(plan, r.destination)} ${port}/${r.protocol}`;
}

function finding(plan: Plan, a: Assertion, rules: Rule[]): Finding {
  const named = rules.slice(0, NAMED_RULES).map((r) => ruleText(plan, r));
  const more = rules.length > NAMED_RULES ? ` and ${rules.length - NAMED_RULES} more` : '';
  const count = `${rules.length} rule${rules.length === 1 ? '' : 's'}`;
  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  return {
    id: `${ASSERTION_CODE}:${a.id}`,
    code: ASSERTION_CODE,
    severity: 'error',
    message: `Assertion ${a.id} ("${assertionText(plan, a)}") is violated by ${count}: ${named.join('; ')}${more}.`,
    fix: FIX[a.type],
    docs: sourceUrl('D1'),
    nodes: [...new Set(rules.flatMap((r) => [r.source, r.destination]).filter((id) => nodeIds.has(id)))].sort(),
    links: [...new Set(rules.flatMap((r) => r.links))].sort(),
  };
}

/**
 * Check the plan's assertions against the derived rules: one error finding per violated assertion,
 * sorted by id. Pure; cheap enough to run on every edit (linear in assertions × rules).
 */
export function evaluateAssertions(plan: Plan, result: { rules: readonly Rule[] }): Finding[] {
  const rules = [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Finding[] = [];
  for (const a of plan.assertions) {
    const bad = violations(a, rules);
    if (bad.length > 0) out.push(finding(plan, a, bad));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The result's findings with the assertion findings merged in, sorted by id (what `check` prints). */
export function withAssertionFindings(plan: Plan, result: DeriveResult): DeriveResult {
  const findings = [...result.findings.filter((f) => f.code !== ASSERTION_CODE), ...evaluateAssertions(plan, result)];
  return { ...result, findings: findings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
