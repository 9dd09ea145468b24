import { describe, expect, test } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { WORKING_PREFIX, setAsideKey, setAsidePlanId } from './crashCopy.ts';
import { byNewest, downloadName, setAsideChanges, shortReason, unreadableRecords } from './unreadable.ts';
import type { StorageLike, Unreadable } from './unreadable.ts';

/** localStorage as a list of entries, in the order `key(i)` gives them. */
function storageOf(entries: Record<string, string>): StorageLike {
  const keys = Object.keys(entries);
  return { length: keys.length, key: (i) => keys[i] ?? null, getItem: (k) => entries[k] ?? null };
}

/** A plan no release reads: a node without a kind. */
const broken = { type: 'portolan-plan', version: 1, name: 'Lab', clusters: [{ id: 'main', name: 'c' }], nodes: [{ id: 'n' }], links: [] };
const tooNew = { ...broken, version: 99 };

describe('set-aside keys', () => {
  test.each([
    ['no earlier copy', [], `${WORKING_PREFIX}p1.unreadable`],
    ['one earlier copy', [`${WORKING_PREFIX}p1.unreadable`], `${WORKING_PREFIX}p1.unreadable.2`],
    ['two earlier copies', [`${WORKING_PREFIX}p1.unreadable`, `${WORKING_PREFIX}p1.unreadable.2`], `${WORKING_PREFIX}p1.unreadable.3`],
    ['only another plan’s copy', [`${WORKING_PREFIX}p2.unreadable`], `${WORKING_PREFIX}p1.unreadable`],
  ])('%s', (_name, taken, expected) => {
    const key = setAsideKey('p1', (k) => taken.includes(k));
    expect(key).toBe(expected);
    expect(setAsidePlanId(key)).toBe('p1');
  });

  test.each([
    [`${WORKING_PREFIX}plan-abc.unreadable`, 'plan-abc'],
    [`${WORKING_PREFIX}plan-abc.unreadable.12`, 'plan-abc'],
    // The live crash copy is never a set-aside one: discarding must not reach it.
    [`${WORKING_PREFIX}plan-abc`, null],
    [`${WORKING_PREFIX}plan-abc.unreadable.x`, null],
    ['portolan.library.last', null],
    ['portolan.plan', null],
    [`other.${WORKING_PREFIX}plan-abc.unreadable`, null],
  ])('%s → %s', (key, id) => {
    expect(setAsidePlanId(key)).toBe(id);
  });
});

describe('setAsideChanges', () => {
  const aside = (copy: unknown) => JSON.stringify(copy);
  test.each<[string, Record<string, string>, Partial<Unreadable>[]]>([
    ['nothing set aside', { 'portolan.library.last': 'p1', [`${WORKING_PREFIX}p1`]: aside({ id: 'p1', base: 1, plan: broken }) }, []],
    [
      'a copy with its plan’s name and time',
      { [`${WORKING_PREFIX}p1.unreadable`]: aside({ id: 'p1', base: 1, at: 1700000000000, plan: broken }) },
      [{ source: 'changes', key: `${WORKING_PREFIX}p1.unreadable`, planId: 'p1', name: 'Lab', at: 1700000000000 }],
    ],
    [
      'a copy from an older release (no time), named by the library',
      { [`${WORKING_PREFIX}p2.unreadable`]: aside({ id: 'p2', base: 1, plan: { ...broken, name: '' } }) },
      [{ planId: 'p2', name: 'Library name', at: null }],
    ],
    ['a copy of a plan gone from the library: its id', { [`${WORKING_PREFIX}p3.unreadable.2`]: aside({ id: 'p3', base: 1, plan: 42 }) }, [{ planId: 'p3', name: 'p3' }]],
    ['text that is not JSON', { [`${WORKING_PREFIX}p1.unreadable`]: '{"id":"p1",' }, [{ name: 'p1', reason: 'The stored text is not JSON.' }]],
    ['a copy this release can read after all', { [`${WORKING_PREFIX}p1.unreadable`]: aside({ id: 'p1', base: 1, plan: examplePlan() }) }, [{ reason: null }]],
  ])('%s', (_name, entries, expected) => {
    const found = setAsideChanges(storageOf(entries), new Map([['p2', 'Library name']]));
    expect(found).toMatchObject(expected);
    // The text is what is stored, byte for byte.
    for (const f of found) expect(f.text).toBe(entries[f.key]);
  });

  test('the reason is the parse door’s message', () => {
    const [newer] = setAsideChanges(storageOf({ [`${WORKING_PREFIX}p1.unreadable`]: aside({ id: 'p1', base: 1, plan: tooNew }) }), new Map());
    // Short enough to be shown whole.
    expect(newer?.reason).toMatch(/^This plan was made by a newer Portolan .* Update Portolan to open it\.$/);
    const [invalid] = setAsideChanges(storageOf({ [`${WORKING_PREFIX}p1.unreadable`]: aside({ id: 'p1', base: 1, plan: broken }) }), new Map());
    expect(invalid?.reason).toMatch(/^The plan is not valid: field nodes\[0\]\.kind: .*…$/);
  });
});

describe('unreadableRecords', () => {
  const good = { id: 'ok', name: 'Fine', updatedAt: 5, plan: examplePlan() };
  test.each<[string, unknown[], Partial<Unreadable>[]]>([
    ['readable records are left out', [good], []],
    ['a damaged plan, named as the library names it', [good, { id: 'bad', name: 'Renamed', updatedAt: 7, plan: broken }], [{ source: 'record', key: 'bad', planId: 'bad', name: 'Renamed', at: 7 }]],
    ['a record without a name: the plan’s name', [{ id: 'bad', plan: tooNew }], [{ name: 'Lab', at: null }]],
    ['a record without a plan: its id', [{ id: 'bad' }], [{ name: 'bad', text: 'null\n' }]],
  ])('%s', (_name, records, expected) => {
    expect(unreadableRecords(records as { id: string }[])).toMatchObject(expected);
  });

  test('the text is the stored plan as JSON, and reads back equal', () => {
    const [found] = unreadableRecords([{ id: 'bad', name: 'Lab', plan: broken }]);
    expect(JSON.parse(found?.text ?? '')).toEqual(broken);
  });
});

test.each([
  ['short', 'The plan is not valid.', 'The plan is not valid.'],
  ['spaces and line breaks folded', 'one\n  two', 'one two'],
  ['cut at 140 characters', 'x'.repeat(200), `${'x'.repeat(139)}…`],
])('shortReason: %s', (_name, message, expected) => {
  expect(shortReason(message)).toBe(expected);
});

test('newest first, those without a time last', () => {
  const entry = (key: string, at: number | null): Unreadable => ({ source: 'changes', key, planId: key, name: key, at, reason: null, text: '' });
  const sorted = [entry('a', null), entry('b', 1), entry('c', 3), entry('d', null), entry('e', 2)].sort(byNewest);
  expect(sorted.map((e) => e.key)).toEqual(['c', 'e', 'b', 'a', 'd']);
});

test.each([
  ['record', 'Corp HA (EU)', 'corp-ha-eu.json'],
  ['changes', 'Corp HA (EU)', 'corp-ha-eu-unsaved-changes.json'],
  ['record', '', 'plan.json'],
] as const)('downloadName: %s of “%s” → %s', (source, name, expected) => {
  expect(downloadName({ source, key: 'k', planId: 'k', name, at: null, reason: null, text: '' })).toBe(expected);
});
