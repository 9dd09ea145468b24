/**
 * Every export format, in one list that the UI's Export dialog and the CLI's `portolan export` both
 * read, so the two can never offer different formats. Adding a format = one pure function and one
 * entry here (per-host formats set `perHost` and read `options.host`).
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { encodeCsv, hostTable, ruleTable, zonePairTable } from './csv.ts';
import { jsonExport } from './json.ts';
import { markdownExport } from './markdown.ts';

export interface ExportOptions {
  /** Node id of the host, for per-host formats (and formats that can be limited to one host). */
  host?: string;
}

export interface Exporter {
  /** Stable id, used by `portolan export --format ID` and in test ids. */
  id: string;
  /** Short name for menus. */
  label: string;
  /** One sentence: what the file holds. */
  description: string;
  /** Without the dot: `csv`, `md`, `json`. */
  fileExtension: string;
  mimeType: string;
  /** The output is about one host: `options.host` is required. */
  perHost: boolean;
  /** `options.host` may be given to limit the output to one host (always true when `perHost`). */
  acceptsHost: boolean;
  /** Pure: the same plan and result give byte-identical text. */
  run(plan: Plan, result: DeriveResult, options: ExportOptions): string;
}

const CSV_MIME = 'text/csv; charset=utf-8; header=present';

export const EXPORTERS: readonly Exporter[] = [
  {
    id: 'csv',
    label: 'CSV: rules',
    description: 'One row per firewall rule: source, destination, zones, addresses, port, protocol, purpose, docs.',
    fileExtension: 'csv',
    mimeType: CSV_MIME,
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => encodeCsv(ruleTable(plan, result)),
  },
  {
    id: 'csv-hosts',
    label: 'CSV: per host',
    description: 'Each rule from the side of each host it touches: inbound and outbound, with the peer.',
    fileExtension: 'csv',
    mimeType: CSV_MIME,
    perHost: false,
    acceptsHost: true,
    run: (plan, result, options) => encodeCsv(hostTable(plan, result, options.host)),
  },
  {
    id: 'csv-zones',
    label: 'CSV: per zone pair',
    description: 'Rules grouped by the pair of zones a firewall sits between (what each zone firewall must allow).',
    fileExtension: 'csv',
    mimeType: CSV_MIME,
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => encodeCsv(zonePairTable(plan, result)),
  },
  {
    id: 'md',
    label: 'Markdown',
    description: 'Readable rule tables per zone pair, then the findings: for wikis, tickets and reviews.',
    fileExtension: 'md',
    mimeType: 'text/markdown; charset=utf-8',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => markdownExport(plan, result),
  },
  {
    id: 'json',
    label: 'JSON',
    description: 'The rules with all their metadata and the findings ({ type: "portolan-rules", version: 1 }).',
    fileExtension: 'json',
    mimeType: 'application/json',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => jsonExport(plan, result),
  },
];

export function findExporter(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** A sensible download name: `<plan name slug>[-<host>]-<format>.<ext>`, e.g. `example-rules.csv`, `example-hosts.csv`. */
export function exportFileName(plan: Plan, exporter: Exporter, options: ExportOptions = {}): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  // The rule tables are "rules" whatever their format; the views are named after the view.
  const what = exporter.id.startsWith('csv-') ? exporter.id.slice(4) : ['csv', 'md', 'json'].includes(exporter.id) ? 'rules' : exporter.id;
  const parts = [slug(plan.name) || 'plan', options.host ? slug(options.host) : '', what];
  return `${parts.filter((p) => p !== '').join('-')}.${exporter.fileExtension}`;
}

/** `portolan rules --format F --view V`: which exporter prints that view in that format. */
export function exporterForView(format: 'csv' | 'md' | 'json', view: 'zones' | 'hosts' | undefined): Exporter | undefined {
  const id = format === 'csv' ? (view ? `csv-${view}` : 'csv') : format === 'md' && view !== 'hosts' ? 'md' : format === 'json' && !view ? 'json' : undefined;
  return id === undefined ? undefined : findExporter(id);
}
