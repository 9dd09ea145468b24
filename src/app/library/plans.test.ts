import { expect, test } from 'vitest';
import { relativeTime } from './plans.ts';

const now = Date.UTC(2026, 2, 15, 12);

test.each([
  ['a few seconds ago', now - 20_000, 'just now'],
  ['minutes ago', now - 5 * 60_000, '5 minutes ago'],
  ['hours ago', now - 3 * 3600_000, '3 hours ago'],
  ['yesterday', now - 26 * 3600_000, 'yesterday'],
  ['days ago', now - 4 * 86400_000, '4 days ago'],
])('relativeTime: %s', (_name, at, expected) => {
  expect(relativeTime(at, now)).toBe(expected);
});

test('relativeTime: a week or more ago gives the date', () => {
  expect(relativeTime(now - 30 * 86400_000, now)).toMatch(/^on [A-Z][a-z]{2} \d{1,2}, 2026$/);
});
