/**
 * Facts the families notice while deriving flows and that become findings later (a missing load
 * balancer port, an advertised port that differs from the open one, a refused link…).
 */

/** A load balancer lacks a mapping to a listener someone needs. */
export interface MissingPort {
  lb: string;
  ports: Set<number>;
  proxies: Set<string>;
  initiators: Set<string>;
  whats: Set<string>;
  links: Set<string>;
}

/** The advertised port differs from the port open on the hop. */
export interface PortMismatch {
  hop: string;
  proxy: string;
  /** `what` → "advertised host:port vs open port". */
  items: Map<string, { advertised: string; open: number }>;
  initiators: Set<string>;
  links: Set<string>;
}

/** An initiator's own address setting dials a port its hop does not open. */
export interface OverrideMismatch {
  /** `tunnel-env`: TELEPORT_TUNNEL_PUBLIC_ADDR; `join-addr`: the agent's proxy_server / auth_server; `trust-addr`: a leaf's trusted_cluster address. */
  kind: 'tunnel-env' | 'join-addr' | 'trust-addr';
  agent: string;
  /** The Proxy, load balancer, Auth or Cloud tenant dialled. */
  hop: string;
  /** `host:port` dialled, and its parts. */
  addr: string;
  host: string;
  port: number;
  /** The setting has no port: Teleport's default port was dialled. */
  portless: boolean;
  /** Port the hop opens for this connection. */
  open: number;
  /** Plan path of the setting that gave the address. */
  setting: string;
  links: Set<string>;
}

/** A link the engine refused. */
export interface Refusal {
  link: string;
  a: string;
  b: string;
  reason: string;
  /** The agent that something would dial, when the refusal is about inbound traffic to an agent. */
  agent?: string;
}

/** A monitoring client linked to a Teleport node (reference §2.9). */
export interface MonitorLink {
  client: string;
  node: string;
  link: string;
}

/** Everything noticed during one derive. */
export interface Observations {
  missingPorts: Map<string, MissingPort>;
  portMismatches: Map<string, PortMismatch>;
  /** `kind|agent|hop` → an agent's own address setting whose port the hop does not open. */
  overrideMismatches: Map<string, OverrideMismatch>;
  refusals: Refusal[];
  /** LB id → initiators and links that went through an LB without backends. */
  lbWithoutBackend: Map<string, { initiators: Set<string>; links: Set<string> }>;
  /** Proxy id → initiators that reach it (directly or through an LB). */
  reachedProxies: Map<string, Set<string>>;
  /** Proxy id → LBs carrying the forced tunnel port in separate mode without tunnel_public_addr. */
  forcedTunnel: Map<string, Set<string>>;
  /** Node id → forward proxy URL it names that no plan node matches. */
  unknownForwardProxies: Map<string, string>;
  /** `node|http-proxy` pairs actually used for at least one dial. */
  forwardProxyUsed: Set<string>;
  /** Node id → targets (`host:port`) dialled through a forward proxy → destination endpoint id. */
  proxiedTargets: Map<string, Map<string, string>>;
  /** Node ids (agents, tbots) that reached their cluster somehow. */
  reachedCluster: Set<string>;
  /** Proxy ids that have a path to Auth. */
  proxiesWithAuth: Set<string>;
  /** Leaf cluster ids with a path to their root. */
  leavesWithPath: Set<string>;
  /** Monitoring links to nodes with neither diag_addr nor metrics_service. */
  monitorGaps: MonitorLink[];
  /** Monitoring links to an endpoint bound to loopback. */
  monitorLoopback: (MonitorLink & { addr: string; yamlKey: string })[];
  /** Agents linked to a relay (or relay LB) without `teleport.relay_server`. */
  relayWithoutServer: { agent: string; hop: string; link: string }[];
  /** `missing|<lb>|` (no mapping to a relay listener) or `mismatch|<hop>|<initiator>` (relay_server port not open). */
  relayPorts: Map<string, RelayPortProblem>;
  /** Agents whose link to a relay (or relay LB) was given the relay-tunnel meaning. */
  relayLinkedAgents: Set<string>;
  /** Monitoring clients linked to a load balancer (scrapes go to each process, not through an LB). */
  monitorViaLb: MonitorLink[];
  /** Monitoring clients that scrape an endpoint (the only sources of monitoring rules). */
  monitorScrapers: Set<string>;
}

/** A relay listener that a relay load balancer does not forward, or a relay_server port the hop does not open. */
export interface RelayPortProblem {
  kind: 'missing' | 'mismatch';
  hop: string;
  /** Missing: the relay listener ports; mismatch: the ports the hop opens for that listener. */
  ports: Set<number>;
  relays: Set<string>;
  initiators: Set<string>;
  whats: Set<string>;
  links: Set<string>;
  /** Mismatch: the host:port the initiator dials. */
  addr?: string;
}

/** Empty observations. */
export function emptyObservations(): Observations {
  return {
    missingPorts: new Map(), portMismatches: new Map(), overrideMismatches: new Map(), refusals: [], lbWithoutBackend: new Map(), reachedProxies: new Map(),
    forcedTunnel: new Map(), unknownForwardProxies: new Map(), forwardProxyUsed: new Set(), proxiedTargets: new Map(),
    reachedCluster: new Set(), proxiesWithAuth: new Set(), leavesWithPath: new Set(), monitorGaps: [], monitorLoopback: [], relayWithoutServer: [], relayPorts: new Map(), relayLinkedAgents: new Set(), monitorViaLb: [], monitorScrapers: new Set(),
  };
}
