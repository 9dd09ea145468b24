/**
 * Verification kit (`verify`, per host): a POSIX sh script to run on one host before and after a
 * deployment. One check per outbound rule of the host: `curl …/webapi/ping` when the rule carries
 * a Proxy web connection (join, tbot, tsh, browser), else `nc -vz -w 5 host port`. Each prints
 * `PASS`, `FAIL` or `SKIP` with the rule id; a summary follows; the exit code is the number of
 * failures (at most 125, the largest plain exit status). Inbound rules are listed as comments with
 * the command to run from their source. Every value from the plan is single-quoted (`'` escaped),
 * so a node named `$(reboot)` stays text.
 */
import { joinHostPort, parseHostPort } from '../engine/addr.ts';
import type { DeriveResult, Flow } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { lineComment, oneLine, shellQuote } from './escape.ts';
import { parseNetAddress } from './netaddr.ts';
import { hostRules, hostsWithRules, perHost } from './per-host.ts';
import type { HostEntry } from './views.ts';

/** Flow catalogs that reach the Proxy web API (where `/webapi/ping` answers). */
const WEB_CATALOGS: ReadonlySet<string> = new Set(['agent-join', 'tbot-web', 'client-tsh-web', 'client-browser-web', 'trust-leaf-auth-validate', 'vm-installer']);

/** Exit statuses above 125 mean "not found", "signal" and so on: failures are capped there. */
export const MAX_EXIT = 125;

const PRELUDE = `pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\\n' "$1"
}`;

/** What to dial for a rule: a flow's dial target on the rule's port, else the peer's single address. */
function target(entry: HostEntry, flows: ReadonlyMap<string, Flow>): { host: string; port: number; web: boolean } | undefined {
  const rule = entry.row.rule;
  const ruleFlows = rule.flows.map((id) => flows.get(id)).filter((f): f is Flow => f !== undefined);
  const web = rule.protocol === 'tcp' && ruleFlows.some((f) => WEB_CATALOGS.has(f.catalog));
  for (const f of ruleFlows) {
    const hp = f.dialTarget === undefined ? undefined : parseHostPort(f.dialTarget);
    if (hp && hp.port === rule.port && !hp.host.includes(' ')) return { host: hp.host, port: rule.port, web };
  }
  const net = parseNetAddress(entry.peer.address);
  const single = [...net.v4, ...net.v6, ...net.names];
  if (net.any || single.length !== 1 || (single[0] ?? '').includes('/')) return undefined;
  return { host: single[0] ?? '', port: rule.port, web };
}

function command(t: { host: string; port: number; web: boolean }, protocol: string): string {
  if (t.web) return `curl -sS --max-time 5 -o /dev/null ${shellQuote(`https://${joinHostPort(t.host, t.port)}/webapi/ping`)}`;
  return `nc -vz${protocol === 'udp' ? 'u' : ''} -w 5 ${shellQuote(t.host)} ${t.port}`;
}

function outboundLines(entry: HostEntry, flows: ReadonlyMap<string, Flow>): string[] {
  const rule = entry.row.rule;
  const t = target(entry, flows);
  const what = oneLine(`${rule.id}: ${entry.peer.name} ${entry.row.port}/${rule.protocol}`);
  const notes = [
    lineComment(`${rule.id} to ${entry.peer.name} (${entry.peer.address}): ${rule.purposes.join('; ')}`),
    ...(rule.portEnd !== undefined && rule.portEnd !== rule.port ? [`# Port range ${entry.row.port}: only the first port is checked.`] : []),
  ];
  if (!t) return [...notes, `skip ${shellQuote(`${what} (no single address to dial: ${entry.peer.address})`)}`];
  // A firewall that drops UDP silently looks like success to nc: a PASS would prove nothing.
  if (rule.protocol === 'udp') return [...notes, `skip ${shellQuote(`${what} (UDP: nc cannot tell a delivered datagram from a dropped one)`)}`];
  return [...notes, `check ${shellQuote(`${what} -> ${joinHostPort(t.host, t.port)}`)} ${command(t, rule.protocol)}`];
}

function inboundLines(entry: HostEntry, flows: ReadonlyMap<string, Flow>, hostAddress: string): string[] {
  const rule = entry.row.rule;
  const t = target({ ...entry, peer: { ...entry.host, address: hostAddress } }, flows);
  return [
    lineComment(`${rule.id}: run from ${entry.peer.name} (${entry.peer.address}): ${rule.purposes.join('; ')}`),
    lineComment(t ? command(t, rule.protocol) : `(no single address for this host: ${hostAddress}) port ${entry.row.port}/${rule.protocol}`, '#   '),
  ];
}

function script(plan: Plan, result: DeriveResult, hostId: string): string {
  const host = hostRules(plan, result, hostId);
  if (!host) return `#!/bin/sh\n${lineComment(`No node with id ${hostId} in this plan.`)}\nexit 0\n`;
  const flows = new Map(result.flows.map((f) => [f.id, f]));
  const out = host.outbound.flatMap((e) => outboundLines(e, flows));
  const inbound = host.inbound.flatMap((e) => inboundLines(e, flows, e.row.destination.address));
  return [
    '#!/bin/sh',
    lineComment(`Portolan verification kit for ${host.node.name} (${host.node.id}), plan ${plan.name}.`),
    '# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per',
    `# line, then a summary; the exit code is the number of failures (at most ${MAX_EXIT}). Needs nc and curl.`,
    '',
    PRELUDE,
    '',
    '# Outbound: this host opens these connections.',
    ...(out.length === 0 ? ['# (no outbound rule)'] : out),
    '',
    '# Inbound: this host listens; run each command on the source host named.',
    ...(inbound.length === 0 ? ['# (no inbound rule)'] : inbound),
    '',
    `printf '%s passed, %s failed, %s skipped\\n' "$pass" "$fail" "$skipped"`,
    `[ "$fail" -gt ${MAX_EXIT} ] && fail=${MAX_EXIT}`,
    'exit "$fail"',
    '',
  ].join('\n');
}

/** The verification script of one host (every host with rules, one after another, without `hostId`). */
export function verifyExport(plan: Plan, result: DeriveResult, hostId?: string): string {
  return perHost(hostId, hostsWithRules(plan, result), (id) => script(plan, result, id));
}
