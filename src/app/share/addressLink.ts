/** Opening a share link: watches the address for a plan fragment. Kept apart from the encoder so start-up stays light. */
import { foreignFragmentMessage, fragmentKind } from './appFragments.ts';
import { useAppStore } from '../store/index.ts';
import { receive } from './incoming.ts';
import type * as Codec from '../../core/share/codec.ts';

let decoder: Promise<typeof Codec> | undefined;

/**
 * The share-link decoder (and fflate), loaded once. `main.tsx` starts loading it before the first render
 * when the address carries a plan, so that it arrives while the app starts instead of after.
 */
export function loadDecoder(): Promise<typeof Codec> {
  // A failed load is not kept: the next attempt (a reload, another link) fetches the code again.
  decoder ??= import('../../core/share/codec.ts').catch((e: unknown) => {
    decoder = undefined;
    throw e;
  });
  return decoder;
}

/** Start loading the decoder if the address carries a plan. */
export function preloadDecoderForAddress(): void {
  // A failure here is reported when the link is taken from the address (which tries again).
  if (fragmentKind(location.hash.slice(1)) === 'share') loadDecoder().catch(() => undefined);
}

/**
 * If the address carries a fragment that is not one of the app's own, take it off the address (so a
 * reload does not ask again) and hand it to the parse door; one Portolan cannot read at all (`#plan=…`)
 * is refused with the same dialog as a damaged link, and the open plan stays. Called on start and on
 * `hashchange`.
 */
export function takeLinkFromAddress(): void {
  const fragment = location.hash.slice(1);
  const kind = fragmentKind(fragment);
  if (kind === 'none' || kind === 'app') return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (kind === 'foreign') {
    void receive({ ok: false, error: { kind: 'not-a-plan', message: foreignFragmentMessage(fragment), issues: [] } }, { kind: 'link' });
    return;
  }
  // The decoder (and fflate) loads only when an address actually carries a plan.
  loadDecoder().then(
    ({ decodeShareFragment }) => receive(decodeShareFragment(fragment), { kind: 'link' }),
    () => {
      // The link is not lost: it goes back into the address, so that a reload opens it.
      history.replaceState(history.state, '', `${location.pathname}${location.search}#${fragment}`);
      useAppStore.getState().toast('The shared plan could not be opened: part of Portolan could not load (offline, or an update is being installed). The link is back in the address: reload the page to open it.', 'error');
    },
  );
}
