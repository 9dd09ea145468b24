/**
 * A minimal HCL writer for the Terraform export, laid out exactly as `terraform fmt` would (two-space
 * indent, `=` aligned across consecutive single-line attributes), so `terraform fmt -check` passes.
 */
import { hclString } from './escape.ts';

/** A string, number, null, a raw expression, a one-line list, or a map (object) of attributes. */
export type HclValue = string | number | null | { raw: string } | { list: HclValue[] } | { map: [string, HclValue][]; quoteKeys?: boolean };

/** A nested block (`allow { … }`) inside a block: written after the attributes, each after a blank line. */
export interface HclNestedBlock {
  header: string;
  pairs: readonly [string, HclValue][];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Attribute names stay bare; `quoteKeys` maps always quote their keys (a rule id may look like a keyword). */
function keyText(key: string, quoted: boolean): string {
  return !quoted && IDENT.test(key) ? key : hclString(key);
}

function isMultiLine(v: HclValue): boolean {
  return typeof v === 'object' && v !== null && 'map' in v && v.map.length > 0;
}

function scalar(v: HclValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return hclString(v);
  if ('raw' in v) return v.raw;
  if ('list' in v) return `[${v.list.map(scalar).join(', ')}]`;
  return '{}';
}

/** Attribute lines at `depth`; single-line runs are aligned on `=`. */
function attributes(pairs: readonly [string, HclValue][], depth: number, quoted = false): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) out.push(`${pad}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [key, value] of pairs) {
    const k = keyText(key, quoted);
    if (!isMultiLine(value)) {
      run.push([k, scalar(value)]);
      continue;
    }
    flush();
    const { map, quoteKeys } = value as { map: [string, HclValue][]; quoteKeys?: boolean };
    out.push(`${pad}${k} = {`, ...attributes(map, depth + 1, quoteKeys === true), `${pad}}`);
  }
  flush();
  return out;
}

/** `header {` … `}` followed by a blank line; `nested` blocks come after the attributes. */
export function hclBlock(header: string, pairs: readonly [string, HclValue][], nested: readonly HclNestedBlock[] = []): string {
  const inner = nested.flatMap((b) => ['', `  ${b.header} {`, ...attributes(b.pairs, 2), '  }']);
  return [`${header} {`, ...attributes(pairs, 1), ...inner, '}', ''].join('\n');
}
