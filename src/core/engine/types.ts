/**
 * What the requirements engine produces. `derive(plan)` returns a `DeriveResult`; every list in it is
 * sorted by `id`, and every id is built from meaning (node ids, ports, purposes), never from position,
 * so the same plan always yields byte-identical output.
 */

export type Protocol = 'tcp' | 'udp';
export type Severity = 'error' | 'warning' | 'info';

/**
 * Endpoint ids. A flow or rule endpoint is a plan node id, or one of these synthetic endpoints
 * (they contain `:`, which plan ids never do, so they cannot collide with a node):
 * - `cloud-tenant:<clusterId>`: the Teleport Cloud tenant of that cluster (address = the cluster's
 *   `cloudTenant` host, e.g. `example.teleport.sh`, port 443 or the tenant's published port);
 * - `external:acme-ca`: the public ACME certificate authority (Let's Encrypt), in the plan's
 *   internet zone when there is one, address its CIDR (else `0.0.0.0/0`).
 * Use `nodeLabel(plan, id)` (exported by the engine) to display any endpoint.
 */
export type EndpointId = string;

/**
 * One connection the cluster needs: `from` opens it, `to` listens on `port`.
 * Several flows may collapse into one firewall rule.
 */
export interface Flow {
  /** e.g. `ssh-agent-1>proxy-1:443/tcp:reverse-tunnel`. */
  id: string;
  /** Endpoint id of the side that opens the connection (see `EndpointId`). */
  from: EndpointId;
  /** Endpoint id of the listener (a node id or a synthetic endpoint such as `cloud-tenant:main`). */
  to: EndpointId;
  port: number;
  /** Inclusive end of a port range; absent for a single port. */
  portEnd?: number;
  protocol: Protocol;
  /** Catalog entry that explains this kind of connection (e.g. `agent-reverse-tunnel`). */
  catalog: string;
  /** Plain words: why the connection exists ("reverse tunnel from the SSH agent"). */
  purpose: string;
  /** Plain words: which plan fact caused it ("link ssh-agent-1 — lb-1; cluster main is multiplex"). */
  cause: string;
  /** Plan links this flow derives from (empty when a setting alone causes it). */
  links: string[];
  /** Plan settings it depends on, as paths (e.g. `clusters[main].proxyListenerMode`). */
  settings: string[];
  /** The connection stays open (tunnels, gRPC watchers). Matters for LB/NAT idle timeouts. */
  longLived: boolean;
  /** Documentation URL (goteleport.com) supporting this flow. */
  docs: string;
  /** Assumptions or uncertainty worth telling a reviewer. */
  note?: string;
  /** `host:port` the initiator dials, when known (for NO_PROXY matching and verification scripts). */
  dialTarget?: string;
}

/** A firewall rule: flows with the same source, destination, port and protocol, merged. */
export interface Rule {
  /** e.g. `ssh-agent-1-to-proxy-1-443-tcp`. */
  id: string;
  /** Endpoint id of the source (always the side that opens the connection; see `EndpointId`). */
  source: EndpointId;
  /** Endpoint id of the destination: a node id, or `cloud-tenant:<clusterId>` / `external:acme-ca`. */
  destination: EndpointId;
  /** Zone ids; absent when the node sits in no zone. */
  sourceZone?: string;
  destinationZone?: string;
  /** The node's first address, else its zone's CIDRs joined by a space, else `any`. */
  sourceAddress: string;
  destinationAddress: string;
  port: number;
  portEnd?: number;
  protocol: Protocol;
  /** Always equal to `source`: kept explicit because exports print it. */
  initiator: string;
  longLived: boolean;
  /** Both ends in the same zone: no zone firewall in between, but host firewalls still apply. */
  sameZone: boolean;
  purposes: string[];
  causes: string[];
  docs: string[];
  notes: string[];
  flows: string[];
  links: string[];
}

export interface Finding {
  /** `code:subject`, e.g. `L-P1:proxy-1`. */
  id: string;
  /** Stable code from the findings table (e.g. `L-P1`, `PL-NO-AUTH`). */
  code: string;
  severity: Severity;
  message: string;
  /** How to fix it, in one or two sentences. */
  fix: string;
  docs: string;
  nodes: string[];
  links: string[];
  /** A fix that is one or a few plan field values, which the app can apply in one step (see `applyAutofix`). */
  autofix?: Autofix;
  /**
   * Fixes to choose from when the fix is a design decision (turn a feature off, or buy the edition that
   * has it): each applies in one step like `autofix`, but none is applied by "apply all" or `portolan fix`.
   */
  choices?: Autofix[];
}

/** One plan field set to a value (or removed, with `null`: optional fields only): on a node or a cluster, by id. */
export interface FieldChange {
  target: 'node' | 'cluster';
  id: string;
  field: string;
  value: string | number | boolean | null;
}

/** A finding's fix as plan changes, with the words for its button. */
export interface Autofix {
  /** e.g. `Set proxy_protocol: off on Auth`. */
  label: string;
  changes: FieldChange[];
  /** Links to remove (by id) and to add, for a fix that changes what a node is linked to. */
  links?: { remove: string[]; add: { source: string; target: string }[] };
}

/** What the engine made of one plan link, for the canvas (arrow direction and label). */
export interface LinkInfo {
  id: string;
  /** False when the engine could give the link no meaning (then `reason` says why). */
  ok: boolean;
  /** Node id of the side that opens the connection(s); the arrow points away from it. */
  initiator: string;
  /** Node id of the listening side. */
  listener: string;
  /** Short edge label, e.g. `443/tcp reverse tunnel`, `3023, 3080/tcp`, or `8080/tcp app via Squid` (through a forward proxy). */
  label: string;
  reason?: string;
  /** Flow ids this link produced. */
  flows: string[];
}

/**
 * Everything `derive` produces. Treat it as read-only: to keep 10,000-link plans fast, arrays may be
 * shared between entries (a flow's `links` and its rule's `links`; one frozen `docs` list for every
 * rule citing the same single page; one frozen empty `notes` list).
 */
export interface DeriveResult {
  flows: Flow[];
  rules: Rule[];
  findings: Finding[];
  links: LinkInfo[];
}

/** Answer to "may I draw a link between these two nodes?" (asked before the link exists). */
export type LinkCheck =
  | { ok: true; initiator: string; listener: string; summary: string }
  | { ok: false; reason: string };

/** What one firewall between two zones must allow (view `rulesByZonePair`). */
export interface ZonePairView {
  /** `<sourceZone>><destinationZone>`, with `-` for "no zone". */
  id: string;
  sourceZone?: string;
  destinationZone?: string;
  /** Both ends in the same zone: only host firewalls apply. */
  sameZone: boolean;
  rules: Rule[];
}

/** Rules seen from one endpoint (view `rulesByHost`). */
export interface HostView {
  /** Endpoint id (node id or synthetic endpoint). */
  id: string;
  name: string;
  zone?: string;
  /** Rules whose destination is this endpoint. */
  inbound: Rule[];
  /** Rules whose source is this endpoint. */
  outbound: Rule[];
}
