/** Findings from the reference's lint list (§5). */
import { sourceUrl } from './sources.ts';
import type { FindingSpec } from './findings-types.ts';

const f = (code: string, severity: FindingSpec['severity'], message: string, fix: string, sources: FindingSpec['sources']): FindingSpec => ({
  code, severity, message, fix, docs: sourceUrl(sources[0] ?? 'D1'), sources,
});

/** §5 lints implemented by Portolan. */
export const REFERENCE_FINDINGS: readonly FindingSpec[] = [
  f('L-P1', 'warning', '{proxy} has {count} public_addr values: only the first ({first}) is advertised, and redirects go there.', 'Keep one public_addr, or follow the separate internal/external endpoints pattern (split DNS).', ['D1', 'S4', 'D11']),
  f('L-P2', 'error', '{proxy} has no public_addr and listens on {listen}: /webapi/ping advertises 0.0.0.0, which {initiators} rewrite to localhost.', 'Set public_addr to the name clients and agents use (e.g. teleport.example.com:443).', ['S12', 'S4']),
  f('L-P3', 'warning', '{initiator} dials {advertised} (advertised {what} of {proxy}) but {hop} opens port {open}.', 'Put the port explicitly in public_addr (a port-less public_addr inherits the web listen port) or change the listener / load balancer mapping to match.', ['S5']),
  f('L-P4', 'warning', '{proxy} is in separate mode without tunnel_public_addr: agents dial the public host with the port forced to {port}, so {lb} must forward {port}.', 'Set tunnel_public_addr, or make sure the load balancer forwards the tunnel port.', ['S3', 'D11']),
  f('L-T1', 'error', '{cluster} uses proxy_listener_mode: separate but {proxy} (config {version}) opens no {missing} listener: clients and agents look for ports that do not exist.', 'Switch the cluster to multiplex (TLS routing), or set listen_addr / tunnel_listen_addr on the Proxy.', ['I1', 'S4', 'S5']),
  f('L-T3', 'error', '{lb} is an L7 load balancer in front of TLS routing, but {cluster} runs Teleport {version}: the web UI works while tsh and agents fail (ssh: overflow reading version string, tls: no application protocol).', 'Upgrade to Teleport 13 or later (15.1 for WebSocket-only proxies), or use an L4 load balancer.', ['D2', 'I9', 'I8']),
  f('L-T4', 'warning', '{lb} terminates TLS in front of TLS routing: {clients} must use tsh proxy kube/db or tsh kubectl; non-Teleport clients cannot connect directly.', 'Use an L4 pass-through load balancer, or tell users to use tsh local proxies.', ['D2']),
  f('L-T7', 'error', '{lb} terminates TLS in front of {cluster} in separate mode: Postgres/Mongo multiplexed on the web port cannot work, and SSH 3023, tunnel 3024 and MySQL 3036 need an L4 load balancer.', 'Use an L4 pass-through load balancer (or give Postgres/Mongo dedicated listeners on an L4 LB), or switch to multiplex.', ['S23', 'D5', 'D10']),
  f('L-B1', 'error', '{lb} fronts Auth but {problem}: Auth clients verify the Auth certificate against the cluster CA, so TLS cannot be terminated in between.', 'Use an L4 TCP pass-through load balancer on 3025.', ['D10', 'S10']),
  f('L-B2', 'warning', '{lb} closes idle connections after {timeout} s, at or below the 300 s keep-alive interval: idle reverse tunnels and gRPC streams through it are dropped.', 'Raise the idle timeout above 300 s (AWS NLB default 350 s is the design target).', ['S2', 'D6']),
  f('L-B6', 'error', '{proxy} uses ACME but {problem}.', 'Use ACME only with a single Proxy reachable from the internet on 443, or use certificates from your own CA / the load balancer.', ['D10', 'D5']),
  f('L-R1', 'error', '{cluster} uses tunnel_strategy: proxy_peering on the OSS edition: Teleport refuses to start ("proxy peering is an enterprise-only feature"). No peering rules are produced.', 'Switch to agent mesh, or run Teleport Enterprise.', ['S9']),
  f('L-R2', 'error', '{cluster} uses proxy peering and takes part in a trusted-cluster relation ({other}): the two are incompatible.', 'Use agent mesh in clusters that take part in trust relations.', ['D12', 'D4']),
  f('L-A1', 'error', '{agent}: {problem}. The Kubernetes Service needs exactly one of listen_addr (joined directly to Auth) or a reverse tunnel (proxy_server).', 'Joined via the Proxy: remove kubernetes_service.listen_addr. Joined via Auth: set listen_addr.', ['S11']),
  f('L-A2', 'error', '{agent} runs only services that never listen ({services}), yet {other} is linked as if it dialed the agent.', 'Remove the link: clients reach apps and databases through the Proxy, and the agent dials out.', ['D1']),
  f('L-A3', 'error', '{agent} joins Auth directly, but {cluster} runs on Teleport Cloud where Auth is not reachable: agents always use reverse tunnels to the tenant.', 'Set the agent to join via the Proxy (proxy_server: the tenant address).', ['D1']),
  f('L-A4', 'error', '{agent} runs the Application Service with allowed_hosts/denied_hosts and HTTP_PROXY/HTTPS_PROXY: it refuses to start.', 'Remove the host filters or the proxy environment variables.', ['D17']),
  f('L-A5', 'error', '{agent} uses Active Directory hosts or LDAP discovery but is linked to no domain controller: ldap.addr is required.', 'Link the agent to a domain controller (ldap.addr).', ['S6']),
  f('L-A9', 'warning', '{agent} sets kubernetes_service.listen_addr to {addr} without a port: it binds {port}, not {expected}.', 'Write the port explicitly (e.g. 0.0.0.0:3026).', ['S5']),
  f('L-X1', 'error', '{cluster} trusts {root}, but {auths} have no path to the root Proxy web address: trust validation (HTTPS POST from the leaf Auth) fails.', 'Link a leaf Proxy to the root Proxy (or its load balancer): Portolan then allows both the leaf Proxy tunnel and the leaf Auth validation call.', ['S20', 'D12']),
  f('L-H2', 'warning', '{node} uses {url} as its forward proxy: the docs call localhost/127.0.0.1 invalid proxy hosts (whether it fails is unverified, reference §6 Q5).', 'Point HTTPS_PROXY at the forward proxy\'s real address.', ['D1', 'S16']),
  f('L-H3', 'warning', '{proxy} has HTTPS_PROXY and reaches {kube} itself: without kube.teleport.cluster.local in NO_PROXY that traffic goes to the forward proxy.', 'Add kube.teleport.cluster.local to NO_PROXY on the Proxy.', ['D1']),
  f('L-H4', 'info', '{node}: {variable}={url} has no scheme and is treated as http://{url}.', 'Write the scheme explicitly (http://…).', ['D1', 'S16']),
  f('L-H5', 'warning', '{node}: NO_PROXY entry {entry} {problem}, so {target} still goes through the forward proxy.', 'Use the host name (or .domain) in NO_PROXY for host-name targets, and IPs/CIDRs only for IP targets.', ['S16']),
  f('L-C2', 'error', '{agent} runs {services} but joins Auth directly: in config v3 these services must use proxy_server (startup error).', 'Set the agent to join via the Proxy.', ['S7']),
  f('L-A8', 'error', '{db} ({engine}) has no port, and Teleport requires one for this engine. Portolan assumed {port}.', 'Set the database port.', ['S17']),
  f('L-A12', 'warning', 'Relay group {group} of {cluster} asks agents for {count} tunnels (target_connection_count), but it has {relays} relay instance(s): agents keep re-dialing.', 'Run at least {count} relays in the group behind the load balancer, or lower target_connection_count.', ['D8']),
];
