/**
 * Where every Teleport fact in the catalog comes from. Keys are the ones used by the networking
 * reference (`../shared/teleport-networking.md` §0): S = Teleport source file, D = documentation page,
 * I = GitHub issue or pull request.
 *
 * Doc URLs follow the reference's rule: https://goteleport.com/docs/ + the repo path without
 * `docs/pages/` and `.mdx`. Files that are not pages (config reference includes) link to GitHub.
 */

/** A citable source: its reference key and URL (what each one is for is noted beside its path below). */
export interface Source {
  key: SourceKey;
  url: string;
}

const CODE = 'https://github.com/gravitational/teleport/blob/master/';
const DOCS = 'https://goteleport.com/docs/';

/** URL of a file in gravitational/teleport. */
export function codeUrl(path: string): string {
  return CODE + path;
}

/** Public URL of a docs page given its repo path (`docs/pages/…/x.mdx`). */
export function docUrl(path: string): string {
  return DOCS + path.replace(/^docs\/pages\//, '').replace(/\.mdx$/, '');
}

const RAW = {
  S1: 'lib/defaults/defaults.go', // port constants, config versions, timeouts
  S2: 'api/defaults/defaults.go', // web/SSH/tunnel ports, keep-alive
  S3: 'api/client/webclient/webclient.go', // ping response, TunnelAddr(), SSHProxyHostPort()
  S4: 'lib/web/proxy_settings.go', // how the Proxy fills /webapi/ping
  S5: 'lib/config/configuration.go', // YAML to runtime config, default ports per field
  S6: 'lib/config/fileconf.go', // file schema, v1 default, desktop LDAP/KDC
  S7: 'lib/service/servicecfg/config.go', // ApplyDefaults, validateAuthOrProxyServices
  S8: 'lib/service/servicecfg/proxy.go', // PeerAddr, PublicPeerAddr
  S9: 'lib/service/service.go', // setupProxyListeners
  S10: 'lib/service/connect.go', // direct-to-Auth vs tunnel
  S11: 'lib/service/kubernetes.go', // Kubernetes Service listen vs tunnel
  S12: 'lib/reversetunnelclient/resolver.go', // WebClientResolver
  S13: 'lib/srv/alpnproxy/common/protocols.go', // ALPN protocol IDs
  S14: 'api/types/networking.go', // cluster_networking_config defaults
  S15: 'api/utils/proxy.go', // GetProxyURL: HTTPS_PROXY before HTTP_PROXY
  S16: 'https://github.com/golang/net/blob/master/http/httpproxy/proxy.go', // Go HTTP(S)_PROXY / NO_PROXY semantics
  S17: 'lib/services/database.go', // database URI validation
  S18: 'lib/srv/db/redis/connection/addr.go', // Redis address: port optional, 6379
  S19: 'lib/web/apiserver.go', // minimal endpoints on the tunnel port
  S20: 'lib/auth/trustedcluster.go', // leaf Auth to root Proxy validation
  S21: 'lib/reversetunnel/rc_manager.go', // leaf-side tunnel pools
  S22: 'lib/srv/server/gcp_installer.go', // GCP VM installer over SSH 22
  S23: 'examples/chart/teleport-cluster/values.yaml', // Helm chart defaults
  // S24 and later, D24 and later: not in the reference; read in Teleport's source and docs for Portolan.
  S24: 'lib/service/relay.go', // Relay Service: listeners, peer address, join as RoleRelay
  S25: 'examples/chart/teleport-relay/templates/_config.tpl', // Relay Helm chart: listener ports, proxy_server
  S26: 'lib/tbot/workloadidentity/workloadattest/kubernetes.go', // Kubernetes workload attestor: kubelet ports (defaultSecurePort 10250), TELEPORT_NODE_NAME
  S27: 'lib/tbot/services/workloadidentity/workload_api.go', // Workload API: callers over TCP are not attested
  S28: 'lib/tbot/workloadidentity/workloadattest/sigstore.go', // Sigstore attestor: registries, allowed_private_network_prefixes (SSRF guard)
  S29: 'lib/tbot/config/config.go', // tbot.yaml proxy_server / auth_server: plain strings, no default port
  S30: 'api/client/webclient/webclient.go', // Find: https://<proxy_server>/webapi/find (443 without a port)
  S31: 'lib/service/db.go', // initDatabaseService: without a tunnel, SingleProcessModeResolver (Auth and Proxy in the process)
  S32: 'lib/service/desktop.go', // initWindowsDesktopServiceRegistered: listen_addr or a tunnel, exactly one
  S33: 'lib/tbot/tbot.go', // clientForFacade: Auth through the Proxy's tunnel address (NewTunnelAuthDialer)
  S34: 'api/client/contextdialer.go', // NewDialer: Auth connections through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY matches
  S35: 'lib/kube/proxy/kube_creds.go', // newDirectTransport: the Kubernetes API transport respects HTTP(S)_PROXY and NO_PROXY
  S36: 'lib/srv/app/transport.go', // newTransport: defaults.Transport(), a clone of http.DefaultTransport (Proxy: http.ProxyFromEnvironment)
  S37: 'lib/srv/app/tcpserver.go', // handleConnection, dialMultiPortTCPApp: TCP apps dial with a plain net.Dialer
  S38: 'lib/srv/db/clickhouse/engine_http.go', // getTransport: defaults.Transport(); getURL forces https (443 without a port)
  S39: 'lib/srv/db/opensearch/engine.go', // getTransport: defaults.Transport()
  S40: 'lib/srv/db/dynamodb/engine.go', // getRoundTripper: defaults.Transport()
  S41: 'lib/srv/db/elasticsearch/engine.go', // HandleConnection: a bare http.Transport ("TODO: use an http proxy env var respecting transport")
  S42: 'lib/srv/db/clickhouse/engine_native.go', // handleNativeConnection: tls.Dial to the URI host as written (no default port)
  D1: 'docs/pages/reference/deployment/networking.mdx', // Networking reference
  D2: 'docs/pages/reference/architecture/tls-routing.mdx', // TLS routing architecture
  D3: 'docs/pages/zero-trust-access/management/operations/tls-routing.mdx', // TLS routing migration
  D4: 'docs/pages/reference/architecture/proxy-peering.mdx', // Proxy peering architecture
  D5: 'docs/pages/reference/deployment/config/proxy-service.mdx', // Proxy Service configuration
  D6: 'docs/pages/includes/config-reference/auth-service.yaml', // Auth Service configuration
  D7: 'docs/pages/includes/config-reference/instance-wide.yaml', // Instance-wide configuration
  D8: 'docs/pages/reference/architecture/relay.mdx', // Relay Service architecture
  D9: 'docs/pages/reference/architecture/agents.mdx', // Agent architecture
  D10: 'docs/pages/zero-trust-access/deploy-a-cluster/high-availability.mdx', // High availability deployment
  D11: 'docs/pages/zero-trust-access/deploy-a-cluster/separate-proxy-service-endpoints.mdx', // Separate Proxy Service endpoints
  D12: 'docs/pages/zero-trust-access/management/admin/trustedclusters.mdx', // Trusted clusters
  D13: 'docs/pages/reference/machine-workload-identity/machine-id/configuration.mdx', // tbot configuration
  D14: 'docs/pages/enroll-resources/desktop-access/reference/configuration.mdx', // Desktop Service configuration
  D15: 'docs/pages/includes/config-reference/kubernetes-config.yaml', // Kubernetes Service configuration
  D16: 'docs/pages/includes/config-reference/ssh-service.yaml', // SSH Service configuration
  D17: 'docs/pages/includes/config-reference/app-service.yaml', // Application Service configuration
  D18: 'docs/pages/includes/config-reference/database-config.yaml', // Database Service configuration
  D19: 'docs/pages/enroll-resources/server-access/openssh/openssh-agentless.mdx', // Agentless OpenSSH
  D20: 'docs/pages/enroll-resources/auto-discovery/servers/gcp-discovery.mdx', // GCP VM discovery
  D21: 'docs/pages/reference/architecture/teleport-cloud-architecture.mdx', // Teleport Cloud architecture
  D22: 'docs/pages/enroll-resources/database-access/enroll-self-hosted-databases/oracle-self-hosted.mdx', // Self-hosted Oracle
  D23: 'docs/pages/reference/deployment/config/relay-service.mdx', // Relay Service configuration reference
  D24: 'docs/pages/enroll-resources/application-access/guides/tcp.mdx', // TCP application access (multi-port apps)
  I1: 'https://github.com/gravitational/teleport/issues/57009', // config v2+ does not default to TLS routing
  I2: 'https://github.com/gravitational/teleport/pull/8511', // proxy_listener_mode and config v2
  I4: 'https://github.com/gravitational/teleport/pull/13598', // agents can join over 3024 only
  I5: 'https://github.com/gravitational/teleport/pull/47587', // experimental QUIC proxy peering
  I6: 'https://github.com/gravitational/teleport/pull/6374', // tsh probes 443 and 3080
  I7: 'https://github.com/gravitational/teleport/issues/67496', // agents rely on LB round-robin
  I8: 'https://github.com/gravitational/teleport/issues/47825', // tls: no application protocol behind reverse proxy
  I9: 'https://github.com/gravitational/teleport/pull/18823', // L7 proxy in front of TLS routing
  I10: 'https://github.com/gravitational/teleport/issues/42076', // peer listener bound to a guessed IP (IPv4 only)
  I11: 'https://github.com/gravitational/teleport/pull/49586', // peer_listen_addr honoured as written (17.0.3, 16.4.9)
} as const satisfies Record<string, string>;

/** A source key of the reference (`S1`, `D10`, `I4`…). */
export type SourceKey = keyof typeof RAW;

function urlOf(path: string): string {
  if (path.startsWith('https://')) return path;
  if (path.startsWith('docs/pages/') && path.endsWith('.mdx')) return docUrl(path);
  return codeUrl(path);
}

/** Every source, by key. */
export const SOURCES: Readonly<Record<SourceKey, Source>> = Object.fromEntries(
  Object.entries(RAW).map(([key, path]) => [key, { key, url: urlOf(path) }]),
) as Record<SourceKey, Source>;

/** The URL of a source key. */
export function sourceUrl(key: SourceKey): string {
  return SOURCES[key].url;
}
