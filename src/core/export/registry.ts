/**
 * Every export format, in one list that the UI's Export dialog and the CLI's `portolan export` both
 * read, so the two can never offer different formats. Adding a format = one pure function and one
 * entry here (per-host formats set `perHost` and read `options.host`).
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { aerleonExport } from './aerleon.ts';
import { azureNsgExport } from './azure.ts';
import { drawioExport } from './drawio.ts';
import { encodeCsv, hostTable, ruleTable, zonePairTable } from './csv.ts';
import { gcpFirewallExport } from './gcp.ts';
import { iptablesExport } from './iptables.ts';
import { jsonExport } from './json.ts';
import { kubernetesExport } from './kubernetes.ts';
import { markdownExport } from './markdown.ts';
import { teleportConfigExport } from './teleport-config.ts';
import { teleportEnvExport } from './teleport-env.ts';
import { terraformExport } from './terraform.ts';
import { trustedClusterExport } from './trusted-cluster.ts';
import { verifyExport } from './verify.ts';
import { nftablesExport } from './nftables.ts';

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
  {
    id: 'nftables',
    label: 'nftables (per host)',
    description: 'An nftables ruleset for one host: table inet portolan, input and output accept rules commented with rule ids and purposes.',
    fileExtension: 'nft',
    mimeType: 'text/plain; charset=utf-8',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => nftablesExport(plan, result, options.host),
  },
  {
    id: 'iptables',
    label: 'iptables-restore, IPv4 (per host)',
    description: 'An iptables-restore file for one host: *filter INPUT and OUTPUT accept rules with rule-id comments, IPv4 peers.',
    fileExtension: 'rules',
    mimeType: 'text/plain; charset=utf-8',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => iptablesExport(plan, result, 4, options.host),
  },
  {
    id: 'ip6tables',
    label: 'ip6tables-restore, IPv6 (per host)',
    description: 'The same for ip6tables-restore: the IPv6 peers (and rules open to any address) of one host.',
    fileExtension: 'rules',
    mimeType: 'text/plain; charset=utf-8',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => iptablesExport(plan, result, 6, options.host),
  },
  {
    id: 'terraform',
    label: 'AWS security groups (Terraform)',
    description: 'Terraform for AWS: a security group per zone and ingress/egress rules keyed by the stable rule id, with descriptions.',
    fileExtension: 'tf',
    mimeType: 'text/plain; charset=utf-8',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => terraformExport(plan, result),
  },
  {
    id: 'gcp-firewall',
    label: 'GCP firewall rules (Terraform)',
    description: 'Terraform for Google Cloud: a network tag per zone and VPC firewall rules (ingress and egress) keyed by the stable rule id, with descriptions.',
    fileExtension: 'tf',
    mimeType: 'text/plain; charset=utf-8',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => gcpFirewallExport(plan, result),
  },
  {
    id: 'azure-nsg',
    label: 'Azure network security groups (Terraform)',
    description: 'Terraform for Azure: a network security group and an application security group per zone, inbound and outbound rules keyed by the stable rule id with stable priorities, and descriptions.',
    fileExtension: 'tf',
    mimeType: 'text/plain; charset=utf-8',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => azureNsgExport(plan, result),
  },
  {
    id: 'k8s-netpol',
    label: 'Kubernetes NetworkPolicy',
    description: 'A NetworkPolicy per agent or tbot running in Kubernetes: egress to DNS, the Proxy and its resources (a tbot: its attestors\' kubelet and registries) on their ports; inbound only where the plan needs it.',
    fileExtension: 'yaml',
    mimeType: 'application/yaml',
    perHost: false,
    acceptsHost: true,
    run: (plan, result, options) => kubernetesExport(plan, result, options.host),
  },
  {
    id: 'aerleon',
    label: 'Aerleon policy + definitions',
    description: 'Aerleon networks, services and a policy with one filter per zone pair, as one YAML stream with a "# file:" header per file.',
    fileExtension: 'yaml',
    mimeType: 'application/yaml',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => aerleonExport(plan, result),
  },
  {
    id: 'teleport-config',
    label: 'teleport.yaml fragment (per host)',
    description: 'The teleport.yaml sections the plan decides for one Teleport node: listeners, public addresses, modes, proxy_server/auth_server and services.',
    fileExtension: 'yaml',
    mimeType: 'application/yaml',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => teleportConfigExport(plan, result, options.host),
  },
  {
    id: 'teleport-env',
    label: '/etc/default/teleport (per host)',
    description: 'The environment file of one node: HTTPS_PROXY, HTTP_PROXY, NO_PROXY (and an agent’s TELEPORT_TUNNEL_PUBLIC_ADDR, a Proxy’s QUIC peering switch) from the plan, with how each dialled address is routed.',
    fileExtension: 'env',
    mimeType: 'text/plain; charset=utf-8',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => teleportEnvExport(plan, result, options.host),
  },
  {
    id: 'trusted-cluster',
    label: 'trusted_cluster resources (leaf clusters)',
    description: 'One trusted_cluster resource per leaf cluster, to create with tctl: web_proxy_addr and tunnel_addr from the plan, the join token and role mapping to fill in.',
    fileExtension: 'yaml',
    mimeType: 'application/yaml',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => trustedClusterExport(plan, result),
  },
  {
    id: 'verify',
    label: 'Verification kit (per host)',
    description: 'A POSIX sh script for one host: nc/curl checks of its outbound rules printing PASS/FAIL, exit code = failures.',
    fileExtension: 'sh',
    mimeType: 'text/x-shellscript; charset=utf-8',
    perHost: true,
    acceptsHost: true,
    run: (plan, result, options) => verifyExport(plan, result, options.host),
  },
  {
    id: 'drawio',
    label: 'draw.io diagram',
    description: 'The canvas as a draw.io (mxGraph XML) file: zones as containers, nodes at their positions, links labelled by the engine.',
    fileExtension: 'drawio',
    mimeType: 'application/vnd.jgraph.mxfile',
    perHost: false,
    acceptsHost: false,
    run: (plan, result) => drawioExport(plan, result),
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
  // A format named like its extension (png, svg, drawio) is said once: `plan.png`, not `plan-png.png`.
  const parts = [slug(plan.name) || 'plan', options.host ? slug(options.host) : '', what === exporter.fileExtension ? '' : what];
  return `${parts.filter((p) => p !== '').join('-')}.${exporter.fileExtension}`;
}

/** `portolan rules --format F --view V`: which exporter prints that view in that format. */
export function exporterForView(format: 'csv' | 'md' | 'json', view: 'zones' | 'hosts' | undefined): Exporter | undefined {
  const id = format === 'csv' ? (view ? `csv-${view}` : 'csv') : format === 'md' && view !== 'hosts' ? 'md' : format === 'json' && !view ? 'json' : undefined;
  return id === undefined ? undefined : findExporter(id);
}
