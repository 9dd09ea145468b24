/**
 * The `portolan` command: a thin shell over the core. It reads arguments and files, calls the core
 * (parse → derive → export), and writes text. Anything worth testing without a process lives in core.
 *
 * `bin/portolan.mjs` loads this file through tsx and calls `run`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { EXPORTERS, exporterForView, findExporter, findHost, findingsText, rulesText } from '../core/export/index.ts';
import type { ExportOptions } from '../core/export/index.ts';
import { withAssertionFindings } from '../core/assertions/index.ts';
import { applyAllAutofixes, derive as coreDerive } from '../core/engine/index.ts';
import type { DeriveResult } from '../core/engine/index.ts';
import { planJsonSchema } from '../core/schema/index.ts';
import type { Plan } from '../core/schema/index.ts';
import { CliError, EXIT, oneLine } from './errors.ts';
import { commandHelp, mainHelp } from './help.ts';
import type { CommandName } from './help.ts';
import { diffCommand, traceCommand } from './explain.ts';
import type { ExplainIo } from './explain.ts';
import { loadPlan } from './read-plan.ts';
import type { LoadedPlan } from './read-plan.ts';

/** Everything the CLI touches outside the file system, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  cwd: string;
  /** The engine; tests may pass a stand-in. */
  derive?: (plan: Plan) => DeriveResult;
}

const COMMANDS: readonly CommandName[] = ['rules', 'check', 'fix', 'schema', 'export', 'trace', 'diff'];

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };

const COMMAND_OPTIONS: Record<CommandName, Options> = {
  rules: { ...HELP_OPTION, format: { type: 'string', short: 'f' }, view: { type: 'string' } },
  check: HELP_OPTION,
  fix: { ...HELP_OPTION, output: { type: 'string', short: 'o' } },
  schema: HELP_OPTION,
  export: { ...HELP_OPTION, format: { type: 'string', short: 'f' }, host: { type: 'string' }, output: { type: 'string', short: 'o' } },
  trace: { ...HELP_OPTION, from: { type: 'string' }, to: { type: 'string' }, tool: { type: 'string' }, via: { type: 'string' } },
  diff: { ...HELP_OPTION, format: { type: 'string', short: 'f' } },
};

/** How many PLAN arguments each command takes. */
const POSITIONALS: Record<CommandName, number> = { rules: 1, check: 1, fix: 1, schema: 0, export: 1, trace: 1, diff: 2 };

type Values = Record<string, string | boolean | undefined>;

function parseCommandArgs(command: CommandName, args: string[]): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: COMMAND_OPTIONS[command], allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    // util.parseArgs messages are one sentence, e.g. "Unknown option '--fromat'. …".
    const message = error instanceof Error ? error.message : String(error);
    const short = message.replace(/\. To specify a positional argument.*$/, '');
    throw new CliError(oneLine(`${command}: ${short.charAt(0).toLowerCase()}${short.slice(1)}`), EXIT.usage, command);
  }
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function stringValue(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function planArg(command: CommandName, positionals: string[]): string {
  const expected = POSITIONALS[command];
  if (positionals.length < expected) {
    const what = command === 'diff' ? (positionals.length === 0 ? 'OLD and NEW plans' : 'NEW plan') : 'PLAN';
    throw new CliError(`${command}: missing ${what} (a plan file, or - for standard input)`, EXIT.usage, command);
  }
  if (positionals.length > expected) {
    const extra = positionals.slice(expected).join(' ');
    throw new CliError(`${command}: unexpected argument${positionals.length - expected > 1 ? 's' : ''}: ${extra}`, EXIT.usage, command);
  }
  return positionals[0] ?? '';
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function load(io: CliIo, arg: string): Promise<LoadedPlan> {
  const loaded = await loadPlan(arg, io.cwd, io.readStdin);
  for (const note of loaded.notes) io.stderr(`portolan: ${loaded.label}: note: ${oneLine(note)}\n`);
  return loaded;
}

async function rulesCommand(io: CliIo, values: Values, positionals: string[]): Promise<number> {
  const format = stringValue(values, 'format');
  const view = stringValue(values, 'view');
  if (format !== undefined && format !== 'csv' && format !== 'json' && format !== 'md') {
    throw new CliError(`rules: unknown --format "${format}" (expected csv, json or md; more formats: portolan export --help)`, EXIT.usage, 'rules');
  }
  if (view !== undefined && view !== 'zones' && view !== 'hosts') {
    throw new CliError(`rules: unknown --view "${view}" (expected zones or hosts)`, EXIT.usage, 'rules');
  }
  const exporter = format === undefined ? undefined : exporterForView(format, view);
  if (format !== undefined && !exporter) throw new CliError(`rules: --format ${format} has no --view ${view ?? ''} (see portolan rules --help)`, EXIT.usage, 'rules');
  const { plan } = await load(io, planArg('rules', positionals));
  const result = (io.derive ?? coreDerive)(plan);
  io.stdout(exporter ? exporter.run(plan, result, {}) : rulesText(plan, result, view ?? 'rules'));
  return EXIT.ok;
}

async function checkCommand(io: CliIo, positionals: string[]): Promise<number> {
  const { plan } = await load(io, planArg('check', positionals));
  // Assertions are statements the plan makes about itself: their violations are findings too.
  const result = withAssertionFindings(plan, (io.derive ?? coreDerive)(plan));
  io.stdout(findingsText(plan, result));
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function schemaCommand(io: CliIo, positionals: string[]): number {
  planArg('schema', positionals);
  io.stdout(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

async function exportCommand(io: CliIo, values: Values, positionals: string[]): Promise<number> {
  const format = stringValue(values, 'format');
  const ids = EXPORTERS.map((e) => e.id).join(', ');
  if (format === undefined) throw new CliError(`export: --format is required (one of ${ids})`, EXIT.usage, 'export');
  const exporter = findExporter(format);
  if (!exporter) throw new CliError(`export: unknown format "${format}" (one of ${ids})`, EXIT.usage, 'export');
  const hostArg = stringValue(values, 'host');
  if (hostArg !== undefined && !exporter.acceptsHost) throw new CliError(`export: format ${exporter.id} does not take --host`, EXIT.usage, 'export');
  const { label, plan } = await load(io, planArg('export', positionals));
  const options: ExportOptions = {};
  if (hostArg !== undefined) {
    const host = findHost(plan, hostArg);
    if (!host.ok) throw new CliError(`${label}: --host: ${host.message}`);
    options.host = host.node.id;
  } else if (exporter.perHost) {
    const hosts = plan.nodes.map((n) => n.id).join(', ');
    throw new CliError(`export: format ${exporter.id} is per host: add --host NAME (one of ${hosts})`, EXIT.usage, 'export');
  }
  writeOutput(io, values, exporter.run(plan, (io.derive ?? coreDerive)(plan), options));
  return EXIT.ok;
}

/** `-o FILE` (relative to the working directory), else standard output. */
function writeOutput(io: CliIo, values: Values, text: string): void {
  const output = stringValue(values, 'output');
  if (output === '') throw new CliError('-o needs a file name (or - for standard output)', EXIT.usage);
  if (output === undefined || output === '-') {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'write failed';
    throw new CliError(`${output}: cannot write it (${code})`);
  }
}

/**
 * Apply every one-click fix (the same ones the app's Findings tab offers), write the fixed plan, then
 * name each fix on standard error. A fix that would add an error finding (a violated assertion, say) is
 * skipped and named. Exit 1 when an error finding remains, as `check` does.
 */
async function fixCommand(io: CliIo, values: Values, positionals: string[]): Promise<number> {
  const { label, plan } = await load(io, planArg('fix', positionals));
  const core = io.derive ?? coreDerive;
  // What `check` reports: the engine's findings and the plan's violated assertions.
  const derive = (p: Plan) => withAssertionFindings(p, core(p));
  const { plan: fixed, applied, skipped, capped } = applyAllAutofixes(plan, derive);
  writeOutput(io, values, `${JSON.stringify(fixed, null, 2)}\n`);
  if (applied.length === 0 && skipped.length === 0) io.stderr(`portolan: ${label}: nothing to fix (no finding has a one-click fix)\n`);
  for (const text of applied) io.stderr(`portolan: ${label}: fixed: ${text}\n`);
  for (const s of skipped) io.stderr(`portolan: ${label}: not applied: ${s.label} (${oneLine(s.reason)})\n`);
  if (capped) io.stderr(`portolan: ${label}: more fixes are left: run portolan fix again\n`);
  const left = derive(fixed).findings;
  if (left.length > 0) io.stderr(`portolan: ${label}: ${left.length} finding${left.length === 1 ? '' : 's'} left (portolan check)\n`);
  return left.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function explainIo(io: CliIo): ExplainIo {
  return { stdout: io.stdout, load: (arg) => load(io, arg), derive: io.derive ?? coreDerive };
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // No command: usage goes to stderr, as for any other usage error.
    io.stderr(mainHelp());
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    io.stdout(first === 'help' && rest[0] !== undefined && isCommand(rest[0]) ? commandHelp(rest[0]) : mainHelp());
    return EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    io.stdout(`portolan ${version()}\n`);
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    throw new CliError(`${what} (commands: ${COMMANDS.join(', ')})`, EXIT.usage, '');
  }
  const { values, positionals } = parseCommandArgs(first, rest);
  if (values.help === true) {
    io.stdout(commandHelp(first));
    return EXIT.ok;
  }
  switch (first) {
    case 'rules':
      return rulesCommand(io, values, positionals);
    case 'check':
      return checkCommand(io, positionals);
    case 'fix':
      return fixCommand(io, values, positionals);
    case 'schema':
      return schemaCommand(io, positionals);
    case 'export':
      return exportCommand(io, values, positionals);
    case 'trace':
      return traceCommand(explainIo(io), values, planArg('trace', positionals));
    case 'diff':
      planArg('diff', positionals);
      return diffCommand(explainIo(io), values, positionals[0] ?? '', positionals[1] ?? '');
    default: {
      const never: never = first;
      throw new CliError(`unknown command ${String(never)}`);
    }
  }
}

/** Runs one command; never throws. Returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`portolan: ${error.message}\n`);
      if (error.usageHint !== undefined) io.stderr(`Run 'portolan ${error.usageHint ? `${error.usageHint} ` : ''}--help' for usage.\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`portolan: internal error: ${oneLine(message)} (please report it; set PORTOLAN_DEBUG=1 for details)\n`);
    if (process.env.PORTOLAN_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT.internal;
  }
}

/** Standard input, read up to a cap (a plan is small; a runaway pipe is not a plan). */
async function readStdin(): Promise<Uint8Array> {
  const limit = 4 * 5 * 1024 * 1024 + 1;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    size += buf.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

/** Entry point used by `bin/portolan.mjs`. */
export async function run(argv: string[]): Promise<number> {
  // `portolan rules big.json | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  return main(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin,
    cwd: process.cwd(),
  });
}
