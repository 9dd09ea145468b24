/**
 * HTTP(S)_PROXY / NO_PROXY decisions with Go's exact semantics (golang.org/x/net/http/httpproxy,
 * which Teleport delegates to; reference §2.10, source S16):
 * - `*` disables proxying for every target;
 * - CIDR entries match IP-literal targets only (never host names that would resolve into them);
 * - `ip[:port]` entries match that IP (and port, when given);
 * - `domain[:port]` matches the domain and its subdomains; `.domain` and `*.domain` subdomains only;
 *   a port-qualified entry matches only that port; domain entries never match IP-literal targets;
 * - `localhost` and loopback IPs are never proxied.
 * Teleport picks `HTTPS_PROXY` first, then `HTTP_PROXY`, for schemeless tunnel dials (S15).
 */
import { cidrContains, ipBytes, isLoopbackIp, parseCidr, parseHostPort } from './addr.ts';
import type { ParsedCidr } from './addr.ts';

type Matcher =
  | { type: 'all' }
  | { type: 'cidr'; cidr: ParsedCidr; entry: string }
  | { type: 'ip'; ip: number[]; port: string; entry: string }
  | { type: 'domain'; host: string; port: string; matchHost: boolean; entry: string };

/** A parsed NO_PROXY value. */
export interface NoProxy {
  ipMatchers: Matcher[];
  domainMatchers: Matcher[];
}

/** Split `host:port` the way Go's net.SplitHostPort does for NO_PROXY entries (undefined on error). */
function splitHostPort(p: string): { host: string; port: string } | undefined {
  if (p.startsWith('[')) {
    const end = p.indexOf(']');
    if (end < 0 || p[end + 1] !== ':') return undefined;
    return { host: p.slice(0, end + 1), port: p.slice(end + 2) };
  }
  const i = p.lastIndexOf(':');
  if (i < 0 || p.indexOf(':') !== i) return undefined;
  return { host: p.slice(0, i), port: p.slice(i + 1) };
}

/** Parse a NO_PROXY value (comma-separated). Mirrors `config.init` in httpproxy. */
export function parseNoProxy(value: string | undefined): NoProxy {
  const out: NoProxy = { ipMatchers: [], domainMatchers: [] };
  for (const raw of (value ?? '').split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') return { ipMatchers: [{ type: 'all' }], domainMatchers: [{ type: 'all' }] };
    const cidr = parseCidr(p);
    if (cidr) {
      out.ipMatchers.push({ type: 'cidr', cidr, entry: p });
      continue;
    }
    let phost = p;
    let pport = '';
    const split = splitHostPort(p);
    if (split) {
      if (split.host === '') continue;
      phost = split.host.startsWith('[') && split.host.endsWith(']') ? split.host.slice(1, -1) : split.host;
      pport = split.port;
    }
    const ip = ipBytes(phost);
    if (ip) {
      out.ipMatchers.push({ type: 'ip', ip, port: pport, entry: p });
      continue;
    }
    if (phost === '') continue;
    if (phost.startsWith('*.')) phost = phost.slice(1);
    let matchHost = false;
    if (!phost.startsWith('.')) {
      matchHost = true;
      phost = '.' + phost;
    }
    out.domainMatchers.push({ type: 'domain', host: phost, port: pport, matchHost, entry: p });
  }
  return out;
}

function matches(m: Matcher, host: string, port: string, ip: number[] | undefined): boolean {
  switch (m.type) {
    case 'all':
      return true;
    case 'cidr':
      return ip !== undefined && cidrContains(m.cidr, ip);
    case 'ip':
      return ip !== undefined && m.ip.every((b, i) => b === ip[i]) && (m.port === '' || m.port === port);
    case 'domain':
      if (ip !== undefined) return false;
      if (host.endsWith(m.host) || (m.matchHost && host === m.host.slice(1))) return m.port === '' || m.port === port;
      return false;
  }
}

/**
 * Go's `useProxy`: true when a dial to `host:port` goes through the forward proxy, false when the
 * target is loopback or NO_PROXY matches it.
 */
export function useProxy(noProxy: NoProxy, host: string, port: number): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return false;
  const ip = ipBytes(bare);
  if (ip && isLoopbackIp(ip)) return false;
  const h = bare.trim().toLowerCase();
  const p = String(port);
  if (ip) for (const m of noProxy.ipMatchers) if (matches(m, h, p, ip)) return false;
  for (const m of noProxy.domainMatchers) if (matches(m, h, p, ip)) return false;
  return true;
}

/** Convenience: parse `NO_PROXY` and decide for `host:port`. */
export function shouldProxy(noProxyValue: string | undefined, target: string): boolean {
  const hp = parseHostPort(target);
  if (!hp || hp.port === undefined) return false;
  return useProxy(parseNoProxy(noProxyValue), hp.host, hp.port);
}

/** Entries that can never match the target because of their type (lint L-H5). */
export function unmatchableEntries(noProxy: NoProxy, host: string): string[] {
  const isIp = ipBytes(host) !== undefined;
  const out: string[] = [];
  for (const m of noProxy.ipMatchers) if (m.type === 'cidr' && !isIp) out.push(m.entry);
  for (const m of noProxy.domainMatchers) if (m.type === 'domain' && isIp) out.push(m.entry);
  return out;
}
