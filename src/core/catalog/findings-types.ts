/** Shape of a finding code in the catalog. */
import type { SourceKey } from './sources.ts';

/** One finding code: severity, words and sources. Messages use `{param}` placeholders. */
export interface FindingSpec {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Short title for lists. */
  title: string;
  /** Message template; names nodes by name through params the check passes. */
  message: string;
  /** How to fix it. */
  fix: string;
  docs: string;
  sources: readonly SourceKey[];
}
