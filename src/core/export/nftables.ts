/**
 * nftables ruleset for one host (`nftables`, per host): `table inet portolan` with an input and an
 * output chain holding one accept rule per Portolan rule that touches the host.
 *
 * Policy: the chains keep `policy accept` and accept established/related traffic and loopback, so
 * loading the file never locks anyone out; the header tells the admin to switch to `policy drop`
 * once their own management access (SSH, monitoring) is in the file. Host names cannot be matched by
 * nft (it needs IPs): each becomes an empty named set `resolve_…` with a `# resolve:` note, so the
 * rule exists and matches nothing until the admin adds the name's addresses.
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { lineComment, slug } from './escape.ts';
import { filterRules, portSpec, ruleComment } from './firewall-model.ts';
import type { HostFilterRule } from './firewall-model.ts';
import { hostRules, hostsWithRules, perHost } from './per-host.ts';

/** nft stores at most 128 bytes of comment (NFTNL_UDATA_COMMENT_MAXLEN). */
export const NFT_COMMENT_MAX = 127;

/** Deterministic, unique set names for host names (`resolve_<slug>`, at most 31 characters). */
function setNames(rules: readonly HostFilterRule[]): Map<string, string> {
  const names = [...new Set(rules.flatMap((r) => r.peer.names))].sort();
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    const base = `resolve_${slug(name, '_') || 'host'}`.slice(0, 28);
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
    used.add(candidate);
    out.set(name, candidate);
  }
  return out;
}

function ruleLines(rule: HostFilterRule, sets: Map<string, string>): string[] {
  const dir = rule.direction === 'in' ? 'saddr' : 'daddr';
  const tail = `${rule.protocol} dport ${portSpec(rule, '-')} accept comment "${ruleComment(rule, NFT_COMMENT_MAX)}"`;
  const list = (items: string[]) => (items.length === 1 ? (items[0] ?? '') : `{ ${items.join(', ')} }`);
  const matches: string[] = [];
  if (rule.peer.any) matches.push('');
  if (rule.peer.v4.length > 0) matches.push(`ip ${dir} ${list(rule.peer.v4)} `);
  if (rule.peer.v6.length > 0) matches.push(`ip6 ${dir} ${list(rule.peer.v6)} `);
  for (const name of rule.peer.names) matches.push(`ip ${dir} @${sets.get(name) ?? ''} `);
  const peer = `${rule.direction === 'in' ? 'from' : 'to'} ${rule.peerName} (${rule.peerAddress})`;
  return [
    lineComment(`${rule.ruleId} ${peer}: ${rule.purposes.join('; ')}`, '\t\t# '),
    ...matches.map((m) => `\t\t${m}${tail}`),
  ];
}

function chain(name: 'input' | 'output', rules: readonly HostFilterRule[], sets: Map<string, string>): string[] {
  const lo = name === 'input' ? 'iifname "lo" accept' : 'oifname "lo" accept';
  return [
    `\tchain ${name} {`,
    `\t\ttype filter hook ${name} priority filter; policy accept;`,
    '\t\tct state established,related accept',
    `\t\t${lo}`,
    ...(rules.length === 0 ? [`\t\t# no ${name === 'input' ? 'inbound' : 'outbound'} rule for this host`] : rules.flatMap((r) => ruleLines(r, sets))),
    '\t}',
  ];
}

/** The nftables file for one host (every host with rules, one after another, without `host`). */
export function nftablesExport(plan: Plan, result: DeriveResult, hostId?: string): string {
  return perHost(hostId, hostsWithRules(plan, result), (id) => nftablesHost(plan, result, id));
}

function nftablesHost(plan: Plan, result: DeriveResult, hostId: string): string {
  const host = hostRules(plan, result, hostId);
  if (!host) return `${lineComment(`No node with id ${hostId} in this plan.`)}\n`;
  const inbound = filterRules(host.inbound);
  const outbound = filterRules(host.outbound);
  const sets = setNames([...inbound, ...outbound]);
  const setLines = [...sets].flatMap(([name, set]) => [
    lineComment(`resolve: ${name} is a host name and nft needs IP addresses. Add them with:`, '\t# '),
    lineComment(`nft add element inet portolan ${set} '{ 192.0.2.10 }'   (and an ip6 rule if it has IPv6)`, '\t#   '),
    `\tset ${set} {`,
    '\t\ttype ipv4_addr',
    '\t\tflags interval',
    '\t}',
  ]);
  return [
    '#!/usr/sbin/nft -f',
    lineComment(`Portolan: nftables rules for host ${host.node.name} (${host.node.id}) in plan ${plan.name}.`),
    '# Allow rules only: both chains keep "policy accept", so loading this file cannot lock you out.',
    '# Once your own management access (SSH, monitoring, DNS, NTP) is allowed here, change both',
    '# chains to "policy drop". Rules are stateful: replies ride "ct state established,related".',
    '# Load with: nft -f <this file> (it replaces only the table inet portolan).',
    '',
    'table inet portolan',
    'delete table inet portolan',
    '',
    'table inet portolan {',
    ...setLines,
    ...chain('input', inbound, sets),
    ...chain('output', outbound, sets),
    '}',
    '',
  ].join('\n');
}
