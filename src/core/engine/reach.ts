/**
 * Reaching the Proxy: a Proxy directly, Proxies behind a load balancer, or the Teleport Cloud tenant.
 * For each needed listener the initiator dials the advertised address; the rule shows the port that
 * is actually open on the hop (the listener, or the LB front port that maps to it). A missing LB
 * mapping or an advertised port that differs from the open one is recorded for the findings.
 */
import { TUNNEL_ENV_DEFAULT_PORT, joinKeyOf } from '../catalog/index.ts';
import type { FlowTemplate, ProxyListenerId } from '../catalog/index.ts';
import type { NodeOfKind, PlanNode } from '../schema/index.ts';
import { joinHostPort, parseHostPort } from './addr.ts';
import { clusterOf } from './context.ts';
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
  /** Skip silently when the dedicated listener does not exist. */
  ifExists?: boolean;
}

/** A reach request. */
export interface ReachInput {
  initiator: PlanNode;
  entry: Entry;
  needs: readonly Need[];
  links: readonly string[];
  settings: readonly string[];
  cause: string;
  /** Addresses that replace the advertised ones (default: the initiator's own, see `overridesOf`). */
  overrides?: readonly AddressOverride[];
}

function resolveNeed(info: ProxyInfo, need: Need): { r: Resolved; template: FlowTemplate } | undefined {
  const r = info.resolve(need.use);
  return r.listener ? { r, template: need.template } : undefined;
}

/**
 * An address from the initiator's own config that replaces the advertised one for one need:
 * `TELEPORT_TUNNEL_PUBLIC_ADDR` for the reverse tunnel (reference A2), the agent's join address
 * (`proxy_server`, `auth_server` or v1/v2 `auth_servers`) for joining (reference A1, §5 L-C5), a leaf's
 * `trusted_cluster` addresses for its tunnels and trust validation (§2.3 P8/P9).
 */
export interface AddressOverride {
  use: ProxyListenerId;
  /** `trust-addr`: a leaf's `trusted_cluster` tunnel_addr / web_proxy_addr (set by the trust family). */
  kind: 'tunnel-env' | 'join-addr' | 'trust-addr';
  host: string;
  port: number;
  /** Written without a port: `port` is Teleport's default for the setting. */
  portless: boolean;
  /** `host:port` dialled. */
  text: string;
  setting: string;
}

const NO_OVERRIDES: readonly AddressOverride[] = [];

/** The agent's overrides (none for most nodes: a shared empty list). */
function overridesOf(ctx: Ctx, node: PlanNode): readonly AddressOverride[] {
  if (node.kind === 'tbot') {
    const join = node.joinAddr === undefined ? undefined : joinOverride(ctx, node);
    return join ? [join] : NO_OVERRIDES;
  }
  if (node.kind !== 'agent') return NO_OVERRIDES;
  const env = node.env?.teleportTunnelPublicAddr;
  if (env === undefined && node.joinAddr === undefined) return NO_OVERRIDES;
  const out: AddressOverride[] = [];
  const tunnel = env === undefined ? undefined : parseHostPort(env);
  if (tunnel) out.push(override('tunnel', 'tunnel-env', tunnel, TUNNEL_ENV_DEFAULT_PORT, `nodes[${node.id}].env`));
  const join = joinOverride(ctx, node);
  if (join) out.push(join);
  return out;
}

/**
 * The agent's or tbot's join address (`joinAddr`) as an override of the web need, on the default port
 * of its key when it has none (`joinKeyOf`: 3080 for v3 `proxy_server`, 3025 for `auth_server` and
 * v1/v2 `auth_servers`, which may name a Proxy; 443 for tbot's `proxy_server`). None when tbot's
 * `auth_server` has no port: the dial fails (PL-TBOT-AUTH-NO-PORT), and the flow keeps Auth's port.
 */
export function joinOverride(ctx: Ctx, node: NodeOfKind<'agent'> | NodeOfKind<'tbot'>): AddressOverride | undefined {
  const join = node.joinAddr === undefined ? undefined : parseHostPort(node.joinAddr);
  if (!join) return undefined;
  const spec = joinKeyOf(clusterOf(ctx, node)?.configVersion, node.joinVia, node.kind);
  const fallback = join.port ?? spec.defaultPort;
  if (fallback === undefined) return undefined;
  return override('web', 'join-addr', join, fallback, `nodes[${node.id}].joinAddr`);
}

/** An override from a parsed address; `defaultPort` is the setting's port when the address has none. */
export function override(use: ProxyListenerId, kind: AddressOverride['kind'], hp: { host: string; port?: number }, defaultPort: number, setting: string): AddressOverride {
  const port = hp.port ?? defaultPort;
  return { use, kind, host: hp.host, port, portless: hp.port === undefined, text: joinHostPort(hp.host, port), setting };
}

function overrideFor(overrides: readonly AddressOverride[], use: ProxyListenerId): AddressOverride | undefined {
  for (const o of overrides) if (o.use === use) return o;
  return undefined;
}

/** The resolution of a need with the initiator's override for it applied. */
function overridden(r: Resolved, o: AddressOverride | undefined): Resolved {
  if (!o) return r;
  return { ...r, advertised: { host: o.host, port: o.port }, unspecified: false, via: o.kind, field: o.setting, dial: o.text, settings: [...r.settings, o.setting] };
}

/** The initiator's own override dials a port its hop does not open (PL-TUNNEL-ENV-PORT, L-C5, PL-JOIN-ADDR-PORT). */
export function overrideMismatch(obs: Observations, o: AddressOverride, initiator: string, hop: string, open: number, links: Iterable<string>): void {
  const key = `${o.kind}|${initiator}|${hop}`;
  let m = obs.overrideMismatches.get(key);
  if (!m) obs.overrideMismatches.set(key, (m = { kind: o.kind, agent: initiator, hop, addr: o.text, host: o.host, port: o.port, portless: o.portless, open, setting: o.setting, links: new Set() }));
  for (const l of links) m.links.add(l);
}

/**
 * The port dialled (`r.advertised`) is not the port `hop` opens: L-P3 for an advertised address, an
 * override mismatch when the initiator's own setting chose it.
 */
function checkOpenPort(obs: Observations, q: ReachInput, o: AddressOverride | undefined, hop: string, proxy: string, what: string, r: Resolved, open: number): void {
  if (r.advertised.port === open) return;
  if (o) overrideMismatch(obs, o, q.initiator.id, hop, open, q.links);
  else mismatch(obs, hop, proxy, what, r, open, q.initiator.id, q.links);
}

/** The Proxy serves tunnels on a listener of their own (separate mode), on `port`. */
function tunnelListenerOn(info: ProxyInfo, port: number): boolean {
  const l = info.resolve('tunnel').listener;
  return l?.id === 'tunnel' && l.port === port;
}

/**
 * In separate mode the tunnel listener also serves a minimal web API for joining (reference A1, A3):
 * an agent whose join address names the port that carries tunnels on its hop joins there.
 */
function joinNeed(need: Need, o: AddressOverride | undefined, onTunnel: (port: number) => boolean): Need {
  if (o?.kind !== 'join-addr' || need.use !== 'web' || !onTunnel(o.port)) return need;
  return { ...need, use: 'tunnel' };
}

/** Remember up to this many initiators per proxy (messages name a few, then "and N more"). */
const MARK_CAP = 16;

function mark<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  if (set.size < MARK_CAP) set.add(value);
}

function mismatch(obs: Observations, hop: string, proxy: string, what: string, r: Resolved, open: number, initiator: string, links: readonly string[]): void {
  recordPortMismatch(obs, hop, proxy, what, joinHostPort(r.advertised.host, r.advertised.port), open, initiator, links);
}

/** An advertised `host:port` (for `what`) whose port `hop` does not open (L-P3). */
export function recordPortMismatch(obs: Observations, hop: string, proxy: string, what: string, advertised: string, open: number, initiator: string, links: readonly string[]): void {
  const key = `${hop}|${proxy}`;
  let m = obs.portMismatches.get(key);
  if (!m) obs.portMismatches.set(key, (m = { hop, proxy, items: new Map(), initiators: new Set(), links: new Set() }));
  m.items.set(what, { advertised, open });
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
    const overrides = q.overrides ?? overridesOf(ctx, q.initiator);
    for (const need of q.needs) {
      if (need.ifExists) continue;
      const o = overrideFor(overrides, need.use);
      if (o && o.port !== t.port) overrideMismatch(obs, o, q.initiator.id, tenantId(e.cluster), t.port, q.links);
      const dial = o ? { host: o.host, port: o.port } : t;
      emitHop(ctx, sink, obs, { initiator: q.initiator, to: tenantId(e.cluster), port: t.port, template: need.template, dial, links: q.links, settings, moreSettings: o ? [...more, o.setting] : more, cause: q.cause });
    }
    return;
  }
  const overrides = q.overrides ?? overridesOf(ctx, q.initiator);
  if (e.kind === 'proxy') {
    const info = ctx.proxies.get(e.node.id) as ProxyInfo;
    mark(obs.reachedProxies, info.node.id, q.initiator.id);
    for (const need of q.needs) {
      const o = overrideFor(overrides, need.use);
      const got = resolveNeed(info, o ? joinNeed(need, o, (port) => tunnelListenerOn(info, port)) : need);
      if (!got) continue;
      const r = overridden(got.r, o);
      const open = r.listener?.port as number;
      checkOpenPort(obs, q, o, info.node.id, info.node.id, got.template.label, r, open);
      emitHop(ctx, sink, obs, {
        initiator: q.initiator, to: info.node.id, port: open, template: got.template, dial: r.advertised, dialText: r.dial,
        links: q.links, settings: q.settings, moreSettings: r.settings, cause: q.cause,
      });
    }
    return;
  }
  reachThroughLb(ctx, sink, obs, q, e.node, overrides);
}

/** How one need is served through one LB: computed once per (LB, need), reused for every initiator. */
interface LbRoute {
  hops: { backend: ProxyInfo; r: Resolved; template: FlowTemplate; front: number }[];
  missing: { port: number; what: string }[];
  forced: string[];
}

// Per derive (keyed by the context), per LB, per need object (needs are shared constants).
const lbRoutes = new WeakMap<Ctx, Map<string, Map<Need, LbRoute>>>();

function lbRoute(ctx: Ctx, lb: NodeOfKind<'load-balancer'>, backends: readonly ProxyInfo[], need: Need, o: AddressOverride | undefined): LbRoute {
  // Routes are the same for every initiator, except one whose address for this need is overridden (rare: not cached).
  const personal = o !== undefined;
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
    const r = overridden(got.r, o);
    const target = r.listener?.port as number;
    // L-P4, for every backend: agents dial the public host on the tunnel port itself, which the LB must forward as it is.
    if (!personal && r.listener?.id === 'tunnel' && b.cluster.proxyListenerMode === 'separate' && b.node.tunnelPublicAddr.length === 0 && !lb.mappings.some((m) => m.frontPort === target && m.targetPort === target)) route.forced.push(b.node.id);
    if (done.has(target)) continue;
    done.add(target);
    const candidates = lb.mappings.filter((m) => m.targetPort === target);
    const mapping = candidates.find((m) => m.frontPort === r.advertised.port) ?? [...candidates].sort((x, y) => x.frontPort - y.frontPort)[0];
    if (!mapping) route.missing.push({ port: target, what: got.template.label });
    else route.hops.push({ backend: b, r, template: got.template, front: mapping.frontPort });
  }
  if (!personal) cache.set(need, route);
  return route;
}

function reachThroughLb(ctx: Ctx, sink: FlowSink, obs: Observations, q: ReachInput, lb: NodeOfKind<'load-balancer'>, overrides: readonly AddressOverride[]): void {
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
    const o = overrideFor(overrides, need.use);
    // Hot path: most initiators have no override, and then the need is used as it is.
    const own = o ? joinNeed(need, o, (port) => lb.mappings.some((m) => m.frontPort === port && backends.some((b) => tunnelListenerOn(b, m.targetPort)))) : need;
    const route = lbRoute(ctx, lb, backends, own, o);
    for (const proxy of route.forced) mark(obs.forcedTunnel, proxy, lb.id);
    for (const m of route.missing) recordMissing(obs, lb.id, m.port, backends, q, m.what);
    for (const h of route.hops) {
      checkOpenPort(obs, q, o, lb.id, h.backend.node.id, h.template.label, h.r, h.front);
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
