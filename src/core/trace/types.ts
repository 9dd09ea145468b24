/** Shapes of an access trace: the hops a user's (or a bot's) connection takes to reach a target. */
import type { EndpointId, Protocol } from '../engine/index.ts';
import type { ClientToolName } from '../schema/index.ts';

/** The client tool a path is traced for: a client node's tool, or Machine ID (`tbot`). */
/** Tools that reach resources through Teleport (monitoring scrapes Teleport itself: no access path). */
export type AccessTool = Exclude<ClientToolName, 'monitoring'> | 'tbot';

/**
 * One hop of an access path, in the direction the user's traffic travels.
 *
 * Most hops are opened by `from`. A hop over a reverse tunnel (an agent's tunnel to the Proxy, a leaf
 * Proxy's tunnel to the root) is opened by `to`: traffic goes from the Proxy to the agent, but the
 * firewall rule that permits it goes from the agent to the Proxy. Such a hop has `reverse: true`, and
 * `port` is the port the tunnel was opened to (on `from`).
 */
export interface Hop {
  /** Endpoint the traffic leaves (node id, or `cloud-tenant:<cluster>`). */
  from: EndpointId;
  /** Endpoint the traffic arrives at. */
  to: EndpointId;
  /** Destination port of the connection that carries the hop (on `to`, or on `from` when `reverse`). */
  port: number;
  protocol: Protocol;
  /** Id of the rule that permits the hop; undefined when no rule of the result holds its flow. */
  rule: string | undefined;
  /** Id of the engine flow behind the hop. */
  flow: string;
  /** The connection was opened by `to` (reverse tunnel): the rule goes `to` → `from`. */
  reverse: boolean;
  /** On a reverse hop: the node that opened the tunnel (the agent or leaf Proxy; `to` may only relay it). */
  opener?: EndpointId;
  /** Plain words: what this hop is. */
  description: string;
}

/** What is missing when no complete path exists. */
export interface MissingPart {
  /** Plain words: the missing link or setting ("the SSH agent has no path to the Proxy"). */
  message: string;
  /** Nodes involved (to highlight on the canvas), sorted. */
  nodes: string[];
  /** Plan links involved, sorted. */
  links: string[];
  /** Plan setting path to change, when a setting (not a link) is missing, e.g. `nodes[users].tools`. */
  setting?: string;
}

/** A traced access path. */
export interface Trace {
  /** A complete path exists (every hop has a flow and a rule). */
  ok: boolean;
  /** Initiator (client or tbot node id). */
  from: string;
  /** Target (node id or synthetic endpoint). */
  to: string;
  tool: AccessTool;
  /** The path, in traffic order. When `ok` is false: the part found before the gap (may be empty). */
  hops: Hop[];
  missing?: MissingPart;
}

/** Options of `traceAccess`. */
export interface TraceOptions {
  /** Client tool to trace; inferred from the target kind when omitted. */
  tool?: AccessTool;
  /** `relay`: the SSH leg through a Relay Service (tsh --relay) instead of the Proxy. */
  via?: 'proxy' | 'relay';
}
