/**
 * What a rule address means to a packet filter. The engine gives each end of a rule as the node's
 * first address, else its zone's CIDRs (space separated), else `any` (see `Rule.sourceAddress`).
 * Packet filters need IP literals or prefixes: host names are kept apart so that each exporter can
 * say "resolve this" instead of guessing (the planner never resolves names).
 */
import { ipv4ToNumber, ipv6ToGroups } from '../engine/addr.ts';

/** One rule address, split by family. */
export interface NetAddress {
  /** No restriction (`any`). */
  any: boolean;
  /** IPv4 prefixes, canonical (`10.0.1.11/32` is written `10.0.1.11`). */
  v4: string[];
  /** IPv6 prefixes, canonical. */
  v6: string[];
  /** Host names: a packet filter cannot match them. */
  names: string[];
}

function v4Text(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function v6Text(groups: readonly number[]): string {
  // Longest run of zero groups (length ≥ 2) becomes `::` (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Canonical IPv4 prefix with host bits cleared, or undefined. */
function v4Prefix(ip: string, bits: number): string | undefined {
  const n = ipv4ToNumber(ip);
  if (n === undefined || bits < 0 || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const net = v4Text((n & mask) >>> 0);
  return bits === 32 ? net : `${net}/${bits}`;
}

function v6Prefix(ip: string, bits: number): string | undefined {
  const g = ipv6ToGroups(ip);
  if (!g || bits < 0 || bits > 128) return undefined;
  const masked = g.map((x, i) => {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    return keep === 16 ? x : keep === 0 ? 0 : x & ((0xffff << (16 - keep)) & 0xffff);
  });
  const net = v6Text(masked);
  return bits === 128 ? net : `${net}/${bits}`;
}

/** Split a rule address into IPv4, IPv6 and host names. */
export function parseNetAddress(address: string): NetAddress {
  const out: NetAddress = { any: false, v4: [], v6: [], names: [] };
  for (const token of address.split(/\s+/).filter((t) => t !== '')) {
    if (token === 'any') {
      out.any = true;
      continue;
    }
    const [ip = '', len] = token.split('/');
    const bits = len === undefined ? undefined : /^\d{1,3}$/.test(len) ? Number(len) : -1;
    const v4 = v4Prefix(ip, bits ?? 32);
    const v6 = v4 === undefined ? v6Prefix(ip.replace(/^\[|\]$/g, ''), bits ?? 128) : undefined;
    if (v4 !== undefined) out.v4.push(v4);
    else if (v6 !== undefined) out.v6.push(v6);
    else out.names.push(token);
  }
  if (out.v4.length + out.v6.length + out.names.length === 0) out.any = true;
  return out;
}

/** `10.0.1.11` → `10.0.1.11/32`: the prefix form some formats require (AWS, NetworkPolicy, Aerleon). */
export function withPrefixLength(prefix: string): string {
  if (prefix.includes('/')) return prefix;
  return prefix.includes(':') ? `${prefix}/128` : `${prefix}/32`;
}
