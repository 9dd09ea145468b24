/**
 * Building blocks shared by every version of the plan schema.
 *
 * These are deliberately strict: a plan is untrusted input (share links, files, pasted JSON), and the
 * first place a bad value is caught is here, with a message that names the field.
 */
import { z } from 'zod';

/** Identifiers of clusters, zones, nodes and links. Slug-like, because rule ids are built from them. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'expected an id of lower-case letters, digits and dashes (at most 63), starting with a letter or digit',
  });

/** A human name shown on the canvas and in exports. */
export const Name = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(120, { message: 'expected at most 120 characters' });

/** Free text notes. Capped so that a share link cannot carry a novel. */
export const Notes = z.string().max(2000, { message: 'expected at most 2000 characters' });

export const Port = z
  .number({ message: 'expected a port number 1–65535' })
  .int({ message: 'expected a port number 1–65535' })
  .min(1, { message: 'expected a port number 1–65535' })
  .max(65535, { message: 'expected a port number 1–65535' });

const HOSTNAME = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

/** True for a hostname, an IPv4 literal or an IPv6 literal (without brackets). */
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
export const HostPort = z
  .string()
  .trim()
  .max(260)
  .refine(isHostPort, { message: 'expected host:port (e.g. teleport.example.com:443 or 0.0.0.0:3080)' });

/** An address a node is known by: hostname, IP, host:port or CIDR. */
export const Address = z
  .string()
  .trim()
  .max(260)
  .refine((s) => isHostPort(s) || isCidr(s), {
    message: 'expected a hostname, an IP address, host:port or a CIDR such as 10.0.0.0/16',
  });

export const Cidr = z
  .string()
  .trim()
  .refine(isCidr, { message: 'expected a CIDR such as 10.0.0.0/16 or 0.0.0.0/0' });

/** A proxy URL as found in HTTP_PROXY / HTTPS_PROXY (scheme optional, as Go treats it). */
export const ProxyUrl = z
  .string()
  .trim()
  .max(300)
  .refine((s) => s === '' || /^((https?|socks5h?):\/\/)?([^@/\s]+@)?[^/\s:@]+(:\d{1,5})?\/?$/.test(s) || /^((https?|socks5h?):\/\/)?([^@/\s]+@)?\[[0-9A-Fa-f:.]+\](:\d{1,5})?\/?$/.test(s), {
    message: 'expected a proxy URL such as http://proxy.example.com:3128',
  });

/** NO_PROXY: comma-separated list, Go syntax (host[:port], .domain, *.domain, CIDR, *). */
export const NoProxy = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s.split(',').every((e) => /^[\w.*:[\]/-]*$/.test(e.trim())), {
    message: 'expected a comma-separated list of hosts, domains, host:port entries or CIDRs',
  });

export const Position = z.object({
  x: z.number().finite().min(-1e6).max(1e6),
  y: z.number().finite().min(-1e6).max(1e6),
});

export const Size = z.object({
  width: z.number().finite().min(40).max(1e5),
  height: z.number().finite().min(40).max(1e5),
});

/** Environment of a Teleport process or client that affects where it connects. */
export const ProxyEnv = z.object({
  httpsProxy: ProxyUrl.optional(),
  httpProxy: ProxyUrl.optional(),
  noProxy: NoProxy.optional(),
});

/**
 * Environment of an agent: the proxy variables, plus `TELEPORT_TUNNEL_PUBLIC_ADDR`, which replaces the
 * reverse tunnel address the Proxy advertises (`TunnelAddr()`; port 3024 when omitted). Added after the
 * first release of v1 as an optional field: older v1 files parse unchanged.
 */
export const AgentEnv = ProxyEnv.extend({
  teleportTunnelPublicAddr: HostPort.optional(),
});

/**
 * Environment of a client: the proxy variables, plus `TELEPORT_RELAY` (as `tsh --relay`), the Relay
 * Service address tsh uses for SSH (`host[:port]`, port 443 when omitted). Added to v1 as optional.
 */
export const ClientEnv = ProxyEnv.extend({
  teleportRelay: HostPort.optional(),
});
