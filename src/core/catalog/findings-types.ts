/** Shape of a finding code in the catalog. */
import type { SourceKey } from './sources.ts';

/** One finding code: severity, words and sources. Messages use `{param}` placeholders; titles are in findings-titles.ts. */
export interface FindingSpec {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Message template; names nodes by name through params the check passes. */
  message: string;
  /** How to fix it. */
  fix: string;
  docs: string;
  sources: readonly SourceKey[];
}
