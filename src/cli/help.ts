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

Print the plan's findings (errors, warnings, info), each with how to fix it.
Exit status: 0 when no finding is an error, 1 when at least one is, 2 when the plan cannot be read.

${PLAN_NOTE}

Options:
  -h, --help  Show this help.
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
  portolan schema
  portolan export PLAN --format FORMAT [--host NAME] [-o FILE]
  portolan COMMAND --help

Commands:
  rules   Print every firewall rule the plan needs (source, destination, port, purpose).
  check   Print the findings; exit 1 when any is an error.
  schema  Print the JSON Schema of the plan format.
  export  Write the rules in an export format.

${PLAN_NOTE}

Export formats (portolan export --format):
${formatList()}

Options:
  -h, --help     Show this help.
  -V, --version  Print the version.

Exit status: 0 done, 1 check found errors, 2 bad usage or a plan that cannot be read or is not valid.
`;
}
