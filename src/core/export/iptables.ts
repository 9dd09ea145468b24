/**
 * iptables-restore files for one host (`iptables` for IPv4, `ip6tables` for IPv6; per host):
 * `*filter` with INPUT and OUTPUT accept rules, each `-m comment --comment "<rule id>: <purpose>"`,
 * then `COMMIT`. IPv6 peers go to the `ip6tables` file (iptables-restore rejects IPv6 addresses);
 * a rule whose peer is `any` appears in both. Host names are not resolved: such a rule is written
 * commented out under a `# resolve:` note (iptables would resolve the name once, at load time).
 *
 * Like the nftables export, the built-in chains keep policy ACCEPT (no lock-out) and accept
 * established/related traffic and loopback first; the header says to set DROP afterwards.
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { lineComment } from './escape.ts';
import { filterRules, portSpec, ruleComment } from './firewall-model.ts';
import type { HostFilterRule } from './firewall-model.ts';
import { hostRules, hostsWithRules, perHost } from './per-host.ts';

/** xt_comment stores at most 256 bytes. */
export const IPTABLES_COMMENT_MAX = 255;

export type IpFamily = 4 | 6;

function ruleLines(rule: HostFilterRule, family: IpFamily): string[] {
  const chain = rule.direction === 'in' ? 'INPUT' : 'OUTPUT';
  const flag = rule.direction === 'in' ? '-s' : '-d';
  const tail = `-p ${rule.protocol} -m ${rule.protocol} --dport ${portSpec(rule, ':')} -m comment --comment "${ruleComment(rule, IPTABLES_COMMENT_MAX)}" -j ACCEPT`;
  const addresses = family === 4 ? rule.peer.v4 : rule.peer.v6;
  const lines: string[] = [];
  if (rule.peer.any) lines.push(`-A ${chain} ${tail}`);
  if (addresses.length > 0) lines.push(`-A ${chain} ${flag} ${addresses.join(',')} ${tail}`);
  for (const name of rule.peer.names) {
    lines.push(lineComment(`resolve: ${name} is a host name; put its IPv${family} addresses in place of it and uncomment:`));
    lines.push(lineComment(`-A ${chain} ${flag} ${name} ${tail}`, '# '));
  }
  if (lines.length === 0) return [];
  const peer = `${rule.direction === 'in' ? 'from' : 'to'} ${rule.peerName} (${rule.peerAddress})`;
  return [lineComment(`${rule.ruleId} ${peer}: ${rule.purposes.join('; ')}`), ...lines];
}

function hostFile(plan: Plan, result: DeriveResult, hostId: string, family: IpFamily): string {
  const host = hostRules(plan, result, hostId);
  if (!host) return `${lineComment(`No node with id ${hostId} in this plan.`)}\n`;
  const rules = [...filterRules(host.inbound), ...filterRules(host.outbound)];
  const body = rules.flatMap((r) => ruleLines(r, family));
  const tool = family === 4 ? 'iptables-restore' : 'ip6tables-restore';
  return [
    lineComment(`Portolan: ${family === 4 ? 'IPv4 iptables' : 'IPv6 ip6tables'} rules for host ${host.node.name} (${host.node.id}) in plan ${plan.name}.`),
    `# Load with: ${tool} --noflush < <this file>   (check first with ${tool} --test).`,
    '# Allow rules only: INPUT and OUTPUT keep policy ACCEPT, so loading this cannot lock you out.',
    '# Once your own management access (SSH, monitoring, DNS, NTP) is allowed, set the policies to DROP.',
    family === 4 ? '# IPv6 peers are in the ip6tables export of the same host.' : '# IPv4 peers are in the iptables export of the same host.',
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    '-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '-A INPUT -i lo -j ACCEPT',
    '-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '-A OUTPUT -o lo -j ACCEPT',
    ...(body.length === 0 ? [`# no IPv${family} rule for this host`] : body),
    'COMMIT',
    '',
  ].join('\n');
}

/** The iptables-restore (IPv4) or ip6tables-restore (IPv6) file for one host, or every host. */
export function iptablesExport(plan: Plan, result: DeriveResult, family: IpFamily, hostId?: string): string {
  return perHost(hostId, hostsWithRules(plan, result), (id) => hostFile(plan, result, id, family));
}
