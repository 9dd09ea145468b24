/** Where nodes sit: protected resources nothing is linked to, and IP addresses outside their zone's CIDRs. */
import { cidrContains, ipBytes, ipv4ToNumber, parseCidr } from '../engine/addr.ts';
import { hostOfAddress } from '../engine/context.ts';
import type { ParsedCidr } from '../engine/addr.ts';
import { dottedQuadProblem } from '../schema/index.ts';
import type { PlanNode } from '../schema/index.ts';
import type { Check, CheckInput } from './input.ts';

/** Node kinds that only take part through a link to the agent (or Proxy) that serves them. */
const RESOURCE_KINDS: ReadonlySet<PlanNode['kind']> = new Set(['database', 'app', 'kube-api', 'windows-host', 'domain-controller', 'openssh-host']);

/** PL-RESOURCE-UNLINKED: a protected resource with no link yields no rule at all, which is easy to miss. */
export const unlinkedResources: Check = (input) => {
  const { ctx, out } = input;
  // Candidates first, then every link strikes its ends: no adjacency index is built for this.
  const unlinked = new Set<string>();
  for (const node of ctx.sortedNodes) if (RESOURCE_KINDS.has(node.kind)) unlinked.add(node.id);
  if (unlinked.size === 0) return;
  for (const link of ctx.sortedLinks) {
    unlinked.delete(link.source);
    unlinked.delete(link.target);
  }
  for (const id of unlinked) {
    const node = ctx.nodes.get(id);
    out.add({ code: 'PL-RESOURCE-UNLINKED', subjects: [id], nodes: [id], params: { node: node?.name ?? id } });
  }
};

/** A zone's CIDRs, ready for containment tests: IPv4 as number pairs (no allocation per address), IPv6 as bytes. */
interface ZoneNets {
  v4: { net: number; mask: number }[];
  v6: ParsedCidr[];
}

function zoneNets(cidrs: readonly string[]): ZoneNets {
  const nets: ZoneNets = { v4: [], v6: [] };
  for (const text of cidrs) {
    const [ip = '', len = ''] = text.split('/');
    const v4 = ipv4ToNumber(ip);
    if (v4 !== undefined) {
      const bits = Number(len);
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      nets.v4.push({ net: (v4 & mask) >>> 0, mask });
    } else {
      const c = parseCidr(text);
      if (c) nets.v6.push(c);
    }
  }
  return nets;
}

/**
 * Whether an address is an IP literal outside every CIDR of its family in the zone. Host names and CIDRs
 * are not judged, nor an address of a family the zone has no CIDR for (a dual-stack zone written in IPv4).
 */
function outsideZone(address: string, nets: ZoneNets): boolean {
  // Hot path: a bare IPv4 address, read once.
  const bare = ipv4ToNumber(address);
  if (bare !== undefined) return inV4Nets(bare, nets) === false;
  if (address.includes('/')) return false;
  const v6 = ipBytes(address);
  if (v6 !== undefined) return nets.v6.length > 0 && !nets.v6.some((c) => cidrContains(c, v6));
  const host = hostOfAddress(address);
  const v4 = ipv4ToNumber(host);
  if (v4 !== undefined) return inV4Nets(v4, nets) === false;
  const bytes = ipBytes(host);
  return bytes !== undefined && nets.v6.length > 0 && !nets.v6.some((c) => cidrContains(c, bytes));
}

/** Whether an IPv4 address lies in one of the zone's IPv4 CIDRs; undefined when the zone has none. */
function inV4Nets(ip: number, nets: ZoneNets): boolean | undefined {
  if (nets.v4.length === 0) return undefined;
  for (const n of nets.v4) if (((ip & n.mask) >>> 0) === n.net) return true;
  return false;
}

/**
 * PL-ADDRESS-OUTSIDE-ZONE: an IP address (not a host name or CIDR) outside every CIDR of the node's
 * zone. Zone-pair rules are written with the zone's CIDRs and host rules with the address, so the two
 * disagree; most often one of them is a typo.
 */
export const addressesInZones: Check = (input) => {
  const { ctx, out } = input;
  const netsOf = new Map<string, ZoneNets>();
  for (const node of ctx.sortedNodes) {
    if (node.zone === undefined || node.addresses.length === 0) continue;
    let nets = netsOf.get(node.zone);
    if (!nets) netsOf.set(node.zone, (nets = zoneNets(ctx.zones.get(node.zone)?.cidrs ?? [])));
    if (nets.v4.length === 0 && nets.v6.length === 0) continue;
    const first = node.addresses[0] as string;
    // Hot path: one address inside the zone.
    if (node.addresses.length === 1 && !outsideZone(first, nets)) continue;
    const outside = node.addresses.filter((a) => outsideZone(a, nets));
    if (outside.length === 0) continue;
    const zone = ctx.zones.get(node.zone);
    out.add({
      code: 'PL-ADDRESS-OUTSIDE-ZONE', subjects: [node.id], nodes: [node.id],
      params: { node: node.name, addresses: outside.join(', '), zone: zone?.name ?? node.zone, cidrs: zone?.cidrs.join(', ') ?? '' },
    });
  }
};

/** The fields besides `addresses` that hold addresses, per node kind (a kind not listed has none). */
const ADDRESS_FIELDS: Partial<Record<PlanNode['kind'], readonly string[]>> = {
  proxy: [
    'publicAddr', 'webListenAddr', 'sshListenAddr', 'sshPublicAddr', 'tunnelListenAddr', 'tunnelPublicAddr', 'kubeListenAddr', 'kubePublicAddr',
    'mysqlListenAddr', 'mysqlPublicAddr', 'postgresListenAddr', 'postgresPublicAddr', 'mongoListenAddr', 'mongoPublicAddr', 'peerListenAddr', 'peerPublicAddr',
  ],
  auth: ['listenAddr', 'publicAddr'],
  agent: ['joinAddr', 'sshListenAddr', 'kubeListenAddr', 'desktopListenAddr'],
  tbot: ['joinAddr'],
  relay: ['transportListenAddr', 'peerListenAddr', 'peerPublicAddr', 'tunnelListenAddr'],
};

/** PL-BAD-IP: a dotted quad that is no IPv4 address (`300.1.1.1`, `10.01.0.1`): Teleport and every tool refuse it. */
export const impossibleAddresses: Check = (input) => {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    for (const text of node.addresses) judgeAddress(out, node, 'addresses', text);
    const more = ADDRESS_FIELDS[node.kind];
    if (more === undefined) continue;
    const fields = node as unknown as Record<string, string | readonly string[] | undefined>;
    for (const field of more) {
      const value = fields[field];
      if (typeof value === 'string') judgeAddress(out, node, field, value);
      else if (value !== undefined) for (const text of value) judgeAddress(out, node, field, text);
    }
  }
};

function judgeAddress(out: CheckInput['out'], node: PlanNode, field: string, text: string): void {
  // Hot path: a valid IPv4 address (with or without a port or prefix) is read once and left.
  const slash = text.indexOf('/');
  if (ipv4ToNumber(slash >= 0 ? text.slice(0, slash) : hostOfAddress(text)) !== undefined) return;
  const problem = dottedQuadProblem(text);
  if (problem !== undefined) out.add({ code: 'PL-BAD-IP', subjects: [node.id, field, text], nodes: [node.id], params: { node: node.name, field, problem } });
}
