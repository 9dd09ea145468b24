/** Opening a share link: watches the address for a plan fragment. Kept apart from the encoder so start-up stays light. */
import { foreignFragmentMessage, fragmentKind } from './appFragments.ts';
import { receive } from './incoming.ts';

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
  void import('../../core/share/codec.ts').then(({ decodeShareFragment }) => receive(decodeShareFragment(fragment), { kind: 'link' }));
}
