/**
 * Where crash copies live in localStorage: the copy of a plan whose save is not confirmed yet (see
 * `session.ts`), and the copies set aside because they cannot be read (listed by `unreadable.ts`).
 * A module of its own that imports nothing, because the library's state and its pure helpers both
 * need these keys.
 */

/** Crash copy of a plan whose save has not been confirmed yet: `{ id, base, at, plan }`. */
export const WORKING_PREFIX = 'portolan.library.working.';

const SUFFIX = '.unreadable';
const SET_ASIDE = new RegExp(`^${WORKING_PREFIX.replace(/\./g, '\\.')}(.+)\\.unreadable(?:\\.\\d+)?$`);

/** The key to set aside unsaved changes of plan `id` under: never one already used, so no earlier copy is overwritten. */
export function setAsideKey(id: string, taken: (key: string) => boolean): string {
  const first = `${WORKING_PREFIX}${id}${SUFFIX}`;
  if (!taken(first)) return first;
  let n = 2;
  while (taken(`${first}.${n}`)) n += 1;
  return `${first}.${n}`;
}

/** The plan id of a set-aside key, or null for any other key (the live crash copy included). */
export function setAsidePlanId(key: string): string | null {
  return SET_ASIDE.exec(key)?.[1] ?? null;
}
