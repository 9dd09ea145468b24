/** Opening a share link: watches the address for a plan fragment. Kept apart from the encoder so start-up stays light. */
import { isShareFragment } from '../../core/share/prefix.ts';
import { receive } from './incoming.ts';

/**
 * If the address carries a share fragment, take it off the address (so a reload does not ask again) and
 * hand it to the parse door. Called on start and on `hashchange`.
 */
export function takeLinkFromAddress(): void {
  const fragment = location.hash.slice(1);
  if (!isShareFragment(fragment)) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  // The decoder (and fflate) loads only when an address actually carries a plan.
  void import('../../core/share/codec.ts').then(({ decodeShareFragment }) => receive(decodeShareFragment(fragment), { kind: 'link' }));
}
