/**
 * Building blocks shared by every version of the plan schema.
 *
 * These are deliberately strict: a plan is untrusted input (share links, files, pasted JSON), and the
 * first place a bad value is caught is here, with a message that names the field.
 */
// zod/mini, not the classic API: the schema loads before first paint, and mini's tree-shakable functions
// weigh about 15 KB (gzip) less than classic zod, whose every schema carries all methods and the JSON
// Schema generator. The two share one core, so parsing, messages and `def`s are the same.
import * as z from 'zod/mini';

// zod/mini loads no messages of its own: the English ones name what was expected ("expected string,
// received number"), which the parse door passes on to people.
z.config(z.locales.en());

/** Identifiers of clusters, zones, nodes and links. Slug-like, because rule ids are built from them. */
export const Id = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'expected an id of lower-case letters, digits and dashes (at most 63), starting with a letter or digit',
  }),
);

/** A human name shown on the canvas and in exports. */
export const Name = z.string().check(z.trim(), z.minLength(1, { message: 'must not be empty' }), z.maxLength(120, { message: 'expected at most 120 characters' }));

/** Free text notes. Capped so that a share link cannot carry a novel. */
export const Notes = z.string().check(z.maxLength(2000, { message: 'expected at most 2000 characters' }));

const PORT_MESSAGE = { message: 'expected a port number 1–65535' };

export const Port = z.number(PORT_MESSAGE).check(z.int(PORT_MESSAGE), z.minimum(1, PORT_MESSAGE), z.maximum(65535, PORT_MESSAGE));

/** A whole number from `min` to `max`, with one message for every way of missing it. */
export function whole(min: number, max: number, message?: string) {
  const m = message === undefined ? undefined : { message };
  return z.number(m).check(z.int(m), z.minimum(min, m), z.maximum(max, m));
}

/** A trimmed string of at most `max` characters that passes `test`. */
export function checkedText(max: number, test: (text: string) => boolean, message: string) {
  return z.string().check(z.trim(), z.maxLength(max), z.refine(test, { message }));
}

/** The message for a failed address check: an impossible dotted quad (`300.1.1.1`) says what is wrong. */
function addressError(message: string) {
  return (issue: { input: unknown }) => (typeof issue.input === 'string' ? dottedQuadProblem(issue.input) : undefined) ?? message;
}

/** As `checkedText`, with `addressError`'s message. */
function addressText(max: number, test: (text: string) => boolean, message: string) {
  return z.string().check(z.trim(), z.maxLength(max), z.refine(test, { error: addressError(message) }));
}

const HOSTNAME = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

/** Four dot-separated runs of digits, optionally `:port` or `/prefix`: only ever meant as IPv4. */
const DOTTED_QUAD = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?::(\d+)|\/(\d+))?$/;

/**
 * Why a dotted quad (`a.b.c.d`, `a.b.c.d:port`, `a.b.c.d/len`) is not a valid IPv4 address or CIDR, as
 * one sentence; `undefined` when it is valid or is not a dotted quad at all. `300.1.1.1` matches the
 * hostname pattern (labels may be all digits), so exports would try to resolve it: PL-BAD-IP says why.
 * Leading zeros are refused as Go's `net.ParseIP` refuses them (some tools read them as octal).
 */
export function dottedQuadProblem(text: string): string | undefined {
  const m = DOTTED_QUAD.exec(text);
  if (m === null) return undefined;
  const ip = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
  for (const octet of [m[1], m[2], m[3], m[4]] as string[]) {
    if (octet.length > 1 && octet.startsWith('0')) return `${ip}: octet ${octet} has a leading zero (write ${Number(octet)})`;
    if (Number(octet) > 255) return `${ip}: octet ${octet} is out of range 0–255`;
  }
  const prefix = m[6];
  if (prefix !== undefined && Number(prefix) > 32) return `${text}: the CIDR prefix /${prefix} is out of range 0–32`;
  return undefined;
}

/**
 * True for a hostname, an IPv4 literal or an IPv6 literal (without brackets). An impossible dotted quad
 * (`300.1.1.1`) still passes as a host name, as it always did, so that no saved plan, file or link stops
 * opening; the engine reports it (PL-BAD-IP, with `dottedQuadProblem`'s reason) instead.
 */
export function isHost(text: string): boolean {
  return IPV4.test(text) || HOSTNAME.test(text) || (IPV6.test(text) && text.length <= 45);
}

export function isIpLiteral(text: string): boolean {
  return IPV4.test(text) || (IPV6.test(text) && text.includes(':'));
}

/** `host`, `host:port`, `[v6]:port`. Used for listen and public addresses. */
export function isHostPort(text: string): boolean {
  const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (m) return IPV6.test(m[1] ?? '') && validPortText(m[2]);
  const idx = text.lastIndexOf(':');
  if (idx > 0 && text.indexOf(':') === idx) {
    return isHost(text.slice(0, idx)) && validPortText(text.slice(idx + 1));
  }
  return isHost(text);
}

function validPortText(port: string | undefined): boolean {
  if (port === undefined) return true;
  if (!/^\d{1,5}$/.test(port)) return false;
  const n = Number(port);
  return n >= 1 && n <= 65535;
}

/** `a.b.c.d/len` or an IPv6 CIDR. */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const ip = text.slice(0, slash);
  const len = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(len)) return false;
  const n = Number(len);
  if (IPV4.test(ip)) return n <= 32;
  return IPV6.test(ip) && n <= 128;
}

/** A listen or public address: `host:port`, `host` or `[v6]:port`. */
export const HostPort = addressText(260, isHostPort, 'expected host:port (e.g. teleport.example.com:443 or 0.0.0.0:3080)');

/** An address a node is known by: hostname, IP, host:port or CIDR. */
export const Address = addressText(260, (s) => isHostPort(s) || isCidr(s), 'expected a hostname, an IP address, host:port or a CIDR such as 10.0.0.0/16');

export const Cidr = z.string().check(z.trim(), z.refine(isCidr, { error: addressError('expected a CIDR such as 10.0.0.0/16 or 0.0.0.0/0') }));

/** A proxy URL as found in HTTP_PROXY / HTTPS_PROXY (scheme optional, as Go treats it). */
export const ProxyUrl = checkedText(
  300,
  (s) => s === '' || /^((https?|socks5h?):\/\/)?([^@/\s]+@)?[^/\s:@]+(:\d{1,5})?\/?$/.test(s) || /^((https?|socks5h?):\/\/)?([^@/\s]+@)?\[[0-9A-Fa-f:.]+\](:\d{1,5})?\/?$/.test(s),
  'expected a proxy URL such as http://proxy.example.com:3128',
);

/** NO_PROXY: comma-separated list, Go syntax (host[:port], .domain, *.domain, CIDR, *). */
export const NoProxy = checkedText(2000, (s) => s.split(',').every((e) => /^[\w.*:[\]/-]*$/.test(e.trim())), 'expected a comma-separated list of hosts, domains, host:port entries or CIDRs');

/** A finite number from `min` to `max`. */
export function between(min: number, max: number) {
  return z.number().check(z.minimum(min), z.maximum(max));
}

export const Position = z.object({ x: between(-1e6, 1e6), y: between(-1e6, 1e6) });

export const Size = z.object({ width: between(40, 1e5), height: between(40, 1e5) });

/** Environment of a Teleport process or client that affects where it connects. */
export const ProxyEnv = z.object({
  httpsProxy: z.optional(ProxyUrl),
  httpProxy: z.optional(ProxyUrl),
  noProxy: z.optional(NoProxy),
});

/**
 * Environment of an agent: the proxy variables, plus `TELEPORT_TUNNEL_PUBLIC_ADDR`, which replaces the
 * reverse tunnel address the Proxy advertises (`TunnelAddr()`; port 3024 when omitted). Added after the
 * first release of v1 as an optional field: older v1 files parse unchanged.
 */
export const AgentEnv = z.extend(ProxyEnv, {
  teleportTunnelPublicAddr: z.optional(HostPort),
});

/**
 * Environment of a client: the proxy variables, plus `TELEPORT_RELAY` (as `tsh --relay`), the Relay
 * Service address tsh uses for SSH (`host[:port]`, port 443 when omitted). Added to v1 as optional.
 */
export const ClientEnv = z.extend(ProxyEnv, {
  teleportRelay: z.optional(HostPort),
});
