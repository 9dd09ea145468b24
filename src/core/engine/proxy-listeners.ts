/**
 * A Proxy's open listeners (from its cluster's config version, §3.1) and the addresses it
 * advertises in /webapi/ping, with Teleport's precedence (§4: `TunnelAddr()`, `SSHProxyHostPort()`).
 */
import { CONFIG_VERSIONS, PEER_DEFAULT_PORT, PROXY_LISTENERS } from '../catalog/index.ts';
import type { ProxyListenerId } from '../catalog/index.ts';
import type { Cluster, NodeOfKind } from '../schema/index.ts';
import { isUnspecifiedHost, joinHostPort, parseHostPort } from './addr.ts';

/** An open listener. */
export interface OpenListener {
  id: ProxyListenerId;
  port: number;
  /** Bind host (`0.0.0.0` when unspecified). */
  host: string;
  /** The listen address was written in the plan (not a config-version default). */
  configured: boolean;
}

/** What a client or agent dials for one purpose, and which listener receives it. */
export interface Resolved {
  /** The listener that receives the connection; undefined when it does not exist. */
  listener?: OpenListener;
  /** The advertised `host:port` the initiator dials. */
  advertised: { host: string; port: number };
  /** The advertised host is unspecified (`0.0.0.0` rewritten to localhost, L-P2). */
  unspecified: boolean;
  /** Which address won, in words, for messages. */
  via: string;
  /** The plan field that gave the advertised address. */
  field: string;
  /** `host:port` text of `advertised`. */
  dial: string;
  /** Plan settings this resolution depends on (paths), for flow traceability. */
  settings: readonly string[];
}

/** Everything the engine needs to know about one Proxy. */
export interface ProxyInfo {
  node: NodeOfKind<'proxy'>;
  cluster: Cluster;
  listeners: Map<ProxyListenerId, OpenListener>;
  peerPort: number;
  resolve(use: ProxyListenerId): Resolved;
}

const ORDER: readonly ProxyListenerId[] = ['web', 'ssh', 'tunnel', 'kube', 'mysql', 'postgres', 'mongo'];

function openListeners(node: NodeOfKind<'proxy'>, cluster: Cluster): Map<ProxyListenerId, OpenListener> {
  const defaults = CONFIG_VERSIONS[cluster.configVersion].defaultListeners;
  const out = new Map<ProxyListenerId, OpenListener>();
  for (const id of ORDER) {
    const spec = PROXY_LISTENERS[id];
    const text = node[spec.listenField];
    const hp = text === undefined ? undefined : parseHostPort(text);
    if (!hp && !defaults.includes(id)) continue;
    out.set(id, { id, port: hp?.port ?? spec.defaultPort, host: hp?.host ?? '0.0.0.0', configured: hp !== undefined });
  }
  return out;
}

/** Compute a Proxy's listeners and its address resolver. */
export function buildProxyInfo(node: NodeOfKind<'proxy'>, cluster: Cluster): ProxyInfo {
  const listeners = openListeners(node, cluster);
  const web = listeners.get('web') as OpenListener;
  const first = (field: (typeof PROXY_LISTENERS)[ProxyListenerId]['publicField']) => {
    const v = node[field][0];
    return v === undefined ? undefined : parseHostPort(v);
  };
  const pub = first('publicAddr');
  const mk = (host: string, port: number, via: string, field: string, listener: OpenListener | undefined): Resolved => {
    const settings = [`clusters[${cluster.id}].proxyListenerMode`, `nodes[${node.id}].${field}`];
    if (listener?.configured) settings.push(`nodes[${node.id}].${PROXY_LISTENERS[listener.id].listenField}`);
    else if (listener && listener.id !== 'web') settings.push(`clusters[${cluster.id}].configVersion`);
    const r: Resolved = { advertised: { host, port }, unspecified: isUnspecifiedHost(host), via, field, dial: joinHostPort(host, port), settings };
    if (listener) r.listener = listener;
    return r;
  };
  const webResolved = (): Resolved => (pub ? mk(pub.host, pub.port ?? web.port, 'public_addr', 'publicAddr', web) : mk(web.host, web.port, 'web_listen_addr', 'webListenAddr', web));

  function compute(use: ProxyListenerId): Resolved {
    if (use === 'web' || cluster.proxyListenerMode === 'multiplex') return webResolved();
    const spec = PROXY_LISTENERS[use];
    const l = listeners.get(use);
    const port = l?.port ?? spec.defaultPort;
    // Legacy multiplex: a tunnel listener on the web address is the web listener (§3.1).
    const target = l && l.port === web.port ? web : l;
    const own = first(spec.publicField);
    // A public address without a port takes Teleport's default for the key, not the listener's port
    // (`AddrsFromStrings` in applyProxyConfig); Postgres's is its listener's, else the web port (`getPostgresDefaultPort`).
    const ownDefault = use !== 'postgres' ? spec.defaultPort : l ? l.port : (pub?.port ?? web.port);
    if (own) return mk(own.host, own.port ?? ownDefault, spec.publicField, spec.publicField, target);
    if (use === 'tunnel' || use === 'ssh') {
      const ssh = use === 'tunnel' ? first('sshPublicAddr') : undefined;
      if (ssh) return mk(ssh.host, port, 'ssh_public_addr host with the tunnel port', 'sshPublicAddr', target);
      if (pub) return mk(pub.host, port, `public_addr host with the ${spec.label} port`, 'publicAddr', target);
      if (l) return mk(l.host, l.port, spec.listenField, spec.listenField, target);
      return mk(web.host, web.port, 'web_listen_addr', 'webListenAddr', web);
    }
    // Kubernetes and database listeners: their public address, else the proxy host with their port.
    if (pub) return mk(pub.host, port, `public_addr host with the ${spec.label} port`, 'publicAddr', target);
    return mk(l?.host ?? web.host, port, spec.listenField, spec.listenField, target);
  }

  const memo = new Map<ProxyListenerId, Resolved>();
  function resolve(use: ProxyListenerId): Resolved {
    let r = memo.get(use);
    if (!r) memo.set(use, (r = compute(use)));
    return r;
  }

  const peer = node.peerListenAddr === undefined ? undefined : parseHostPort(node.peerListenAddr);
  return { node, cluster, listeners, peerPort: peer?.port ?? PEER_DEFAULT_PORT, resolve };
}

/** `host:port` text of a resolution. */
export function advertisedText(r: Resolved): string {
  return joinHostPort(r.advertised.host, r.advertised.port);
}
