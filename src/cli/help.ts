/** Usage texts. The export formats are listed from the core registry, the same list the UI shows. */
import { EXPORTERS } from '../core/export/index.ts';

function formatList(indent = '  '): string {
  const width = Math.max(...EXPORTERS.map((e) => e.id.length));
  return EXPORTERS.map((e) => `${indent}${e.id.padEnd(width)}  ${e.description}${e.perHost ? ' (needs --host)' : ''}`).join('\n');
}

const PLAN_NOTE = 'PLAN is a plan file (.portolan.json), or - to read it from standard input.';

export const COMMAND_HELP = {
  rules: `Usage: portolan rules PLAN [--format csv|json|md] [--view zones|hosts]

Print the firewall rules the plan needs. Without --format: an aligned text table.

${PLAN_NOTE}

Options:
  --format csv|json|md  Print as CSV, JSON or Markdown instead of a text table.
  --view zones|hosts    Group by zone pair (what each zone firewall must allow) or by host
                        (inbound and outbound per host). Text and CSV take both views,
                        Markdown is always grouped by zone pair, JSON takes none.
  -h, --help            Show this help.
`,
  check: `Usage: portolan check PLAN

Print the plan's findings (errors, warnings, info), each with how to fix it, and its one-click
fix when it has one (portolan fix applies those). A fix that is a design decision (turn TLS
termination off, or re-encrypt) is listed as fix options, which portolan fix leaves to you.
The plan's assertions ("nothing inbound to zone Private", "only 443 from Internet") are checked
too: a violated assertion is an error (PL-ASSERT) naming the rules that break it.
Exit status: 0 when no finding is an error, 1 when at least one is, 2 when the plan cannot be read.

${PLAN_NOTE}

Options:
  -h, --help  Show this help.
`,
  fix: `Usage: portolan fix PLAN [-o FILE]

Apply every one-click fix (the fixes that are a field value, such as a missing port or a
proxy_protocol setting: the ones the app's Findings tab applies) and write the fixed plan, to
standard output or to FILE, in full (defaults included), as the app saves it. Then each fix is named
on standard error, with the fixes left out because they would add an error (a violated assertion,
say), and how many findings are left. Fix options (design decisions, which portolan check lists)
are never applied.
Exit status: 0 when no error finding is left, 1 when one is, 2 when the plan cannot be read or
FILE cannot be written.

${PLAN_NOTE}

Options:
  -o, --output FILE  Write the fixed plan to FILE instead of standard output.
  -h, --help         Show this help.
`,
  schema: `Usage: portolan schema

Print the JSON Schema (draft 2020-12) of the plan format, for editors and validators.

Options:
  -h, --help  Show this help.
`,
  export: () => `Usage: portolan export PLAN --format FORMAT [--host NAME] [-o FILE]

Write the plan's rules in an export format, to standard output or to FILE.

${PLAN_NOTE}

Formats:
${formatList()}

Options:
  -f, --format FORMAT  One of the formats above (required).
  --host NAME          Node id or name, for per-host formats (csv-hosts: limit to that host).
  -o, --output FILE    Write to FILE instead of standard output.
  -h, --help           Show this help.
`,
  trace: `Usage: portolan trace PLAN --from NODE --to NODE [--tool TOOL] [--via proxy|relay]

Print the access path from a client (or a tbot) to a target, one hop per line with the rule that
permits it: client → (load balancer) → Proxy → (reverse tunnel) → agent → resource. A hop over a
reverse tunnel carries traffic from the Proxy to the agent, but its rule goes from the agent (which
opened the tunnel) to the Proxy. When a hop is missing, the last line names the missing link or
setting. Exit status: 0 when the path is complete, 1 when it is not, 2 on bad usage.

${PLAN_NOTE}
NODE is a node id or a node's exact name.

Options:
  --from NODE  The client (users) or tbot node the path starts at.
  --to NODE    The target: an SSH agent or OpenSSH host, a Kubernetes API, a database, an app,
               a Windows host, or a Proxy / its load balancer.
  --tool TOOL  tsh, kubectl, database, browser, rdp or tbot. Default: from the target's kind
               (SSH host: tsh, Kubernetes: kubectl, database: database, app: browser,
               Windows: rdp; from a tbot: tbot).
  --via relay  Trace the SSH leg through a Relay Service (tsh --relay): transport to the relay
               (or its load balancer), then the agent's relay tunnel. Default: proxy.
  -h, --help   Show this help.
`,
  diff: `Usage: portolan diff OLD NEW [--format text|csv|md]

Compare two plans: the firewall rules added, removed and changed (by their stable rule ids), then
the nodes, links and settings that changed. Moving things on the canvas is no change.

OLD and NEW are plan files (.portolan.json); one of them may be - to read it from standard input.

Options:
  -f, --format text|csv|md  text (default): one change per line (+ added, - removed, ~ changed).
                            csv: a change ticket, one Accept or Remove row per rule (rule id,
                            source, destination, port, protocol, purpose).
                            md: a Markdown summary for a change request.
  -h, --help                Show this help.
`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export function commandHelp(command: CommandName): string {
  const help = COMMAND_HELP[command];
  return typeof help === 'function' ? help() : help;
}

export function mainHelp(): string {
  return `portolan: the network a Teleport cluster needs, from a plan file.

Usage:
  portolan rules PLAN [--format csv|json|md] [--view zones|hosts]
  portolan check PLAN
  portolan fix PLAN [-o FILE]
  portolan schema
  portolan export PLAN --format FORMAT [--host NAME] [-o FILE]
  portolan trace PLAN --from NODE --to NODE [--tool TOOL]
  portolan diff OLD NEW [--format text|csv|md]
  portolan COMMAND --help

Commands:
  rules   Print every firewall rule the plan needs (source, destination, port, purpose).
  check   Print the findings and violated assertions; exit 1 when any is an error.
  fix     Apply every one-click fix and write the fixed plan.
  schema  Print the JSON Schema of the plan format.
  export  Write the rules in an export format.
  trace   Print an access path hop by hop, each hop with its rule; exit 1 when incomplete.
  diff    Compare two plans: rules added, removed and changed (text, change-ticket CSV, Markdown).

${PLAN_NOTE}

Export formats (portolan export --format):
${formatList()}

Options:
  -h, --help     Show this help.
  -V, --version  Print the version.

Exit status: 0 done, 1 check or fix found (or left) errors or trace found no complete path, 2 bad usage or a plan that cannot be read or is not valid.
`;
}
