/**
 * Rule endpoints: plan nodes, plus synthetic endpoints that are not nodes (the Teleport Cloud tenant
 * `cloud-tenant:<clusterId>`, the ACME CA `external:acme-ca`, the kubelet of a tbot's node
 * `kubelet:<tbotId>`, the public container registries a tbot's Sigstore attestor reads
 * `oci-registries:<tbotId>` and the private ones it may dial `private-registries:<tbotId>`). Names,
 * zones and addresses for both.
 */
import { ACME_CA_ID, CLOUD, CLOUD_TENANT_PREFIX, INTERNET_CIDR, KUBELET_PREFIX, OCI_REGISTRIES_PREFIX, PRIVATE_REGISTRIES_PREFIX } from '../catalog/index.ts';
import type { Plan } from '../schema/index.ts';
import { cidrContains, parseCidr, parseHostPort } from './addr.ts';
import type { Ctx } from './context.ts';

/** Id of the Teleport Cloud tenant endpoint of a cluster. */
export function tenantId(clusterId: string): string {
  return CLOUD_TENANT_PREFIX + clusterId;
}

/** Host and port of a cluster's tenant (`cloudTenant`), falling back to `<cluster name>` on 443. */
export function tenantAddress(plan: Plan, clusterId: string): { host: string; port: number; known: boolean } {
  const cluster = plan.clusters.find((c) => c.id === clusterId);
  const hp = cluster?.cloudTenant ? parseHostPort(cluster.cloudTenant) : undefined;
  if (hp) return { host: hp.host, port: hp.port ?? CLOUD.tenantPort, known: true };
  return { host: cluster?.name ?? clusterId, port: CLOUD.tenantPort, known: false };
}

/**
 * Display name of a rule endpoint: the node's name, or a description of a synthetic endpoint
 * ("Teleport Cloud tenant example.teleport.sh", "ACME certificate authority"). Falls back to the id.
 */
export function nodeLabel(plan: Plan, id: string): string {
  if (id.startsWith(CLOUD_TENANT_PREFIX)) return `Teleport Cloud tenant ${tenantAddress(plan, id.slice(CLOUD_TENANT_PREFIX.length)).host}`;
  if (id === ACME_CA_ID) return 'ACME certificate authority';
  if (id.startsWith(KUBELET_PREFIX)) {
    const tbot = id.slice(KUBELET_PREFIX.length);
    return `kubelet (node of ${plan.nodes.find((n) => n.id === tbot)?.name ?? tbot})`;
  }
  if (id.startsWith(OCI_REGISTRIES_PREFIX)) {
    const tbot = id.slice(OCI_REGISTRIES_PREFIX.length);
    return `container registries (for ${plan.nodes.find((n) => n.id === tbot)?.name ?? tbot})`;
  }
  if (id.startsWith(PRIVATE_REGISTRIES_PREFIX)) {
    const tbot = id.slice(PRIVATE_REGISTRIES_PREFIX.length);
    return `private container registries (for ${plan.nodes.find((n) => n.id === tbot)?.name ?? tbot})`;
  }
  return plan.nodes.find((n) => n.id === id)?.name ?? id;
}

/** Id of the endpoint "kubelet of the node this tbot runs on". */
export function kubeletId(tbotId: string): string {
  return KUBELET_PREFIX + tbotId;
}

/** Id of the endpoint "public container registries this tbot's Sigstore attestor reads". */
export function ociRegistriesId(tbotId: string): string {
  return OCI_REGISTRIES_PREFIX + tbotId;
}

/** Id of the endpoint "private registry networks this tbot's Sigstore attestor may dial". */
export function privateRegistriesId(tbotId: string): string {
  return PRIVATE_REGISTRIES_PREFIX + tbotId;
}

/** `allowed_private_network_prefixes` of the tbot behind a `private-registries:` id. */
function privatePrefixes(ctx: Ctx, id: string): readonly string[] {
  const tbot = ctx.nodes.get(id.slice(PRIVATE_REGISTRIES_PREFIX.length));
  return tbot?.kind === 'tbot' ? (tbot.workloadApi?.sigstorePrivatePrefixes ?? []) : [];
}

/** The plan zone whose CIDR holds the network of `prefix` most narrowly (longest match; the first on ties). */
function zoneHolding(ctx: Ctx, prefix: string): string | undefined {
  const net = parseCidr(prefix);
  if (!net) return undefined;
  let best: { zone: string; bits: number } | undefined;
  for (const zone of ctx.plan.zones) {
    for (const c of zone.cidrs) {
      const cidr = parseCidr(c);
      if (cidr && cidr.bits <= net.bits && cidrContains(cidr, net.bytes) && (!best || cidr.bits > best.bits)) best = { zone: zone.id, bits: cidr.bits };
    }
  }
  return best?.zone;
}

/** Fast name lookup with the context's indexes. */
export function nameOf(ctx: Ctx, id: string): string {
  return ctx.nodes.get(id)?.name ?? nodeLabel(ctx.plan, id);
}

/**
 * Zone of an endpoint (the ACME CA sits in the plan's internet zone when there is one; a kubelet in the
 * zone of its tbot, whose pod runs on that node).
 */
export function zoneOf(ctx: Ctx, id: string): string | undefined {
  if (id === ACME_CA_ID || id.startsWith(OCI_REGISTRIES_PREFIX)) return ctx.internetZone?.id;
  const node = ctx.nodes.get(id);
  if (node) return node.zone;
  if (id.startsWith(PRIVATE_REGISTRIES_PREFIX)) {
    const first = privatePrefixes(ctx, id)[0];
    return first === undefined ? undefined : zoneHolding(ctx, first);
  }
  if (id.startsWith(KUBELET_PREFIX)) return ctx.nodes.get(id.slice(KUBELET_PREFIX.length))?.zone;
  return undefined;
}

const addressCache = new WeakMap<Ctx, Map<string, string>>();

/** Rule address: first node address (without port), else its zone's CIDRs, else `any` (cached per derive). */
export function addressOf(ctx: Ctx, id: string): string {
  // Fast path without a cache entry: a node whose first address is a plain host or IP.
  const first = ctx.nodes.get(id)?.addresses[0];
  if (first !== undefined && !first.includes('/') && !first.includes(':')) {
    const host = first.trim();
    if (host !== '') return host;
  }
  let cache = addressCache.get(ctx);
  if (!cache) addressCache.set(ctx, (cache = new Map()));
  let a = cache.get(id);
  if (a === undefined) cache.set(id, (a = computeAddress(ctx, id)));
  return a;
}

/** The plan's internet zone CIDRs, else 0.0.0.0/0. */
function internetAddress(ctx: Ctx): string {
  return ctx.internetZone && ctx.internetZone.cidrs.length > 0 ? ctx.internetZone.cidrs.join(' ') : INTERNET_CIDR;
}

function computeAddress(ctx: Ctx, id: string): string {
  if (id.startsWith(CLOUD_TENANT_PREFIX)) return tenantAddress(ctx.plan, id.slice(CLOUD_TENANT_PREFIX.length)).host;
  if (id === ACME_CA_ID) return internetAddress(ctx);
  if (id.startsWith(OCI_REGISTRIES_PREFIX)) return internetAddress(ctx);
  if (id.startsWith(PRIVATE_REGISTRIES_PREFIX)) return privatePrefixes(ctx, id).join(' ') || 'any';
  if (id.startsWith(KUBELET_PREFIX)) {
    // The node's address is not in the plan: the CIDRs of the tbot's zone (its node network), else any.
    const tbot = ctx.nodes.get(id.slice(KUBELET_PREFIX.length));
    const zone = tbot?.zone === undefined ? undefined : ctx.zones.get(tbot.zone);
    return zone && zone.cidrs.length > 0 ? zone.cidrs.join(' ') : 'any';
  }
  const node = ctx.nodes.get(id);
  const first = node?.addresses[0];
  if (first !== undefined) {
    if (first.includes('/')) return first;
    return parseHostPort(first)?.host ?? first;
  }
  const zone = node?.zone === undefined ? undefined : ctx.zones.get(node.zone);
  if (zone && zone.cidrs.length > 0) return zone.cidrs.join(' ');
  return 'any';
}
