/**
 * Reaching the Proxy: a Proxy directly, Proxies behind a load balancer, or the Teleport Cloud tenant.
 * For each needed listener the initiator dials the advertised address; the rule shows the port that
 * is actually open on the hop (the listener, or the LB front port that maps to it). A missing LB
 * mapping or an advertised port that differs from the open one is recorded for the findings.
 */
import { TUNNEL_ENV_DEFAULT_PORT } from '../catalog/index.ts';
import type { FlowTemplate, ProxyListenerId } from '../catalog/index.ts';
import type { NodeOfKind, PlanNode } from '../schema/index.ts';
import { joinHostPort, parseHostPort } from './addr.ts';
import type { Ctx, LbInfo } from './context.ts';
import { tenantAddress, tenantId } from './endpoints.ts';
import { emitHop } from './hop.ts';
import type { Observations } from './observations.ts';
import type { ProxyInfo, Resolved } from './proxy-listeners.ts';
import type { FlowSink } from './sink.ts';

/** Where an initiator enters the cluster. */
export type Entry =
  | { kind: 'proxy'; node: NodeOfKind<'proxy'> }
  | { kind: 'lb'; node: NodeOfKind<'load-balancer'> }
  | { kind: 'tenant'; cluster: string };

/** One listener the initiator needs. */
export interface Need {
  use: ProxyListenerId;
  template: FlowTemplate;
  /** Skip silently when the dedicated listener does not exist (then `fallback` is used, if any). */
  ifExists?: boolean;
  fallback?: { use: ProxyListenerId; template: FlowTemplate };
}

/** A reach request. */
export interface ReachInput {
  initiator: PlanNode;
  entry: Entry;
  needs: readonly Need[];
  links: readonly string[];
  settings: readonly string[];
  cause: string;
}

function resolveNeed(info: ProxyInfo, need: Need): { r: Resolved; template: FlowTemplate } | undefined {
  const r = info.resolve(need.use);
  if (r.listener) return { r, template: need.template };
  if (need.fallback) {
    const f = info.resolve(need.fallback.use);
    if (f.listener) return { r: f, template: need.fallback.template };
  }
  return undefined;
}

/** `TELEPORT_TUNNEL_PUBLIC_ADDR` of an agent: where its reverse tunnel goes instead (reference A2). */
interface TunnelOverride {
  host: string;
  port: number;
  text: string;
  setting: string;
}

function tunnelOverride(node: PlanNode): TunnelOverride | undefined {
  if (node.kind !== 'agent') return undefined;
  const value = node.env?.teleportTunnelPublicAddr;
  const hp = value === undefined ? undefined : parseHostPort(value);
  if (!hp) return undefined;
  const port = hp.port ?? TUNNEL_ENV_DEFAULT_PORT;
  return { host: hp.host, port, text: joinHostPort(hp.host, port), setting: `nodes[${node.id}].env` };
}

/** The resolution of a need with the agent's override applied (only the tunnel need is overridden). */
function overridden(r: Resolved, use: ProxyListenerId, o: TunnelOverride | undefined): Resolved {
  if (!o || use !== 'tunnel') return r;
  return { ...r, advertised: { host: o.host, port: o.port }, unspecified: false, via: 'TELEPORT_TUNNEL_PUBLIC_ADDR', field: 'env', dial: o.text, settings: [...r.settings, o.setting] };
}

/** The agent's override dials a port its hop does not open for tunnels (PL-TUNNEL-ENV-PORT). */
function envMismatch(obs: Observations, o: TunnelOverride, agent: string, hop: string, open: number, links: readonly string[]): void {
  const key = `${agent}|${hop}`;
  let m = obs.tunnelEnvMismatches.get(key);
  if (!m) obs.tunnelEnvMismatches.set(key, (m = { agent, hop, addr: o.text, open, links: new Set() }));
  for (const l of links) m.links.add(l);
}

/**
 * The port dialled (`r.advertised`) is not the port `hop` opens: L-P3 for an advertised address,
 * PL-TUNNEL-ENV-PORT when the agent's own TELEPORT_TUNNEL_PUBLIC_ADDR chose it.
 */
function checkOpenPort(obs: Observations, q: ReachInput, need: Need, override: TunnelOverride | undefined, hop: string, proxy: string, what: string, r: Resolved, open: number): void {
  if (r.advertised.port === open) return;
  if (override && need.use === 'tunnel') envMismatch(obs, override, q.initiator.id, hop, open, q.links);
  else mismatch(obs, hop, proxy, what, r, open, q.initiator.id, q.links);
}

/** Remember up to this many initiators per proxy (messages name a few, then "and N more"). */
const MARK_CAP = 16;

function mark<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  if (set.size < MARK_CAP) set.add(value);
}

function mismatch(obs: Observations, hop: string, proxy: string, what: string, r: Resolved, open: number, initiator: string, links: readonly string[]): void {
  const key = `${hop}|${proxy}`;
  let m = obs.portMismatches.get(key);
  if (!m) obs.portMismatches.set(key, (m = { hop, proxy, items: new Map(), initiators: new Set(), links: new Set() }));
  m.items.set(what, { advertised: joinHostPort(r.advertised.host, r.advertised.port), open });
  m.initiators.add(initiator);
  for (const l of links) m.links.add(l);
}

/** Emit the flows for an initiator entering through `entry`. */
export function reachProxy(ctx: Ctx, sink: FlowSink, obs: Observations, q: ReachInput): void {
  const e = q.entry;
  if (e.kind === 'tenant') {
    const t = tenantAddress(ctx.plan, e.cluster);
    const settings = q.settings;
    const more = t.known ? [`clusters[${e.cluster}].deployment`, `clusters[${e.cluster}].cloudTenant`] : [`clusters[${e.cluster}].deployment`];
    for (const need of q.needs) {
      if (need.ifExists) continue;
      emitHop(ctx, sink, obs, { initiator: q.initiator, to: tenantId(e.cluster), port: t.port, template: need.template, dial: t, links: q.links, settings, moreSettings: more, cause: q.cause });
    }
    return;
  }
  const override = tunnelOverride(q.initiator);
  if (e.kind === 'proxy') {
    const info = ctx.proxies.get(e.node.id) as ProxyInfo;
    mark(obs.reachedProxies, info.node.id, q.initiator.id);
    for (const need of q.needs) {
      const got = resolveNeed(info, need);
      if (!got) continue;
      const r = overridden(got.r, need.use, override);
      const open = r.listener?.port as number;
      checkOpenPort(obs, q, need, override, info.node.id, info.node.id, got.template.label, r, open);
      emitHop(ctx, sink, obs, {
        initiator: q.initiator, to: info.node.id, port: open, template: got.template, dial: r.advertised, dialText: r.dial,
        links: q.links, settings: q.settings, moreSettings: r.settings, cause: q.cause,
      });
    }
    return;
  }
  reachThroughLb(ctx, sink, obs, q, e.node, override);
}

/** How one need is served through one LB: computed once per (LB, need), reused for every initiator. */
interface LbRoute {
  hops: { backend: ProxyInfo; r: Resolved; template: FlowTemplate; front: number }[];
  missing: { port: number; what: string }[];
  forced: string[];
}

// Per derive (keyed by the context), per LB, per need object (needs are shared constants).
const lbRoutes = new WeakMap<Ctx, Map<string, Map<Need, LbRoute>>>();

function lbRoute(ctx: Ctx, lb: NodeOfKind<'load-balancer'>, backends: readonly ProxyInfo[], need: Need, override?: TunnelOverride): LbRoute {
  // Routes are the same for every initiator, except one whose tunnel address is overridden (rare: not cached).
  const personal = override !== undefined && need.use === 'tunnel';
  let byLb = lbRoutes.get(ctx);
  if (!byLb) lbRoutes.set(ctx, (byLb = new Map()));
  let cache = byLb.get(lb.id);
  if (!cache) byLb.set(lb.id, (cache = new Map()));
  const hit = personal ? undefined : cache.get(need);
  if (hit) return hit;
  const route: LbRoute = { hops: [], missing: [], forced: [] };
  const done = new Set<number>();
  for (const b of backends) {
    const got = resolveNeed(b, need);
    if (!got) continue;
    const r = overridden(got.r, need.use, override);
    const target = r.listener?.port as number;
    if (done.has(target)) continue;
    done.add(target);
    const candidates = lb.mappings.filter((m) => m.targetPort === target);
    const mapping = candidates.find((m) => m.frontPort === r.advertised.port) ?? [...candidates].sort((x, y) => x.frontPort - y.frontPort)[0];
    if (!personal && r.listener?.id === 'tunnel' && b.cluster.proxyListenerMode === 'separate' && b.node.tunnelPublicAddr.length === 0) route.forced.push(b.node.id);
    if (!mapping) route.missing.push({ port: target, what: got.template.label });
    else route.hops.push({ backend: b, r, template: got.template, front: mapping.frontPort });
  }
  if (!personal) cache.set(need, route);
  return route;
}

function reachThroughLb(ctx: Ctx, sink: FlowSink, obs: Observations, q: ReachInput, lb: NodeOfKind<'load-balancer'>, override: TunnelOverride | undefined): void {
  const info = ctx.lbs.get(lb.id);
  const backends = info?.role === 'proxy' ? info.backendInfos : [];
  if (backends.length === 0) {
    let w = obs.lbWithoutBackend.get(lb.id);
    if (!w) obs.lbWithoutBackend.set(lb.id, (w = { initiators: new Set(), links: new Set() }));
    w.initiators.add(q.initiator.id);
    for (const l of q.links) w.links.add(l);
    return;
  }
  for (const b of backends) mark(obs.reachedProxies, b.node.id, q.initiator.id);
  const lbSetting = (info as LbInfo).mappingsSetting;
  for (const need of q.needs) {
    const route = lbRoute(ctx, lb, backends, need, override);
    for (const proxy of route.forced) mark(obs.forcedTunnel, proxy, lb.id);
    for (const m of route.missing) recordMissing(obs, lb.id, m.port, backends, q, m.what);
    for (const h of route.hops) {
      checkOpenPort(obs, q, need, override, lb.id, h.backend.node.id, h.template.label, h.r, h.front);
      emitHop(ctx, sink, obs, {
        initiator: q.initiator, to: lb.id, port: h.front, template: h.template, dial: h.r.advertised, dialText: h.r.dial,
        links: q.links, settings: q.settings, moreSettings: h.r.settings, lbSetting, cause: q.cause,
      });
    }
  }
}

function recordMissing(obs: Observations, lb: string, port: number, backends: readonly ProxyInfo[], q: ReachInput, what: string): void {
  let m = obs.missingPorts.get(lb);
  if (!m) obs.missingPorts.set(lb, (m = { lb, ports: new Set(), proxies: new Set(), initiators: new Set(), whats: new Set(), links: new Set() }));
  m.ports.add(port);
  for (const b of backends) m.proxies.add(b.node.id);
  m.initiators.add(q.initiator.id);
  m.whats.add(what);
  for (const l of q.links) m.links.add(l);
}
