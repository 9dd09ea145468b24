/** The generic row every benchmark returns and `run.ts` prints. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Upper bound for `value` (lower is better). */
  budget: number;
  pass: boolean;
  /** A figure printed for context, with no budget (not counted as PASS or FAIL). */
  info?: boolean;
}
