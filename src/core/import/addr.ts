/** Small helpers for Teleport addresses (`host`, `host:port`, `[v6]:port`). */

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
