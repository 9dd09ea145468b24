/**
 * Inspector fields, read from the zod schemas of the plan format: every field of every node kind, zone,
 * link and cluster gets an editor without a hand-written form per kind, and a new schema field shows up
 * by itself. Labels are UI text; values and their validity come from the schema.
 */
import { NodeSchema, defOf, unwrap } from '../../../core/schema/index.ts';
import type { Schema } from '../../../core/schema/index.ts';
import type { NodeKind } from '../../../core/schema/index.ts';

export type FieldSpec =
  | { type: 'text'; key: string; label: string; optional: boolean; multiline: boolean }
  | { type: 'number'; key: string; label: string; optional: boolean }
  | { type: 'boolean'; key: string; label: string }
  /** `unset`: what leaving an optional enum empty means (shown as its empty choice). */
  | { type: 'enum'; key: string; label: string; optional: boolean; options: string[]; unset?: string }
  | { type: 'enum-set'; key: string; label: string; options: string[] }
  | { type: 'text-list'; key: string; label: string }
  /** Comma-separated numbers (ports); empty leaves an optional list unset. */
  | { type: 'number-list'; key: string; label: string; optional: boolean }
  | { type: 'object'; key: string; label: string; optional: boolean; fields: FieldSpec[] }
  | { type: 'object-list'; key: string; label: string; fields: FieldSpec[] };

/** Friendly names; the teleport.yaml key is shown beside fields that mirror one. */
const LABELS: Record<string, string> = {
  name: 'Name',
  notes: 'Notes',
  addresses: 'Addresses',
  publicAddr: 'Public addresses',
  listenAddr: 'Listen address',
  webListenAddr: 'Web listen address',
  sshListenAddr: 'SSH listen address',
  sshPublicAddr: 'SSH public addresses',
  tunnelListenAddr: 'Tunnel listen address',
  tunnelPublicAddr: 'Tunnel public addresses',
  kubeListenAddr: 'Kubernetes listen address',
  kubePublicAddr: 'Kubernetes public addresses',
  mysqlListenAddr: 'MySQL listen address',
  mysqlPublicAddr: 'MySQL public addresses',
  postgresListenAddr: 'PostgreSQL listen address',
  postgresPublicAddr: 'PostgreSQL public addresses',
  mongoListenAddr: 'MongoDB listen address',
  mongoPublicAddr: 'MongoDB public addresses',
  peerListenAddr: 'Peer listen address',
  peerPublicAddr: 'Peer public address',
  acme: 'ACME (Let’s Encrypt)',
  proxyProtocol: 'PROXY protocol',
  // Non-breaking hyphens: the header name must not wrap at its hyphens next to the teleport.yaml key.
  trustXForwardedFor: 'Trust X\u2011Forwarded\u2011For',
  env: 'Environment',
  httpsProxy: 'HTTPS_PROXY',
  httpProxy: 'HTTP_PROXY',
  noProxy: 'NO_PROXY',
  teleportTunnelPublicAddr: 'TELEPORT_TUNNEL_PUBLIC_ADDR',
  teleportRelay: 'TELEPORT_RELAY (tsh --relay)',
  services: 'Services',
  joinVia: 'Joins via',
  joinAddr: 'Join address',
  quicPeering: 'QUIC peering (experimental)',
  teleportMinorVersion: 'Teleport minor version',
  appSubdomainDns: 'App subdomains in DNS and certificate',
  trustWebProxyAddr: 'Root web address',
  trustTunnelAddr: 'Root tunnel address',
  runtime: 'Runs on',
  namespace: 'Namespace',
  sshForceListen: 'SSH force_listen',
  desktopListenAddr: 'Desktop listen address',
  desktopUsesAd: 'Uses Active Directory / LDAP discovery',
  appHostFilters: 'Uses allowed/denied hosts',
  tools: 'Tools',
  layer: 'Layer',
  tlsTermination: 'Terminates TLS',
  tlsReencrypt: 'Re-encrypts to the backends',
  connectPorts: 'Ports it allows CONNECT to',
  sticky: 'Sticky sessions (affinity)',
  mappings: 'Port mappings',
  frontPort: 'Front port',
  targetPort: 'Target port',
  idleTimeoutSeconds: 'Idle timeout (s)',
  sendsProxyProtocol: 'Sends PROXY protocol',
  port: 'Port',
  sshPort: 'SSH port',
  engine: 'Engine',
  rdpPort: 'RDP port',
  ldapPort: 'LDAP port',
  kdcPort: 'Kerberos KDC port',
  uri: 'URI',
  provider: 'Provider',
  kind: 'Kind',
  cidrs: 'CIDRs',
  deployment: 'Deployment',
  teleportVersion: 'Teleport major version',
  configVersion: 'Config file version',
  proxyListenerMode: 'Proxy listener mode',
  tunnelStrategy: 'Tunnel strategy',
  edition: 'Edition',
  cloudTenant: 'Cloud tenant address',
  trustedRoot: 'Trusts root cluster',
  agentConnectionCount: 'Agent connection count',
  description: 'Description',
  diagAddr: 'Diagnostic address',
  metricsListenAddr: 'Metrics service listen address',
  tcpPorts: 'TCP ports',
  endPort: 'End port',
  relayServer: 'Relay server',
  relayGroup: 'Relay group',
  targetConnectionCount: 'Target connection count',
  publicHostnames: 'Public hostnames',
  transportListenAddr: 'Transport listen address',
  transportProxyProtocol: 'Transport PROXY protocol',
  tunnelProxyProtocol: 'Tunnel PROXY protocol',
  workloadApi: 'Workload API',
  listen: 'Listen',
  kubernetesAttestor: 'Kubernetes attestor',
  kubeletSecurePort: 'Kubelet secure port',
  kubeletReadOnlyPort: 'Kubelet read-only port',
  sigstoreAttestor: 'Sigstore attestor',
  sigstorePrivatePrefixes: 'Private registry networks',
};

/** teleport.yaml key for fields named after one (shown as a hint). */
const YAML_KEYS: Record<string, string> = {
  publicAddr: 'public_addr',
  listenAddr: 'listen_addr',
  webListenAddr: 'web_listen_addr',
  sshListenAddr: 'listen_addr',
  sshPublicAddr: 'ssh_public_addr',
  tunnelListenAddr: 'tunnel_listen_addr',
  tunnelPublicAddr: 'tunnel_public_addr',
  kubeListenAddr: 'kube_listen_addr',
  kubePublicAddr: 'kube_public_addr',
  mysqlListenAddr: 'mysql_listen_addr',
  mysqlPublicAddr: 'mysql_public_addr',
  postgresListenAddr: 'postgres_listen_addr',
  postgresPublicAddr: 'postgres_public_addr',
  mongoListenAddr: 'mongo_listen_addr',
  mongoPublicAddr: 'mongo_public_addr',
  peerListenAddr: 'peer_listen_addr',
  peerPublicAddr: 'peer_public_addr',
  proxyProtocol: 'proxy_protocol',
  trustXForwardedFor: 'trust_x_forwarded_for',
  proxyListenerMode: 'proxy_listener_mode',
  tunnelStrategy: 'tunnel_strategy.type',
  agentConnectionCount: 'agent_connection_count',
  configVersion: 'version',
  joinVia: 'proxy_server / auth_server',
  joinAddr: 'proxy_server / auth_server / auth_servers',
  trustWebProxyAddr: 'trusted_cluster web_proxy_addr',
  trustTunnelAddr: 'trusted_cluster tunnel_addr',
  diagAddr: 'diag_addr',
  metricsListenAddr: 'metrics_service.listen_addr',
  tcpPorts: 'tcp_ports',
  endPort: 'end_port',
  relayServer: 'relay_server',
  relayGroup: 'relay_group',
  targetConnectionCount: 'target_connection_count',
  publicHostnames: 'public_hostnames',
  transportListenAddr: 'transport_listen_addr',
  transportProxyProtocol: 'transport_proxy_protocol',
  tunnelProxyProtocol: 'tunnel_proxy_protocol',
  workloadApi: 'workload-identity-api service',
  listen: 'listen',
  kubernetesAttestor: 'attestors.kubernetes.enabled',
  kubeletSecurePort: 'kubelet.secure_port',
  kubeletReadOnlyPort: 'kubelet.read_only_port',
  sigstoreAttestor: 'attestors.sigstore.enabled',
  sigstorePrivatePrefixes: 'allowed_private_network_prefixes',
};

export function labelFor(key: string): string {
  return LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** Keys that one node kind writes differently (tbot.yaml has no `auth_servers`). */
const YAML_KEYS_BY_KIND: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tbot: { joinAddr: 'proxy_server / auth_server' },
};

/** The config key beside a field; `kind` is the entity's node kind, when it has one. */
export function yamlKeyFor(key: string, kind?: unknown): string | undefined {
  return (typeof kind === 'string' ? YAML_KEYS_BY_KIND[kind]?.[key] : undefined) ?? YAML_KEYS[key];
}

/** Fields that only mean something while a boolean sibling is on: shown only then. */
const SHOWN_WITH: Readonly<Record<string, string>> = {
  tlsReencrypt: 'tlsTermination',
};

/** The field is shown for this entity (see `SHOWN_WITH`). */
export function fieldShown(field: FieldSpec, entity: Readonly<Record<string, unknown>>): boolean {
  const flag = SHOWN_WITH[field.key];
  return flag === undefined || entity[flag] === true;
}

/** What an optional enum means when it is not set, where that is one of its values (tbot `runtime`). */
const UNSET_MEANS: Readonly<Record<string, string>> = {
  runtime: 'not set: on a host',
};

/** Fields edited elsewhere (or never): identity, geometry, and references chosen from lists. */
const SKIP = new Set(['id', 'position', 'size', 'zone', 'cluster', 'source', 'target']);

function enumOptions(schema: Schema): string[] {
  return Object.values(defOf(schema).entries ?? {});
}

function shapeOf(schema: Schema): Record<string, Schema> {
  return defOf(schema).shape ?? {};
}

function fieldFor(key: string, schema: Schema): FieldSpec | null {
  const { inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const label = labelFor(key);
  switch (def.type) {
    case 'string':
      return { type: 'text', key, label, optional, multiline: key === 'notes' || key === 'description' };
    case 'number':
      return { type: 'number', key, label, optional };
    case 'boolean':
      return { type: 'boolean', key, label };
    case 'enum':
      return { type: 'enum', key, label, optional, options: enumOptions(inner), ...(optional && UNSET_MEANS[key] !== undefined ? { unset: UNSET_MEANS[key] } : {}) };
    case 'array': {
      const element = unwrap(def.element!).inner;
      const elementType = defOf(element).type;
      if (elementType === 'enum') return { type: 'enum-set', key, label, options: enumOptions(element) };
      if (elementType === 'object') return { type: 'object-list', key, label, fields: describeShape(shapeOf(element)) };
      if (elementType === 'number') return { type: 'number-list', key, label, optional };
      return { type: 'text-list', key, label };
    }
    case 'object':
      return { type: 'object', key, label, optional, fields: describeShape(shapeOf(inner)) };
    default:
      return null;
  }
}

/** Schema order, except that notes always come last (they are the least used). */
export function describeShape(shape: Record<string, Schema>): FieldSpec[] {
  const fields = Object.entries(shape)
    .filter(([key]) => !SKIP.has(key))
    .map(([key, schema]) => fieldFor(key, schema))
    .filter((f): f is FieldSpec => f !== null);
  return [...fields.filter((f) => f.key !== 'notes'), ...fields.filter((f) => f.key === 'notes')];
}

export function describeObject(schema: Schema): FieldSpec[] {
  return describeShape(shapeOf(schema));
}

const nodeFieldCache = new Map<NodeKind, FieldSpec[]>();

/** The fields of one node kind, from its member of the `NodeSchema` discriminated union. */
export function nodeFields(kind: NodeKind): FieldSpec[] {
  let fields = nodeFieldCache.get(kind);
  if (!fields) {
    const options = defOf(NodeSchema).options ?? [];
    const member = options.find((o) => defOf(shapeOf(o).kind!).values?.[0] === kind);
    fields = member ? describeObject(member) : [];
    nodeFieldCache.set(kind, fields);
  }
  return fields;
}
