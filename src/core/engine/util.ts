/**
 * Small allocation-light helpers for the hot paths. `Array.prototype.sort` allocates work arrays on
 * every call (about 1 KB); sorting tens of thousands of 1–5 element arrays that way dominated GC,
 * so small arrays use an insertion sort.
 */

const SMALL = 24;

function insertionSort<T>(xs: T[], less: (a: T, b: T) => boolean): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as T;
    let j = i - 1;
    while (j >= 0 && less(x, xs[j] as T)) {
      xs[j + 1] = xs[j] as T;
      j--;
    }
    xs[j + 1] = x;
  }
}

const lessString = (a: string, b: string) => a < b;

/** Sort strings in place in code-unit order. */
export function sortStrings(xs: string[]): string[] {
  if (xs.length <= SMALL) insertionSort(xs, lessString);
  else xs.sort();
  return xs;
}

/** Sort and dedupe an array the caller owns, in place; returns it. */
export function uniqSortInPlace(xs: string[]): string[] {
  if (xs.length <= 1) return xs;
  sortStrings(xs);
  let w = 1;
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[w - 1]) xs[w++] = xs[i] as string;
  xs.length = w;
  return xs;
}

/** Sorted copy without duplicates. */
export function uniqSorted(xs: readonly string[]): string[] {
  return uniqSortInPlace(xs.slice());
}

/** Code-unit comparison of ids. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id === b.id ? 0 : 1;
}

const lessId = (a: { id: string }, b: { id: string }) => a.id < b.id;

/** Sort objects by id in place. */
export function sortById<T extends { id: string }>(xs: T[]): T[] {
  if (xs.length <= SMALL) insertionSort(xs, lessId);
  else xs.sort(byId);
  return xs;
}

/** Ids known to be unique: one string comparison per step. */
const byUniqueId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : 1);

/** Sort objects whose ids are all different by id, in place. */
export function sortByUniqueId<T extends { id: string }>(xs: T[]): T[] {
  if (xs.length <= SMALL) insertionSort(xs, lessId);
  else xs.sort(byUniqueId);
  return xs;
}

/**
 * A map value that is one item or a list. Most keys (a node's links, a link's flows) hold one or two
 * items: one is stored bare and two as an exact pair, so lists are rarely made or grown.
 */
export type Bag<T> = T | T[];

/** Add `value` under `key`; returns how many items the key now holds. */
export function addToBag<K, T>(map: Map<K, Bag<T>>, key: K, value: T): number {
  const seen = map.get(key);
  if (seen === undefined) {
    map.set(key, value);
    return 1;
  }
  if (!Array.isArray(seen)) {
    map.set(key, [seen, value]);
    return 2;
  }
  seen.push(value);
  return seen.length;
}

const NOTHING: readonly never[] = [];

/** The items under a key, as a list. */
export function bagItems<T>(bag: Bag<T> | undefined): readonly T[] {
  return bag === undefined ? NOTHING : Array.isArray(bag) ? bag : [bag];
}

