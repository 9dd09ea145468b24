/** Public API of share links. */
export {
  LONG_LINK_WARNING_CHARS,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
  SHARE_PREFIX,
  SHARE_VERSION,
  decodeShareFragment,
  encodeShareFragment,
  fragmentOf,
} from './codec.ts';
export { isShareFragment } from './prefix.ts';
