/**
 * Test helpers for the Terraform exports (AWS, GCP, Azure): whether terraform is installed, an HCL
 * structure check, a reader for the `locals` maps the exports write, and the `terraform fmt -check` run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runExport } from './plans.ts';
import type { Case } from './plans.ts';
import { hasTool } from './tools.ts';

export { TOOL_TIMEOUT } from './tools.ts';

export const HAS_TERRAFORM = hasTool('terraform', ['version']);

/** Strip strings and comments, then check that braces balance (a minimal HCL structure check). */
export function balanced(text: string): boolean {
  const code = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/^\s*#.*$/gm, '');
  let depth = 0;
  for (const ch of code) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** An attribute value of an entry: `null`, a quoted string (unescaped), a raw expression or number, or a list of those. */
export type Value = null | string | Value[];

/** Entries of a `locals` map: key → attribute → value. */
export type Entries = Map<string, Map<string, Value>>;

export function value(text: string): Value {
  if (text === 'null') return null;
  if (text.startsWith('[')) return [...text.slice(1, -1).matchAll(/"(?:[^"\\]|\\.)*"|[^,\s]+/g)].map((m) => value(m[0]));
  if (text.startsWith('"')) return JSON.parse(text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) as string;
  return text;
}

/** The entries of `name = {` in locals (each key once). */
export function entries(text: string, name: string): Entries {
  if (new RegExp(`^ {2}${name} += \\{\\}$`, 'm').test(text)) return new Map();
  const start = text.indexOf(`  ${name} = {\n`);
  expect(start, name).toBeGreaterThan(0);
  const body = text.slice(start, text.indexOf('\n  }\n', start));
  const out: Entries = new Map();
  for (const m of body.matchAll(/^ {4}"((?:[^"\\]|\\.)*)" = \{\n([\s\S]*?)^ {4}\}$/gm)) {
    const key = value(`"${m[1] ?? ''}"`) as string;
    expect(out.has(key), `duplicate key ${key}`).toBe(false);
    out.set(key, new Map([...(m[2] ?? '').matchAll(/^ {6}([a-z_]+) += (.*)$/gm)].map((a) => [a[1] ?? '', value(a[2] ?? '')])));
  }
  return out;
}

/** A list value's items (nothing for `null`). */
export const list = (v: Value | undefined): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** `terraform fmt -check` on the export of every case: exit 0 = parses and is canonically formatted. */
export function expectTerraformFormatted(format: string, cases: readonly Case[]): void {
  const dir = mkdtempSync(join(tmpdir(), `portolan-${format}-`));
  for (const [i, c] of cases.entries()) {
    const file = join(dir, `case${i}.tf`);
    writeFileSync(file, runExport(format, c));
    // Exit 3 = would reformat; 2 = syntax error.
    expect(() => execFileSync('terraform', ['fmt', '-check', '-diff', file], { stdio: 'pipe' }), c.name).not.toThrow();
  }
}
