/**
 * `portolan trace` and `portolan diff`: thin shells over `core/trace` and `core/diff`. They read the
 * plan(s) through the same door as every command (`load`, passed in by main.ts) and print text.
 */
import { CLOUD_TENANT_PREFIX } from '../core/catalog/index.ts';
import { nodeLabel } from '../core/engine/index.ts';
import type { DeriveResult } from '../core/engine/index.ts';
import { diffMarkdown, diffPlans, diffText, ticketCsv } from '../core/diff/index.ts';
import { alignTable, findHost, plainText } from '../core/export/index.ts';
import type { Plan } from '../core/schema/index.ts';
import { traceAccess } from '../core/trace/index.ts';
import type { AccessTool, Trace } from '../core/trace/index.ts';
import { CliError, EXIT } from './errors.ts';
import type { LoadedPlan } from './read-plan.ts';

/** What the commands need from main.ts. */
export interface ExplainIo {
  stdout(text: string): void;
  load(arg: string): Promise<LoadedPlan>;
  derive(plan: Plan): DeriveResult;
}

type Values = Record<string, string | boolean | undefined>;

const TOOLS: readonly AccessTool[] = ['tsh', 'kubectl', 'database', 'browser', 'rdp', 'tbot'];

function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function nodeArg(plan: Plan, label: string, option: string, value: string | undefined): string {
  if (value === undefined) throw new CliError(`trace: --${option} NODE is required (a node id or its exact name)`, EXIT.usage, 'trace');
  if (value.startsWith(CLOUD_TENANT_PREFIX)) return value;
  const found = findHost(plan, value);
  if (!found.ok) throw new CliError(`${label}: --${option}: ${found.message}`);
  return found.node.id;
}

/** The trace as text: a header, one aligned line per hop with its rule id, then the verdict. */
export function traceText(plan: Plan, t: Trace): string {
  const name = (id: string) => nodeLabel(plan, id);
  const lines = [`${name(t.from)} → ${name(t.to)} with ${t.tool}:`];
  if (t.hops.length > 0) {
    const rows = t.hops.map((h, i) => [
      String(i + 1), name(h.from), name(h.to), `${h.port}/${h.protocol}`, h.rule ?? '(no rule)',
      h.reverse ? `reverse tunnel opened by ${name(h.opener ?? h.to)}: the rule goes ${name(h.to)} → ${name(h.from)}` : '',
    ]);
    lines.push(...alignTable(['HOP', 'FROM', 'TO', 'PORT', 'RULE', 'NOTE'], rows).map((l) => `  ${l.trimEnd()}`));
  }
  if (t.ok) lines.push(`Complete: ${t.hops.length} hop${t.hops.length === 1 ? '' : 's'}.`);
  else {
    lines.push(`Incomplete: ${plainText(t.missing?.message ?? 'no path')}.`);
    if (t.missing?.setting !== undefined) lines.push(`Setting: ${plainText(t.missing.setting)}`);
  }
  return `${lines.map((l) => plainText(l)).join('\n')}\n`;
}

/** `portolan trace PLAN --from NODE --to NODE [--tool T] [--via proxy|relay]`: exit 1 when the path is incomplete. */
export async function traceCommand(io: ExplainIo, values: Values, planArg: string): Promise<number> {
  const tool = text(values, 'tool');
  if (tool !== undefined && !(TOOLS as readonly string[]).includes(tool)) {
    throw new CliError(`trace: unknown --tool "${tool}" (expected ${TOOLS.join(', ')})`, EXIT.usage, 'trace');
  }
  if (text(values, 'from') === undefined || text(values, 'to') === undefined) {
    throw new CliError(`trace: --from NODE and --to NODE are required (node ids or exact names)`, EXIT.usage, 'trace');
  }
  const via = text(values, 'via') ?? 'proxy';
  if (via !== 'proxy' && via !== 'relay') throw new CliError(`trace: unknown --via "${via}" (expected proxy or relay)`, EXIT.usage, 'trace');
  const { label, plan } = await io.load(planArg);
  const from = nodeArg(plan, label, 'from', text(values, 'from'));
  const to = nodeArg(plan, label, 'to', text(values, 'to'));
  const t = traceAccess(plan, io.derive(plan), from, to, { ...(tool === undefined ? {} : { tool: tool as AccessTool }), ...(via === 'relay' ? { via } : {}) });
  io.stdout(traceText(plan, t));
  return t.ok ? EXIT.ok : EXIT.findings;
}

/** `portolan diff OLD NEW [--format text|csv|md]`. */
export async function diffCommand(io: ExplainIo, values: Values, oldArg: string, newArg: string): Promise<number> {
  const format = text(values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'csv' && format !== 'md') throw new CliError(`diff: unknown --format "${format}" (expected text, csv or md)`, EXIT.usage, 'diff');
  if (oldArg === '-' && newArg === '-') throw new CliError('diff: only one of OLD and NEW can be - (standard input)', EXIT.usage, 'diff');
  const before = await io.load(oldArg);
  const after = await io.load(newArg);
  const d = diffPlans(before.plan, after.plan, { derive: io.derive });
  const out = format === 'csv' ? ticketCsv(d, before.plan, after.plan) : format === 'md' ? diffMarkdown(d, before.plan, after.plan) : diffText(d, before.plan, after.plan);
  io.stdout(out);
  return EXIT.ok;
}
