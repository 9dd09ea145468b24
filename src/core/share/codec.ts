/**
 * Share links: the whole plan in the URL fragment (never sent to a server).
 *
 * Fragment format, version 1: `p1.` + base64url(zlib(UTF-8 JSON of the plan without default values)).
 * - The `p<N>.` prefix names the encoding, so it can change later while old links keep opening.
 * - zlib (deflate + Adler-32) rather than raw deflate: the checksum catches tampered or damaged links
 *   that would otherwise inflate to plausible garbage.
 * - Defaults are stripped before compressing (`compactPlan`); the parse door puts them back.
 *
 * Why deflate (fflate) and not lz-string, measured on the v1 fixture plans (Node 20, 2 cores):
 *
 * | plan        | JSON chars | compacted | deflate-9 link | lz-string(JSON) | lz-string(compacted) |
 * |-------------|-----------:|----------:|---------------:|----------------:|---------------------:|
 * | example     |      4,301 |     3,211 |          1,229 |           2,778 |                2,042 |
 * | every-kind  |      6,847 |     4,937 |          2,090 |           4,084 |                3,093 |
 *
 * So the link is 0.44–0.51× lz-string's `compressToEncodedURIComponent` of the plain JSON (what
 * playgrounds usually put in URLs) and 0.60–0.68× lz-string on the same compacted JSON. Encoding
 * takes 0.2–0.7 ms (lz-string 0.3–0.5 ms): both instant, so size decides. fflate is 8 kB and
 * inflates as a stream, which is what makes the size cap below safe (a 64 MiB bomb in an 87 kB link
 * is refused in about 20 ms). `bench/` prints the same figures for every template.
 *
 * Decoding goes through the same door as files: decode → inflate (capped while inflating, so a small
 * link cannot expand to gigabytes) → verify checksum → `parsePlanText` → `parsePlan`.
 */
import { Unzlib, strFromU8, strToU8, zlibSync } from 'fflate';
import { compactPlan } from '../schema/compact.ts';
import { parsePlanText } from '../schema/parse.ts';
import type { ParseResult, PlanErrorKind } from '../schema/parse.ts';
import type { Plan } from '../schema/types.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';

export const SHARE_PREFIX = 'p1.';
export const SHARE_VERSION = 1;
/** Longest fragment accepted at all (characters). Browsers cope with ~2 MB URLs; plans never need this much. */
export const MAX_FRAGMENT_CHARS = 512 * 1024;
/** Largest inflated plan text accepted (bytes), checked while inflating. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
/** Above this many characters a link may be cut by chat tools, mail clients or proxies: offer a file. */
export const LONG_LINK_WARNING_CHARS = 8000;

const INPUT_CHUNK = 1024;

/** The fragment (without `#`) that carries `plan`. Deterministic for a given plan. */
export function encodeShareFragment(plan: Plan): string {
  const json = JSON.stringify(compactPlan(plan));
  return SHARE_PREFIX + encodeBase64Url(zlibSync(strToU8(json), { level: 9 }));
}

function fail(kind: PlanErrorKind, message: string): ParseResult {
  return { ok: false, error: { kind, message, issues: [] } };
}

function adler32(state: { a: number; b: number }, chunk: Uint8Array): void {
  let { a, b } = state;
  for (let i = 0; i < chunk.length; ) {
    const end = Math.min(i + 3800, chunk.length);
    for (; i < end; i++) {
      a += chunk[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  state.a = a;
  state.b = b;
}

class TooLarge extends Error {}

/** Inflate zlib bytes with a hard cap on the output size; verifies the Adler-32 trailer. */
function inflateCapped(bytes: Uint8Array, cap: number): { ok: true; text: string } | { ok: false; kind: PlanErrorKind; message: string } {
  if (bytes.length < 6) return { ok: false, kind: 'cut-off', message: 'The link is cut off: it is too short to hold a plan.' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const sum = { a: 1, b: 0 };
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > cap) throw new TooLarge();
    adler32(sum, chunk);
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length; i += INPUT_CHUNK) {
      inflater.push(bytes.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= bytes.length);
    }
  } catch (e) {
    if (e instanceof TooLarge) {
      return { ok: false, kind: 'too-large', message: `The link expands to more than ${(cap / 1024 / 1024).toFixed(0)} MB; Portolan refuses it (a plan is never that large).` };
    }
    const text = e instanceof Error ? e.message : String(e);
    if (/unexpected EOF/i.test(text)) return { ok: false, kind: 'cut-off', message: 'The link is cut off: part of it is missing (was it copied whole?).' };
    return { ok: false, kind: 'damaged', message: `The link is damaged: its data does not decompress (${text}).` };
  }
  const expected = ((bytes[bytes.length - 4]! << 24) | (bytes[bytes.length - 3]! << 16) | (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!) >>> 0;
  const actual = ((sum.b << 16) | sum.a) >>> 0;
  if (expected !== actual) return { ok: false, kind: 'damaged', message: 'The link is damaged or was changed: its checksum does not match.' };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  try {
    return { ok: true, text: strFromU8(out) };
  } catch {
    return { ok: false, kind: 'damaged', message: 'The link is damaged: its text is not valid UTF-8.' };
  }
}

/** Strip `#` and a leading URL if a whole link was given. */
export function fragmentOf(linkOrFragment: string): string {
  const trimmed = linkOrFragment.trim();
  const hash = trimmed.indexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
}


/** Decode a share fragment (or a whole link) through the one parse door. Never throws. */
export function decodeShareFragment(linkOrFragment: string, limits: { maxChars?: number; maxInflated?: number } = {}): ParseResult {
  const fragment = fragmentOf(linkOrFragment);
  const maxChars = limits.maxChars ?? MAX_FRAGMENT_CHARS;
  const maxInflated = limits.maxInflated ?? MAX_INFLATED_BYTES;
  if (fragment.length > maxChars) {
    return fail('too-large', `The link is too long (${fragment.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')}).`);
  }
  const m = /^p(\d+)\.(.*)$/s.exec(fragment);
  if (!m) return fail('not-a-plan', 'This is not a Portolan share link (it should end in #p1.…).');
  const version = Number(m[1]);
  if (version > SHARE_VERSION) {
    return fail('too-new', `This link was made by a newer Portolan (link format ${version}); this Portolan reads up to ${SHARE_VERSION}. Update Portolan to open it.`);
  }
  if (version < 1) return fail('unknown-version', `Unknown link format ${version}.`);
  const bytes = decodeBase64Url(m[2] ?? '');
  if (!bytes) return fail('damaged', 'The link is damaged: it contains characters that cannot be part of a Portolan link.');
  const inflated = inflateCapped(bytes, maxInflated);
  if (!inflated.ok) return fail(inflated.kind, inflated.message);
  return parsePlanText(inflated.text, maxInflated);
}
