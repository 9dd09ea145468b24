/** Share links: the plan in the fragment of the app's own address (the fragment never reaches a server). */
import { LONG_LINK_WARNING_CHARS, decodeShareFragment, encodeShareFragment, isShareFragment } from '../../core/share/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { receive } from './incoming.ts';

export { LONG_LINK_WARNING_CHARS };

export function shareLinkFor(plan: Plan): string {
  return `${location.origin}${location.pathname}#${encodeShareFragment(plan)}`;
}

export function isLongLink(link: string): boolean {
  return link.length > LONG_LINK_WARNING_CHARS;
}

/** Put text on the clipboard; false when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * If the address carries a share fragment, take it off the address (so a reload does not ask again) and
 * hand it to the parse door. Called on start and on `hashchange`.
 */
export function takeLinkFromAddress(): void {
  const fragment = location.hash.slice(1);
  if (!isShareFragment(fragment)) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  void receive(decodeShareFragment(fragment), { kind: 'link' });
}
