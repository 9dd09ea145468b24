/**
 * One hop from an initiator to a destination, direct or through the initiator's HTTP CONNECT
 * forward proxy (host → forward proxy port, then forward proxy → destination on the same port).
 */
import { FORWARD_PROXY } from '../catalog/index.ts';
import type { FlowTemplate, ForwardProxyUse } from '../catalog/index.ts';
import type { PlanNode } from '../schema/index.ts';
import { joinHostPort } from './addr.ts';
import { linksBetween } from './context.ts';
import type { Ctx } from './context.ts';
import { nameOf } from './endpoints.ts';
import { forwardRoute } from './forward.ts';
import type { Observations } from './observations.ts';
import type { FlowInput, FlowSink } from './sink.ts';

/** A hop request. */
export interface HopInput {
  initiator: PlanNode;
  to: string;
  port: number;
  template: FlowTemplate;
  /** Which proxy variable applies, when the template leaves it to the destination (`resource`). */
  use?: ForwardProxyUse;
  /** What the initiator dials (host and port), for NO_PROXY and verification. */
  dial: { host: string; port: number };
  /** Precomputed `host:port` of `dial`. */
  dialText?: string;
  /**
   * The plan gives no address for the destination: the flows get no dial target (exports then ask for
   * the address) and no forward-proxy route (no host to match NO_PROXY against); `dial.host` is unused.
   */
  dialUnknown?: boolean;
  links: readonly string[];
  settings: readonly string[];
  /** More settings (kept separate to avoid copying arrays on the hot path). */
  moreSettings?: readonly string[];
  lbSetting?: string;
  cause: string;
  note?: string;
}

/** Emit the flows of one hop; returns true when it went through a forward proxy. */
export function emitHop(ctx: Ctx, sink: FlowSink, obs: Observations, h: HopInput): boolean {
  const dialTarget = h.dialUnknown ? undefined : (h.dialText ?? joinHostPort(h.dial.host, h.dial.port));
  const shown = dialTarget ?? nameOf(ctx, h.to);
  // Without an address there is no host to match NO_PROXY against: such a hop is taken as direct.
  const use = h.use ?? h.template.forwardProxy;
  const route = h.dialUnknown ? undefined : forwardRoute(ctx, obs, h.initiator, use, h.dial.host, h.dial.port, h.to);
  if (!route) {
    const input: FlowInput = { from: h.initiator.id, to: h.to, port: h.port, template: h.template, settings: h.settings, cause: h.cause, links: h.links };
    if (dialTarget !== undefined) input.dialTarget = dialTarget;
    if (h.moreSettings !== undefined) input.moreSettings = h.moreSettings;
    if (h.lbSetting !== undefined) input.oneMoreSetting = h.lbSetting;
    if (h.note !== undefined) input.note = h.note;
    sink.add(input);
    return false;
  }
  const settings = [...h.settings, ...(h.moreSettings ?? []), ...(h.lbSetting === undefined ? [] : [h.lbSetting])];
  const base = { template: h.template, settings, cause: h.cause, ...(dialTarget === undefined ? {} : { dialTarget }), ...(h.note === undefined ? {} : { note: h.note }) };
  const f = route.fwd;
  const envSetting = `nodes[${h.initiator.id}].env`;
  // Go sends an http:// request to HTTP_PROXY as it is; everything else is a CONNECT tunnel.
  const plain = use === 'http';
  sink.add({
    ...base,
    from: h.initiator.id, to: f.id, port: f.port,
    purpose: `${h.template.label} of ${h.initiator.name} to ${shown}, through the forward proxy ${f.name} (${plain ? 'plain HTTP' : 'HTTP CONNECT'})`,
    links: [...h.links, ...linksBetween(ctx, h.initiator.id, f.id)],
    settings: [...settings, envSetting],
    note: plain ? FORWARD_PROXY.httpNote : FORWARD_PROXY.note, docs: FORWARD_PROXY.docs,
  });
  sink.add({
    ...base,
    from: f.id, to: h.to, port: h.port,
    purpose: plain ? `${h.template.label}: ${f.name} forwards HTTP requests to ${nameOf(ctx, h.to)}` : `${h.template.label}: ${f.name} carries CONNECT tunnels to ${nameOf(ctx, h.to)}`,
    cause: plain ? `forward proxy ${f.id} forwards HTTP requests to ${shown}` : `forward proxy ${f.id} relays CONNECT to ${shown}`,
    links: [...h.links, ...linksBetween(ctx, f.id, h.to)],
    settings: [...settings, envSetting],
    docs: FORWARD_PROXY.docs,
  });
  return true;
}
