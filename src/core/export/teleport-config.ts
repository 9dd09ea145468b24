/**
 * Teleport configuration fragments (`teleport-config`, per host): the teleport.yaml sections the
 * plan decides for one Teleport node, written with the `yaml` library. Auth gets `auth_service`
 * (`listen_addr`, `public_addr`, `proxy_protocol`, `cluster_name`, `proxy_listener_mode`, `tunnel_strategy`); a Proxy
 * gets `proxy_service` with every listener the engine models as open for its config version (so a
 * v1 Proxy shows the 3023/3024/3026/3036 defaults explicitly) and `auth_server`; an agent gets
 * `proxy_server` or `auth_server` (`auth_servers` before config v3) from its join address, else the address it dials, and its
 * services with listen addresses where they listen; a tbot gets a tbot.yaml (`version: v2`).
 * Comments name what Portolan cannot know (join tokens, data dirs, certificates).
 */
import { WORKLOAD_API, joinKeyOf } from '../catalog/index.ts';
import { joinHostPort } from '../engine/addr.ts';
import type { DeriveResult } from '../engine/index.ts';
import { buildProxyInfo } from '../engine/proxy-listeners.ts';
import type { Cluster, NodeOfKind, Plan, TeleportNode } from '../schema/index.ts';
import { isTeleportNode } from '../schema/index.ts';
import { lineComment } from './escape.ts';
import { compareText } from './model.ts';
import { perHost } from './per-host.ts';
import { joinTarget } from './teleport-targets.ts';
import { agentServices } from './teleport-services.ts';
import { yamlDocument, yamlStream } from './yaml-doc.ts';

const UNKNOWN = [
  'Not in the plan, so not here: join token or join method (teleport.join_params), data_dir (default',
  '/var/lib/teleport), nodename, TLS certificates, storage backend, authentication connectors.',
];

function clusterOf(plan: Plan, node: TeleportNode): Cluster | undefined {
  return plan.clusters.find((c) => c.id === node.cluster) ?? plan.clusters[0];
}

/** `auth_server: x` (v3) or `auth_servers: [x]` (v1/v2), or `proxy_server: x` (v3 only). */
function joinKeys(node: TeleportNode, cluster: Cluster, result: DeriveResult): { keys: Record<string, unknown>; notes: string[] } {
  const target = joinTarget(node, result);
  // An agent's or tbot's join address is written as the plan gives it (a port-less one stays port-less: L-C5, PL-TBOT-AUTH-NO-PORT).
  const written = node.kind === 'agent' || node.kind === 'tbot' ? node.joinAddr : undefined;
  const address = written ?? target.address ?? (target.via === 'proxy' ? '<proxy public address>:443' : '<auth address>:3025');
  const notes = written === undefined && target.address === undefined ? [`The plan gives no address where ${node.name} reaches its ${target.via === 'proxy' ? 'Proxy' : 'Auth'}: fill it in.`] : [];
  const { key } = joinKeyOf(cluster.configVersion, target.via);
  if (key === 'auth_servers') return { keys: { auth_servers: [address] }, notes: [...notes, `Config ${cluster.configVersion}: auth_servers may point at Auth (3025) or at the Proxy web address.`] };
  return { keys: { [key]: address }, notes };
}

function authService(node: NodeOfKind<'auth'>, cluster: Cluster) {
  const strategy = cluster.tunnelStrategy === 'proxy_peering' ? { type: 'proxy_peering', ...(cluster.agentConnectionCount ? { agent_connection_count: cluster.agentConnectionCount } : {}) } : { type: 'agent_mesh' };
  return {
    enabled: true,
    cluster_name: cluster.name,
    listen_addr: node.listenAddr,
    ...(node.publicAddr.length > 0 ? { public_addr: [...node.publicAddr] } : {}),
    ...(node.proxyProtocol !== 'unspecified' ? { proxy_protocol: node.proxyProtocol } : {}),
    proxy_listener_mode: cluster.proxyListenerMode,
    tunnel_strategy: strategy,
  };
}

/** Proxy listen keys in teleport.yaml, by engine listener id, with their public_addr key. */
const PROXY_KEYS = {
  web: ['web_listen_addr', 'public_addr', 'publicAddr'],
  ssh: ['listen_addr', 'ssh_public_addr', 'sshPublicAddr'],
  tunnel: ['tunnel_listen_addr', 'tunnel_public_addr', 'tunnelPublicAddr'],
  kube: ['kube_listen_addr', 'kube_public_addr', 'kubePublicAddr'],
  mysql: ['mysql_listen_addr', 'mysql_public_addr', 'mysqlPublicAddr'],
  postgres: ['postgres_listen_addr', 'postgres_public_addr', 'postgresPublicAddr'],
  mongo: ['mongo_listen_addr', 'mongo_public_addr', 'mongoPublicAddr'],
} as const;

function proxyService(node: NodeOfKind<'proxy'>, cluster: Cluster) {
  const info = buildProxyInfo(node, cluster);
  const out: Record<string, unknown> = { enabled: true };
  for (const [id, [listenKey, publicKey, field]] of Object.entries(PROXY_KEYS) as [keyof typeof PROXY_KEYS, (typeof PROXY_KEYS)[keyof typeof PROXY_KEYS]][]) {
    const listener = info.listeners.get(id);
    if (listener) out[listenKey] = joinHostPort(listener.host, listener.port);
    const pub = node[field];
    if (pub.length > 0) out[publicKey] = [...pub];
  }
  if (cluster.tunnelStrategy === 'proxy_peering') {
    out.peer_listen_addr = node.peerListenAddr ?? `0.0.0.0:${info.peerPort}`;
    if (node.peerPublicAddr) out.peer_public_addr = node.peerPublicAddr;
  }
  if (node.acme) out.acme = { enabled: true };
  if (node.proxyProtocol !== 'unspecified') out.proxy_protocol = node.proxyProtocol;
  if (node.trustXForwardedFor) out.trust_x_forwarded_for = true;
  return out;
}

/** `relay_service` of a Relay Service node (Teleport 18.3+): every listener is required by Teleport. */
function relayService(node: NodeOfKind<'relay'>) {
  return {
    enabled: true,
    relay_group: node.relayGroup,
    target_connection_count: node.targetConnectionCount,
    public_hostnames: node.publicHostnames.length > 0 ? [...node.publicHostnames] : ['<relay public hostname>'],
    transport_listen_addr: node.transportListenAddr,
    ...(node.transportProxyProtocol ? { transport_proxy_protocol: true } : {}),
    peer_listen_addr: node.peerListenAddr,
    ...(node.peerPublicAddr ? { peer_public_addr: node.peerPublicAddr } : {}),
    tunnel_listen_addr: node.tunnelListenAddr,
    ...(node.tunnelProxyProtocol ? { tunnel_proxy_protocol: true } : {}),
  };
}

/** The Workload API service as comment lines: tbot refuses it without a selector, which the plan does not hold. */
function workloadApiNotes(node: NodeOfKind<'tbot'>): string[] {
  const api = node.workloadApi;
  if (!api || (api.listen === undefined && !api.kubernetesAttestor && !api.sigstoreAttestor)) return [];
  const prefixes = api.sigstorePrivatePrefixes.length > 0 ? ` (allowed_private_network_prefixes: ${api.sigstorePrivatePrefixes.join(', ')})` : '';
  const sigstore = api.sigstoreAttestor ? `, attestors.sigstore: enabled: true${prefixes}` : '';
  const kubelet = !api.kubernetesAttestor
    ? ''
    : `, attestors.kubernetes: enabled: true${api.kubeletReadOnlyPort !== undefined ? `, kubelet.read_only_port: ${api.kubeletReadOnlyPort}` : api.kubeletSecurePort !== undefined ? `, kubelet.secure_port: ${api.kubeletSecurePort}` : ''}`;
  const listen = api.listen ?? `${WORKLOAD_API.exampleListen} (none in the plan; tbot requires one)`;
  return [`Workload API: add a workload-identity-api service with listen: ${listen}${kubelet}${sigstore}, and its selector (not in the plan).`];
}

function teleportYaml(plan: Plan, result: DeriveResult, node: TeleportNode): string {
  const cluster = clusterOf(plan, node);
  if (!cluster) return `${lineComment('The plan has no cluster.')}\n`;
  const header = [`Portolan: teleport.yaml for ${node.name} (${node.id}), cluster ${cluster.name}, plan ${plan.name}.`, ...UNKNOWN];
  if (node.kind === 'tbot') {
    const { keys, notes } = joinKeys(node, { ...cluster, configVersion: 'v3' }, result);
    return yamlStream([yamlDocument({ version: 'v2', ...keys, ...(node.diagAddr ? { diag_addr: node.diagAddr } : {}) }, [`Portolan: tbot.yaml for ${node.name} (${node.id}), cluster ${cluster.name}.`, ...notes, 'Not in the plan: onboarding (join method and token), storage, outputs and services.', ...(node.relayServer ? [`SSH through a Relay Service: give the ssh-multiplexer service relay_server: ${node.relayServer}`] : []), ...workloadApiNotes(node)])]);
  }
  const teleport: Record<string, unknown> = {};
  const notes: string[] = [];
  if (node.kind !== 'auth') {
    const join = joinKeys(node, cluster, result);
    Object.assign(teleport, join.keys);
    notes.push(...join.notes);
  }
  if (node.env?.httpsProxy || node.env?.httpProxy) notes.push('HTTP(S)_PROXY and NO_PROXY: see the teleport-env export (/etc/default/teleport).');
  if (node.diagAddr) teleport.diag_addr = node.diagAddr;
  if (node.kind === 'agent' && node.relayServer) teleport.relay_server = node.relayServer;
  const doc: Record<string, unknown> = { version: cluster.configVersion };
  if (Object.keys(teleport).length > 0) doc.teleport = teleport;
  doc.auth_service = node.kind === 'auth' ? authService(node, cluster) : { enabled: false };
  doc.proxy_service = node.kind === 'proxy' ? proxyService(node, cluster) : { enabled: false };
  if (node.kind === 'agent') Object.assign(doc, agentServices(plan, result, node));
  else doc.ssh_service = { enabled: false };
  if (node.kind === 'relay') {
    doc.relay_service = relayService(node);
    notes.push('relay_service: listen addresses must be IP:port; peer_public_addr defaults to the first private IP of the host.');
  }
  if (node.metricsListenAddr) {
    doc.metrics_service = { enabled: true, listen_addr: node.metricsListenAddr };
    notes.push('metrics_service: add keypairs and ca_certs to require mTLS from the scrapers.');
  }
  return yamlStream([yamlDocument(doc, [...header, ...notes])]);
}

/** The teleport.yaml of one Teleport node (every Teleport node without `hostId`). */
export function teleportConfigExport(plan: Plan, result: DeriveResult, hostId?: string): string {
  const ids = plan.nodes.filter(isTeleportNode).map((n) => n.id).sort(compareText);
  return perHost(hostId, ids, (id) => {
    const node = plan.nodes.find((n) => n.id === id);
    if (!node || !isTeleportNode(node)) return `${lineComment(`${node ? node.name : id} does not run Teleport: no teleport.yaml.`)}\n`;
    return teleportYaml(plan, result, node);
  });
}
