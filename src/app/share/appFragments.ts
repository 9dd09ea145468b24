/**
 * What the part of the address after `#` can mean to Portolan. Kept free of the store and the codec so
 * the crash probe and the start-up check can both use it without loading anything else.
 */
import { isShareFragment } from '../../core/share/prefix.ts';

/** Opens the crash screen on purpose, for its end-to-end test (see `CrashProbe`). */
export const CRASH_TEST_FRAGMENT = 'crash-test';

/** Fragments the app itself uses that are not plans: left alone in the address. */
const APP_FRAGMENTS: readonly string[] = [CRASH_TEST_FRAGMENT];

export type FragmentKind = 'none' | 'app' | 'share' | 'foreign';

/** `fragment` without the `#`: nothing, one of the app's own, a share link (`p1.…`), or something else. */
export function fragmentKind(fragment: string): FragmentKind {
  if (fragment === '') return 'none';
  if (APP_FRAGMENTS.includes(fragment)) return 'app';
  return isShareFragment(fragment) ? 'share' : 'foreign';
}

const SHOWN_CHARS = 40;

/** The message for a fragment that is not a Portolan plan link (`#plan=…`, a link from another tool). */
export function foreignFragmentMessage(fragment: string): string {
  const shown = fragment.length > SHOWN_CHARS ? `${fragment.slice(0, SHOWN_CHARS)}…` : fragment;
  return `This is not a Portolan plan link: the part after “#” (“${shown}”) is not a plan Portolan can read. A plan link ends in #p1.…`;
}
