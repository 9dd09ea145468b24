/** Every finding code, by code. */
import { PORTOLAN_FINDINGS } from './findings-portolan.ts';
import { REFERENCE_FINDINGS } from './findings-reference.ts';
import type { FindingSpec } from './findings-types.ts';

/** All finding codes (reference §5 lints first, then Portolan's own). */
export const ALL_FINDINGS: readonly FindingSpec[] = [...REFERENCE_FINDINGS, ...PORTOLAN_FINDINGS];

/** Finding specs by code. */
export const FINDINGS: ReadonlyMap<string, FindingSpec> = new Map(ALL_FINDINGS.map((s) => [s.code, s]));

/** The spec of a code; throws on an unknown code (a catalog bug, caught by tests). */
export function findingSpec(code: string): FindingSpec {
  const s = FINDINGS.get(code);
  if (!s) throw new Error(`unknown finding code "${code}"`);
  return s;
}

export type { FindingSpec } from './findings-types.ts';
