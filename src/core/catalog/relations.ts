/**
 * What a link means, by the kinds at its two ends (reference §2). Links are drawn in either
 * direction; each entry names the side that opens the connection (`initiator`) and the side that
 * listens. The engine tries entries in order, in both orientations; the first match wins. A pair that
 * matches no relation is refused with the first matching entry of `LINK_REFUSALS`.
 */
import type { NodeKind } from '../schema/index.ts';
import type { SourceKey } from './sources.ts';

/** Relation ids; each has a handler in the engine. */
export type RelationId =
  | 'client-entry'
  | 'lb-backend'
  | 'proxy-auth'
  | 'agent-tunnel'
  | 'agent-auth'
  | 'proxy-dials-agent'
  | 'tbot-proxy'
  | 'tbot-auth'
  | 'agent-resource'
  | 'proxy-openssh'
  | 'proxy-kube-api'
  | 'trust-proxy'
  | 'trust-auth'
  | 'peering'
  | 'uses-forward-proxy'
  | 'forward-proxy-egress'
  | 'auth-backend'
  | 'monitoring'
  | 'relay-tunnel'
  | 'relay-transport'
  | 'relay-join';

/** Conditions on the two ends, all of which must hold. */
export interface RelationCondition {
  /** `same`: one cluster (a load balancer takes the cluster of its backends; none yet = any).
   * `leaf`: the initiator's cluster is a leaf whose trustedRoot is the listener's cluster. */
  cluster?: 'same' | 'leaf';
  initiatorJoinVia?: 'proxy' | 'auth';
  /** The initiator runs a service that reaches the listener (`resource`), or the SSH Service (`ssh`). */
  initiatorServices?: 'resource' | 'ssh';
  /** The listening agent runs a service that can listen. */
  listenerListens?: boolean;
  /** The load-balancer end fronts Proxies / Auth / Relays (one without backends yet fronts any). */
  lbFronts?: 'proxy' | 'auth' | 'relay';
  /** The listener end is a backend of the load balancer (initiator). */
  backend?: boolean;
  /** The initiator has HTTPS_PROXY or HTTP_PROXY set. */
  initiatorHasProxyEnv?: boolean;
  /** The cluster uses proxy peering. */
  peering?: boolean;
  /** The initiator is a client that uses this tool. */
  initiatorTool?: 'monitoring' | 'tsh';
}

/** One meaning a link can have. */
export interface RelationSpec {
  id: RelationId;
  initiator: NodeKind;
  listener: NodeKind;
  when?: RelationCondition;
  /** One sentence for the canvas and `checkLink`. */
  summary: string;
  sources: readonly SourceKey[];
}

const r = (id: RelationId, initiator: NodeKind, listener: NodeKind, summary: string, sources: readonly SourceKey[], when?: RelationCondition): RelationSpec =>
  when ? { id, initiator, listener, when, summary, sources } : { id, initiator, listener, summary, sources };

/** The link-meaning table, tried in order. */
export const RELATIONS: readonly RelationSpec[] = [
  r('client-entry', 'client', 'proxy', 'Users reach the Proxy (web port, plus dedicated listeners in separate mode); a monitoring system scrapes it.', ['D1']),
  r('client-entry', 'client', 'load-balancer', 'Users reach the Proxies through this load balancer.', ['D10'], { lbFronts: 'proxy' }),
  r('lb-backend', 'load-balancer', 'proxy', 'The load balancer forwards its ports to this Proxy.', ['D10'], { backend: true, lbFronts: 'proxy' }),
  r('lb-backend', 'load-balancer', 'auth', 'The load balancer forwards 3025 to this Auth (L4 only).', ['D10'], { backend: true, lbFronts: 'auth' }),
  r('proxy-auth', 'proxy', 'auth', 'The Proxy connects to Auth on 3025.', ['S10', 'D10'], { cluster: 'same' }),
  r('proxy-auth', 'proxy', 'load-balancer', 'The Proxy connects to Auth through its load balancer.', ['D10'], { cluster: 'same', lbFronts: 'auth' }),
  r('agent-tunnel', 'agent', 'proxy', 'The agent dials the Proxy: reverse tunnel and join.', ['D1', 'D9'], { cluster: 'same', initiatorJoinVia: 'proxy' }),
  r('agent-tunnel', 'agent', 'load-balancer', 'The agent dials the Proxies through the load balancer: reverse tunnel and join.', ['D1', 'D10'], { cluster: 'same', initiatorJoinVia: 'proxy', lbFronts: 'proxy' }),
  r('agent-auth', 'agent', 'auth', 'The agent joins Auth directly on 3025; the Proxies then dial its listening services.', ['S10', 'D1'], { cluster: 'same', initiatorJoinVia: 'auth' }),
  r('agent-auth', 'agent', 'load-balancer', 'The agent joins Auth directly through its load balancer; the Proxies then dial it.', ['S10', 'D10'], { cluster: 'same', initiatorJoinVia: 'auth', lbFronts: 'auth' }),
  r('proxy-dials-agent', 'proxy', 'agent', 'The Proxy dials the agent, which joined Auth directly (SSH 3022, Kubernetes 3026, Desktop 3028).', ['D1'], { cluster: 'same', listenerListens: true }),
  r('tbot-proxy', 'tbot', 'proxy', 'tbot joins and renews through the Proxy web port.', ['D13'], { cluster: 'same', initiatorJoinVia: 'proxy' }),
  r('tbot-proxy', 'tbot', 'load-balancer', 'tbot joins and renews through the load balancer.', ['D13'], { cluster: 'same', initiatorJoinVia: 'proxy', lbFronts: 'proxy' }),
  r('tbot-auth', 'tbot', 'auth', 'tbot joins Auth directly on 3025.', ['D13'], { cluster: 'same', initiatorJoinVia: 'auth' }),
  r('tbot-auth', 'tbot', 'load-balancer', 'tbot joins Auth directly through its load balancer.', ['D13'], { cluster: 'same', initiatorJoinVia: 'auth', lbFronts: 'auth' }),
  r('agent-resource', 'agent', 'kube-api', 'The Kubernetes Service reaches the Kubernetes API.', ['D15'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'database', 'The Database Service reaches the database.', ['D18'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'windows-host', 'The Desktop Service opens RDP to the Windows host.', ['D14'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'domain-controller', 'The Desktop Service reaches LDAPS and the KDC.', ['D14'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'app', 'The Application Service reaches the application.', ['D17'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'cloud-api', 'The agent calls the cloud API.', ['D18'], { initiatorServices: 'resource' }),
  r('agent-resource', 'agent', 'openssh-host', 'The Discovery Service installs Teleport on the VM over SSH.', ['S22'], { initiatorServices: 'resource' }),
  r('proxy-openssh', 'proxy', 'openssh-host', 'The Proxy dials the agentless OpenSSH host.', ['D19']),
  r('proxy-kube-api', 'proxy', 'kube-api', 'The Proxy reaches a Kubernetes API itself (legacy kubernetes section).', ['D1']),
  r('trust-proxy', 'proxy', 'proxy', 'Leaf Proxy tunnels to the root Proxy; leaf Auth validates trust on its web port.', ['S21', 'S20', 'D12'], { cluster: 'leaf' }),
  r('trust-proxy', 'proxy', 'load-balancer', 'Leaf Proxy tunnels to the root cluster through its load balancer.', ['S21', 'S20', 'D12'], { cluster: 'leaf', lbFronts: 'proxy' }),
  r('trust-auth', 'auth', 'proxy', 'Leaf Auth validates trust on the root Proxy web port.', ['S20'], { cluster: 'leaf' }),
  r('trust-auth', 'auth', 'load-balancer', 'Leaf Auth validates trust on the root Proxy web port, through its load balancer.', ['S20'], { cluster: 'leaf', lbFronts: 'proxy' }),
  r('peering', 'proxy', 'proxy', 'Proxy peering: every Proxy dials every other Proxy on 3021.', ['D4'], { cluster: 'same', peering: true }),
  r('uses-forward-proxy', 'agent', 'http-proxy', 'The agent reaches Teleport through this HTTP CONNECT proxy.', ['D1']),
  r('uses-forward-proxy', 'tbot', 'http-proxy', 'tbot reaches Teleport through this HTTP CONNECT proxy.', ['D1']),
  r('uses-forward-proxy', 'client', 'http-proxy', 'The users reach Teleport through this HTTP CONNECT proxy.', ['D1']),
  r('uses-forward-proxy', 'proxy', 'http-proxy', 'The Proxy dials out through this HTTP CONNECT proxy.', ['D1'], { initiatorHasProxyEnv: true }),
  r('uses-forward-proxy', 'relay', 'http-proxy', 'The Relay Service reaches the Proxy through this HTTP CONNECT proxy.', ['D1'], { initiatorHasProxyEnv: true }),
  r('uses-forward-proxy', 'auth', 'http-proxy', 'A leaf Auth validates the trust with its root cluster through this HTTP CONNECT proxy.', ['D1'], { initiatorHasProxyEnv: true }),
  r('forward-proxy-egress', 'http-proxy', 'proxy', 'The forward proxy carries CONNECT tunnels to the Proxy.', ['D1']),
  r('forward-proxy-egress', 'http-proxy', 'load-balancer', 'The forward proxy carries CONNECT tunnels to the load balancer.', ['D1']),
  r('auth-backend', 'auth', 'cloud-api', 'Auth stores state, audit or recordings in cloud storage.', ['D10']),
  r('auth-backend', 'auth', 'database', 'Auth uses the database as its backend.', ['D10']),
  // Monitoring (§2.9). A monitoring client linked to a Proxy is handled by `client-entry` above,
  // which also emits the Proxy's monitoring flows.
  r('monitoring', 'client', 'auth', 'The monitoring system scrapes this Auth Service (diag_addr, metrics_service).', ['D7', 'S5'], { initiatorTool: 'monitoring' }),
  r('monitoring', 'client', 'agent', 'The monitoring system scrapes this agent (diag_addr, metrics_service).', ['D7', 'S5'], { initiatorTool: 'monitoring' }),
  r('monitoring', 'client', 'tbot', 'The monitoring system scrapes this tbot (diag_addr).', ['D7'], { initiatorTool: 'monitoring' }),
  // Relay Service (§2.8, Teleport 18.3+, SSH only).
  r('relay-join', 'relay', 'proxy', 'The Relay Service joins and keeps its connection through the Proxy web port (proxy_server).', ['S24', 'S25'], { cluster: 'same' }),
  r('relay-join', 'relay', 'load-balancer', 'The Relay Service joins through the load balancer in front of the Proxies.', ['S24', 'S25'], { cluster: 'same', lbFronts: 'proxy' }),
  r('lb-backend', 'load-balancer', 'relay', 'The load balancer forwards its ports to this Relay Service.', ['D8'], { backend: true, lbFronts: 'relay' }),
  r('relay-tunnel', 'agent', 'relay', 'The SSH Service tunnels to the Relay Service (teleport.relay_server).', ['D8', 'D7'], { cluster: 'same', initiatorJoinVia: 'proxy', initiatorServices: 'ssh' }),
  r('relay-tunnel', 'agent', 'load-balancer', 'The SSH Service tunnels to the Relay Services behind this load balancer.', ['D8', 'D7'], { cluster: 'same', initiatorJoinVia: 'proxy', initiatorServices: 'ssh', lbFronts: 'relay' }),
  r('relay-transport', 'client', 'relay', 'tsh reaches SSH hosts through the Relay Service (--relay); a monitoring system also scrapes it.', ['D8'], { initiatorTool: 'tsh' }),
  // A monitoring client that also uses tsh is handled by `relay-transport` above, which also scrapes the relay.
  r('monitoring', 'client', 'relay', 'The monitoring system scrapes this Relay Service (diag_addr, metrics_service).', ['D7', 'S5'], { initiatorTool: 'monitoring' }),
  r('relay-transport', 'client', 'load-balancer', 'tsh reaches SSH hosts through the Relay Services behind this load balancer.', ['D8'], { initiatorTool: 'tsh', lbFronts: 'relay' }),
  r('relay-transport', 'tbot', 'relay', 'tbot\'s ssh-multiplexer reaches SSH hosts through the Relay Service.', ['D8'], { cluster: 'same' }),
  r('relay-transport', 'tbot', 'load-balancer', 'tbot\'s ssh-multiplexer reaches SSH hosts through the Relay Services behind this load balancer.', ['D8'], { cluster: 'same', lbFronts: 'relay' }),
];
