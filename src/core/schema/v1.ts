/**
 * Plan format version 1. FROZEN: once released, this file only changes in ways that keep every
 * v1 file parsing to the same plan (new optional fields with defaults). Anything else is a v2 with a
 * migration in `migrate.ts`.
 *
 * Field names follow Teleport's own configuration keys where one exists (camelCased), so that a
 * reader of teleport.yaml recognises them: `publicAddr` = `public_addr`, `webListenAddr` =
 * `web_listen_addr`, and so on.
 */
import { z } from 'zod';
import { formatPath } from './path.ts';
import { Address, AgentEnv, Cidr, ClientEnv, HostPort, Id, Name, Notes, Port, Position, ProxyEnv, Size, isHostPort } from './common.ts';

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
  deployment: Deployment.default('self-hosted'),
  /** Teleport major version running the cluster. */
  teleportVersion: z.number().int().min(8, { message: 'expected a Teleport major version from 8 to 99' }).max(99, { message: 'expected a Teleport major version from 8 to 99' }).default(18),
  /** `version:` of the teleport.yaml files. A file without `version:` is v1. */
  configVersion: ConfigVersion.default('v3'),
  /** `auth_service.proxy_listener_mode` (a cluster setting, not a Proxy one). */
  proxyListenerMode: ListenerMode.default('multiplex'),
  /** `auth_service.tunnel_strategy.type`. */
  tunnelStrategy: TunnelStrategy.default('agent_mesh'),
  edition: Edition.default('oss'),
  /** Teleport Cloud tenant address, e.g. `example.teleport.sh:443`. */
  cloudTenant: HostPort.optional(),
  /** This cluster is a leaf that trusts the cluster with this id (a trusted cluster relation). */
  trustedRoot: Id.optional(),
  /** `tunnel_strategy.agent_connection_count` with proxy peering. */
  agentConnectionCount: z.number().int().min(1).max(16).optional(),
  notes: Notes.optional(),
});

// ---------------------------------------------------------------------------------------------
// Zones

export const ZoneKind = z.enum(['internet', 'dmz', 'private', 'cloud', 'on-prem', 'kubernetes', 'cloud-tenant']);

export const ZoneV1 = z.object({
  id: Id,
  name: Name,
  kind: ZoneKind.default('private'),
  cidrs: z.array(Cidr).max(64).default([]),
  position: Position.default({ x: 0, y: 0 }),
  size: Size.default({ width: 480, height: 320 }),
  notes: Notes.optional(),
});

// ---------------------------------------------------------------------------------------------
// Nodes

const nodeBase = {
  id: Id,
  name: Name,
  /** The zone the node sits in; none means "outside every zone". */
  zone: Id.optional(),
  /** Hostnames, IPs, host:port or CIDRs the node is known by (first one is used in rules). */
  addresses: z.array(Address).max(32).default([]),
  position: Position.default({ x: 0, y: 0 }),
  notes: Notes.optional(),
};

/** Nodes that run Teleport belong to one cluster (the first cluster when omitted). */
const teleportBase = { ...nodeBase, cluster: Id.optional() };

/**
 * `teleport.diag_addr` (tbot: `diag_addr`): the diagnostic endpoint (`/metrics`, `/healthz`,
 * `/readyz`), disabled unless set (reference §2.9 M2). Added to v1 as an optional field.
 */
const diagAddr = HostPort.optional();

/**
 * `metrics_service.listen_addr` of a Teleport process with `metrics_service` enabled (default port
 * 3081, reference §2.9 M1); absent = not enabled. Added to v1 as an optional field.
 */
const metricsListenAddr = HostPort.optional();

export const AuthNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('auth'),
  /** `auth_service.listen_addr`. */
  listenAddr: HostPort.default('0.0.0.0:3025'),
  /** `auth_service.public_addr`. */
  publicAddr: z.array(HostPort).max(8).default([]),
  /**
   * HTTPS_PROXY / HTTP_PROXY / NO_PROXY of the Auth process: a leaf cluster's Auth validates the trust
   * on the root Proxy over HTTPS, which honours them. Added to v1 as an optional field.
   */
  env: ProxyEnv.optional(),
  metricsListenAddr,
  diagAddr,
});

export const ProxyProtocolSetting = z.enum(['on', 'off', 'unspecified']);

export const ProxyNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('proxy'),
  publicAddr: z.array(HostPort).max(8).default([]),
  webListenAddr: HostPort.default('0.0.0.0:3080'),
  /** `listen_addr`: the SSH proxy listener (3023). */
  sshListenAddr: HostPort.optional(),
  sshPublicAddr: z.array(HostPort).max(8).default([]),
  tunnelListenAddr: HostPort.optional(),
  tunnelPublicAddr: z.array(HostPort).max(8).default([]),
  kubeListenAddr: HostPort.optional(),
  kubePublicAddr: z.array(HostPort).max(8).default([]),
  mysqlListenAddr: HostPort.optional(),
  mysqlPublicAddr: z.array(HostPort).max(8).default([]),
  postgresListenAddr: HostPort.optional(),
  postgresPublicAddr: z.array(HostPort).max(8).default([]),
  mongoListenAddr: HostPort.optional(),
  mongoPublicAddr: z.array(HostPort).max(8).default([]),
  peerListenAddr: HostPort.optional(),
  peerPublicAddr: HostPort.optional(),
  /** `acme.enabled`. */
  acme: z.boolean().default(false),
  proxyProtocol: ProxyProtocolSetting.default('unspecified'),
  trustXForwardedFor: z.boolean().default(false),
  env: ProxyEnv.optional(),
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
    .min(1, { message: 'an agent runs at least one service' })
    .refine((s) => new Set(s).size === s.length, { message: 'each service at most once' }),
  /** v3 `proxy_server` (via the Proxy) or `auth_server` (directly to Auth). */
  joinVia: JoinVia.default('proxy'),
  /** Where the agent runs: on a host, or as a pod in a Kubernetes cluster (NetworkPolicy exports). */
  runtime: z.enum(['host', 'kubernetes']).default('host'),
  namespace: z.string().max(63).optional(),
  env: AgentEnv.optional(),
  /** `ssh_service.listen_addr` / `force_listen`. */
  sshListenAddr: HostPort.optional(),
  sshForceListen: z.boolean().default(false),
  /** `kubernetes_service.listen_addr`. */
  kubeListenAddr: HostPort.optional(),
  /** `windows_desktop_service.listen_addr`. */
  desktopListenAddr: HostPort.optional(),
  /** The Desktop Service uses Active Directory hosts or LDAP discovery (then `ldap.addr` is required). */
  desktopUsesAd: z.boolean().default(false),
  /** `app_service` `allowed_hosts` / `denied_hosts` in use. */
  appHostFilters: z.boolean().default(false),
  metricsListenAddr,
  diagAddr,
  /**
   * `teleport.relay_server` (host:port, the relay load balancer's tunnel address): the SSH Service also
   * opens tunnels to the Relay Service (Teleport 18.3+). Added to v1 as an optional field.
   */
  relayServer: HostPort.optional(),
});

/**
 * `listen` of tbot's Workload API: `unix:///absolute/path` or `tcp://host:port` (tbot parses it as a URL;
 * an IPv6 host goes in brackets).
 */
const WorkloadListen = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^unix:\/\/\/\S+$/.test(v) || isTcpListen(v), { message: 'expected unix:///path/to/socket or tcp://host:port' });

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
    listen: WorkloadListen.optional(),
    /** `attestors.kubernetes.enabled`: ask the kubelet of the node which pod is calling. */
    kubernetesAttestor: z.boolean().default(false),
    /** `attestors.kubernetes.kubelet.secure_port` (HTTPS with the pod's service-account token; 10250 when no port is set). */
    kubeletSecurePort: Port.optional(),
    /** `attestors.kubernetes.kubelet.read_only_port` (plain HTTP, no authentication). */
    kubeletReadOnlyPort: Port.optional(),
    /** `attestors.sigstore.enabled` (Enterprise): fetch the callers' image signatures from their registries. */
    sigstoreAttestor: z.boolean().default(false),
    /** `attestors.sigstore.allowed_private_network_prefixes`: private registry networks tbot may dial. */
    sigstorePrivatePrefixes: z.array(Cidr).max(64).default([]),
  })
  .refine((w) => w.kubeletSecurePort === undefined || w.kubeletReadOnlyPort === undefined, {
    message: 'set the kubelet secure port or its read-only port, not both (tbot refuses the config)',
    path: ['kubeletReadOnlyPort'],
  });

export const TbotNodeV1 = z.object({
  ...teleportBase,
  kind: z.literal('tbot'),
  /** `proxy_server` (recommended) or `auth_server`. */
  joinVia: JoinVia.default('proxy'),
  env: ProxyEnv.optional(),
  diagAddr,
  /**
   * `relay_server` of tbot's `ssh-multiplexer` service: SSH through a Relay Service (host[:port]; port
   * 443 assumed when omitted, as for tsh). Added to v1 as an optional field.
   */
  relayServer: HostPort.optional(),
  workloadApi: WorkloadApi.optional(),
  /**
   * Where tbot runs (absent: on a host): as a pod, it gets a NetworkPolicy export. Added to v1 as
   * optional fields.
   */
  runtime: z.enum(['host', 'kubernetes']).optional(),
  namespace: z.string().max(63).optional(),
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
  relayGroup: z.string().trim().min(1, { message: 'a relay belongs to a relay group' }).max(128).default('default'),
  /** `target_connection_count`: how many relays of the group each agent keeps a tunnel to. */
  targetConnectionCount: z.number().int().min(1).max(16).default(1),
  /** `public_hostnames`: names clients and agents use for this relay (required by Teleport). */
  publicHostnames: z.array(z.string().trim().min(1).max(253)).max(16).default([]),
  /** `transport_listen_addr`: clients (tsh --relay, tbot ssh-multiplexer). */
  transportListenAddr: HostPort.default('0.0.0.0:3040'),
  transportProxyProtocol: z.boolean().default(false),
  /** `peer_listen_addr`: the other relays of the group. */
  peerListenAddr: HostPort.default('0.0.0.0:3041'),
  /** `peer_public_addr` (default: the host's first private IP with the peer port). */
  peerPublicAddr: HostPort.optional(),
  /** `tunnel_listen_addr`: agents' relay tunnels. */
  tunnelListenAddr: HostPort.default('0.0.0.0:3042'),
  tunnelProxyProtocol: z.boolean().default(false),
  env: ProxyEnv.optional(),
  metricsListenAddr,
  diagAddr,
});

/** `monitoring`: Prometheus or health probes scraping Teleport's diagnostic and metrics endpoints (§2.9). */
export const ClientTool = z.enum(['browser', 'tsh', 'kubectl', 'database', 'rdp', 'monitoring']);

export const ClientNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('client'),
  tools: z.array(ClientTool).min(1, { message: 'a client uses at least one tool' }),
  env: ClientEnv.optional(),
});

export const PortMapping = z.object({
  frontPort: Port,
  targetPort: Port,
});

export const LoadBalancerNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('load-balancer'),
  layer: z.enum(['l4', 'l7']).default('l4'),
  /** The LB terminates TLS (ACM certificate, ALB, ingress). */
  tlsTermination: z.boolean().default(false),
  mappings: z.array(PortMapping).min(1, { message: 'a load balancer forwards at least one port' }).max(32).default([{ frontPort: 443, targetPort: 3080 }]),
  idleTimeoutSeconds: z.number().int().min(1).max(86400).optional(),
  /** The LB sends PROXY protocol headers to its backends. */
  sendsProxyProtocol: z.boolean().default(false),
});

export const HttpProxyNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('http-proxy'),
  port: Port.default(3128),
});

export const OpensshHostNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('openssh-host'),
  sshPort: Port.default(22),
});

export const KubeApiNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('kube-api'),
  port: Port.default(443),
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
  port: Port.optional(),
});

export const WindowsHostNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('windows-host'),
  rdpPort: Port.default(3389),
});

export const DomainControllerNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('domain-controller'),
  /** `ldap.addr` port: LDAPS 636 by default (reference §7 Q4). */
  ldapPort: Port.default(636),
  /** Kerberos KDC port: 88 assumed (not stated in Teleport's source). */
  kdcPort: Port.default(88),
});

/** One entry of an app's `tcp_ports`: a port, or an inclusive range `port`–`endPort`. */
export const AppPortRange = z
  .object({
    port: Port,
    /** `end_port`: inclusive end of the range; absent for a single port. */
    endPort: Port.optional(),
  })
  .refine((r) => r.endPort === undefined || r.endPort >= r.port, { message: 'the end port must not be below the port', path: ['endPort'] });

export const AppNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('app'),
  /** `uri` of the application: http(s)://host[:port], tcp://host:port, or tcp://host with `tcpPorts`. */
  uri: z
    .string()
    .trim()
    .max(500)
    .refine((s) => /^(https?|tcp):\/\/[^/\s:]+(:\d{1,5})?(\/\S*)?$/.test(s), {
      message: 'expected http(s)://host[:port][/path] or tcp://host:port',
    }),
  /**
   * `tcp_ports` of a multi-port TCP app (Teleport 17.1+; the URI is then `tcp://host` without a port).
   * Added to v1 as an optional field.
   */
  tcpPorts: z.array(AppPortRange).max(32).optional(),
});

export const CloudApiNodeV1 = z.object({
  ...nodeBase,
  kind: z.literal('cloud-api'),
  provider: z.enum(['aws', 'gcp', 'azure', 'other']).default('aws'),
  port: Port.default(443),
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
  notes: Notes.optional(),
});

export const ViewV1 = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  zoom: z.number().finite().min(0.01).max(10),
});

// ---------------------------------------------------------------------------------------------
// Assertions: statements about the plan, checked on every edit (violations become findings)

const assertionBase = { id: Id, description: Notes.optional() };

export const AssertionV1 = z.discriminatedUnion('type', [
  /** Nothing from another zone may reach this zone ("nothing inbound to zone Private"). */
  z.object({ ...assertionBase, type: z.literal('no-inbound'), zone: Id }),
  /** Rules from this zone may only use these ports ("only 443 reachable from Internet"). */
  z.object({ ...assertionBase, type: z.literal('only-ports-from'), zone: Id, ports: z.array(Port).min(1).max(64) }),
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
  description: Notes.optional(),
  clusters: z.array(ClusterV1).min(1, { message: 'a plan has at least one cluster' }).max(16),
  zones: z.array(ZoneV1).max(500).default([]),
  nodes: z.array(NodeV1).max(20000).default([]),
  links: z.array(LinkV1).max(50000).default([]),
  /** Added after the first release of v1 as an optional list: older v1 files parse unchanged. */
  assertions: z.array(AssertionV1).max(200).default([]),
  view: ViewV1.optional(),
});

/** Cross-references: ids unique, every reference points at something of the right kind. */
export const PlanV1 = PlanV1Shape.superRefine((plan, ctx) => {
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
    if (c.trustedRoot === undefined) return;
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
});

export type PlanV1 = z.output<typeof PlanV1>;
export type PlanV1Input = z.input<typeof PlanV1>;
