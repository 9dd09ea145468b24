/**
 * Plan diff: rules added, removed and changed (by stable rule id), nodes, links and settings; plus the
 * change as a firewall ticket (CSV of Accept/Remove rows), Markdown and plain text.
 */
export { FIREWALL_FIELDS, RULE_DIFF_FIELDS, diffPlans } from './diff.ts';
export type { DiffOptions } from './diff.ts';
export { TICKET_COLUMNS, ticketCsv, ticketRows } from './ticket.ts';
export type { TicketAction, TicketRow } from './ticket.ts';
export { diffCounts, diffMarkdown, diffText } from './summary.ts';
export type { NodeChange, PlanDiff, RuleChange, SettingChange } from './types.ts';
