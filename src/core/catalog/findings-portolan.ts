/** Findings of Portolan's own (prefix `PL-`): plan completeness and exposure. */
import { sourceUrl } from './sources.ts';
import type { FindingSpec } from './findings-types.ts';

const f = (code: string, severity: FindingSpec['severity'], message: string, fix: string, sources: FindingSpec['sources']): FindingSpec => ({
  code, severity, message, fix, docs: sourceUrl(sources[0] ?? 'D1'), sources,
});

/** Portolan's own findings. */
export const PORTOLAN_FINDINGS: readonly FindingSpec[] = [
  f('PL-TUNNEL-ENV-PORT', 'warning', '{agent} opens its reverse tunnel to {addr} (TELEPORT_TUNNEL_PUBLIC_ADDR), but {hop} opens port {open} for reverse tunnels.', 'Set TELEPORT_TUNNEL_PUBLIC_ADDR to port {open}{orOpen}.', ['S2', 'D11']),
  f('PL-JOIN-ADDR-PORT', 'warning', '{agent} joins through {addr} ({key}), but {hop} opens port {open} for joining.', 'Write {fixedSetting}{orOpen}.', ['S5', 'D1']),
  f('PL-TBOT-AUTH-NO-PORT', 'error', '{tbot} sets auth_server: {addr} without a port. tbot dials auth_server as written and fills in no port, so it cannot reach Auth (it then tries the address as a Proxy web address on 443).', 'Write the port: {fixedSetting}, or join through the Proxy (proxy_server).', ['S29', 'D13']),
  f('PL-TRUST-TUNNEL-NO-PORT', 'error', "{cluster}'s trusted_cluster {key} is {addr}, without a port: {tunnels} the reverse tunnel address as written and cannot connect.", 'Set tunnel_addr with the port where the root takes reverse tunnels (e.g. {example}).', ['D12', 'S20']),
  f('PL-TRUST-ADDR-PORT', 'warning', '{who} {addr} ({key} of the trusted_cluster of {cluster}), but {hop} opens port {open} for {what}.', 'Set {fixKey} to {fixed}{orOpen}.', ['D12', 'S20']),
  f('PL-QUIC-PEERING-UNUSED', 'info', '{proxy} opts into QUIC proxy peering (TELEPORT_UNSTABLE_QUIC_PROXY_PEERING), but {why}: {effect}.', '{advice}', ['I5', 'D4']),
  f('PL-NO-AUTH', 'error', 'Self-hosted cluster {cluster} has no Auth Service.', 'Add an Auth Service node to the cluster.', ['D10']),
  f('PL-NO-PROXY', 'error', 'Self-hosted cluster {cluster} has no Proxy Service: nothing can reach it.', 'Add a Proxy Service node to the cluster.', ['D10']),
  f('PL-PROXY-NO-AUTH', 'error', '{proxy} has no link to an Auth Service (or an Auth load balancer) of {cluster}.', 'Link the Proxy to Auth (or to the load balancer in front of Auth).', ['D10']),
  f('PL-NO-PATH', 'error', '{node} has no path to {cluster}: it is linked to no {targets} of its cluster.', 'Link it to the Proxy (or the load balancer in front of it){authFix}.', ['D1']),
  f('PL-CLIENT-NO-PATH', 'info', '{node} is linked to no Proxy or load balancer: no rules are produced for these users.', 'Link the users to the Proxy or its load balancer.', ['D1']),
  f('PL-LINK-MEANINGLESS', 'warning', 'Link {a} — {b}: {reason}', 'Remove the link, or change one end so that Teleport actually connects them.', ['D1']),
  f('PL-INBOUND-AGENT', 'warning', 'Link {a} — {b} suggests that {agent} accepts connections: {reason}', 'Remove the link: agents that use reverse tunnels need no inbound rule.', ['D1']),
  f('PL-INTERNET-EXPOSED', 'warning', 'Rule {rule} opens {port} ({what}) on {destination} to the internet ({source}).', 'Restrict the source to known networks, or use multiplex mode so that only the web port (443) faces the internet.', ['D1']),
  f('PL-ANY-ADDRESS', 'warning', '{node} has no address and {where}, so {rules} "any" for it: every firewall export allows all addresses at that end.', 'Set its addresses (IPs, CIDRs or host names), or put it in a zone with CIDRs.', ['D1']),
  f('PL-RESOURCE-UNLINKED', 'info', '{node} is linked to nothing: no agent serves it, so no rule reaches it.', 'Link it to the agent that serves it (for an OpenSSH host or a Kubernetes API, to the Proxy or Discovery agent that dials it).', ['D1']),
  f('PL-ADDRESS-OUTSIDE-ZONE', 'warning', '{node} has {addresses}, outside its zone {zone} ({cidrs}): zone rules use the CIDRs and host rules the address, so they disagree.', 'Correct the address, or the zone\'s CIDRs, or move the node to the zone its address belongs to.', ['D1']),
  f('PL-BAD-IP', 'error', '{node}, {field}: {problem}. As written it reads as a host name that never resolves, and Teleport refuses it as an address.', 'Write the IPv4 address as four numbers 0–255 without leading zeros.', ['S5']),
  f('PL-LB-MISSING-PORT', 'error', '{lb} has no mapping to port(s) {ports} of {proxies}, which {initiators} need ({what}).', 'Add a mapping front port → {ports} to the load balancer (or switch the cluster to multiplex so that only the web port is needed).', ['D10']),
  f('PL-LB-DEAD-MAPPING', 'warning', '{lb} forwards {front} → {target}, but {backends} open no listener on {target}.', 'Remove the mapping, or configure the matching listener on the backend.', ['D10']),
  f('PL-LB-NO-BACKEND', 'error', '{lb} is linked to no Proxy or Auth backend, yet {initiators} go through it.', 'Link the load balancer to the Proxies (or Auth) it fronts.', ['D10']),
  f('PL-CLOUD-CONTROL-PLANE', 'error', '{cluster} runs on Teleport Cloud, which hosts Auth and the Proxy: {nodes} should not be in the plan.', 'Remove them: agents and users reach the tenant address on 443.', ['D1', 'D21']),
  f('PL-CLOUD-NO-TENANT', 'warning', '{cluster} runs on Teleport Cloud but has no tenant address: rules use "{fallback}" as destination.', 'Set the cluster\'s tenant address (e.g. example.teleport.sh:443).', ['D1']),
  f('PL-PEER-ZONES', 'info', 'Proxy peering in {cluster} crosses zones ({zones}): every firewall between them must allow {port} in both directions.', 'Keep Proxies in one zone, or open the peering port between the zones.', ['D4']),
  f('PL-HTTP-PROXY-UNKNOWN', 'warning', '{node} uses {url} as its forward proxy, but no HTTP CONNECT proxy node has that address or is linked to it: rules assume a direct path.', 'Add the forward proxy to the plan with its address, and link it.', ['D1']),
  f('PL-APP-HTTP-CLEAR', 'warning', '{agent} reaches {app} ({uri}) through the forward proxy {proxy} (HTTP_PROXY) as plain HTTP: the forward proxy reads every request, including the signed Teleport JWT (Teleport-Jwt-Assertion) that the app trusts.', 'Serve the app over https:// (then HTTPS_PROXY and a CONNECT tunnel apply), or add {host} to NO_PROXY on {agent} so that the Application Service connects directly.', ['S36', 'D17']),
  f('PL-HTTP-PROXY-UNUSED', 'info', '{node} is linked to {proxy} but nothing it dials goes through it ({why}).', 'Set HTTPS_PROXY on the node, or remove the link.', ['D1', 'S16']),
  f('PL-HTTP-PROXY-PORT', 'warning', '{node} dials its forward proxy on port {urlPort} ({variable}), but {proxy} listens on {port}.', 'Align the URL in {variable} with the port of the forward proxy.', ['D1']),
  f('PL-MONITOR-NOTHING', 'warning', '{client} monitors {node}, which has neither diag_addr nor metrics_service enabled: there is nothing to scrape.', 'Set diag_addr (teleport.diag_addr, e.g. 0.0.0.0:3000) or enable metrics_service (port 3081) on {node}, or remove the link.', ['D7', 'S5']),
  f('PL-MONITOR-LOOPBACK', 'warning', '{node} serves {key} on {addr}, a loopback address: {client} cannot reach it from another host, so no rule is produced.', 'Listen on an address the monitoring hosts can reach (e.g. 0.0.0.0 with the port) and allow only them, or scrape from the same host.', ['D7', 'S5']),
  f('PL-MONITOR-INTERNET', 'warning', 'Rule {rule} opens the monitoring endpoint of {node} (port {port}) to the internet ({source}): {why}.', 'Scrape from a private network, or restrict the source to the monitoring hosts (and use metrics_service with mTLS).', ['D7', 'S5']),
  f('PL-RELAY-VERSION', 'error', '{relay} is a Relay Service, which needs Teleport {since} or later; {cluster} runs Teleport {version}.', 'Upgrade the cluster to Teleport {since} or later, or remove the relay.', ['D8']),
  f('PL-RELAY-NO-HOSTNAMES', 'error', '{relay} sets no public_hostnames: the Relay Service refuses to start without them.', 'Set public_hostnames to the names clients and agents use for the relay (its load balancer).', ['D8', 'S6']),
  f('PL-RELAY-NO-SERVER', 'warning', '{agent} is linked to {relay} but sets no teleport.relay_server: it opens no relay tunnel.', 'Set teleport.relay_server on {agent} to the relay tunnel address (host:port of the relay load balancer).', ['D8', 'D7']),
  // Modes per Teleport's RFD 0146 "PROXY Protocol Defaults" (14.0) and lib/multiplexer: `on` rejects a
  // connection without a PROXY header, `off` one with it. The check words the mismatch (LB or direct callers).
  f('PL-PROXY-PROTOCOL', 'error', '{problem}: Teleport rejects those connections.', '{fix}', ['D5', 'D6']),
  f('PL-RELAY-LB-TLS', 'error', '{lb} fronts Relay Services but {problem}: relay transport and tunnels are mTLS end to end.', 'Use an L4 TCP pass-through load balancer in front of the relays.', ['D8']),
  f('PL-MONITOR-VIA-LB', 'warning', '{client} monitors through {lb}: a load balancer would send each scrape to any one backend, so Portolan makes no monitoring rule for this link.', 'Link {client} to each Proxy (or Auth, agent, relay) it scrapes.', ['D7', 'S5']),
  f('PL-RELAY-SERVER-PORT', 'warning', '{node} dials {addr} ({setting}), but {hop} opens port {open} for {what}.', 'Set {setting} to port {open}, or forward that port to the relays\' listener.', ['D8', 'D7']),
  f('PL-RELAY-SERVER-NO-PORT', 'error', '{agent} sets teleport.relay_server {addr} without a port: Teleport requires host:port and refuses to start.', 'Write the port of the relay tunnel address (e.g. relay.example.com:3042).', ['S6', 'D8']),
  f('PL-RELAY-LB-PORT', 'error', '{lb} has no mapping to port(s) {ports} of {relays}, which {initiators} need ({what}).', 'Add a mapping front port → {ports} to the load balancer (tsh dials 443 for the relay transport unless the relay address names a port).', ['D8']),
  f('PL-RELAY-SERVER-UNUSED', 'warning', '{agent} sets teleport.relay_server {addr}, but {why}: it opens no relay tunnel.', '{fix}', ['D8', 'D7']),
  f('PL-WORKLOAD-TCP', 'warning', '{tbot} serves its Workload API on {listen}: callers over TCP are not attested, so any process that reaches this port gets the credentials its selector allows.', 'Listen on a unix socket (unix:///opt/machine-id/workload.sock) so the attestors see who calls; if TCP is needed, bind it to a loopback or pod-local address and firewall the port.', ['S27', 'D13']),
  f('PL-KUBELET-ZONE', 'info', '{tbot} turns on the Kubernetes workload attestor but sits {where}: the attestor works only in a pod, on the node of the workloads it attests (a DaemonSet that sets TELEPORT_NODE_NAME).', 'Place {tbot} in a zone of kind kubernetes, or turn the attestor off.', ['S26', 'D13']),
  f('PL-SIGSTORE-CLUSTER', 'error', '{tbot} turns on the Sigstore workload attestor, which needs Teleport Enterprise {since} or later; {cluster} runs {has}.', 'Run Teleport Enterprise {since} or later, or turn the Sigstore attestor off.', ['S28', 'D13']),
  f('PL-RELAY-LISTEN-IP', 'error', '{relay}: {key} {addr} must be an IP address and port (Teleport parses it with netip.ParseAddrPort).', 'Use an IP literal such as 0.0.0.0 with the port.', ['S6', 'D8']),
  f('PL-APP-NO-PORT', 'error', '{app} uses {uri}: a tcp:// application needs a port.', 'Write the port in the URI (tcp://host:port), or list the ports in tcp_ports.', ['D17']),
  f('PL-APP-PORTS-URI', 'error', '{app} lists TCP ports (tcp_ports), but its URI {uri} {problem}.', 'Write the URI as tcp://host (no port) and keep the ports in tcp_ports.', ['D24', 'S6']),
  f('PL-APP-PORTS-VERSION', 'warning', '{app} lists TCP ports (tcp_ports), which need Teleport {since} or later; {agent} belongs to {cluster}, which runs Teleport {version}.', 'Upgrade the cluster to Teleport {since} or later, or give the app a single tcp://host:port URI.', ['D24']),
];
