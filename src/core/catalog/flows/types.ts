/**
 * Shape of a flow template: one kind of connection Teleport makes, with its words and sources.
 */
import type { SourceKey } from '../sources.ts';

/** How an HTTP CONNECT proxy in the initiator's environment applies to this connection (§2.10). */
export type ForwardProxyUse =
  /** An `https://` request: only `HTTPS_PROXY` applies. */
  | 'https'
  /** An `http://` request: only `HTTP_PROXY` applies, and the forward proxy sees the request in clear text. */
  | 'http'
  /** A schemeless `host:port` dial (reverse tunnel, SSH): `HTTPS_PROXY`, then `HTTP_PROXY`. */
  | 'tunnel'
  /** Never goes through a forward proxy (or Portolan assumes it does not). */
  | 'never'
  /** Depends on the resource: the scheme of an app's URI, the client a database engine uses (`resourceForwardProxy`). */
  | 'resource';

/** One kind of connection. */
export interface FlowTemplate {
  /** Stable id, used in flow ids (`from>to:port/proto:<id>`). */
  id: string;
  /** Short edge label: `reverse tunnel`. */
  label: string;
  /** Plain words; `{from}` and `{to}` are replaced by node names. */
  purpose: string;
  protocol: 'tcp' | 'udp';
  /** The connection stays open (tunnels, gRPC streams, sessions). */
  longLived: boolean;
  forwardProxy: ForwardProxyUse;
  /** Reference row (§2), e.g. `A2`. */
  ref: string;
  /** Main documentation page. */
  docs: string;
  sources: readonly SourceKey[];
  /** Assumption or uncertainty a reviewer should know. */
  note?: string;
}
