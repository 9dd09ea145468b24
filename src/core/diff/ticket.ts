/**
 * The change as firewall-ticket rows: `Remove` for rules the new plan no longer needs, `Accept` for
 * rules it needs anew. A changed rule whose ends, addresses, port or protocol moved becomes a Remove
 * of the old row and an Accept of the new one; a rule whose words alone changed (purpose, zones,
 * long-lived) is one Accept row, so the ticket says why it is listed. Sorted by rule id, Remove first.
 */
import type { Rule } from '../engine/index.ts';
import { joinList } from '../export/cells.ts';
// Direct module imports (not export/index.ts) keep the app's compare panel from pulling in every exporter.
import { encodeCsv } from '../export/csv.ts';
import { ruleRows } from '../export/model.ts';
import type { RuleRow } from '../export/model.ts';
import type { Plan } from '../schema/index.ts';
import { FIREWALL_FIELDS } from './diff.ts';
import type { PlanDiff } from './types.ts';

/** What the firewall team does with a row. */
export type TicketAction = 'Accept' | 'Remove';

/** One ticket row, with both ends resolved against the plan the rule comes from. */
export interface TicketRow {
  action: TicketAction;
  row: RuleRow;
  /** `added`, `removed`, or `changed: <fields>`. */
  change: string;
}

/** Columns of the change-ticket CSV. */
export const TICKET_COLUMNS: readonly { name: string; value: (t: TicketRow) => string }[] = [
  { name: 'action', value: (t) => t.action },
  { name: 'rule_id', value: (t) => t.row.rule.id },
  { name: 'source', value: (t) => t.row.source.name },
  { name: 'source_zone', value: (t) => t.row.source.zoneName },
  { name: 'source_address', value: (t) => t.row.source.address },
  { name: 'destination', value: (t) => t.row.destination.name },
  { name: 'destination_zone', value: (t) => t.row.destination.zoneName },
  { name: 'destination_address', value: (t) => t.row.destination.address },
  { name: 'port', value: (t) => t.row.port },
  { name: 'protocol', value: (t) => t.row.rule.protocol },
  { name: 'purpose', value: (t) => joinList(t.row.rule.purposes) },
  { name: 'change', value: (t) => t.change },
  { name: 'source_id', value: (t) => t.row.source.id },
  { name: 'destination_id', value: (t) => t.row.destination.id },
];

function rows(plan: Plan, rules: readonly Rule[]): Map<string, RuleRow> {
  return new Map(ruleRows(plan, { flows: [], rules: [...rules], findings: [], links: [] }).map((r) => [r.rule.id, r]));
}

/** Ticket rows of a diff (old plan for Remove rows, new plan for Accept rows). */
export function ticketRows(diff: PlanDiff, oldPlan: Plan, newPlan: Plan): TicketRow[] {
  const old = rows(oldPlan, [...diff.removed, ...diff.changed.map((c) => c.before)]);
  const now = rows(newPlan, [...diff.added, ...diff.changed.map((c) => c.after)]);
  const out: TicketRow[] = [];
  for (const r of diff.removed) out.push({ action: 'Remove', row: old.get(r.id) as RuleRow, change: 'removed' });
  for (const r of diff.added) out.push({ action: 'Accept', row: now.get(r.id) as RuleRow, change: 'added' });
  for (const c of diff.changed) {
    const change = `changed: ${c.fields.join(', ')}`;
    if (c.fields.some((f) => FIREWALL_FIELDS.has(f))) out.push({ action: 'Remove', row: old.get(c.before.id) as RuleRow, change });
    out.push({ action: 'Accept', row: now.get(c.after.id) as RuleRow, change });
  }
  const rank = (a: TicketAction) => (a === 'Remove' ? 0 : 1);
  return out.sort((a, b) => (a.row.rule.id !== b.row.rule.id ? (a.row.rule.id < b.row.rule.id ? -1 : 1) : rank(a.action) - rank(b.action)));
}

/**
 * The change-ticket CSV: RFC 4180 with CRLF, quoted by Papa Parse, cells that a spreadsheet would run
 * as formulas neutralised (the same encoder as the `csv` export).
 */
export function ticketCsv(diff: PlanDiff, oldPlan: Plan, newPlan: Plan): string {
  const items = ticketRows(diff, oldPlan, newPlan);
  return encodeCsv({ header: TICKET_COLUMNS.map((c) => c.name), rows: items.map((t) => TICKET_COLUMNS.map((c) => c.value(t))) });
}
