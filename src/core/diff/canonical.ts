/** Deterministic JSON (object keys sorted), to compare and print values independent of key order. */

/** `value` as JSON with object keys sorted; `undefined` stays undefined. */
export function canonical(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A setting value for people: strings as they are, anything else as canonical JSON. */
export function settingText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : canonical(value);
}

/** Keys whose values differ between two objects (both sides' keys, minus `ignore`), sorted. */
export function changedKeys(a: object, b: object, ignore: ReadonlySet<string> = new Set()): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].filter((k) => !ignore.has(k) && canonical(ra[k]) !== canonical(rb[k])).sort();
}

/** Items by id. */
export function byIdMap<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** Sort by id (locale-independent). */
export function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
