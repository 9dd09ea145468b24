/**
 * What the Export dialog offers: every exporter of the core registry (the same list the CLI prints), in
 * groups, plus the two diagram formats only a browser can make (PNG and SVG of the canvas).
 *
 * Only types come from the registry here: the registry itself is imported by `ExportPanel.tsx`, which the
 * dialog loads with `React.lazy`, so no exporter is in the JavaScript loaded before first paint.
 */
import type { Exporter } from '../../core/export/index.ts';

export type DiagramId = 'png' | 'svg';

/** A diagram made in the app from the rendered canvas (not a core exporter: it needs the DOM). */
export interface DiagramFormat {
  id: DiagramId;
  label: string;
  description: string;
  fileExtension: string;
  mimeType: string;
}

export const DIAGRAM_FORMATS: readonly DiagramFormat[] = [
  {
    id: 'png',
    label: 'PNG image of the canvas',
    description: 'The whole plan as drawn (zones, nodes, links and their port labels) in the current theme, at twice the screen resolution.',
    fileExtension: 'png',
    mimeType: 'image/png',
  },
  {
    id: 'svg',
    label: 'SVG image of the canvas',
    description: 'The same picture as a scalable SVG file (the cards are embedded HTML): sharp at any zoom in a browser or a wiki.',
    fileExtension: 'svg',
    mimeType: 'image/svg+xml',
  },
];

export type Format = { kind: 'core'; exporter: Exporter } | { kind: 'diagram'; diagram: DiagramFormat };

export function formatId(format: Format): string {
  return format.kind === 'core' ? format.exporter.id : format.diagram.id;
}

export interface FormatGroup {
  label: string;
  formats: Format[];
}

/** Group names in display order. A core exporter may name its group; otherwise it is placed by id. */
const GROUPS = ['Rule tables', 'Host firewalls', 'Cloud and platforms', 'Teleport configuration', 'Verification', 'Diagrams', 'Other'] as const;
type GroupName = (typeof GROUPS)[number];

const BY_ID: [RegExp, GroupName][] = [
  [/^(csv|md|markdown|json)(-|$)/, 'Rule tables'],
  [/^(nftables|iptables|ip6tables|ufw|firewalld|windows)/, 'Host firewalls'],
  [/^(terraform|aws|k8s|kubernetes|networkpolicy|aerleon|gcp|azure)/, 'Cloud and platforms'],
  [/^(teleport|env|default|trusted-cluster)/, 'Teleport configuration'],
  [/^(verify|verification|check)/, 'Verification'],
  [/^(drawio|mxgraph|diagram|mermaid|dot)/, 'Diagrams'],
];

function groupOf(exporter: Exporter): GroupName {
  const named = (exporter as Exporter & { group?: string }).group;
  if (named && (GROUPS as readonly string[]).includes(named)) return named as GroupName;
  return BY_ID.find(([re]) => re.test(exporter.id))?.[1] ?? 'Other';
}

/** The dialog's list: core exporters in registry order within their group, the app's diagrams last. */
export function formatGroups(exporters: readonly Exporter[]): FormatGroup[] {
  const groups = new Map<GroupName, Format[]>(GROUPS.map((g) => [g, []]));
  for (const exporter of exporters) groups.get(groupOf(exporter))!.push({ kind: 'core', exporter });
  for (const diagram of DIAGRAM_FORMATS) groups.get('Diagrams')!.push({ kind: 'diagram', diagram });
  return GROUPS.map((label) => ({ label, formats: groups.get(label)! })).filter((g) => g.formats.length > 0);
}

/** `exportFileName` reads only the id and extension; a diagram passes as an exporter that never runs. */
export function asExporter(diagram: DiagramFormat): Exporter {
  return {
    ...diagram,
    perHost: false,
    acceptsHost: false,
    run: () => {
      throw new Error(`${diagram.id} is made from the canvas, not by the core`);
    },
  };
}
