/** Ping JSON text → a checked `PingResponse`, or a message that says what is wrong and where. */
import { formatPath, isRecord } from '../schema/index.ts';
import { PingResponseSchema } from './ping-schema.ts';
import type { PingResponse } from './ping-schema.ts';

/** A ping response is a few kB; anything past 1 MiB is something else. */
export const MAX_PING_TEXT = 1024 * 1024;

const HOW = 'Paste the output of `curl https://<your proxy>/webapi/ping` as is.';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Decode and validate the text of a `/webapi/ping` (or `/webapi/find`) response. */
export function decodePing(text: string): DecodeResult<PingResponse> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `The input is empty. ${HOW}` };
  if (text.length > MAX_PING_TEXT) return { ok: false, message: `The input is too large to be a ping response (${text.length.toLocaleString('en')} characters). ${HOW}` };
  if (trimmed.startsWith('<')) return { ok: false, message: `This is HTML, not JSON: check that the URL ends in /webapi/ping. ${HOW}` };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `This is not valid JSON (${detail}). ${HOW}` };
  }
  if (!isRecord(value)) return { ok: false, message: `This is not a /webapi/ping response: expected a JSON object with a "proxy" section. ${HOW}` };
  if (value.type === 'portolan-plan') return { ok: false, message: 'This is a Portolan plan, not a /webapi/ping response: open it as a plan instead.' };
  if (!('proxy' in value)) {
    const error = isRecord(value.error) && typeof value.error.message === 'string' ? value.error.message : undefined;
    if (error !== undefined) return { ok: false, message: `This is an error returned by Teleport, not the cluster's settings: "${error}".` };
    return {
      ok: false,
      message: `This is not a /webapi/ping response: there is no "proxy" section (expected fields such as proxy.ssh.public_addr and proxy.tls_routing_enabled). ${HOW}`,
    };
  }
  const parsed = PingResponseSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const where = first && first.path.length > 0 ? `field ${formatPath(first.path)}: ` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, message: `This is not a valid /webapi/ping response: ${where}${first?.message ?? 'unexpected shape'}${more}.` };
  }
  return { ok: true, value: parsed.data };
}
