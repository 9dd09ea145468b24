/**
 * Teleport's well-known ports (reference §1) and the usual ports of the things agents reach (§2.6).
 * The engine never writes a port number itself: it reads them here or from the plan.
 */
import type { SourceKey } from './sources.ts';

/** One well-known port and where it is defined. */
export interface PortInfo {
  port: number;
  protocol: 'tcp' | 'udp';
  /** What listens on it. */
  label: string;
  sources: readonly SourceKey[];
}

const p = (port: number, label: string, sources: readonly SourceKey[], protocol: 'tcp' | 'udp' = 'tcp'): PortInfo => ({ port, protocol, label, sources });

/** Ports by role. */
export const PORTS = {
  /** `HTTPListenPort`: Proxy web listener default. */
  proxyWeb: p(3080, 'Proxy web (HTTPS + ALPN router)', ['S1', 'S2', 'S7']),
  /** `StandardHTTPSPort`: what load balancers and Teleport Cloud publish. */
  https: p(443, 'HTTPS', ['S2', 'D10']),
  http: p(80, 'HTTP', ['S16']),
  proxyPeer: p(3021, 'Proxy peering', ['S1', 'S9']),
  nodeSsh: p(3022, 'SSH Service', ['S1', 'D16']),
  proxySsh: p(3023, 'Proxy SSH', ['S1', 'S2', 'S5']),
  proxyTunnel: p(3024, 'Proxy reverse tunnel', ['S2', 'S5']),
  auth: p(3025, 'Auth gRPC', ['S1', 'S7']),
  kube: p(3026, 'Kubernetes (Proxy or Kubernetes Service)', ['S1', 'S5', 'S11']),
  desktop: p(3028, 'Windows Desktop Service', ['S1', 'S5']),
  proxyMysql: p(3036, 'Proxy MySQL', ['S1', 'S5', 'D5']),
  proxyPostgres: p(5432, 'Proxy Postgres', ['S1', 'D5']),
  proxyMongo: p(27017, 'Proxy Mongo', ['S1', 'D5']),
  rdp: p(3389, 'RDP', ['S1', 'S5', 'S6']),
  ldaps: p(636, 'LDAPS', ['D14']),
  kdc: p(88, 'Kerberos KDC', ['S6']),
  ssh: p(22, 'sshd', ['D19', 'S22']),
  cloudApi: p(443, 'Cloud provider API', ['D18', 'D17']),
  /**
   * Relay Service listeners (§2.8): Teleport has no defaults (all three listen addresses are
   * required); these are the docs' example ports, also hard-coded in the relay Helm chart (Q8).
   */
  relayTransport: p(3040, 'Relay transport (clients)', ['D8', 'S25']),
  relayPeer: p(3041, 'Relay peering', ['D8', 'S25']),
  relayTunnel: p(3042, 'Relay tunnel (agents)', ['D8', 'S25']),
  /** `MetricsListenPort`: default port of `metrics_service.listen_addr` (§2.9 M1). */
  metrics: p(3081, 'Teleport metrics service', ['S1', 'S5']),
  /** Not a Teleport default: `diag_addr` is off unless set; 3000 is the docs' example (§2.9 M2). */
  diag: p(3000, 'Teleport diagnostic endpoint (diag_addr)', ['D7']),
} as const satisfies Record<string, PortInfo>;

/** Ports an internet-facing rule should not expose (3022 to 3025: node SSH, proxy SSH, tunnel, Auth). */
export const SENSITIVE_PORT_RANGE = { from: PORTS.nodeSsh.port, to: PORTS.auth.port } as const;

/** Seconds: the keep-alive interval times out idle tunnels on LBs with an idle timeout at or below it. */
export const KEEPALIVE_IDLE_LIMIT_SECONDS = 300;

/** The idle timeout to aim for on load balancers and NAT in front of tunnels: AWS NLB's default (§5 L-B2, D6). */
export const LB_IDLE_TIMEOUT_TARGET = 350;

/** Default port per URL scheme, as Go's `canonicalAddr` and Teleport's app URIs use them. */
export const SCHEME_PORTS: Readonly<Record<string, number>> = { http: PORTS.http.port, https: PORTS.https.port, socks5: 1080 };
