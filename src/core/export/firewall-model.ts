/**
 * The host-firewall view shared by the nftables and iptables exports: each rule of a host as
 * "allow this peer (by family) to/from this port", with the comment text both tools store.
 */
import type { Protocol } from '../engine/index.ts';
import { asciiText, truncate } from './escape.ts';
import { parseNetAddress } from './netaddr.ts';
import type { NetAddress } from './netaddr.ts';
import type { Direction, HostEntry } from './views.ts';

/** One host rule, ready for a packet filter. */
export interface HostFilterRule {
  ruleId: string;
  direction: Direction;
  protocol: Protocol;
  port: number;
  portEnd?: number;
  /** The other end's address: source for inbound, destination for outbound. */
  peer: NetAddress;
  peerName: string;
  peerAddress: string;
  purposes: string[];
}

/** The host rules of host entries, in the entries' order. */
export function filterRules(entries: readonly HostEntry[]): HostFilterRule[] {
  return entries.map((e) => {
    const r = e.row.rule;
    const out: HostFilterRule = {
      ruleId: r.id,
      direction: e.direction,
      protocol: r.protocol,
      port: r.port,
      peer: parseNetAddress(e.peer.address),
      peerName: e.peer.name,
      peerAddress: e.peer.address,
      purposes: [...r.purposes],
    };
    if (r.portEnd !== undefined && r.portEnd !== r.port) out.portEnd = r.portEnd;
    return out;
  });
}

/** `<rule id>: <first purpose> (+N more)`, printable ASCII, at most `max` characters. */
export function ruleComment(rule: Pick<HostFilterRule, 'ruleId' | 'purposes'>, max: number): string {
  const [first = '', ...rest] = rule.purposes;
  const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
  return truncate(asciiText(`${rule.ruleId}: ${first}${more}`), max);
}

/** `443` or `3000-3010` (also the nft and iptables syntax: `3000-3010` / `3000:3010`). */
export function portSpec(rule: Pick<HostFilterRule, 'port' | 'portEnd'>, rangeSep: string): string {
  return rule.portEnd === undefined ? String(rule.port) : `${rule.port}${rangeSep}${rule.portEnd}`;
}
