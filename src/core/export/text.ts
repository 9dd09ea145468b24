/**
 * Plain-text tables for a terminal (`portolan rules` and `portolan check` without `--format`).
 * Columns are padded to line up; control characters in plan text are shown as `\xNN` so a node
 * name cannot send escape sequences to the terminal.
 */
import type { DeriveResult, Finding } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { joinList } from './cells.ts';
import { findingsBySeverity, ruleRows } from './model.ts';
import type { RuleRow } from './model.ts';
import { hostEntries, zonePairGroups } from './views.ts';

export type TextView = 'rules' | 'zones' | 'hosts';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Terminal-safe single-line text. */
export function plainText(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function width(text: string): number {
  return [...text].length;
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function alignTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = [header, ...rows].map((r) => r.map(plainText));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd(),
  );
}

function endpointText(name: string, address: string): string {
  return address && address !== name ? `${name} (${address})` : name;
}

function ruleCells(r: RuleRow): string[] {
  return [
    r.rule.id,
    endpointText(r.source.name, r.source.address),
    endpointText(r.destination.name, r.destination.address),
    `${r.port}/${r.rule.protocol}`,
    joinList(r.rule.purposes) + (r.rule.longLived ? ' (long-lived)' : ''),
  ];
}

const RULE_HEADER = ['RULE', 'SOURCE', 'DESTINATION', 'PORT', 'PURPOSE'];

function zoneLabel(name: string): string {
  return name === '' ? '(no zone)' : name;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The rules as text, in one of three views. Always ends with a newline. */
export function rulesText(plan: Plan, result: DeriveResult, view: TextView = 'rules'): string {
  if (result.rules.length === 0) return `No rules: ${plainText(plan.name)} needs no connections (or has nothing linked yet).\n`;
  const lines: string[] = [];
  switch (view) {
    case 'rules':
      lines.push(...alignTable(RULE_HEADER, ruleRows(plan, result).map(ruleCells)));
      break;
    case 'zones':
      for (const g of zonePairGroups(plan, result)) {
        const title = g.sameZone
          ? `Inside ${zoneLabel(g.sourceZoneName)} (same zone: host firewalls only)`
          : `${zoneLabel(g.sourceZoneName)} → ${zoneLabel(g.destinationZoneName)}`;
        if (lines.length > 0) lines.push('');
        lines.push(`${plainText(title)}: ${count(g.rows.length, 'rule')}`, ...alignTable(RULE_HEADER, g.rows.map(ruleCells)).map((l) => `  ${l}`));
      }
      break;
    case 'hosts': {
      const byHost = new Map<string, ReturnType<typeof hostEntries>>();
      for (const e of hostEntries(plan, result)) {
        const list = byHost.get(e.host.id);
        if (list) list.push(e);
        else byHost.set(e.host.id, [e]);
      }
      for (const entries of byHost.values()) {
        const host = entries[0]?.host;
        if (!host) continue;
        if (lines.length > 0) lines.push('');
        lines.push(
          `${plainText(host.name)} [${host.id}]${host.zoneName ? ` in ${plainText(host.zoneName)}` : ''}: ${count(entries.length, 'rule')}`,
          ...alignTable(
            ['DIR', 'PEER', 'PORT', 'PURPOSE', 'RULE'],
            entries.map((e) => [e.direction, endpointText(e.peer.name, e.peer.address), `${e.row.port}/${e.row.rule.protocol}`, joinList(e.row.rule.purposes), e.row.rule.id]),
          ).map((l) => `  ${l}`),
        );
      }
      break;
    }
    default: {
      const never: never = view;
      throw new Error(`unknown view ${String(never)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Counts per severity, e.g. `1 error, 2 warnings, 0 info`. */
export function findingSummary(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${count(n('error'), 'error')}, ${count(n('warning'), 'warning')}, ${n('info')} info`;
}

/** Findings for a person: errors first, each with its fix and docs link, then a summary line. */
export function findingsText(plan: Plan, result: DeriveResult): string {
  const findings = findingsBySeverity(result.findings);
  if (findings.length === 0) return `${plainText(plan.name)}: no findings.\n`;
  const lines: string[] = [];
  for (const f of findings) {
    const subject = f.nodes.length > 0 ? ` [${f.nodes.join(', ')}]` : '';
    lines.push(`${f.severity.padEnd(7)} ${plainText(f.code)}${plainText(subject)}: ${plainText(f.message)}`);
    if (f.fix) lines.push(`        fix: ${plainText(f.fix)}`);
    if (f.autofix) lines.push(`        one-click fix: ${plainText(f.autofix.label)} (portolan fix applies it)`);
    // Design decisions: listed, never applied by portolan fix.
    for (const c of f.choices ?? []) lines.push(`        fix option: ${plainText(c.label)}`);
    if (f.docs) lines.push(`        docs: ${plainText(f.docs)}`);
  }
  lines.push('', `${plainText(plan.name)}: ${findingSummary(findings)}.`);
  return `${lines.join('\n')}\n`;
}
