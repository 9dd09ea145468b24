/** Share links: the plan in the fragment of the app's own address (the fragment never reaches a server). */
import { LONG_LINK_WARNING_CHARS, encodeShareFragment } from '../../core/share/codec.ts';
import type { Plan } from '../../core/schema/index.ts';

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
