/**
 * Address helpers: `host:port` parsing, unspecified hosts, IP literals, CIDR containment.
 * Pure string arithmetic (no DNS): the planner never resolves names.
 */

/** A parsed `host[:port]`. */
export interface HostPort {
  host: string;
  port?: number;
}

/** Parse `host`, `host:port`, `[v6]:port` or a bare IPv6 literal. Returns undefined for a CIDR. */
export function parseHostPort(text: string): HostPort | undefined {
  const s = text.trim();
  if (s === '' || s.includes('/')) return undefined;
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(s);
  if (bracket) return withPort(bracket[1] ?? '', bracket[2]);
  const first = s.indexOf(':');
  if (first < 0) return { host: s };
  if (s.indexOf(':', first + 1) >= 0) return { host: s }; // bare IPv6 literal
  return withPort(s.slice(0, first), s.slice(first + 1));
}

function withPort(host: string, port: string | undefined): HostPort {
  if (port === undefined || !/^\d{1,5}$/.test(port)) return { host };
  return { host, port: Number(port) };
}

/** `host:port`, bracketing IPv6 literals. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Hosts that mean "every interface" in a listen address. */
export function isUnspecifiedHost(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
}


/**
 * IPv4 literal to a 32-bit number, or undefined: four decimal octets 0–255 without leading zeros. Read
 * character by character, with no regular expression or array: checks call it for every node of large plans.
 */
export function ipv4ToNumber(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined; // a leading zero
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return undefined;
    } else return undefined;
  }
  if (digits === 0 || dots !== 3) return undefined;
  return value * 256 + octet;
}

/** Parse an IPv6 literal into 8 groups, or undefined. Accepts `::` compression and a dotted tail. */
export function ipv6ToGroups(text: string): number[] | undefined {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-f:.]+$/.test(s) || !s.includes(':')) return undefined;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = ipv4ToNumber(last);
    if (v4 === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const known = head.length + rest.length;
  if (head.some(Number.isNaN) || rest.some(Number.isNaN)) return undefined;
  if (halves.length === 1 && known !== 8) return undefined;
  if (known > 8 || (halves.length === 2 && known === 8)) return undefined;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...head, ...zeros, ...rest];
}

/** An IP literal (v4 or v6) as 16 bytes (v4 mapped), or undefined for a host name. */
export function ipBytes(text: string): number[] | undefined {
  const v4 = ipv4ToNumber(text);
  if (v4 !== undefined) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, (v4 >>> 24) & 255, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255];
  const g = ipv6ToGroups(text);
  if (!g) return undefined;
  return g.flatMap((x) => [x >> 8, x & 255]);
}

/** `localhost` or a loopback IP literal (bracketed or not): only the same host can connect to it. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare.toLowerCase() === 'localhost') return true;
  const bytes = ipBytes(bare);
  return bytes !== undefined && isLoopbackIp(bytes);
}

/** True for a loopback IP literal (127.0.0.0/8, ::1). */
export function isLoopbackIp(bytes: readonly number[]): boolean {
  const v4mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255;
  if (v4mapped) return bytes[12] === 127;
  return bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
}

/** A parsed CIDR: network bytes (16) and prefix length in the 16-byte space. */
export interface ParsedCidr {
  bytes: number[];
  bits: number;
}

/** Parse `a.b.c.d/n` or `v6/n`; undefined when not a CIDR. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = text.slice(0, slash);
  const lenText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText)) return undefined;
  const len = Number(lenText);
  const isV4 = ipv4ToNumber(ip) !== undefined;
  const bytes = ipBytes(ip);
  if (!bytes || len > (isV4 ? 32 : 128)) return undefined;
  return { bytes, bits: isV4 ? 96 + len : len };
}

/** True when the IP (16 bytes) is inside the CIDR. */
export function cidrContains(cidr: ParsedCidr, ip: readonly number[]): boolean {
  let bits = cidr.bits;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if (((cidr.bytes[i] ?? 0) & mask) !== ((ip[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parse a proxy URL as Go does: `scheme://[user@]host[:port]`; no scheme = http. */
export function parseProxyUrl(text: string): { scheme: string; host: string; port?: number; hadScheme: boolean } | undefined {
  const m = /^(?:([a-z0-9+.-]+):\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^/:]+)(?::(\d{1,5}))?\/?$/i.exec(text.trim());
  if (!m) return undefined;
  const host = (m[2] ?? '').replace(/^\[|\]$/g, '');
  const scheme = (m[1] ?? 'http').toLowerCase();
  const out = { scheme, host, hadScheme: m[1] !== undefined };
  return m[3] === undefined ? out : { ...out, port: Number(m[3]) };
}
