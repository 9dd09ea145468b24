/** Public API of the exporters: the registry, plus the views and tables the UI and CLI print. */
export { EXPORTERS, exportFileName, exporterForView, findExporter } from './registry.ts';
export type { ExportOptions, Exporter } from './registry.ts';
export { HOST_COLUMNS, RULE_COLUMNS, ZONE_PAIR_COLUMNS, encodeCsv, hostTable, ruleTable, zonePairTable } from './csv.ts';
export type { CsvColumn, CsvTable } from './csv.ts';
export { FORMULA_START, neutraliseFormula } from './cells.ts';
export { markdownCell, markdownExport } from './markdown.ts';
export { RULES_JSON_TYPE, RULES_JSON_VERSION, jsonExport, rulesDocument } from './json.ts';
export type { RulesDocument } from './json.ts';
export { endpointName, findingsBySeverity, portText, ruleRows } from './model.ts';
export type { Endpoint, EndpointKind, RuleRow } from './model.ts';
export { findHost, hostEntries, zonePairGroups } from './views.ts';
export type { Direction, HostEntry, HostLookup, ZonePairGroup } from './views.ts';
export { alignTable, findingSummary, findingsText, plainText, rulesText } from './text.ts';
export type { TextView } from './text.ts';
