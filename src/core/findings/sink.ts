/**
 * Builds findings from the catalog table: fills the message and fix templates, makes the id from
 * the code and the sorted subject ids (`L-P1:proxy-1`), and merges repeats of the same id.
 */
import { findingSpec } from '../catalog/findings.ts';
import type { Autofix, Finding } from '../engine/types.ts';

/** What a check reports. */
export interface FindingInput {
  code: string;
  /** Ids that identify the finding (node, cluster or link ids). */
  subjects: readonly string[];
  params: Readonly<Record<string, string | number>>;
  nodes?: Iterable<string>;
  links?: Iterable<string>;
  /** The fix as plan changes, when it is that simple; a finding reported twice keeps the autofix of its first report. */
  autofix?: Autofix;
  /** Fixes to choose from (design decisions, never applied in bulk); kept from the first report, like `autofix`. */
  choices?: Autofix[];
}

/** Collects findings. */
export interface FindingSink {
  add(input: FindingInput): void;
  finish(): Finding[];
}

/** Fill `{name}` placeholders; unknown placeholders are left as they are. */
export function fillTemplate(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Names with the verb that agrees with them: "LB sends" / "LB and LB 2 send". */
export function withVerb(names: readonly string[], one: string, many: string): string {
  return `${listNames(names)} ${names.length === 1 ? one : many}`;
}

/** The names of named things (nodes, callers), listed as `listNames` does. */
export function namedList(items: readonly { name: string }[]): string {
  return listNames(items.map((n) => n.name));
}

/** Named things with the verb that agrees with them, as `withVerb` does. */
export function namedWithVerb(items: readonly { name: string }[], one: string, many: string): string {
  return withVerb(items.map((n) => n.name), one, many);
}

/** A new finding sink. */
export function createFindingSink(): FindingSink {
  const byId = new Map<string, { f: Finding; nodes: Set<string>; links: Set<string> }>();
  return {
    add(input) {
      const spec = findingSpec(input.code);
      const id = `${spec.code}:${[...new Set(input.subjects)].sort().join('+')}`;
      let d = byId.get(id);
      if (!d) {
        const f: Finding = {
          id, code: spec.code, severity: spec.severity,
          message: fillTemplate(spec.message, input.params), fix: fillTemplate(spec.fix, input.params),
          docs: spec.docs, nodes: [], links: [],
          ...(input.autofix ? { autofix: input.autofix } : {}),
          ...(input.choices && input.choices.length > 0 ? { choices: input.choices } : {}),
        };
        byId.set(id, (d = { f, nodes: new Set(), links: new Set() }));
      }
      for (const n of input.nodes ?? []) d.nodes.add(n);
      for (const l of input.links ?? []) d.links.add(l);
    },
    finish() {
      const out = [...byId.values()].map((d) => ({ ...d.f, nodes: [...d.nodes].sort(), links: [...d.links].sort() }));
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
