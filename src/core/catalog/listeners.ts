/**
 * Which listeners a Proxy opens (reference §1, §3.1) and which agent services can listen (§3.5).
 * Adding a Teleport config version or a listener is a change to these tables.
 */
import type { AgentServiceName } from '../schema/index.ts';
import { PORTS } from './ports.ts';
import type { SourceKey } from './sources.ts';
import { release } from './versions.ts';

/** Listeners of a Proxy. `web` always exists; the others depend on config version and settings. */
export type ProxyListenerId = 'web' | 'ssh' | 'tunnel' | 'kube' | 'mysql' | 'postgres' | 'mongo';

/** Proxy fields that hold a listen address. */
export type ProxyListenField =
  | 'webListenAddr'
  | 'sshListenAddr'
  | 'tunnelListenAddr'
  | 'kubeListenAddr'
  | 'mysqlListenAddr'
  | 'postgresListenAddr'
  | 'mongoListenAddr';

/** Proxy fields that hold a list of public addresses. */
export type ProxyPublicField = 'publicAddr' | 'sshPublicAddr' | 'tunnelPublicAddr' | 'kubePublicAddr' | 'mysqlPublicAddr' | 'postgresPublicAddr' | 'mongoPublicAddr';

/** One Proxy listener. */
export interface ProxyListenerSpec {
  id: ProxyListenerId;
  label: string;
  listenField: ProxyListenField;
  /** The listen address key in teleport.yaml's proxy_service. */
  listenKey: string;
  publicField: ProxyPublicField;
  defaultPort: number;
  /** Speaks a non-HTTP protocol: a TLS-terminating or L7 load balancer cannot carry it. */
  l4Only: boolean;
  sources: readonly SourceKey[];
  /** Uncertainty worth telling the reader when this listener appears in a rule. */
  note?: string;
}

/** Proxy listeners, in the order they are reported. */
export const PROXY_LISTENERS: Readonly<Record<ProxyListenerId, ProxyListenerSpec>> = {
  web: { id: 'web', label: 'web', listenField: 'webListenAddr', listenKey: 'web_listen_addr', publicField: 'publicAddr', defaultPort: PORTS.proxyWeb.port, l4Only: false, sources: ['S7', 'D5'] },
  ssh: { id: 'ssh', label: 'SSH proxy', listenField: 'sshListenAddr', listenKey: 'listen_addr', publicField: 'sshPublicAddr', defaultPort: PORTS.proxySsh.port, l4Only: true, sources: ['S5', 'D5'] },
  tunnel: { id: 'tunnel', label: 'reverse tunnel', listenField: 'tunnelListenAddr', listenKey: 'tunnel_listen_addr', publicField: 'tunnelPublicAddr', defaultPort: PORTS.proxyTunnel.port, l4Only: true, sources: ['S5', 'D5', 'I4'] },
  kube: {
    id: 'kube', label: 'Kubernetes proxy', listenField: 'kubeListenAddr', listenKey: 'kube_listen_addr', publicField: 'kubePublicAddr', defaultPort: PORTS.kube.port, l4Only: false, sources: ['S5', 'D5'],
    note: 'On config v1 the Kubernetes listener is assumed open (the Kubernetes proxy enabled), as Portolan decided for §3.1.',
  },
  mysql: {
    id: 'mysql', label: 'MySQL proxy', listenField: 'mysqlListenAddr', listenKey: 'mysql_listen_addr', publicField: 'mysqlPublicAddr', defaultPort: PORTS.proxyMysql.port, l4Only: true, sources: ['S5', 'D5', 'D1'],
  },
  postgres: { id: 'postgres', label: 'Postgres proxy', listenField: 'postgresListenAddr', listenKey: 'postgres_listen_addr', publicField: 'postgresPublicAddr', defaultPort: PORTS.proxyPostgres.port, l4Only: true, sources: ['D5', 'S23'] },
  mongo: { id: 'mongo', label: 'Mongo proxy', listenField: 'mongoListenAddr', listenKey: 'mongo_listen_addr', publicField: 'mongoPublicAddr', defaultPort: PORTS.proxyMongo.port, l4Only: true, sources: ['D5', 'S23'] },
};

/** What a config file version means for the Proxy's listeners. */
export interface ConfigVersionSpec {
  /** Listeners opened even when their listen address is not configured. */
  defaultListeners: readonly ProxyListenerId[];
  sources: readonly SourceKey[];
}

/**
 * Config file versions (reference §3.1). MySQL is not a v1 default although the docs' table lists it
 * (reference §6 Q3): `applyDefaultProxyListenerAddresses` (lib/config/configuration.go) opens web, SSH,
 * tunnel and Kubernetes only, and tsh then sends MySQL to the web port (`MySQLProxyHostPort`).
 */
export const CONFIG_VERSIONS: Readonly<Record<'v1' | 'v2' | 'v3', ConfigVersionSpec>> = {
  v1: { defaultListeners: ['web', 'ssh', 'tunnel', 'kube'], sources: ['S5', 'S6', 'D5'] },
  v2: { defaultListeners: ['web'], sources: ['S5', 'I2'] },
  v3: { defaultListeners: ['web'], sources: ['S5', 'I2'] },
};

/**
 * Listeners Teleport's code opens on config v1 without a listen address (`applyDefaultProxyListenerAddresses`
 * in lib/config/configuration.go, reference §5 L-C7 [S5][S6]): SSH 3023 and tunnel 3024. Kubernetes 3026
 * opens too, but only with the legacy `kubernetes.enabled` flag, which the plan does not hold.
 */
export const V1_LEGACY_LISTENERS: readonly ProxyListenerId[] = ['ssh', 'tunnel'];

/** The dedicated listeners clients use in `separate` mode (in `multiplex` everything rides `web`). */
export const SEPARATE_MODE_LISTENERS: readonly ProxyListenerId[] = ['ssh', 'tunnel', 'kube', 'mysql', 'postgres', 'mongo'];

/** Fields of an agent that hold a service listen address. */
export type AgentListenField = 'sshListenAddr' | 'kubeListenAddr' | 'desktopListenAddr';

/** Whether an agent service can listen (reference §3.5) and on what. */
export interface AgentServiceSpec {
  label: string;
  /** Present when the service can accept connections from the Proxy (direct-to-Auth joining). */
  listen?: {
    field: AgentListenField;
    defaultPort: number;
    template: string;
    /**
     * The teleport.yaml key, when the service has no default listener and takes `listen_addr` or a tunnel,
     * exactly one (§5 L-A1; `initKubernetesService`, `initWindowsDesktopServiceRegistered` [S11][S32]).
     */
    exclusiveKey?: string;
  };
  /**
   * The service must join through the Proxy (`proxy_server`): with `auth_server` it does not start, on
   * config v3 by validation (§5 L-C2, S7), on every version for want of a tunnel (S31).
   */
  proxyServerOnly?: true;
  sources: readonly SourceKey[];
}

/** Agent services. Application and Database never listen; Discovery has no listener. */
export const AGENT_SERVICES: Readonly<Record<AgentServiceName, AgentServiceSpec>> = {
  ssh: { label: 'SSH', listen: { field: 'sshListenAddr', defaultPort: PORTS.nodeSsh.port, template: 'proxy-dial-ssh' }, sources: ['D1', 'D16'] },
  kubernetes: { label: 'Kubernetes', listen: { field: 'kubeListenAddr', defaultPort: PORTS.kube.port, template: 'proxy-dial-kube', exclusiveKey: 'kubernetes_service.listen_addr' }, sources: ['D1', 'S11'] },
  desktop: { label: 'Windows Desktop', listen: { field: 'desktopListenAddr', defaultPort: PORTS.desktop.port, template: 'proxy-dial-desktop', exclusiveKey: 'windows_desktop_service.listen_addr' }, sources: ['D1', 'D14', 'S32'] },
  database: { label: 'Database', proxyServerOnly: true, sources: ['D1', 'D7', 'S7'] },
  app: { label: 'Application', proxyServerOnly: true, sources: ['D1', 'D7', 'S7'] },
  discovery: { label: 'Discovery', sources: ['D9'] },
};

/** Quirk (L-A9): a Kubernetes Service `listen_addr` without a port binds the Proxy SSH port. */
export const KUBE_SERVICE_PORTLESS_PORT = PORTS.proxySsh.port;

/** Auth listener default port. */
export const AUTH_DEFAULT_PORT = PORTS.auth.port;

/** Proxy peering listener default port. */
export const PEER_DEFAULT_PORT = PORTS.proxyPeer.port;

/**
 * Without `peer_public_addr`, a Proxy listening on 0.0.0.0 advertises a private IP of its host, preferring
 * these ranges in this order (reference §5 L-R4 [S8]).
 */
export const PEER_ADDRESS_PREFERENCE: readonly string[] = ['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12'];

/** A public address Teleport accepts only with its listen address. */
export interface PublicNeedsListen {
  publicField: 'kubePublicAddr' | 'mysqlPublicAddr' | 'mongoPublicAddr' | 'peerPublicAddr';
  listenField: 'kubeListenAddr' | 'mysqlListenAddr' | 'mongoListenAddr' | 'peerListenAddr';
  /** teleport.yaml keys, as the startup error names them. */
  publicKey: string;
  listenKey: string;
  defaultPort: number;
}

/**
 * `<x>_public_addr` without `<x>_listen_addr` stops the Proxy at startup with "<x>_listen_addr must be
 * set when <x>_public_addr is set" (reference §5 L-C8 [S5]; lib/config/configuration.go,
 * applyProxyConfig). Postgres is not checked there: without its listener it rides the web port.
 */
export const PUBLIC_NEEDS_LISTEN: readonly PublicNeedsListen[] = [
  { publicField: 'kubePublicAddr', listenField: 'kubeListenAddr', publicKey: 'kube_public_addr', listenKey: 'kube_listen_addr', defaultPort: PORTS.kube.port },
  { publicField: 'mysqlPublicAddr', listenField: 'mysqlListenAddr', publicKey: 'mysql_public_addr', listenKey: 'mysql_listen_addr', defaultPort: PORTS.proxyMysql.port },
  { publicField: 'mongoPublicAddr', listenField: 'mongoListenAddr', publicKey: 'mongo_public_addr', listenKey: 'mongo_listen_addr', defaultPort: PORTS.proxyMongo.port },
  { publicField: 'peerPublicAddr', listenField: 'peerListenAddr', publicKey: 'peer_public_addr', listenKey: 'peer_listen_addr', defaultPort: PORTS.proxyPeer.port },
];

/**
 * Port of an agent's `TELEPORT_TUNNEL_PUBLIC_ADDR` without one: the agent parses it with the tunnel
 * listener's default port (`utils.ParseHostPortAddr(addr, defaults.SSHProxyTunnelListenPort)` in
 * lib/config/configuration.go; reference A2, S2).
 */
export const TUNNEL_ENV_DEFAULT_PORT = PORTS.proxyTunnel.port;

/**
 * Experimental QUIC proxy peering (`TELEPORT_UNSTABLE_QUIC_PROXY_PEERING`): merged in PR 47587 and
 * backported to v17 in PR 49000 (November 2024; reference §3.2, I5). Which 17.x release first shipped it
 * is not known here: 17.0 is assumed.
 */
export const QUIC_PEERING_SINCE = release(17, 0);

/** A teleport.yaml or tbot.yaml key that holds a join address. */
export interface JoinKeySpec {
  key: 'proxy_server' | 'auth_server' | 'auth_servers';
  /** Port dialled when the address has none; undefined: none is filled in, and the dial fails. */
  defaultPort: number | undefined;
  /** Ports that say the address names the other service (L-C4); v1/v2 `auth_servers` may name either. */
  swappedPorts: readonly number[];
  /** The key of the other service, offered by L-C4. */
  other?: 'proxy_server' | 'auth_server';
}

/**
 * The join address keys (`applyAuthOrProxyAddress` in lib/config/configuration.go; reference §1 3080
 * row, §2.2 A1/A4, §5 L-C4…L-C6, S5, S7): v3 `proxy_server` is parsed with `defaults.HTTPListenPort`
 * (3080, not 443); v3 `auth_server` and v1/v2 `auth_servers` with `defaults.AuthListenPort` (3025),
 * even when `auth_servers` names a Proxy, which v1/v2 allow (the process then tunnels through it).
 */
export const JOIN_KEYS = {
  proxyServer: { key: 'proxy_server', defaultPort: PORTS.proxyWeb.port, swappedPorts: [PORTS.auth.port], other: 'auth_server' },
  authServer: { key: 'auth_server', defaultPort: PORTS.auth.port, swappedPorts: [PORTS.proxyWeb.port, 443], other: 'proxy_server' },
  authServers: { key: 'auth_servers', defaultPort: PORTS.auth.port, swappedPorts: [] },
} as const satisfies Record<string, JoinKeySpec>;

/**
 * tbot's join address keys (tbot.yaml v2, reference §2.5, D13; lib/tbot/config `BotConfig`), read
 * apart from teleport.yaml's: `proxy_server` is the host of the https URL tbot pings
 * (`webclient.Find` in api/client/webclient: `https://<proxy_server>/webapi/find`), so 443 without a
 * port; `auth_server` is dialled as written (`utils.ParseAddr` fills in no port), so without a port the
 * dial fails. An `auth_server` on a Proxy web port (3080, 443) is taken for a Proxy (`join.Register`:
 * `authServerIsProxy`, deprecated): L-C4 when the plan has tbot join Auth there.
 */
export const TBOT_JOIN_KEYS = {
  proxyServer: { key: 'proxy_server', defaultPort: 443, swappedPorts: [], other: 'auth_server' }, // S30
  authServer: { key: 'auth_server', defaultPort: undefined, swappedPorts: [PORTS.proxyWeb.port, 443], other: 'proxy_server' },
} as const satisfies Record<string, JoinKeySpec>;

/** The key a join address goes in: tbot.yaml's for tbot, else teleport.yaml's by config version and the way it joins. */
export function joinKeyOf(configVersion: string | undefined, joinVia: 'proxy' | 'auth', kind: 'agent' | 'tbot' = 'agent'): JoinKeySpec {
  if (kind === 'tbot') return joinVia === 'proxy' ? TBOT_JOIN_KEYS.proxyServer : TBOT_JOIN_KEYS.authServer;
  if (configVersion !== 'v3') return JOIN_KEYS.authServers;
  return joinVia === 'proxy' ? JOIN_KEYS.proxyServer : JOIN_KEYS.authServer;
}

/**
 * A leaf's `trusted_cluster` addresses (reference §2.3 P8/P9): `web_proxy_addr` is the host of an
 * `https://` URL (`sendValidateRequestToProxy` in lib/auth/trustedcluster.go), so 443 without a port;
 * `tunnel_addr` defaults to `web_proxy_addr` (`TrustedClusterV2.CheckAndSetDefaults` in api/types) and
 * is dialled as written (`StaticResolver` in lib/reversetunnelclient): without a port the dial fails.
 */
export const TRUST_WEB_PROXY_DEFAULT_PORT = 443;

/**
 * Relay Service listeners (reference §2.8): the plan field, its key under `relay_service`, and the
 * docs' example port (Teleport has no defaults: every listen address is required, IP:port).
 */
export const RELAY_LISTENERS = {
  transport: { field: 'transportListenAddr', yamlKey: 'transport_listen_addr', port: PORTS.relayTransport.port },
  peer: { field: 'peerListenAddr', yamlKey: 'peer_listen_addr', port: PORTS.relayPeer.port },
  tunnel: { field: 'tunnelListenAddr', yamlKey: 'tunnel_listen_addr', port: PORTS.relayTunnel.port },
} as const;

/** Port tsh (`--relay` / `TELEPORT_RELAY`) dials when the relay address has none (D8); assumed for tbot too. */
export const RELAY_CLIENT_DEFAULT_PORT = PORTS.https.port;

/**
 * Monitoring endpoints of Teleport processes (reference §2.9): the plan field, its teleport.yaml key
 * (tbot's own key where it differs) and the flow template a scrape makes.
 */
export const MONITOR_ENDPOINTS = [
  { field: 'metricsListenAddr', yamlKey: 'metrics_service.listen_addr', tbotYamlKey: undefined, template: 'monitor-metrics' },
  { field: 'diagAddr', yamlKey: 'teleport.diag_addr', tbotYamlKey: 'diag_addr', template: 'monitor-diag' },
] as const;
