/**
 * Import the JSON of `curl https://HOST/webapi/ping` into a plan: cluster settings (TLS routing,
 * version, edition, name, Teleport Cloud) and the Proxy's addresses and listeners. Returns a preview;
 * the input plan is never changed.
 */
import { NodeSchema, isTeleportNode, parsePlan, planIds } from '../schema/index.ts';
import type { Cluster, NodeOfKind, Plan } from '../schema/index.ts';
import { freeId } from '../catalog/kinds.ts';
import { isCloudTenantHost, splitHostPort } from './addr.ts';
import { ChangeList } from './changes.ts';
import type { PlanChange } from './changes.ts';
import { decodePing } from './ping-decode.ts';
import type { PingResponse } from './ping-schema.ts';
import { applyPingToProxy } from './ping-proxy.ts';
import { clonePlan, positionsRightOf } from './placement.ts';

export interface PingImportOptions {
  /** Apply the Proxy settings to this Proxy only (default: every Proxy of the cluster). */
  proxyId?: string;
  /** The cluster the ping response describes (default: the Proxy's cluster, else the first cluster). */
  clusterId?: string;
}

export type PingImportResult =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The plan with the changes applied (validated). */
      plan: Plan;
      changes: PlanChange[];
      /** Things the user should look at that the import did not change. */
      warnings: string[];
    };

type ProxyNode = NodeOfKind<'proxy'>;

/**
 * Preview what a `/webapi/ping` response changes in `plan`. Never mutates `plan`; nothing changes
 * until the caller adopts the returned plan.
 */
export function previewPingImport(plan: Plan, jsonText: string, options: PingImportOptions = {}): PingImportResult {
  const decoded = decodePing(jsonText);
  if (!decoded.ok) return decoded;
  const ping = decoded.value;
  const next = clonePlan(plan);
  const firstCluster = next.clusters[0]?.id;
  const clusterOf = (n: { cluster?: string }) => n.cluster ?? firstCluster;

  let chosenProxy: ProxyNode | undefined;
  if (options.proxyId !== undefined) {
    const node = next.nodes.find((n) => n.id === options.proxyId);
    if (!node) return { ok: false, message: `There is no node "${options.proxyId}" in the plan to apply the Proxy settings to.` };
    if (node.kind !== 'proxy') return { ok: false, message: `Node "${options.proxyId}" is ${node.kind === 'auth' || node.kind === 'agent' ? 'an' : 'a'} ${node.kind} node, not a Proxy.` };
    chosenProxy = node;
  }
  const clusterId = options.clusterId ?? (chosenProxy ? clusterOf(chosenProxy) : firstCluster);
  const cluster = next.clusters.find((c) => c.id === clusterId);
  if (!cluster) return { ok: false, message: `There is no cluster "${String(clusterId)}" in the plan.` };
  if (chosenProxy && clusterOf(chosenProxy) !== cluster.id) {
    return { ok: false, message: `Proxy "${chosenProxy.id}" belongs to cluster "${String(clusterOf(chosenProxy))}", not "${cluster.id}".` };
  }

  const changes = new ChangeList();
  const warnings: string[] = [];
  const cloud = applyClusterSettings(cluster, ping, changes);

  const inCluster = next.nodes.filter(isTeleportNode).filter((n) => clusterOf(n) === cluster.id);
  if (cloud) {
    const own = inCluster.filter((n) => n.kind === 'auth' || n.kind === 'proxy').map((n) => n.id);
    if (own.length > 0) warnings.push(`Teleport Cloud runs Auth and Proxy for you: remove ${own.join(', ')} from cluster "${cluster.id}" (agents dial the tenant address instead).`);
    const direct = inCluster.filter((n) => n.kind === 'agent' && n.joinVia === 'auth').map((n) => n.id);
    if (direct.length > 0) warnings.push(`Agents cannot join Teleport Cloud directly to Auth: switch ${direct.join(', ')} to join via the Proxy.`);
  } else if (ping.proxy.ssh !== undefined || ping.proxy.kube !== undefined || ping.proxy.db !== undefined) {
    const proxies = chosenProxy ? [chosenProxy] : inCluster.filter((n): n is ProxyNode => n.kind === 'proxy');
    if (proxies.length === 0) proxies.push(addProxy(next, cluster, changes));
    for (const proxy of proxies) applyPingToProxy(proxy, ping.proxy, cluster.proxyListenerMode, changes);
  }

  const checked = parsePlan(next);
  if (!checked.ok) return { ok: false, message: `The ping response cannot be applied to this plan: ${checked.error.message}` };
  return { ok: true, plan: checked.plan, changes: changes.items, warnings };
}

/** Cluster-level settings. Returns true when the response is from a Teleport Cloud tenant. */
function applyClusterSettings(cluster: Cluster, ping: PingResponse, changes: ChangeList): boolean {
  const at = (field: string) => `clusters[${cluster.id}].${field}`;
  const tls = ping.proxy.tls_routing_enabled;
  if (tls !== undefined) {
    const mode = tls ? 'multiplex' : 'separate';
    if (changes.record(at('proxyListenerMode'), cluster.proxyListenerMode, mode, `proxy.tls_routing_enabled is ${String(tls)}: the cluster runs ${tls ? 'TLS routing (multiplex)' : 'separate listeners'}`)) cluster.proxyListenerMode = mode;
  }
  // `18.2.1`: major 18, minor 2 (`18`, or a placeholder such as `17.x.y`, gives the major alone).
  const parts = ping.server_version ? /^v?(\d+)(?:\.(\d+))?/.exec(ping.server_version.trim()) : null;
  const version = parts ? Number(parts[1]) : undefined;
  if (version !== undefined && version >= 8 && version <= 99) {
    const why = `server_version is ${ping.server_version ?? ''}`;
    if (changes.record(at('teleportVersion'), cluster.teleportVersion, version, why)) cluster.teleportVersion = version;
    // A minor version the reply does not give is not kept from before: it belonged to another release.
    const read = parts?.[2] === undefined ? undefined : Number(parts[2]);
    const minor = read !== undefined && read <= 99 ? read : undefined;
    if (changes.record(at('teleportMinorVersion'), cluster.teleportMinorVersion, minor, why)) {
      if (minor === undefined) delete cluster.teleportMinorVersion;
      else cluster.teleportMinorVersion = minor;
    }
  }
  const clusterName = ping.cluster_name?.trim();
  if (clusterName && clusterName.length <= 120 && changes.record(at('name'), cluster.name, clusterName, 'cluster_name from the ping response')) cluster.name = clusterName;

  const publicAddr = ping.proxy.ssh?.public_addr?.trim();
  const { host, port } = publicAddr ? splitHostPort(publicAddr) : { host: '', port: undefined };
  const cloud = isCloudTenantHost(host);
  let edition = ping.edition === 'ent' ? 'enterprise' : ping.edition === 'oss' || ping.edition === 'community' ? 'oss' : undefined;
  if (cloud) {
    // Teleport Cloud is always Enterprise and always answers on 443 (reference §3.3).
    edition = 'enterprise';
    const tenant = `${host}:${port ?? 443}`;
    if (changes.record(at('deployment'), cluster.deployment, 'cloud', `proxy.ssh.public_addr ${publicAddr ?? ''} is a Teleport Cloud tenant`)) cluster.deployment = 'cloud';
    if (changes.record(at('cloudTenant'), cluster.cloudTenant, tenant, 'the tenant address agents and users dial')) cluster.cloudTenant = tenant;
  } else if (publicAddr && cluster.deployment === 'cloud') {
    changes.record(at('deployment'), cluster.deployment, 'self-hosted', `proxy.ssh.public_addr ${publicAddr} is not a Teleport Cloud tenant (*.teleport.sh)`);
    changes.record(at('cloudTenant'), cluster.cloudTenant, undefined, 'only Teleport Cloud clusters have a tenant address');
    cluster.deployment = 'self-hosted';
    delete cluster.cloudTenant;
  }
  if (edition === 'enterprise' || edition === 'oss') {
    if (changes.record(at('edition'), cluster.edition, edition, cloud ? 'Teleport Cloud is Teleport Enterprise' : `edition is "${ping.edition ?? ''}"`)) cluster.edition = edition;
  }
  return cloud;
}

/** A self-hosted cluster without a Proxy in the plan gets one, right of the existing content. */
function addProxy(plan: Plan, cluster: Cluster, changes: ChangeList): ProxyNode {
  const id = freeId('proxy', planIds(plan));
  const [position] = positionsRightOf(plan, 1);
  const explicit = cluster.id !== plan.clusters[0]?.id;
  const node = NodeSchema.parse({ id, name: 'Proxy', kind: 'proxy', position, ...(explicit ? { cluster: cluster.id } : {}) }) as ProxyNode;
  plan.nodes.push(node);
  changes.record(`nodes[${id}]`, undefined, `Proxy "${node.name}"`, `added: cluster "${cluster.id}" had no Proxy in the plan; the ping response describes one`);
  return node;
}
