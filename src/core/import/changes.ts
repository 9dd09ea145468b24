/** What an import would change, listed for the preview the user confirms. */
export interface PlanChange {
  /** Where, by id: `clusters[main].proxyListenerMode`, `nodes[proxy-1].publicAddr`, `nodes[proxy-2]`. */
  path: string;
  /** The value before, as shown to a person (`(not set)` when absent). */
  before: string;
  after: string;
  /** Plain words: what changes and which input field caused it. */
  description: string;
}

/** A value as the preview shows it. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(not set)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => showValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Collects changes, skipping the ones that change nothing. */
export class ChangeList {
  readonly items: PlanChange[] = [];

  /** Record `before → after` at `path` unless both show the same. Returns whether it was a change. */
  record(path: string, before: unknown, after: unknown, description: string): boolean {
    const b = showValue(before);
    const a = showValue(after);
    if (a === b) return false;
    this.items.push({ path, before: b, after: a, description });
    return true;
  }
}
