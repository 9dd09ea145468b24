/**
 * Recognising a share fragment without loading the codec (and its compression library): the app checks
 * every address on start, and only loads the decoder when there is something to decode.
 */
export function isShareFragment(fragment: string): boolean {
  return /^p\d+\./.test(fragment);
}
