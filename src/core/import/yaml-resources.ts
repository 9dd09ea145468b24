/**
 * The resources a teleport.yaml declares statically, as plan nodes for its agent:
 * `db_service.databases` → database, `app_service.apps` → app (a cloud API for `cloud:` apps),
 * `windows_desktop_service.ldap.addr` → domain controller, `static_hosts` (and the older `hosts`,
 * `non_ad_hosts`) → Windows hosts. Each entry is checked on its own; one that does not map cleanly is
 * skipped with a warning naming it and its line.
 *
 * Database URIs, as Teleport reads them (`ValidateDatabase` in gravitational/teleport
 * lib/services/database.go, `ParseRedisAddress` in lib/srv/db/redis/connection):
 * - most engines: `host:port` (Go's net.SplitHostPort);
 * - mongodb: `host:port`, or a connection string `mongodb://h1:27017,h2:27017/?replicaSet=rs0`,
 *   `mongodb+srv://host` (members and ports from DNS SRV records);
 * - redis: `host[:port]` (6379 without one), `redis://host:port`, `rediss://host:port?mode=cluster`;
 * - clickhouse: `clickhouse://host:port`; clickhouse-http: `https://host:port`;
 * - sqlserver: `host:port` or `sqlserver://host:port`; snowflake: `account.snowflakecomputing.com`;
 * - dynamodb, and cassandra on AWS Keyspaces: no URI at all, derived from `aws.region`.
 */
import type * as z from 'zod/mini';
import { NodeSchema, formatPath } from '../schema/index.ts';
import type { AgentServiceName, DatabaseEngineName, PlanNode } from '../schema/index.ts';
import { showHostPort as show, splitHostPort, uriHosts } from './addr.ts';
import { closestKey } from './spelling.ts';
import type { LineOf } from './yaml-decode.ts';
import { desktopResources } from './yaml-desktop.ts';
import { AppEntrySchema, DatabaseEntrySchema } from './yaml-schema.ts';
import type { TeleportYaml } from './yaml-schema.ts';

/** One resource to add: a checked node whose id and position the import replaces. */
export interface DeclaredResource {
  /** The list or key that declares it, e.g. `db_service.databases`. */
  from: string;
  /** The entry, for messages: `db_service.databases[0] "orders" (line 26)`. */
  where: string;
  idBase: string;
  /** What the preview shows: `Database "orders" (postgres, orders-db.internal.example.com:5432)`. */
  label: string;
  node: PlanNode;
}

/**
 * Teleport's database protocols (`DatabaseProtocols` in lib/defaults/defaults.go) → the plan's
 * engines. Today they are the same words; the table keeps the two vocabularies apart.
 */
const ENGINE_OF_PROTOCOL = {
  postgres: 'postgres', mysql: 'mysql', mongodb: 'mongodb', oracle: 'oracle', cockroachdb: 'cockroachdb',
  redis: 'redis', snowflake: 'snowflake', sqlserver: 'sqlserver', cassandra: 'cassandra',
  elasticsearch: 'elasticsearch', opensearch: 'opensearch', dynamodb: 'dynamodb', clickhouse: 'clickhouse',
  'clickhouse-http': 'clickhouse-http', spanner: 'spanner',
} as const satisfies Record<DatabaseEngineName, DatabaseEngineName>;

const PROTOCOLS: readonly string[] = Object.keys(ENGINE_OF_PROTOCOL);

/** An app's `cloud` (Teleport writes `AWS`, `Azure`, `GCP`) → the cloud API node's provider. */
const CLOUD_PROVIDERS: Readonly<Record<string, 'aws' | 'azure' | 'gcp'>> = { aws: 'aws', azure: 'azure', gcp: 'gcp' };

/** The resources `cfg` declares for the agent services in `services`, and what was skipped. */
export function declaredResources(cfg: TeleportYaml, services: readonly AgentServiceName[], lineOf: LineOf): { resources: DeclaredResource[]; warnings: string[] } {
  const resources: DeclaredResource[] = [];
  const warnings: string[] = [];
  /** `db_service.databases[0] "orders" (line 26)`; the line of `exact` (a field of the entry) when it has one. */
  const at = (path: readonly (string | number)[], name?: string, exact?: readonly (string | number)[]) => {
    const line = (exact && lineOf(exact)) ?? lineOf(path);
    return `${formatPath(path)}${name ? ` "${name}"` : ''}${line === undefined ? '' : ` (line ${line})`}`;
  };
  /** Check a candidate node against the plan schema; on failure, say why and skip it. */
  const add = (from: string, where: string, idBase: string, label: string, candidate: Record<string, unknown>) => {
    const checked = NodeSchema.safeParse({ id: 'resource', ...candidate });
    if (checked.success) resources.push({ from, where, idBase, label, node: checked.data });
    else warnings.push(`${where}: ${describeIssue(checked.error.issues[0])}; not added.`);
  };
  /** Each entry of a list, checked on its own: a malformed one is named and skipped. */
  const each = <S extends z.ZodMiniType>(path: readonly string[], list: unknown[] | null | undefined, schema: S, use: (entry: z.output<S>, where: string) => void) => {
    (list ?? []).forEach((raw, i) => {
      const parsed = schema.safeParse(raw);
      const name = typeof (raw as { name?: unknown } | null)?.name === 'string' ? (raw as { name: string }).name : undefined;
      if (parsed.success) use(parsed.data, at([...path, i], name));
      else {
        const issue = parsed.error.issues[0];
        const field = issue?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
        warnings.push(`${at([...path, i], name, [...path, i, ...field])}: ${describeIssue(issue)}; not added.`);
      }
    });
  };

  if (services.includes('database')) {
    each(['db_service', 'databases'], cfg.db_service?.databases, DatabaseEntrySchema, (db, where) => {
      const protocol = db.protocol.trim();
      const engine = Object.hasOwn(ENGINE_OF_PROTOCOL, protocol) ? ENGINE_OF_PROTOCOL[protocol as DatabaseEngineName] : undefined;
      if (engine === undefined) {
        const near = closestKey(protocol, PROTOCOLS);
        warnings.push(`${where}: protocol "${protocol}" is not a database protocol the plan knows${near ? ` (did you mean ${near}?)` : ` (${PROTOCOLS.join(', ')})`}; not added.`);
        return;
      }
      const uri = db.uri?.trim() ?? '';
      if (uri === '') {
        const region = db.aws?.region?.trim();
        const why = region ? `its endpoint follows from aws.region ${region}, so there is no host to draw` : 'it has no uri';
        warnings.push(`${where}: ${why}; not added. Add the database by hand if the agent's rules to it matter.`);
        return;
      }
      const hosts = uriHosts(uri);
      const first = hosts?.[0];
      if (!hosts || !first) {
        warnings.push(`${where}: uri ${uri} has no host:port the plan can read; not added.`);
        return;
      }
      if (hosts.length > 1) warnings.push(`${where}: the uri lists ${hosts.length} hosts; the node keeps them all as addresses, and its rules name the first (${first.host}). Add a node per member if each needs its own rule.`);
      if (/^mongodb\+srv:\/\//i.test(uri)) warnings.push(`${where}: mongodb+srv:// finds the members and their ports through DNS SRV records of ${first.host}; the node keeps ${first.host} and assumes port 27017.`);
      const label = `Database "${db.name}" (${engine}, ${show(first)})`;
      add('db_service.databases', where, db.name, label, {
        kind: 'database', name: db.name.slice(0, 120), engine,
        addresses: [...new Set(hosts.map((h) => h.host))].slice(0, 32),
        ...(first.port !== undefined ? { port: first.port } : {}),
      });
    });
  }

  /**
   * `cloud: AWS|Azure|GCP`: the agent signs requests to the cloud's APIs rather than proxying one
   * host, which is what the plan's cloud API node stands for (its rule: the agent to the API on 443).
   */
  const cloudApp = (name: string, cloud: string, uri: string, where: string) => {
    const key = cloud.trim().toLowerCase();
    const provider = Object.hasOwn(CLOUD_PROVIDERS, key) ? CLOUD_PROVIDERS[key] : undefined;
    if (provider === undefined) {
      warnings.push(`${where}: cloud "${cloud}" is not AWS, Azure or GCP; not added.`);
      return;
    }
    const host = /^https?:\/\//i.test(uri) ? uriHosts(uri)?.[0]?.host : undefined;
    add('app_service.apps', where, name, `Cloud API "${name}" (${cloud.trim()})`, { kind: 'cloud-api', name: name.slice(0, 120), provider, addresses: host ? [host] : [] });
  };

  if (services.includes('app')) {
    each(['app_service', 'apps'], cfg.app_service?.apps, AppEntrySchema, (app, where) => {
      const uri = app.uri.trim();
      if (app.cloud !== undefined) {
        cloudApp(app.name, app.cloud, uri, where);
        return;
      }
      if (!/^(https?|tcp):\/\//i.test(uri)) {
        warnings.push(`${where}: uri ${uri} is not an http(s):// or tcp:// address, which the plan's app node needs; not added.`);
        return;
      }
      const ports = app.tcp_ports ?? [];
      if (ports.length > 32) warnings.push(`${where}: tcp_ports has ${ports.length} entries; the plan keeps the first 32.`);
      const tcpPorts = ports.slice(0, 32).map((r) => ({ port: r.port, ...(r.end_port ? { endPort: r.end_port } : {}) }));
      const host = uriHosts(uri)?.[0]?.host;
      add('app_service.apps', where, app.name, `App "${app.name}" (${uri})`, {
        kind: 'app', name: app.name.slice(0, 120), uri, addresses: host ? [host] : [],
        ...(tcpPorts.length > 0 ? { tcpPorts } : {}),
      });
    });
  }

  if (services.includes('desktop')) desktopResources(cfg, at, add, each, warnings);
  return { resources, warnings };
}

/** Helpers `declaredResources` lends to the section readers (see there). */
export type At = (path: readonly (string | number)[], name?: string, exact?: readonly (string | number)[]) => string;
export type Add = (from: string, where: string, idBase: string, label: string, candidate: Record<string, unknown>) => void;
export type Each = <S extends z.ZodMiniType>(path: readonly string[], list: unknown[] | null | undefined, schema: S, use: (entry: z.output<S>, where: string) => void) => void;

/** One schema issue as words: `tcp_ports[0].port: expected a port number`. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unexpected shape';
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // A missing required field already names itself ("protocol is missing").
  return path.length > 1 || (path.length === 1 && !issue.message.startsWith(String(path[0]))) ? `${formatPath(path)}: ${issue.message}` : issue.message;
}

const KIND_WORD: Partial<Record<PlanNode['kind'], string>> = {
  database: 'database',
  app: 'app',
  'windows-host': 'Windows host',
  'domain-controller': 'domain controller',
};

/**
 * A note when a node of the same kind already in the plan has one of `node`'s hosts: the file may
 * describe a resource the plan already holds. Both are kept (the user knows which is which).
 */
export function twinWarning(existing: readonly PlanNode[], node: PlanNode, agentId: string): string | undefined {
  const hosts = new Set(node.addresses.map((a) => splitHostPort(a).host.toLowerCase()));
  for (const other of existing) {
    if (other.kind !== node.kind) continue;
    const shared = other.addresses.map((a) => splitHostPort(a).host).find((h) => hosts.has(h.toLowerCase()));
    if (shared !== undefined) {
      const word = KIND_WORD[node.kind] ?? 'resource';
      return `${node.id}: the plan already has ${other.name} (${other.id}) at ${shared}; if it is the same ${word}, keep one of the two and link it to ${agentId}.`;
    }
  }
  return undefined;
}
