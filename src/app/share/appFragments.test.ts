import { describe, expect, it } from 'vitest';
import { CRASH_TEST_FRAGMENT, foreignFragmentMessage, fragmentKind } from './appFragments.ts';

describe('fragmentKind', () => {
  it.each([
    ['', 'none'],
    [CRASH_TEST_FRAGMENT, 'app'],
    ['p1.eJxLTEoGAAJNASc', 'share'],
    ['p9.anything', 'share'], // a newer link format: the codec says "made by a newer Portolan"
    ['plan=garbage', 'foreign'],
    ['garbage', 'foreign'],
    ['p1', 'foreign'],
  ])('%j is %s', (fragment, kind) => expect(fragmentKind(fragment)).toBe(kind));
});

describe('foreignFragmentMessage', () => {
  it('says it is not a Portolan plan link and quotes the fragment', () => {
    expect(foreignFragmentMessage('plan=garbage')).toMatch(/^This is not a Portolan plan link: .*“plan=garbage”/);
  });

  it('shortens a long fragment', () => {
    const message = foreignFragmentMessage('x'.repeat(5000));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('x…');
  });
});
