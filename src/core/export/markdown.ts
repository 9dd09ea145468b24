/**
 * Markdown export (`md`): the rules as GitHub-flavoured Markdown tables, one section per zone pair,
 * then the findings. Every cell is escaped so that plan text can neither break the table (`|`, line
 * breaks), nor become markup (backticks, emphasis, links), nor pass raw HTML (`<script>`); cells that
 * start like a spreadsheet formula get a leading `'`, as in the CSV, because tables get pasted.
 */
import type { DeriveResult, Finding } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { joinList, neutraliseFormula } from './cells.ts';
import { findingsBySeverity } from './model.ts';
import type { RuleRow } from './model.ts';
import { zonePairGroups } from './views.ts';
import type { ZonePairGroup } from './views.ts';

/** Markdown punctuation that can start markup inside a table cell (CommonMark §2.4 backslash escapes). */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~#!]/g;

/** Plain text → one safe table cell. */
export function markdownCell(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').trim();
  return neutraliseFormula(oneLine)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** Only plain http(s) URLs become links; anything else is printed as escaped text. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~:/_?#@!$&'*+,;=%-]+$/;

function docsCell(urls: readonly string[]): string {
  return urls
    .map((url, i) => {
      const label = urls.length > 1 ? `docs ${i + 1}` : 'docs';
      return SAFE_URL.test(url) ? `[${label}](${url})` : markdownCell(url);
    })
    .join(', ');
}

function tableLines(header: readonly string[], rows: readonly string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function ruleCells(r: RuleRow): string[] {
  return [
    markdownCell(r.rule.id),
    markdownCell(r.source.name),
    markdownCell(r.source.address),
    markdownCell(r.destination.name),
    markdownCell(r.destination.address),
    markdownCell(r.port),
    markdownCell(r.rule.protocol),
    markdownCell(joinList(r.rule.purposes)) + (r.rule.longLived ? ' (long-lived)' : ''),
    docsCell(r.rule.docs),
  ];
}

const RULE_HEADER = ['Rule', 'Source', 'Source address', 'Destination', 'Destination address', 'Port', 'Protocol', 'Purpose', 'Docs'];

function zoneLabel(name: string): string {
  return name === '' ? '(no zone)' : name;
}

function groupTitle(g: ZonePairGroup): string {
  if (g.sameZone) return `Inside ${markdownCell(zoneLabel(g.sourceZoneName))}`;
  return `${markdownCell(zoneLabel(g.sourceZoneName))} → ${markdownCell(zoneLabel(g.destinationZoneName))}`;
}

function findingCells(f: Finding): string[] {
  return [markdownCell(f.severity), markdownCell(f.code), markdownCell(f.message), markdownCell(f.fix), docsCell(f.docs ? [f.docs] : [])];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The whole Markdown document. */
export function markdownExport(plan: Plan, result: DeriveResult): string {
  const groups = zonePairGroups(plan, result);
  const lines: string[] = [
    `# Firewall rules: ${markdownCell(plan.name)}`,
    '',
    `${plural(result.rules.length, 'rule')} in ${plural(groups.length, 'zone pair')}, ${plural(result.findings.length, 'finding')}. ` +
      'Each rule allows the source to open a connection to the destination port; replies are allowed statefully.',
  ];
  for (const group of groups) {
    lines.push('', `## ${groupTitle(group)}`, '');
    if (group.sameZone) lines.push('Both ends in the same zone: no zone firewall in between, but host firewalls still apply.', '');
    lines.push(...tableLines(RULE_HEADER, group.rows.map(ruleCells)));
  }
  if (groups.length === 0) lines.push('', 'No rules.');
  lines.push('', '## Findings', '');
  if (result.findings.length === 0) lines.push('No findings.');
  else lines.push(...tableLines(['Severity', 'Code', 'Message', 'Fix', 'Docs'], findingsBySeverity(result.findings).map(findingCells)));
  return `${lines.join('\n')}\n`;
}
