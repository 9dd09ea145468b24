/** Small helpers for Teleport addresses (`host`, `host:port`, `[v6]:port`) and URIs. */
import { isHost, isIpLiteral } from '../schema/index.ts';

/** Split `host:port`; the port is undefined when absent. */
export function splitHostPort(addr: string): { host: string; port?: number } {
  const text = addr.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return v6[2] === undefined ? { host: v6[1] ?? '' } : { host: v6[1] ?? '', port: Number(v6[2]) };
  const idx = text.lastIndexOf(':');
  if (idx > 0 && text.indexOf(':') === idx) return { host: text.slice(0, idx), port: Number(text.slice(idx + 1)) };
  return { host: text };
}

/** The port of an address, or `fallback` when it has none. */
export function portOf(addr: string, fallback: number): number {
  return splitHostPort(addr).port ?? fallback;
}

/** Teleport Cloud tenants live under `*.teleport.sh` (reference §3.3). */
export function isCloudTenantHost(host: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.teleport\.sh\.?$/i.test(host);
}

/** A Teleport config value that may be one address or a list (`public_addr`, `auth_servers`). */
export function asList(value: string | string[] | undefined | null): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter((s) => s !== '');
}

export type HostPort = { host: string; port?: number };

/**
 * The hosts (with their ports) of a URI: `host:port`, or `scheme://[user@]h1[:p1][,h2[:p2]…][/path][?query]`;
 * undefined when any of them is not a host the plan accepts.
 */
export function uriHosts(uri: string): HostPort[] | undefined {
  const text = uri.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  const authority = (text.slice(scheme?.[0].length ?? 0).split(/[/?#]/, 1)[0] ?? '').replace(/^.*@/, '');
  const hosts = authority.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => splitHostPort(part));
  const valid = (h: HostPort) => isHost(h.host) && (h.port === undefined || (Number.isInteger(h.port) && h.port >= 1 && h.port <= 65535));
  return hosts.length > 0 && hosts.every(valid) ? hosts : undefined;
}

/** `orders-db` for `orders-db.internal.example.com`; IP addresses stay whole. */
export const shortHost = (host: string) => (isIpLiteral(host) ? host : (host.split('.')[0] ?? host));
/** `host`, `host:port`, `[v6]:port`. */
export const showHostPort = ({ host, port }: HostPort) => (port === undefined ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`);
