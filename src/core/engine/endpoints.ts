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

/** A plan node's name, else its id. */
const nodeName = (plan: Plan, id: string): string => plan.nodes.find((n) => n.id === id)?.name ?? id;

/** `allowed_private_network_prefixes` of a tbot. */
function privatePrefixes(ctx: Ctx, tbotId: string): readonly string[] {
  const tbot = ctx.nodes.get(tbotId);
  return tbot?.kind === 'tbot' ? (tbot.workloadApi?.sigstorePrivatePrefixes ?? []) : [];
}

/**
 * The plan zone (not of kind internet) whose CIDR holds the network of `prefix` most narrowly: longest
 * match, the first on ties; undefined when no such zone holds it.
 */
function zoneHolding(ctx: Ctx, prefix: string): string | undefined {
  const net = parseCidr(prefix);
  if (!net) return undefined;
  let best: { zone: string; bits: number } | undefined;
  for (const zone of ctx.plan.zones) {
    if (zone.kind === 'internet') continue;
    for (const c of zone.cidrs) {
      const cidr = parseCidr(c);
      if (cidr && cidr.bits <= net.bits && cidrContains(cidr, net.bytes) && (!best || cidr.bits > best.bits)) best = { zone: zone.id, bits: cidr.bits };
    }
  }
  return best?.zone;
}

/** The zone that holds every private registry prefix of a tbot, when they all fall in one. */
function privateRegistriesZone(ctx: Ctx, tbot: string): string | undefined {
  const zones = new Set(privatePrefixes(ctx, tbot).map((p) => zoneHolding(ctx, p)));
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** The plan's internet zone CIDRs, else 0.0.0.0/0. */
function internetAddress(ctx: Ctx): string {
  return ctx.internetZone && ctx.internetZone.cidrs.length > 0 ? ctx.internetZone.cidrs.join(' ') : INTERNET_CIDR;
}

/** A zone's CIDRs, else `any`. */
function zoneAddress(ctx: Ctx, zoneId: string | undefined): string {
  const zone = zoneId === undefined ? undefined : ctx.zones.get(zoneId);
  return zone && zone.cidrs.length > 0 ? zone.cidrs.join(' ') : 'any';
}

/** One kind of synthetic endpoint: how an id with its prefix is named, placed in a zone and addressed. */
interface SyntheticKind {
  /** Id prefix; the rest of the id is a cluster or tbot id. A whole id when `exact`. */
  prefix: string;
  exact?: boolean;
  label(plan: Plan, rest: string): string;
  zone(ctx: Ctx, rest: string): string | undefined;
  address(ctx: Ctx, rest: string): string;
}

const SYNTHETIC: readonly SyntheticKind[] = [
  {
    prefix: CLOUD_TENANT_PREFIX,
    label: (plan, cluster) => `Teleport Cloud tenant ${tenantAddress(plan, cluster).host}`,
    zone: () => undefined,
    address: (ctx, cluster) => tenantAddress(ctx.plan, cluster).host,
  },
  // The ACME CA and public registries sit in the plan's internet zone when there is one.
  { prefix: ACME_CA_ID, exact: true, label: () => 'ACME certificate authority', zone: (ctx) => ctx.internetZone?.id, address: internetAddress },
  {
    prefix: OCI_REGISTRIES_PREFIX,
    label: (plan, tbot) => `container registries (for ${nodeName(plan, tbot)})`,
    zone: (ctx) => ctx.internetZone?.id,
    address: internetAddress,
  },
  {
    prefix: PRIVATE_REGISTRIES_PREFIX,
    label: (plan, tbot) => `private container registries (for ${nodeName(plan, tbot)})`,
    zone: privateRegistriesZone,
    address: (ctx, tbot) => privatePrefixes(ctx, tbot).join(' ') || 'any',
  },
  // The kubelet runs on the node of the tbot's pod: its zone, and (the node's address is not in the plan) its CIDRs.
  {
    prefix: KUBELET_PREFIX,
    label: (plan, tbot) => `kubelet (node of ${nodeName(plan, tbot)})`,
    zone: (ctx, tbot) => ctx.nodes.get(tbot)?.zone,
    address: (ctx, tbot) => zoneAddress(ctx, ctx.nodes.get(tbot)?.zone),
  },
];

/** The synthetic kind of an id and the rest of the id, or undefined for a node id (plan ids have no `:`). */
function synthetic(id: string): { kind: SyntheticKind; rest: string } | undefined {
  if (!id.includes(':')) return undefined;
  for (const kind of SYNTHETIC) if (kind.exact ? id === kind.prefix : id.startsWith(kind.prefix)) return { kind, rest: id.slice(kind.prefix.length) };
  return undefined;
}

/**
 * Display name of a rule endpoint: the node's name, or a description of a synthetic endpoint
 * ("Teleport Cloud tenant example.teleport.sh", "ACME certificate authority"). Falls back to the id.
 */
export function nodeLabel(plan: Plan, id: string): string {
  const s = synthetic(id);
  return s ? s.kind.label(plan, s.rest) : nodeName(plan, id);
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

/** Fast name lookup with the context's indexes. */
export function nameOf(ctx: Ctx, id: string): string {
  return ctx.nodes.get(id)?.name ?? nodeLabel(ctx.plan, id);
}

/** Zone of an endpoint: a node's zone, or the zone its synthetic kind gives it. */
export function zoneOf(ctx: Ctx, id: string): string | undefined {
  const node = ctx.nodes.get(id);
  if (node) return node.zone;
  const s = synthetic(id);
  return s?.kind.zone(ctx, s.rest);
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

function computeAddress(ctx: Ctx, id: string): string {
  const s = synthetic(id);
  if (s) return s.kind.address(ctx, s.rest);
  const node = ctx.nodes.get(id);
  const first = node?.addresses[0];
  if (first !== undefined) {
    if (first.includes('/')) return first;
    return parseHostPort(first)?.host ?? first;
  }
  return zoneAddress(ctx, node?.zone);
}
