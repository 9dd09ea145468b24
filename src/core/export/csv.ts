/**
 * CSV exports: one row per rule (`csv`), per host and direction (`csv-hosts`), per zone pair
 * (`csv-zones`). UTF-8 text, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF after every
 * record, quoting done by Papa Parse; cells that a spreadsheet would run as formulas are neutralised
 * (see `cells.ts`). Names are the plan's node and zone names; the matching ids follow in `*_id`
 * columns at the end, so a script can join back to the plan.
 */
import Papa from 'papaparse';
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { FORMULA_START, joinList, joinUrls, yesNo } from './cells.ts';
import { ruleRows } from './model.ts';
import type { RuleRow } from './model.ts';
import { hostEntries, zonePairGroups } from './views.ts';
import type { HostEntry, ZonePairGroup } from './views.ts';

/** A column: its header, what it holds (documentation), and how to fill it. */
export interface CsvColumn<T> {
  name: string;
  doc: string;
  value: (item: T) => string;
}

/** Columns of `csv`: one row per rule, in rule id order. */
export const RULE_COLUMNS: readonly CsvColumn<RuleRow>[] = [
  { name: 'id', doc: 'Stable rule id, built from meaning (same plan, same id).', value: (r) => r.rule.id },
  { name: 'source', doc: 'Name of the node that opens the connection (or a Teleport Cloud tenant).', value: (r) => r.source.name },
  { name: 'source_zone', doc: 'Name of the source zone; empty when the node sits in no zone.', value: (r) => r.source.zoneName },
  { name: 'source_address', doc: "Source address: the node's first address, else its zone's CIDRs (space separated), else `any`.", value: (r) => r.source.address },
  { name: 'destination', doc: 'Name of the node that listens.', value: (r) => r.destination.name },
  { name: 'destination_zone', doc: 'Name of the destination zone; empty when none.', value: (r) => r.destination.zoneName },
  { name: 'destination_address', doc: 'Destination address, as for the source.', value: (r) => r.destination.address },
  { name: 'port', doc: 'Destination port, or an inclusive range `first-last`.', value: (r) => r.port },
  { name: 'protocol', doc: '`tcp` or `udp`.', value: (r) => r.rule.protocol },
  { name: 'initiator', doc: 'Name of the side that opens the connection (always the source: allow replies statefully).', value: (r) => r.source.name },
  { name: 'purpose', doc: 'Why the connection exists, in plain words; several joined by `; `.', value: (r) => joinList(r.rule.purposes) },
  { name: 'docs', doc: "Teleport documentation URLs, space separated.", value: (r) => joinUrls(r.rule.docs) },
  { name: 'long_lived', doc: '`yes` when the connection stays open (tunnels): mind load balancer and NAT idle timeouts.', value: (r) => yesNo(r.rule.longLived) },
  { name: 'same_zone', doc: '`yes` when both ends sit in the same zone: no zone firewall in between, host firewalls still apply.', value: (r) => yesNo(r.rule.sameZone) },
  { name: 'cause', doc: 'The plan facts (links, settings) that caused the rule; several joined by `; `.', value: (r) => joinList(r.rule.causes) },
  { name: 'notes', doc: 'Assumptions worth a reviewer\'s look; several joined by `; `.', value: (r) => joinList(r.rule.notes) },
  { name: 'source_id', doc: 'Plan id of the source (`cloud-tenant:<cluster>` for a Teleport Cloud tenant, `external:acme-ca`, `kubelet:<tbot>`, `oci-registries:<tbot>`, `private-registries:<tbot>`).', value: (r) => r.source.id },
  { name: 'source_zone_id', doc: 'Plan id of the source zone.', value: (r) => r.source.zoneId ?? '' },
  { name: 'destination_id', doc: 'Plan id of the destination.', value: (r) => r.destination.id },
  { name: 'destination_zone_id', doc: 'Plan id of the destination zone.', value: (r) => r.destination.zoneId ?? '' },
];

/** Columns of `csv-hosts`: each rule seen from each host it touches. */
export const HOST_COLUMNS: readonly CsvColumn<HostEntry>[] = [
  { name: 'host', doc: 'Name of the host whose firewall this row is for.', value: (e) => e.host.name },
  { name: 'direction', doc: '`in` (the host listens) or `out` (the host opens the connection).', value: (e) => e.direction },
  { name: 'peer', doc: 'Name of the other end.', value: (e) => e.peer.name },
  { name: 'port', doc: 'Destination port or range (on the host for `in`, on the peer for `out`).', value: (e) => e.row.port },
  { name: 'protocol', doc: '`tcp` or `udp`.', value: (e) => e.row.rule.protocol },
  { name: 'purpose', doc: 'Why the connection exists.', value: (e) => joinList(e.row.rule.purposes) },
  { name: 'rule_id', doc: 'The rule this row comes from (see the `csv` export).', value: (e) => e.row.rule.id },
  { name: 'host_address', doc: "The host's address in this rule.", value: (e) => e.host.address },
  { name: 'peer_address', doc: "The peer's address in this rule.", value: (e) => e.peer.address },
  { name: 'host_zone', doc: 'Name of the host\'s zone.', value: (e) => e.host.zoneName },
  { name: 'peer_zone', doc: 'Name of the peer\'s zone.', value: (e) => e.peer.zoneName },
  { name: 'long_lived', doc: '`yes` for connections that stay open.', value: (e) => yesNo(e.row.rule.longLived) },
  { name: 'docs', doc: 'Teleport documentation URLs.', value: (e) => joinUrls(e.row.rule.docs) },
  { name: 'host_id', doc: 'Plan id of the host.', value: (e) => e.host.id },
  { name: 'peer_id', doc: 'Plan id of the peer.', value: (e) => e.peer.id },
];

interface ZonePairRow {
  group: ZonePairGroup;
  row: RuleRow;
}

/** Columns of `csv-zones`: rules grouped by the pair of zones a firewall sits between. */
export const ZONE_PAIR_COLUMNS: readonly CsvColumn<ZonePairRow>[] = [
  { name: 'source_zone', doc: 'Name of the zone the connection comes from; empty for no zone.', value: (z) => z.group.sourceZoneName },
  { name: 'destination_zone', doc: 'Name of the zone the connection goes to.', value: (z) => z.group.destinationZoneName },
  { name: 'same_zone', doc: '`yes` when inside one zone (no zone firewall in between).', value: (z) => yesNo(z.group.sameZone) },
  { name: 'rule_id', doc: 'Stable rule id.', value: (z) => z.row.rule.id },
  { name: 'source', doc: 'Name of the node that opens the connection.', value: (z) => z.row.source.name },
  { name: 'source_address', doc: 'Source address or CIDRs.', value: (z) => z.row.source.address },
  { name: 'destination', doc: 'Name of the node that listens.', value: (z) => z.row.destination.name },
  { name: 'destination_address', doc: 'Destination address or CIDRs.', value: (z) => z.row.destination.address },
  { name: 'port', doc: 'Destination port or range.', value: (z) => z.row.port },
  { name: 'protocol', doc: '`tcp` or `udp`.', value: (z) => z.row.rule.protocol },
  { name: 'purpose', doc: 'Why the connection exists.', value: (z) => joinList(z.row.rule.purposes) },
  { name: 'long_lived', doc: '`yes` for connections that stay open.', value: (z) => yesNo(z.row.rule.longLived) },
  { name: 'docs', doc: 'Teleport documentation URLs.', value: (z) => joinUrls(z.row.rule.docs) },
  { name: 'source_zone_id', doc: 'Plan id of the source zone.', value: (z) => z.group.sourceZoneId ?? '' },
  { name: 'destination_zone_id', doc: 'Plan id of the destination zone.', value: (z) => z.group.destinationZoneId ?? '' },
];

/** Header and cells before CSV encoding (and before formula neutralisation). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

function table<T>(columns: readonly CsvColumn<T>[], items: readonly T[]): CsvTable {
  return { header: columns.map((c) => c.name), rows: items.map((item) => columns.map((c) => c.value(item))) };
}

export function ruleTable(plan: Plan, result: DeriveResult): CsvTable {
  return table(RULE_COLUMNS, ruleRows(plan, result));
}

export function hostTable(plan: Plan, result: DeriveResult, hostId?: string): CsvTable {
  return table(HOST_COLUMNS, hostEntries(plan, result, hostId));
}

export function zonePairTable(plan: Plan, result: DeriveResult): CsvTable {
  return table(
    ZONE_PAIR_COLUMNS,
    zonePairGroups(plan, result).flatMap((group) => group.rows.map((row) => ({ group, row }))),
  );
}

const CRLF = '\r\n';

/** RFC 4180 text: every record (the header too) ends with CRLF, so files concatenate cleanly. */
export function encodeCsv(t: CsvTable): string {
  const body = Papa.unparse(
    { fields: t.header, data: t.rows },
    { newline: CRLF, quotes: false, header: true, escapeFormulae: FORMULA_START },
  );
  return body + CRLF;
}
