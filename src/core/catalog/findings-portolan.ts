/** Findings of Portolan's own (prefix `PL-`): plan completeness and exposure. */
import { sourceUrl } from './sources.ts';
import type { FindingSpec } from './findings-types.ts';

const f = (code: string, severity: FindingSpec['severity'], title: string, message: string, fix: string, sources: FindingSpec['sources']): FindingSpec => ({
  code, severity, title, message, fix, docs: sourceUrl(sources[0] ?? 'D1'), sources,
});

/** Portolan's own findings. */
export const PORTOLAN_FINDINGS: readonly FindingSpec[] = [
  f('PL-TUNNEL-ENV-PORT', 'warning', 'TELEPORT_TUNNEL_PUBLIC_ADDR on a port that is not open', '{agent} opens its reverse tunnel to {addr} (TELEPORT_TUNNEL_PUBLIC_ADDR), but {hop} opens port {open} for reverse tunnels.', 'Set TELEPORT_TUNNEL_PUBLIC_ADDR to port {open}, or open its port on {hop} (a tunnel listener, or a load balancer mapping to one).', ['S2', 'D11']),
  f('PL-NO-AUTH', 'error', 'No Auth Service', 'Self-hosted cluster {cluster} has no Auth Service.', 'Add an Auth Service node to the cluster.', ['D10']),
  f('PL-NO-PROXY', 'error', 'No Proxy Service', 'Self-hosted cluster {cluster} has no Proxy Service: nothing can reach it.', 'Add a Proxy Service node to the cluster.', ['D10']),
  f('PL-PROXY-NO-AUTH', 'error', 'Proxy with no path to Auth', '{proxy} has no link to an Auth Service (or an Auth load balancer) of {cluster}.', 'Link the Proxy to Auth (or to the load balancer in front of Auth).', ['D10']),
  f('PL-NO-PATH', 'error', 'No path to the cluster', '{node} has no path to {cluster}: it is linked to no Proxy, load balancer{auth} of its cluster.', 'Link it to the Proxy (or the load balancer in front of it){authFix}.', ['D1']),
  f('PL-CLIENT-NO-PATH', 'info', 'Users not connected', '{node} is linked to no Proxy or load balancer: no rules are produced for these users.', 'Link the users to the Proxy or its load balancer.', ['D1']),
  f('PL-LINK-MEANINGLESS', 'warning', 'Link without meaning', 'Link {a} — {b}: {reason}', 'Remove the link, or change one end so that Teleport actually connects them.', ['D1']),
  f('PL-INBOUND-AGENT', 'warning', 'Inbound connection to an agent that Teleport never needs', 'Link {a} — {b} suggests that {agent} accepts connections: {reason}', 'Remove the link: agents that use reverse tunnels need no inbound rule.', ['D1']),
  f('PL-INTERNET-EXPOSED', 'warning', 'Teleport port open to the internet', 'Rule {rule} opens {port} ({what}) on {destination} to the internet ({source}).', 'Restrict the source to known networks, or use multiplex mode so that only the web port (443) faces the internet.', ['D1']),
  f('PL-LB-MISSING-PORT', 'error', 'Load balancer lacks a port', '{lb} has no mapping to port(s) {ports} of {proxies}, which {initiators} need ({what}).', 'Add a mapping front port → {ports} to the load balancer (or switch the cluster to multiplex so that only the web port is needed).', ['D10']),
  f('PL-LB-DEAD-MAPPING', 'warning', 'Load balancer forwards to a closed port', '{lb} forwards {front} → {target}, but {backends} open no listener on {target}.', 'Remove the mapping, or configure the matching listener on the backend.', ['D10']),
  f('PL-LB-NO-BACKEND', 'error', 'Load balancer without backends', '{lb} is linked to no Proxy or Auth backend, yet {initiators} go through it.', 'Link the load balancer to the Proxies (or Auth) it fronts.', ['D10']),
  f('PL-CLOUD-CONTROL-PLANE', 'error', 'Auth or Proxy in a Teleport Cloud cluster', '{cluster} runs on Teleport Cloud, which hosts Auth and the Proxy: {nodes} should not be in the plan.', 'Remove them: agents and users reach the tenant address on 443.', ['D1', 'D21']),
  f('PL-CLOUD-NO-TENANT', 'warning', 'Teleport Cloud without tenant address', '{cluster} runs on Teleport Cloud but has no tenant address: rules use "{fallback}" as destination.', 'Set the cluster\'s tenant address (e.g. example.teleport.sh:443).', ['D1']),
  f('PL-PEER-ZONES', 'info', 'Proxy peering across zones', 'Proxy peering in {cluster} crosses zones ({zones}): every firewall between them must allow {port} in both directions.', 'Keep Proxies in one zone, or open the peering port between the zones.', ['D4']),
  f('PL-HTTP-PROXY-UNKNOWN', 'warning', 'Forward proxy not in the plan', '{node} uses {url} as its forward proxy, but no HTTP CONNECT proxy node has that address or is linked to it: rules assume a direct path.', 'Add the forward proxy to the plan with its address, and link it.', ['D1']),
  f('PL-HTTP-PROXY-UNUSED', 'info', 'Forward proxy link without effect', '{node} is linked to {proxy} but nothing it dials goes through it ({why}).', 'Set HTTPS_PROXY on the node, or remove the link.', ['D1', 'S16']),
  f('PL-HTTP-PROXY-PORT', 'warning', 'Forward proxy port differs', '{node} dials its forward proxy on port {urlPort}, but {proxy} listens on {port}.', 'Align the URL in HTTPS_PROXY with the forward proxy\'s port.', ['D1']),
  f('PL-MONITOR-NOTHING', 'warning', 'Nothing to monitor', '{client} monitors {node}, which has neither diag_addr nor metrics_service enabled: there is nothing to scrape.', 'Set diag_addr (teleport.diag_addr, e.g. 0.0.0.0:3000) or enable metrics_service (port 3081) on {node}, or remove the link.', ['D7', 'S5']),
  f('PL-MONITOR-LOOPBACK', 'warning', 'Monitoring endpoint on loopback', '{node} serves {key} on {addr}, a loopback address: {client} cannot reach it from another host, so no rule is produced.', 'Listen on an address the monitoring hosts can reach (e.g. 0.0.0.0 with the port) and allow only them, or scrape from the same host.', ['D7', 'S5']),
  f('PL-MONITOR-INTERNET', 'warning', 'Monitoring endpoint open to the internet', 'Rule {rule} opens the monitoring endpoint of {node} (port {port}) to the internet ({source}). diag_addr has no authentication.', 'Scrape from a private network, or restrict the source to the monitoring hosts (and use metrics_service with mTLS).', ['D7', 'S5']),
  f('PL-RELAY-VERSION', 'error', 'Relay Service on an older Teleport', '{relay} is a Relay Service, which needs Teleport {since} or later; {cluster} runs Teleport {version}.', 'Upgrade the cluster to Teleport {since} or later, or remove the relay.', ['D8']),
  f('PL-RELAY-NO-HOSTNAMES', 'error', 'Relay without public hostnames', '{relay} sets no public_hostnames: the Relay Service refuses to start without them.', 'Set public_hostnames to the names clients and agents use for the relay (its load balancer).', ['D8', 'S6']),
  f('PL-RELAY-NO-SERVER', 'warning', 'Agent linked to a relay without relay_server', '{agent} is linked to {relay} but sets no teleport.relay_server: it opens no relay tunnel.', 'Set teleport.relay_server on {agent} to the relay tunnel address (host:port of the relay load balancer).', ['D8', 'D7']),
  f('PL-RELAY-LB-TLS', 'error', 'Relay load balancer terminates TLS', '{lb} fronts Relay Services but {problem}: relay transport and tunnels are mTLS end to end.', 'Use an L4 TCP pass-through load balancer in front of the relays.', ['D8']),
  f('PL-APP-NO-PORT', 'error', 'TCP application without port', '{app} uses {uri}: a tcp:// application needs a port.', 'Write the port in the URI (tcp://host:port), or list the ports in tcp_ports.', ['D17']),
  f('PL-APP-PORTS-URI', 'error', 'TCP ports with the wrong URI', '{app} lists TCP ports (tcp_ports), but its URI {uri} {problem}.', 'Write the URI as tcp://host (no port) and keep the ports in tcp_ports.', ['D24', 'S6']),
  f('PL-APP-PORTS-VERSION', 'warning', 'Multi-port TCP app on an older Teleport', '{app} lists TCP ports (tcp_ports), which need Teleport {since} or later; {agent} belongs to {cluster}, which runs Teleport {version}.', 'Upgrade the cluster to Teleport {since} or later, or give the app a single tcp://host:port URI.', ['D24']),
];
