/**
 * Protected resources: which agent service reaches each kind, with which flow, on which port
 * (reference §2.6). Ports come from fields of the resource node; `engine` and `uri` are resolved by
 * the database table and the app URI.
 */
import type { AgentServiceName, NodeKind, PlanNode } from '../schema/index.ts';
import { DATABASE_ENGINES } from './databases.ts';
import type { ForwardProxyUse } from './flows/types.ts';
import { release } from './versions.ts';

/** Where the port of a resource flow comes from. */
export type ResourcePort =
  | { from: 'field'; field: 'port' | 'rdpPort' | 'ldapPort' | 'kdcPort' | 'sshPort' }
  | { from: 'engine' }
  | { from: 'uri' };

/** One flow an agent opens to a resource. */
export interface ResourceFlowSpec {
  template: string;
  port: ResourcePort;
}

/** One resource kind reached by agents. */
export interface ResourceSpec {
  kind: NodeKind;
  /** The agent must run one of these services. */
  services: readonly AgentServiceName[];
  flows: readonly ResourceFlowSpec[];
}

/** Resources reached by agents, by node kind. */
export const AGENT_RESOURCES: readonly ResourceSpec[] = [
  { kind: 'kube-api', services: ['kubernetes'], flows: [{ template: 'agent-kube-api', port: { from: 'field', field: 'port' } }] },
  { kind: 'database', services: ['database'], flows: [{ template: 'agent-database', port: { from: 'engine' } }] },
  { kind: 'windows-host', services: ['desktop'], flows: [{ template: 'agent-rdp', port: { from: 'field', field: 'rdpPort' } }] },
  {
    kind: 'domain-controller',
    services: ['desktop'],
    flows: [
      { template: 'agent-ldap', port: { from: 'field', field: 'ldapPort' } },
      { template: 'agent-kdc', port: { from: 'field', field: 'kdcPort' } },
    ],
  },
  { kind: 'app', services: ['app'], flows: [{ template: 'agent-app', port: { from: 'uri' } }] },
  { kind: 'cloud-api', services: ['database', 'app', 'discovery', 'kubernetes'], flows: [{ template: 'agent-cloud-api', port: { from: 'field', field: 'port' } }] },
  { kind: 'openssh-host', services: ['discovery'], flows: [{ template: 'discovery-gcp-ssh', port: { from: 'field', field: 'sshPort' } }] },
];

/**
 * How the Application Service reaches an app, by URI scheme: HTTP(S) apps through a transport cloned
 * from http.DefaultTransport, so HTTP_PROXY / HTTPS_PROXY apply unless NO_PROXY matches (S36); TCP
 * apps with a plain net.Dialer (S37).
 */
export const APP_SCHEME_FORWARD_PROXY: Readonly<Record<string, ForwardProxyUse>> = { http: 'http', https: 'https', tcp: 'never' };

/** Which proxy variable a resource flow marked `resource` follows: the app's URI scheme, the database engine's client. */
export function resourceForwardProxy(node: PlanNode): ForwardProxyUse {
  if (node.kind === 'database') return DATABASE_ENGINES[node.engine].forwardProxy;
  if (node.kind === 'app') return APP_SCHEME_FORWARD_PROXY[/^([a-z]+):/i.exec(node.uri)?.[1]?.toLowerCase() ?? ''] ?? 'never';
  return 'never';
}

/** Multi-port TCP apps (`tcp_ports`) exist since Teleport 17.1 (D24). */
export const APP_TCP_PORTS_SINCE = release(17, 1);

/** The Relay Service exists since Teleport 18.3 (D8). */
export const RELAY_SINCE = release(18, 3);

const BY_KIND: ReadonlyMap<NodeKind, ResourceSpec> = new Map(AGENT_RESOURCES.map((r) => [r.kind, r]));

/** Resource spec for a node kind, if agents reach that kind. */
export function resourceSpec(kind: NodeKind): ResourceSpec | undefined {
  return BY_KIND.get(kind);
}

/** Resources Auth itself may use as backends (reference §2.4 U1), with the port field to read. */
export const AUTH_BACKENDS: Readonly<Partial<Record<NodeKind, ResourcePort>>> = {
  'cloud-api': { from: 'field', field: 'port' },
  database: { from: 'engine' },
};
