/**
 * How a teleport.yaml's process joins the cluster (reference §2.2 A1/A4, §5 L-C1…L-C6):
 * v3 `proxy_server` → via the Proxy; v3 `auth_server` → directly to Auth; v1/v2 `auth_servers` →
 * directly to Auth, except that an address on the Proxy's web port (3080/443) makes the process fall
 * back to a tunnel through that Proxy, which is what such configs intend.
 */
import { JOIN_KEYS } from '../catalog/index.ts';
import { asList, splitHostPort } from './addr.ts';
import type { TeleportYaml } from './yaml-schema.ts';

export interface JoinDecision {
  via: 'proxy' | 'auth';
  /** The address the process dials (`host:port` as written), when the file names one. */
  target?: string;
  /** Which setting decided, in the file's own words. */
  reason: string;
  warnings: string[];
}

/** Proxy web ports: in `auth_server` a swapped key (L-C4); in v1/v2 `auth_servers`, a tunnel through the Proxy. */
const PROXY_PORTS: readonly number[] = JOIN_KEYS.authServer.swappedPorts;

/** Decide `joinVia` for the agent a teleport.yaml describes. */
export function decideJoin(cfg: TeleportYaml, version: 'v1' | 'v2' | 'v3', localAuth: boolean): JoinDecision {
  const t = cfg.teleport ?? {};
  const proxyServer = t.proxy_server?.trim();
  const authServer = t.auth_server?.trim();
  const authServers = asList(t.auth_servers);
  const warnings: string[] = [];

  if (version === 'v3' && authServers.length > 0) warnings.push('teleport.auth_servers is not allowed in config v3: use auth_server or proxy_server.');
  if (version !== 'v3' && (proxyServer || authServer)) warnings.push(`teleport.${proxyServer ? 'proxy_server' : 'auth_server'} needs config v3 (this file is ${version}): use auth_servers or add version: v3.`);
  if (proxyServer && authServer) warnings.push('teleport.auth_server and teleport.proxy_server are both set: Teleport refuses to start; keep one (proxy_server is assumed here).');

  if (proxyServer) {
    if (JOIN_KEYS.proxyServer.swappedPorts.includes(splitHostPort(proxyServer).port ?? 0)) warnings.push(`teleport.proxy_server ${proxyServer} uses the Auth port 3025: probably auth_server was meant.`);
    return { via: 'proxy', target: proxyServer, reason: `teleport.proxy_server is ${proxyServer}`, warnings };
  }
  if (authServer) {
    const port = splitHostPort(authServer).port;
    if (port !== undefined && PROXY_PORTS.includes(port)) warnings.push(`teleport.auth_server ${authServer} uses a Proxy web port: probably proxy_server was meant.`);
    return { via: 'auth', target: authServer, reason: `teleport.auth_server is ${authServer}`, warnings };
  }
  const first = authServers[0];
  if (first !== undefined) {
    const port = splitHostPort(first).port;
    if (port !== undefined && PROXY_PORTS.includes(port)) {
      return { via: 'proxy', target: first, reason: `teleport.auth_servers points at ${first}, a Proxy web port: the process tunnels through the Proxy`, warnings };
    }
    return { via: 'auth', target: first, reason: `teleport.auth_servers is ${authServers.join(', ')}`, warnings };
  }
  if (localAuth) return { via: 'auth', reason: 'auth_service runs in the same process', warnings };
  warnings.push(`The file names neither ${version === 'v3' ? 'teleport.proxy_server nor teleport.auth_server' : 'teleport.auth_servers'}: joining via the Proxy is assumed.`);
  return { via: 'proxy', reason: 'no join address in the file (assumed)', warnings };
}

/**
 * Combinations Teleport refuses at startup that the plan cannot hold, so the import can only warn
 * (reference §5 L-C3, L-C9; lib/config/configuration.go): a v3 `proxy_server` while the Proxy Service
 * is on (`applyAuthOrProxyAddress`: "proxy_server can not be specified when proxy service is enabled";
 * `FileConfig.CheckAndSetDefaults` turns proxy_service on unless the file says `enabled: no`, so an
 * agent's file without the section is refused too), and the legacy `proxy_service.kubernetes.enabled`
 * beside `kube_listen_addr` or `kube_public_addr` (`applyProxyConfig`).
 */
export function refusedCombinations(cfg: TeleportYaml, version: 'v1' | 'v2' | 'v3'): string[] {
  const out: string[] = [];
  const p = cfg.proxy_service;
  if (version === 'v3' && cfg.teleport?.proxy_server?.trim() && p?.enabled !== false) {
    out.push(p === undefined || p === null
      ? 'teleport.proxy_server is set, and the file has no proxy_service section, which Teleport turns on by default: it refuses proxy_server beside a running Proxy Service. Add proxy_service: enabled: no (and auth_service: enabled: no) to an agent\'s file.'
      : 'teleport.proxy_server is set while proxy_service is enabled: Teleport refuses to start. A Proxy reaches Auth through auth_server.');
  }
  if (p?.enabled !== false && p?.kubernetes?.enabled === true && (p.kube_listen_addr !== undefined || asList(p.kube_public_addr).length > 0)) {
    out.push('proxy_service sets both kubernetes.enabled (the legacy form) and kube_listen_addr or kube_public_addr: Teleport refuses to start. Keep kube_listen_addr and kube_public_addr, which this import uses, and remove the kubernetes block.');
  }
  return out;
}
