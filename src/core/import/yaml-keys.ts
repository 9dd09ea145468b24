/**
 * The keys a teleport.yaml may hold, as data: the top level, and the first level of the sections
 * this import reads. Teleport parses the file with `yaml.UnmarshalStrict` (`ReadConfig` in
 * lib/config/fileconf.go), so one unknown key makes it refuse to start ("failed parsing the config
 * file"); the import says so before the file is deployed. Deeper structs are many and change often,
 * so they are not listed, and nothing below the first level is checked.
 *
 * Source: the `yaml:"…"` struct tags of `FileConfig`, `Global`, `Auth`, `Proxy`, `SSH`, `Kube`,
 * `Databases`, `Apps`, `WindowsDesktopService` and `Discovery` in gravitational/teleport
 * lib/config/fileconf.go, plus `enabled` and `listen_addr` of the `Service` struct that all of them
 * but `Global` embed with `yaml:",inline"`. Versions read:
 * - fileconf.go of the 18.x line (the newest copy available; it has App `mcp`, `diag_addr`,
 *   Discovery `poll_interval`, and no Relay Service yet);
 * - the reference pages generated from fileconf.go, docs/pages/reference/deployment/config/*.mdx at
 *   commit 91ddfb96ab99 (adds `relay_service`, auth `scoped_tokens`, `session_recording_config`,
 *   app `mcp_demo_server`, desktop `publish_crl_interval`);
 * - the config-reference includes in docs/pages/includes/ (teleport `relay_server`,
 *   `shutdown_delay`, `auth_connection_config`; app `allowed_hosts`/`denied_hosts`;
 *   `linux_desktop_service`, 18.11+; proxy `assist`, Teleport 13–15, and auth `assist`, which
 *   lib/config/configuration.go of that era reads as `fc.Auth.Assist`);
 * - fileconf.go at 004bb7775d9d (Teleport 10 era: teleport `seed_config`, ssh_service `aws`) and at
 *   d3901d13de5c (Teleport 6: auth `authorities`, `trusted_clusters`, `oidc_connectors`,
 *   `dynamic_config`).
 * Each list is the union over those versions: a key that some Teleport version accepts is listed,
 * because a warning on a valid file is worse than a missed typo.
 */
import { isAlias, isMap, isScalar } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { closestKey } from './spelling.ts';

/** Sections whose first-level keys are checked; other known sections are accepted as a whole. */
export const SECTION_KEYS = {
  teleport: [
    'nodename', 'data_dir', 'pid_file', 'join_params', 'auth_token', 'auth_servers', 'auth_server', 'proxy_server',
    'relay_server', 'connection_limits', 'log', 'storage', 'advertise_ip', 'cache', 'ciphersuites', 'ciphers',
    'kex_algos', 'mac_algos', 'ca_signature_algo', 'ca_pin', 'diag_addr', 'shutdown_delay', 'auth_connection_config',
    'seed_config',
  ],
  auth_service: [
    'enabled', 'listen_addr', 'proxy_protocol', 'cluster_name', 'tokens', 'scoped_tokens', 'authentication',
    'session_recording', 'proxy_checks_host_keys', 'session_recording_config', 'license_file', 'reverse_tunnels',
    'public_addr', 'client_idle_timeout', 'disconnect_expired_cert', 'session_control_timeout', 'kubeconfig_file',
    'keep_alive_interval', 'keep_alive_count_max', 'client_idle_timeout_message', 'message_of_the_day',
    'web_idle_timeout', 'ca_key_params', 'proxy_listener_mode', 'routing_strategy', 'tunnel_strategy',
    'proxy_ping_interval', 'case_insensitive_routing', 'ssh_dial_timeout', 'load_all_cas', 'hosted_plugins',
    'access_monitoring', 'assist', 'authorities', 'trusted_clusters', 'oidc_connectors', 'dynamic_config',
  ],
  proxy_service: [
    'enabled', 'listen_addr', 'web_listen_addr', 'tunnel_listen_addr', 'peer_listen_addr', 'peer_public_addr',
    'https_key_file', 'https_cert_file', 'proxy_protocol', 'proxy_protocol_allow_downgrade', 'kubernetes',
    'kube_listen_addr', 'kube_public_addr', 'public_addr', 'ssh_public_addr', 'tunnel_public_addr', 'https_keypairs',
    'https_keypairs_reload_interval', 'acme', 'mysql_listen_addr', 'mysql_public_addr', 'mysql_server_version',
    'postgres_listen_addr', 'postgres_public_addr', 'mongo_listen_addr', 'mongo_public_addr', 'idp', 'ui',
    'trust_x_forwarded_for', 'automatic_upgrades_channels', 'assist',
  ],
  ssh_service: [
    'enabled', 'listen_addr', 'namespace', 'labels', 'commands', 'permit_user_env', 'pam', 'public_addr',
    'enhanced_recording', 'restricted_session', 'port_forwarding', 'x11', 'ssh_file_copy', 'disable_create_host_user',
    'force_listen', 'aws',
  ],
  kubernetes_service: ['enabled', 'listen_addr', 'public_addr', 'kubeconfig_file', 'kube_cluster_name', 'labels', 'commands', 'resources'],
  db_service: ['enabled', 'listen_addr', 'databases', 'resources', 'aws', 'azure'],
  app_service: ['enabled', 'listen_addr', 'debug_app', 'mcp_demo_server', 'apps', 'resources', 'allowed_hosts', 'denied_hosts'],
  windows_desktop_service: [
    'enabled', 'listen_addr', 'labels', 'public_addr', 'show_desktop_wallpaper', 'ldap', 'pki_domain', 'kdc_address',
    'discovery', 'discovery_configs', 'discovery_interval', 'publish_crl_interval', 'hosts', 'non_ad_hosts',
    'static_hosts', 'host_labels', 'resources',
  ],
  discovery_service: ['enabled', 'listen_addr', 'aws', 'azure', 'gcp', 'kubernetes', 'access_graph', 'discovery_group', 'poll_interval'],
} as const satisfies Record<string, readonly string[]>;

export type CheckedSection = keyof typeof SECTION_KEYS;

/** `FileConfig`'s keys: the checked sections and the ones Portolan ignores but Teleport accepts. */
export const TOP_LEVEL_KEYS: readonly string[] = [
  'version',
  ...Object.keys(SECTION_KEYS),
  'metrics_service', 'debug_service', 'tracing_service', 'okta_service', 'jamf_service', 'plugin_service',
  'access_graph', 'relay_service', 'linux_desktop_service',
];

/** The known keys at `section` (null: the top level). */
export function knownKeys(section: CheckedSection | null): readonly string[] {
  return section === null ? TOP_LEVEL_KEYS : SECTION_KEYS[section];
}

export function isCheckedSection(key: string): key is CheckedSection {
  return Object.hasOwn(SECTION_KEYS, key);
}

/** A key Teleport does not know, and where it is. */
export interface UnknownKey {
  /** The section it is in; null for the top level. */
  section: CheckedSection | null;
  key: string;
  /** 1-based line of the key. */
  line: number | undefined;
}

/** Go's yaml.v2 reads `<<: *anchor` as a merge (YAML 1.1); the `yaml` package sees a plain key. */
const MERGE_KEY = '<<';

interface Entry {
  key: string;
  offset: number | undefined;
  value: unknown;
}

/** The scalar-keyed pairs of a mapping node (through an alias); none for null or a scalar. */
function entries(doc: Document, node: unknown): Entry[] {
  const map = isAlias(node) ? node.resolve(doc) : node;
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => (isScalar(pair.key) ? [{ key: String(pair.key.value), offset: pair.key.range?.[0], value: pair.value }] : []));
}

/**
 * The keys of `doc` that Teleport does not know: at the top level and at the first level of the
 * checked sections, in document order. Keys of other sections, and deeper keys, are not looked at.
 */
export function findUnknownKeys(doc: Document, lines: LineCounter): UnknownKey[] {
  const found: UnknownKey[] = [];
  const scan = (section: CheckedSection | null, node: unknown) => {
    const known = knownKeys(section);
    for (const entry of entries(doc, node)) {
      if (entry.key !== MERGE_KEY && !known.includes(entry.key)) {
        found.push({ section, key: entry.key, line: entry.offset === undefined ? undefined : lines.linePos(entry.offset).line });
      }
      if (section === null && isCheckedSection(entry.key)) scan(entry.key, entry.value);
    }
  };
  scan(null, doc.contents);
  return found;
}

/** How many unknown keys the warnings name one by one; the rest are counted. */
const MAX_NAMED = 5;

/** One warning per unknown key (at most five), then how many more there are. */
export function unknownKeyWarnings(found: readonly UnknownKey[]): string[] {
  const named = found.slice(0, MAX_NAMED).map(describeUnknownKey);
  const rest = found.slice(MAX_NAMED);
  const first = rest[0];
  if (first === undefined) return named;
  const one = rest.length === 1;
  const where = first.line === undefined ? '' : ` (${one ? 'on' : 'the first on'} line ${first.line})`;
  return [...named, `${rest.length} more unknown key${one ? ' is' : 's are'} not shown${where}.`];
}

function describeUnknownKey({ section, key, line }: UnknownKey): string {
  const path = section === null ? key : `${section}.${key}`;
  const where = line === undefined ? '' : ` (line ${line})`;
  const hint = keyHint(section, key);
  return `${path}${where} is not a teleport.yaml setting: Teleport refuses the file at startup${hint === undefined ? '' : ` (${hint})`}.`;
}

/**
 * What the user probably meant: a key of the top level or of one other section put at the wrong
 * indentation (checked first: `auth_server` at the top level is teleport's, not a misspelt
 * `auth_service`), or else the closest key of the same section.
 */
export function keyHint(section: CheckedSection | null, key: string): string | undefined {
  if (section !== null && TOP_LEVEL_KEYS.includes(key)) return `${key} belongs at the top level: check its indentation`;
  const [home, ...otherHomes] = (Object.keys(SECTION_KEYS) as CheckedSection[]).filter((s) => s !== section && knownKeys(s).includes(key));
  if (home !== undefined && otherHomes.length === 0) return `${key} belongs under ${home}`;
  const near = closestKey(key, knownKeys(section));
  return near === undefined ? undefined : `did you mean ${near}?`;
}
