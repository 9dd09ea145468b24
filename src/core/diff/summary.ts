/**
 * The change for people: a Markdown summary (for a change request or a pull request) and plain text
 * (for the terminal). Every plan-supplied string is escaped: Markdown cells by the export's
 * `markdownCell`, terminal text by `plainText` (no control characters).
 */
// Direct module imports (not export/index.ts) keep the app's compare panel from pulling in every exporter.
import { markdownCell } from '../export/markdown.ts';
import { portText } from '../export/model.ts';
import { plainText } from '../export/text.ts';
import { nodeLabel } from '../engine/endpoints.ts';
import type { Rule } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import type { PlanDiff } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 rules added, 1 removed, 1 changed; 1 node added; …` (or `no changes`). */
export function diffCounts(d: PlanDiff): string {
  const parts: string[] = [];
  const group = (word: string, added: number, removed: number, changed?: number) => {
    const bits = [added > 0 ? `${added} added` : '', removed > 0 ? `${removed} removed` : '', changed ? `${changed} changed` : ''].filter(Boolean);
    if (bits.length > 0) parts.push(`${plural(added + removed + (changed ?? 0), word)}: ${bits.join(', ')}`);
  };
  group('rule', d.added.length, d.removed.length, d.changed.length);
  group('node', d.nodes.added.length, d.nodes.removed.length, d.nodes.changed.length);
  group('link', d.links.added.length, d.links.removed.length);
  if (d.settings.length > 0) parts.push(`${plural(d.settings.length, 'setting')} changed`);
  return parts.length > 0 ? parts.join('; ') : 'no changes';
}

/** Node names, and the engine's labels for synthetic endpoints (Cloud tenant, ACME CA, kubelet). */
function names(plan: Plan): (id: string) => string {
  const map = new Map(plan.nodes.map((n) => [n.id, n.name]));
  return (id) => map.get(id) ?? nodeLabel(plan, id);
}

function ruleLine(r: Rule, name: (id: string) => string): string {
  return `${r.id}  ${name(r.source)} → ${name(r.destination)}  ${portText(r)}/${r.protocol}  ${r.purposes.join('; ')}`;
}

/** Plain text, one change per line: `+` added, `-` removed, `~` changed. */
export function diffText(d: PlanDiff, oldPlan: Plan, newPlan: Plan): string {
  const o = names(oldPlan);
  const n = names(newPlan);
  const lines = [`${oldPlan.name} → ${newPlan.name}: ${diffCounts(d)}.`];
  for (const r of d.removed) lines.push(`- rule ${ruleLine(r, o)}`);
  for (const r of d.added) lines.push(`+ rule ${ruleLine(r, n)}`);
  for (const c of d.changed) lines.push(`~ rule ${ruleLine(c.after, n)}  (changed: ${c.fields.join(', ')})`);
  for (const x of d.nodes.removed) lines.push(`- node ${x.name} (${x.id}, ${x.kind})`);
  for (const x of d.nodes.added) lines.push(`+ node ${x.name} (${x.id}, ${x.kind})`);
  for (const c of d.nodes.changed) lines.push(`~ node ${c.after.name} (${c.after.id}): ${c.fields.join(', ')}`);
  for (const l of d.links.removed) lines.push(`- link ${l.id}: ${o(l.source)} — ${o(l.target)}`);
  for (const l of d.links.added) lines.push(`+ link ${l.id}: ${n(l.source)} — ${n(l.target)}`);
  for (const s of d.settings) lines.push(`~ ${s.path}: ${s.before ?? '(not set)'} → ${s.after ?? '(not set)'}`);
  return `${lines.map((l) => plainText(l.replace(/[\r\n]+/g, ' '))).join('\n')}\n`;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const RULE_HEADER = ['Rule', 'Source', 'Source address', 'Destination', 'Destination address', 'Port', 'Protocol', 'Purpose'];

function ruleCells(r: Rule, name: (id: string) => string): string[] {
  return [r.id, name(r.source), r.sourceAddress, name(r.destination), r.destinationAddress, portText(r), r.protocol, r.purposes.join('; ')].map(markdownCell);
}

function fieldText(r: Rule, field: string): string {
  const v = (r as unknown as Record<string, unknown>)[field];
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join('; ') : String(v);
}

/** GitHub-flavoured Markdown: counts, then tables of rules to accept, remove and review, then the plan changes. */
export function diffMarkdown(d: PlanDiff, oldPlan: Plan, newPlan: Plan): string {
  const o = names(oldPlan);
  const n = names(newPlan);
  const out = [`# Plan changes: ${markdownCell(oldPlan.name)} → ${markdownCell(newPlan.name)}`, '', `${markdownCell(diffCounts(d))}.`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', `## ${title}`, '', ...lines);
  };
  section('Rules to accept (added)', d.added.length ? table(RULE_HEADER, d.added.map((r) => ruleCells(r, n))) : []);
  section('Rules to remove', d.removed.length ? table(RULE_HEADER, d.removed.map((r) => ruleCells(r, o))) : []);
  section(
    'Rules changed',
    d.changed.length
      ? table(['Rule', 'Field', 'Before', 'After'], d.changed.flatMap((c) => c.fields.map((f) => [c.after.id, f, fieldText(c.before, f), fieldText(c.after, f)].map(markdownCell))))
      : [],
  );
  section('Nodes', [
    ...d.nodes.added.map((x) => `- added: ${markdownCell(x.name)} (${markdownCell(x.id)}, ${x.kind})`),
    ...d.nodes.removed.map((x) => `- removed: ${markdownCell(x.name)} (${markdownCell(x.id)}, ${x.kind})`),
    ...d.nodes.changed.map((c) => `- changed: ${markdownCell(c.after.name)} (${markdownCell(c.after.id)}): ${c.fields.map(markdownCell).join(', ')}`),
  ]);
  section('Links', [
    ...d.links.added.map((l) => `- added: ${markdownCell(n(l.source))} — ${markdownCell(n(l.target))} (${markdownCell(l.id)})`),
    ...d.links.removed.map((l) => `- removed: ${markdownCell(o(l.source))} — ${markdownCell(o(l.target))} (${markdownCell(l.id)})`),
  ]);
  section('Settings', d.settings.length ? table(['Setting', 'Before', 'After'], d.settings.map((s) => [s.path, s.before ?? '(not set)', s.after ?? '(not set)'].map(markdownCell))) : []);
  return `${out.join('\n')}\n`;
}
