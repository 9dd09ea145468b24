/**
 * Plan format version 1. FROZEN: once released, this file only changes in ways that keep every
 * v1 file parsing to the same plan (new optional fields with defaults). Anything else is a v2 with a
 * migration in `migrate.ts`.
 *
 * Field names follow Teleport's own configuration keys where one exists (camelCased), so that a
 * reader of teleport.yaml recognises them: `publicAddr` = `public_addr`, `webListenAddr` =
 * `web_listen_addr`, and so on.
 */
import * as z from 'zod/mini';
import { formatPath } from './path.ts';
import { Address, AgentEnv, Cidr, ClientEnv, HostPort, Id, Name, Notes, Port, Position, ProxyEnv, Size, between, checkedText, isHostPort, whole } from './common.ts';

export const FORMAT_TYPE = 'portolan-plan';

// ---------------------------------------------------------------------------------------------
// Clusters

export const Deployment = z.enum(['self-hosted', 'cloud']);
export const ConfigVersion = z.enum(['v1', 'v2', 'v3']);
export const ListenerMode = z.enum(['multiplex', 'separate']);
export const TunnelStrategy = z.enum(['agent_mesh', 'proxy_peering']);
export const Edition = z.enum(['oss', 'enterprise']);

/**
 * One Teleport cluster. Defaults are what `teleport configure` writes today: self-hosted, config v3,
 * `proxy_listener_mode: multiplex`, agent mesh (see the reference, §7 Q1).
 */
export const ClusterV1 = z.object({
  id: Id,
  /** `cluster_name`. */
  name: Name,
  deployment: z._default(Deployment, 'self-hosted'),
  /** Teleport major version running the cluster. */
  teleportVersion: z._default(whole(8, 99, 'expected a Teleport major version from 8 to 99'), 18),
  /**
   * Minor version (the 3 of 18.3), when known: features that came in a minor release (Relay 18.3,
   * `tcp_ports` 17.1, Sigstore 17.5) are checked against it; absent, only the major version is compared.
   * Added to v1 as an optional field.
   */
  teleportMinorVersion: z.optional(whole(0, 99, 'expected a minor version from 0 to 99')),
  /** `version:` of the teleport.yaml files. A file without `version:` is v1. */
  configVersion: z._default(ConfigVersion, 'v3'),
  /** `auth_service.proxy_listener_mode` (a cluster setting, not a Proxy one). */
  proxyListenerMode: z._default(ListenerMode, 'multiplex'),
  /** `auth_service.tunnel_strategy.type`. */
  tunnelStrategy: z._default(TunnelStrategy, 'agent_mesh'),
  edition: z._default(Edition, 'oss'),
  /** Teleport Cloud tenant address, e.g. `example.teleport.sh:443`. */
  cloudTenant: z.optional(HostPort),
  /** This cluster is a leaf that trusts the cluster with this id (a trusted cluster relation). */
  trustedRoot: z.optional(Id),
  /**
   * The leaf's `trusted_cluster` resource (reference §2.3 P8/P9), as written: `web_proxy_addr`, the root
   * Proxy web address its Auth validates the trust against (https: 443 without a port), and `tunnel_addr`,
   * where its Proxies open their reverse tunnel (empty: `web_proxy_addr`). Absent: the addresses the root
   * Proxy advertises. Added to v1 as optional fields.
   */
  trustWebProxyAddr: z.optional(HostPort),
  trustTunnelAddr: z.optional(HostPort),
  /** `tunnel_strategy.agent_connection_count` with proxy peering. */
  agentConnectionCount: z.optional(whole(1, 16)),
  notes: z.optional(Notes),
});

// ---------------------------------------------------------------------------------------------
// Zones

export const ZoneKind = z.enum(['internet', 'dmz', 'private', 'cloud', 'on-prem', 'kubernetes', 'cloud-tenant']);

export const ZoneV1 = z.object({
  id: Id,
  name: Name,
  kind: z._default(ZoneKind, 'private'),
  cidrs: z._default(z.array(Cidr).check(z.maxLength(64)), []),
  position: z._default(Position, { x: 0, y: 0 }),
  size: z._default(Size, { width: 480, height: 320 }),
  notes: z.optional(Notes),
});

// ---------------------------------------------------------------------------------------------
// Nodes

const nodeBase = {
  id: Id,
  name: Name,
  /** The zone the node sits in; none means "outside every zone". */
  zone: z.optional(Id),
  /** Hostnames, IPs, host:port or CIDRs the node is known by (first one is used in rules). */
  addresses: z._default(z.array(Address).check(z.maxLength(32)), []),
  position: z._default(Position, { x: 0, y: 0 }),
  notes: z.optional(Notes),
};

/** Nodes that run Teleport belong to one cluster (the first cluster when omitted). */
const teleportBase = { ...nodeBase, cluster: z.optional(Id) };

/**
 * `teleport.diag_addr` (tbot: `diag_addr`): the diagnostic endpoint (`/metrics`, `/healthz`,
 * `/readyz`), disabled unless set (reference §2.9 M2). Added to v1 as an optional field.
 */
const diagAddr = z.optional(HostPort);

/**
 * `metrics_service.listen_addr` of a Teleport process with `metrics_service` enabled (default port
 * 3081, reference §2.9 M1); absent = not enabled. Added to v1 as an optional field.
 */
const metricsListenAddr = z.optional(HostPort);

/** `proxy_protocol` of the Auth and Proxy Services: `on` requires a PROXY header, `off` refuses one. */
export const ProxyProtocolSetting = z.enum(['on', 'off', 'unspecified']);

export const AuthNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('auth'),
  /** `auth_service.listen_addr`. */
  listenAddr: z._default(HostPort, '0.0.0.0:3025'),
  /** `auth_service.public_addr`. */
  publicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  /**
   * `auth_service.proxy_protocol`, set apart from the Proxy's (docs: "Run Teleport with the PROXY
   * Protocol"; config reference D6). Added to v1 with the schema's default, so older files parse unchanged.
   */
  proxyProtocol: z._default(ProxyProtocolSetting, 'unspecified'),
  /**
   * HTTPS_PROXY / HTTP_PROXY / NO_PROXY of the Auth process: a leaf cluster's Auth validates the trust
   * on the root Proxy over HTTPS, which honours them. Added to v1 as an optional field.
   */
  env: z.optional(ProxyEnv),
  metricsListenAddr,
  diagAddr,
});

export const ProxyNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('proxy'),
  publicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  webListenAddr: z._default(HostPort, '0.0.0.0:3080'),
  /** `listen_addr`: the SSH proxy listener (3023). */
  sshListenAddr: z.optional(HostPort),
  sshPublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  tunnelListenAddr: z.optional(HostPort),
  tunnelPublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  kubeListenAddr: z.optional(HostPort),
  kubePublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  mysqlListenAddr: z.optional(HostPort),
  mysqlPublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  postgresListenAddr: z.optional(HostPort),
  postgresPublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  mongoListenAddr: z.optional(HostPort),
  mongoPublicAddr: z._default(z.array(HostPort).check(z.maxLength(8)), []),
  peerListenAddr: z.optional(HostPort),
  peerPublicAddr: z.optional(HostPort),
  /** `acme.enabled`. */
  acme: z._default(z.boolean(), false),
  proxyProtocol: z._default(ProxyProtocolSetting, 'unspecified'),
  trustXForwardedFor: z._default(z.boolean(), false),
  /**
   * Application subdomains (`<app>.<public_addr host>`) resolve to this Proxy's entry point and its
   * certificate covers them (a wildcard, or one name per app): browsers reach web apps there (reference
   * §2.1 C1, §5 L-B7). Added to v1 as an optional field.
   */
  appSubdomainDns: z._default(z.boolean(), false),
  /**
   * `TELEPORT_UNSTABLE_QUIC_PROXY_PEERING=yes` (experimental, Teleport 17+): with proxy peering, this
   * Proxy and every other Proxy that sets it peer over QUIC, on UDP at the peer address (reference §1
   * 3021 row, I5). Added to v1 as an optional field.
   */
  quicPeering: z._default(z.boolean(), false),
  env: z.optional(ProxyEnv),
  metricsListenAddr,
  diagAddr,
});

export const AgentService = z.enum(['ssh', 'kubernetes', 'database', 'app', 'desktop', 'discovery']);
export const JoinVia = z.enum(['proxy', 'auth']);

export const AgentNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('agent'),
  services: z
    .array(AgentService)
    .check(z.minLength(1, { message: 'an agent runs at least one service' }), z.refine((s) => new Set(s).size === s.length, { message: 'each service at most once' })),
  /** v3 `proxy_server` (via the Proxy) or `auth_server` (directly to Auth). */
  joinVia: z._default(JoinVia, 'proxy'),
  /**
   * The join address as written in the agent's teleport.yaml: v3 `proxy_server` (joining via the Proxy)
   * or `auth_server` (directly), v1/v2 `auth_servers[0]`. Absent: the address its Proxy advertises (or
   * Auth's). Without a port Teleport dials 3080 for `proxy_server` and 3025 otherwise
   * (`JOIN_KEYS` in the catalog). Added to v1 as an optional field.
   */
  joinAddr: z.optional(HostPort),
  /** Where the agent runs: on a host, or as a pod in a Kubernetes cluster (NetworkPolicy exports). */
  runtime: z._default(z.enum(['host', 'kubernetes']), 'host'),
  namespace: z.optional(z.string().check(z.maxLength(63))),
  env: z.optional(AgentEnv),
  /** `ssh_service.listen_addr` / `force_listen`. */
  sshListenAddr: z.optional(HostPort),
  sshForceListen: z._default(z.boolean(), false),
  /** `kubernetes_service.listen_addr`. */
  kubeListenAddr: z.optional(HostPort),
  /** `windows_desktop_service.listen_addr`. */
  desktopListenAddr: z.optional(HostPort),
  /** The Desktop Service uses Active Directory hosts or LDAP discovery (then `ldap.addr` is required). */
  desktopUsesAd: z._default(z.boolean(), false),
  /** `app_service` `allowed_hosts` / `denied_hosts` in use. */
  appHostFilters: z._default(z.boolean(), false),
  metricsListenAddr,
  diagAddr,
  /**
   * `teleport.relay_server` (host:port, the relay load balancer's tunnel address): the SSH Service also
   * opens tunnels to the Relay Service (Teleport 18.3+). Added to v1 as an optional field.
   */
  relayServer: z.optional(HostPort),
});

/**
 * `listen` of tbot's Workload API: `unix:///absolute/path` or `tcp://host:port` (tbot parses it as a URL;
 * an IPv6 host goes in brackets).
 */
const WorkloadListen = checkedText(300, (v) => /^unix:\/\/\/\S+$/.test(v) || isTcpListen(v), 'expected unix:///path/to/socket or tcp://host:port');

function isTcpListen(v: string): boolean {
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(v);
  return m !== null && isHostPort(`${m[1]}:${m[2]}`);
}

/**
 * tbot's Workload API service (`workload-identity-api`, also `spiffe-workload-api`; reference §2.5 T5):
 * workloads ask it for SPIFFE credentials on `listen`, and the Kubernetes attestor asks the kubelet of
 * the node which pod is calling. Added to v1 as an optional field.
 */
export const WorkloadApi = z
  .object({
    /** `listen` (required by tbot, no default; the docs use unix:///opt/machine-id/workload.sock). Clearing it removes the service. */
    listen: z.optional(WorkloadListen),
    /** `attestors.kubernetes.enabled`: ask the kubelet of the node which pod is calling. */
    kubernetesAttestor: z._default(z.boolean(), false),
    /** `attestors.kubernetes.kubelet.secure_port` (HTTPS with the pod's service-account token; 10250 when no port is set). */
    kubeletSecurePort: z.optional(Port),
    /** `attestors.kubernetes.kubelet.read_only_port` (plain HTTP, no authentication). */
    kubeletReadOnlyPort: z.optional(Port),
    /** `attestors.sigstore.enabled` (Enterprise): fetch the callers' image signatures from their registries. */
    sigstoreAttestor: z._default(z.boolean(), false),
    /** `attestors.sigstore.allowed_private_network_prefixes`: private registry networks tbot may dial. */
    sigstorePrivatePrefixes: z._default(z.array(Cidr).check(z.maxLength(64)), []),
  })
  .check(
    z.refine((w) => w.kubeletSecurePort === undefined || w.kubeletReadOnlyPort === undefined, {
      message: 'set the kubelet secure port or its read-only port, not both (tbot refuses the config)',
      path: ['kubeletReadOnlyPort'],
    }),
  );

export const TbotNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('tbot'),
  /** `proxy_server` (recommended) or `auth_server`. */
  joinVia: z._default(JoinVia, 'proxy'),
  /**
   * The join address as tbot.yaml writes it (`proxy_server` or `auth_server`, by `joinVia`). Without a
   * port, tbot dials 443 for `proxy_server` and fills in none for `auth_server` (`TBOT_JOIN_KEYS` in the
   * catalog). Added to v1 as an optional field.
   */
  joinAddr: z.optional(HostPort),
  env: z.optional(ProxyEnv),
  diagAddr,
  /**
   * `relay_server` of tbot's `ssh-multiplexer` service: SSH through a Relay Service (host[:port]; port
   * 443 assumed when omitted, as for tsh). Added to v1 as an optional field.
   */
  relayServer: z.optional(HostPort),
  workloadApi: z.optional(WorkloadApi),
  /**
   * Where tbot runs (absent: on a host): as a pod, it gets a NetworkPolicy export. Added to v1 as
   * optional fields.
   */
  runtime: z.optional(z.enum(['host', 'kubernetes'])),
  namespace: z.optional(z.string().check(z.maxLength(63))),
});

/**
 * A Relay Service instance (`relay_service`, Teleport 18.3+, reference §2.8): agents tunnel to it and
 * clients reach SSH hosts through it, near the resources. Listen addresses have no default in
 * Teleport (all three are required, IP:port); the defaults here are the docs' example ports.
 * Added to v1 as a new kind: older files have none.
 */
export const RelayNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('relay'),
  /** `relay_group`: relays of one group peer with each other and share agents' tunnels. */
  relayGroup: z._default(z.string().check(z.trim(), z.minLength(1, { message: 'a relay belongs to a relay group' }), z.maxLength(128)), 'default'),
  /** `target_connection_count`: how many relays of the group each agent keeps a tunnel to. */
  targetConnectionCount: z._default(whole(1, 16), 1),
  /** `public_hostnames`: names clients and agents use for this relay (required by Teleport). */
  publicHostnames: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(253))).check(z.maxLength(16)), []),
  /** `transport_listen_addr`: clients (tsh --relay, tbot ssh-multiplexer). */
  transportListenAddr: z._default(HostPort, '0.0.0.0:3040'),
  transportProxyProtocol: z._default(z.boolean(), false),
  /** `peer_listen_addr`: the other relays of the group. */
  peerListenAddr: z._default(HostPort, '0.0.0.0:3041'),
  /** `peer_public_addr` (default: the host's first private IP with the peer port). */
  peerPublicAddr: z.optional(HostPort),
  /** `tunnel_listen_addr`: agents' relay tunnels. */
  tunnelListenAddr: z._default(HostPort, '0.0.0.0:3042'),
  tunnelProxyProtocol: z._default(z.boolean(), false),
  env: z.optional(ProxyEnv),
  metricsListenAddr,
  diagAddr,
});

/** `monitoring`: Prometheus or health probes scraping Teleport's diagnostic and metrics endpoints (§2.9). */
export const ClientTool = z.enum(['browser', 'tsh', 'kubectl', 'database', 'rdp', 'monitoring']);

export const ClientNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('client'),
  tools: z.array(ClientTool).check(z.minLength(1, { message: 'a client uses at least one tool' })),
  env: z.optional(ClientEnv),
});

export const PortMapping = z.object({
  frontPort: Port,
  targetPort: Port,
});

export const LoadBalancerNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('load-balancer'),
  layer: z._default(z.enum(['l4', 'l7']), 'l4'),
  /** The LB terminates TLS (ACM certificate, ALB, ingress). */
  tlsTermination: z._default(z.boolean(), false),
  /**
   * With TLS termination, the LB opens a new TLS connection to its backends (e.g. an AWS NLB "TLS" target
   * group). Added to v1 as an optional field.
   */
  tlsReencrypt: z._default(z.boolean(), false),
  mappings: z._default(z.array(PortMapping).check(z.minLength(1, { message: 'a load balancer forwards at least one port' }), z.maxLength(32)), [{ frontPort: 443, targetPort: 3080 }]),
  idleTimeoutSeconds: z.optional(whole(1, 86400)),
  /** The LB sends PROXY protocol headers to its backends. */
  sendsProxyProtocol: z._default(z.boolean(), false),
  /**
   * Session affinity: the LB sends a client's new connections to the backend it used before (source-IP
   * stickiness, affinity cookies). Added to v1 as an optional field.
   */
  sticky: z._default(z.boolean(), false),
});

export const HttpProxyNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('http-proxy'),
  port: z._default(Port, 3128),
  /**
   * Destination ports the forward proxy allows CONNECT to (Squid's default `SSL_ports`, for instance, is
   * 443 alone); absent: not known, nothing is checked. Added to v1 as an optional field.
   */
  connectPorts: z.optional(z.array(Port).check(z.maxLength(64), z.refine((ps) => new Set(ps).size === ps.length, { message: 'each port at most once' }))),
});

export const OpensshHostNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('openssh-host'),
  sshPort: z._default(Port, 22),
});

export const KubeApiNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('kube-api'),
  port: z._default(Port, 443),
});

export const DatabaseEngine = z.enum([
  'postgres',
  'cockroachdb',
  'mysql',
  'mongodb',
  'redis',
  'sqlserver',
  'oracle',
  'snowflake',
  'cassandra',
  'elasticsearch',
  'opensearch',
  'dynamodb',
  'clickhouse',
  'clickhouse-http',
  'spanner',
]);

export const DatabaseNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('database'),
  engine: DatabaseEngine,
  /** The port in the database URI. Omitted: the engine's usual port is assumed (and flagged where Teleport requires one). */
  port: z.optional(Port),
});

export const WindowsHostNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('windows-host'),
  rdpPort: z._default(Port, 3389),
});

export const DomainControllerNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('domain-controller'),
  /** `ldap.addr` port: LDAPS 636 by default (reference §7 Q4). */
  ldapPort: z._default(Port, 636),
  /** Kerberos KDC port: 88 assumed (not stated in Teleport's source). */
  kdcPort: z._default(Port, 88),
});

/** One entry of an app's `tcp_ports`: a port, or an inclusive range `port`–`endPort`. */
export const AppPortRange = z
  .object({
    port: Port,
    /** `end_port`: inclusive end of the range; absent for a single port. */
    endPort: z.optional(Port),
  })
  .check(z.refine((r) => r.endPort === undefined || r.endPort >= r.port, { message: 'the end port must not be below the port', path: ['endPort'] }));

export const AppNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('app'),
  /** `uri` of the application: http(s)://host[:port], tcp://host:port, or tcp://host with `tcpPorts`. */
  uri: checkedText(500, (s) => /^(https?|tcp):\/\/[^/\s:]+(:\d{1,5})?(\/\S*)?$/.test(s), 'expected http(s)://host[:port][/path] or tcp://host:port'),
  /**
   * `tcp_ports` of a multi-port TCP app (Teleport 17.1+; the URI is then `tcp://host` without a port).
   * Added to v1 as an optional field.
   */
  tcpPorts: z.optional(z.array(AppPortRange).check(z.maxLength(32))),
});

export const CloudApiNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('cloud-api'),
  provider: z._default(z.enum(['aws', 'gcp', 'azure', 'other']), 'aws'),
  port: z._default(Port, 443),
});

export const NodeV1 = z.discriminatedUnion('kind', [
  AuthNodeV1,
  ProxyNodeV1,
  AgentNodeV1,
  TbotNodeV1,
  RelayNodeV1,
  ClientNodeV1,
  LoadBalancerNodeV1,
  HttpProxyNodeV1,
  OpensshHostNodeV1,
  KubeApiNodeV1,
  DatabaseNodeV1,
  WindowsHostNodeV1,
  DomainControllerNodeV1,
  AppNodeV1,
  CloudApiNodeV1,
]);

// ---------------------------------------------------------------------------------------------
// Links

/** A link says "these two talk". The engine decides what it means and which side opens the connection. */
export const LinkV1 = z.object({
  id: Id,
  source: Id,
  target: Id,
  notes: z.optional(Notes),
});

export const ViewV1 = z.object({
  x: z.number(),
  y: z.number(),
  zoom: between(0.01, 10),
});

// ---------------------------------------------------------------------------------------------
// Assertions: statements about the plan, checked on every edit (violations become findings)

const assertionBase = { id: Id, description: z.optional(Notes) };

export const AssertionV1 = z.discriminatedUnion('type', [
  /** Nothing from another zone may reach this zone ("nothing inbound to zone Private"). */
  z.object({ ...assertionBase, type: z.literal('no-inbound'), zone: Id }),
  /**
   * Rules from this zone may only use these ports ("only 443 reachable from Internet"): `ports` for TCP,
   * `udpPorts` for UDP (QUIC proxy peering). `udpPorts` was added to v1 as an optional field; without
   * it no UDP rule is allowed.
   */
  z.object({
    ...assertionBase, type: z.literal('only-ports-from'), zone: Id,
    ports: z.array(Port).check(z.maxLength(64)),
    udpPorts: z.optional(z.array(Port).check(z.maxLength(64))),
  }).check(z.refine((a) => a.ports.length + (a.udpPorts?.length ?? 0) > 0, { message: 'list at least one port', path: ['ports'] })),
  /** No rule at all from one zone to another. */
  z.object({ ...assertionBase, type: z.literal('no-traffic'), fromZone: Id, toZone: Id }),
  /** Nothing in this zone may open connections to other zones (egress lock-down). */
  z.object({ ...assertionBase, type: z.literal('no-outbound'), zone: Id }),
]);

// ---------------------------------------------------------------------------------------------
// The envelope

export const PlanV1Shape = z.object({
  type: z.literal(FORMAT_TYPE),
  version: z.literal(1),
  name: Name,
  description: z.optional(Notes),
  clusters: z.array(ClusterV1).check(z.minLength(1, { message: 'a plan has at least one cluster' }), z.maxLength(16)),
  zones: z._default(z.array(ZoneV1).check(z.maxLength(500)), []),
  nodes: z._default(z.array(NodeV1).check(z.maxLength(20000)), []),
  links: z._default(z.array(LinkV1).check(z.maxLength(50000)), []),
  /** Added after the first release of v1 as an optional list: older v1 files parse unchanged. */
  assertions: z._default(z.array(AssertionV1).check(z.maxLength(200)), []),
  view: z.optional(ViewV1),
});

/** Cross-references: ids unique, every reference points at something of the right kind. */
export const PlanV1 = PlanV1Shape.check(z.superRefine((plan, ctx) => {
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const prior = seen.get(id);
    if (prior) ctx.addIssue({ code: 'custom', path, message: `id "${id}" is already used by ${prior}` });
    else seen.set(id, formatPath(path));
  };
  plan.clusters.forEach((c, i) => claim(c.id, ['clusters', i, 'id']));
  plan.zones.forEach((z, i) => claim(z.id, ['zones', i, 'id']));
  plan.nodes.forEach((n, i) => claim(n.id, ['nodes', i, 'id']));
  plan.links.forEach((l, i) => claim(l.id, ['links', i, 'id']));
  plan.assertions.forEach((a, i) => claim(a.id, ['assertions', i, 'id']));

  const clusterIds = new Set(plan.clusters.map((c) => c.id));
  const zoneIds = new Set(plan.zones.map((z) => z.id));
  const nodeIds = new Set(plan.nodes.map((n) => n.id));

  plan.clusters.forEach((c, i) => {
    if (c.trustedRoot === undefined) {
      // A trusted_cluster resource belongs to a leaf: its addresses mean nothing without a root.
      for (const key of ['trustWebProxyAddr', 'trustTunnelAddr'] as const) {
        if (c[key] !== undefined) ctx.addIssue({ code: 'custom', path: ['clusters', i, key], message: 'only a leaf cluster (one that trusts a root) has trusted_cluster addresses' });
      }
      return;
    }
    if (!clusterIds.has(c.trustedRoot)) ctx.addIssue({ code: 'custom', path: ['clusters', i, 'trustedRoot'], message: `no cluster with id "${c.trustedRoot}"` });
    else if (c.trustedRoot === c.id) ctx.addIssue({ code: 'custom', path: ['clusters', i, 'trustedRoot'], message: 'a cluster cannot trust itself' });
  });
  plan.nodes.forEach((n, i) => {
    if (n.zone !== undefined && !zoneIds.has(n.zone)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'zone'], message: `no zone with id "${n.zone}"` });
    if ('cluster' in n && n.cluster !== undefined && !clusterIds.has(n.cluster)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'cluster'], message: `no cluster with id "${n.cluster}"` });
  });
  plan.assertions.forEach((a, i) => {
    const refs: [string, string][] = a.type === 'no-traffic' ? [['fromZone', a.fromZone], ['toZone', a.toZone]] : [['zone', a.zone]];
    for (const [field, zone] of refs) {
      if (!zoneIds.has(zone)) ctx.addIssue({ code: 'custom', path: ['assertions', i, field], message: `no zone with id "${zone}"` });
    }
  });
  plan.links.forEach((l, i) => {
    if (!nodeIds.has(l.source)) ctx.addIssue({ code: 'custom', path: ['links', i, 'source'], message: `no node with id "${l.source}"` });
    if (!nodeIds.has(l.target)) ctx.addIssue({ code: 'custom', path: ['links', i, 'target'], message: `no node with id "${l.target}"` });
    if (l.source === l.target) ctx.addIssue({ code: 'custom', path: ['links', i, 'target'], message: 'a link cannot connect a node to itself' });
  });
}));

export type PlanV1 = z.output<typeof PlanV1>;
export type PlanV1Input = z.input<typeof PlanV1>;
