/**
 * Indexes built once per `derive`: nodes, zones and clusters by id, adjacency, links by pair, the
 * role of each load balancer, and each Proxy's listeners. Everything later is a lookup, so the
 * engine stays linear in the number of links.
 */
import type { Cluster, Link, NodeOfKind, Plan, PlanNode, Zone } from '../schema/index.ts';
import { buildProxyInfo } from './proxy-listeners.ts';
import type { ProxyInfo } from './proxy-listeners.ts';
import { addToBag, bagItems } from './util.ts';
import type { Bag } from './util.ts';

/** What a load balancer fronts, decided by the backends linked to it. */
export interface LbInfo {
  /**
   * Fronts Auth when Auth backends are linked (Proxies linked to it are then its clients), else the
   * Proxies linked to it, else the Relay Services linked to it (Relays linked to an LB that fronts
   * Proxies join through it).
   */
  role: 'proxy' | 'auth' | 'relay' | 'none';
  /** Cluster of its backends. */
  cluster?: string;
  /** Backend nodes (Proxies, Auths or Relays of `cluster`), in the order of their links' ids (deterministic, not sorted by node id). */
  backends: PlanNode[];
  /** Link id per backend id. */
  backendLinks: Map<string, string>;
  /** ProxyInfo of each backend, when it fronts Proxies (filled after Proxies are indexed). */
  backendInfos: ProxyInfo[];
  /** `nodes[<lb>].mappings`, the setting flows through it depend on. */
  mappingsSetting: string;
}

/** The derive context. */
export interface Ctx {
  plan: Plan;
  nodes: Map<string, PlanNode>;
  zones: Map<string, Zone>;
  clusters: Map<string, Cluster>;
  defaultCluster: Cluster;
  /** Nodes and links sorted by id: every pass iterates in this order. */
  sortedNodes: PlanNode[];
  sortedLinks: Link[];
  /** Per node: its link, or its links sorted by id; built on first use (read with `linksOf`). */
  adj?: Map<string, Bag<Link>>;
  /** Per load balancer: its links sorted by id (what `lbInfo` needs while the context is built). */
  lbLinks: Map<string, Link[]>;
  /** Unordered pair key → link ids; built on first use (see `linksBetween`). */
  pairLinks?: Map<string, string[]>;
  proxiesByCluster: Map<string, NodeOfKind<'proxy'>[]>;
  authsByCluster: Map<string, NodeOfKind<'auth'>[]>;
  lbs: Map<string, LbInfo>;
  proxies: Map<string, ProxyInfo>;
  /** http-proxy nodes by lower-cased address host. */
  httpProxiesByHost: Map<string, NodeOfKind<'http-proxy'>[]>;
  /** First zone of kind `internet` (by id), if any. */
  internetZone?: Zone;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Unordered key of two node ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const NO_LINKS: readonly string[] = [];

/** The node at the other end of a link from `id`. */
export function otherEnd(ctx: Ctx, link: Link, id: string): PlanNode {
  return ctx.nodes.get(link.source === id ? link.target : link.source) as PlanNode;
}

/** Links of a node, sorted by id. */
export function linksOf(ctx: Ctx, id: string): readonly Link[] {
  if (!ctx.adj) {
    const adj = new Map<string, Bag<Link>>();
    for (const link of ctx.sortedLinks) {
      addToBag(adj, link.source, link);
      addToBag(adj, link.target, link);
    }
    ctx.adj = adj;
  }
  return bagItems(ctx.adj.get(id));
}

/** Nodes linked to `id` (one entry per link). */
export function neighbours(ctx: Ctx, id: string): PlanNode[] {
  return linksOf(ctx, id).map((l) => otherEnd(ctx, l, id));
}


/** Ids of the links between two nodes (either direction). */
export function linksBetween(ctx: Ctx, a: string, b: string): readonly string[] {
  if (!ctx.pairLinks) {
    const index = new Map<string, string[]>();
    for (const link of ctx.sortedLinks) push(index, pairKey(link.source, link.target), link.id);
    ctx.pairLinks = index;
  }
  return ctx.pairLinks.get(pairKey(a, b)) ?? NO_LINKS;
}

/** Cluster id of a Teleport node (the first cluster when omitted); undefined for other kinds. */
export function clusterIdOf(ctx: Ctx, node: PlanNode): string | undefined {
  // Hot path (several calls per link): plain kind comparisons rather than a list lookup.
  const k = node.kind;
  if (k === 'agent' || k === 'proxy' || k === 'auth' || k === 'tbot' || k === 'relay') return node.cluster ?? ctx.defaultCluster.id;
  if (node.kind === 'load-balancer') return ctx.lbs.get(node.id)?.cluster;
  return undefined;
}

/** The cluster of a Teleport node (or of a load balancer's backends). */
export function clusterOf(ctx: Ctx, node: PlanNode): Cluster | undefined {
  const id = clusterIdOf(ctx, node);
  return id === undefined ? undefined : ctx.clusters.get(id);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Build every index for a plan. */
export function buildContext(plan: Plan): Ctx {
  const first = plan.clusters[0];
  if (!first) throw new Error('a plan has at least one cluster');
  const nodes = new Map<string, PlanNode>();
  for (const n of plan.nodes) nodes.set(n.id, n);
  const sortedNodes = [...plan.nodes].sort(byId);
  const sortedLinks = plan.links.filter((l) => nodes.has(l.source) && nodes.has(l.target) && l.source !== l.target).sort(byId);
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  const ctx: Ctx = {
    plan, nodes, zones, defaultCluster: first, sortedNodes, sortedLinks,
    clusters: new Map(plan.clusters.map((c) => [c.id, c])),
    lbLinks: new Map(), proxiesByCluster: new Map(), authsByCluster: new Map(),
    lbs: new Map(), proxies: new Map(), httpProxiesByHost: new Map(),
  };
  const internet = [...plan.zones].sort(byId).find((z) => z.kind === 'internet');
  if (internet) ctx.internetZone = internet;
  for (const link of sortedLinks) {
    const a = nodes.get(link.source) as PlanNode;
    const b = nodes.get(link.target) as PlanNode;
    if (a.kind === 'load-balancer') push(ctx.lbLinks, a.id, link);
    if (b.kind === 'load-balancer') push(ctx.lbLinks, b.id, link);
  }
  for (const node of sortedNodes) {
    if (node.kind === 'proxy') push(ctx.proxiesByCluster, clusterIdOf(ctx, node) as string, node);
    else if (node.kind === 'auth') push(ctx.authsByCluster, clusterIdOf(ctx, node) as string, node);
    else if (node.kind === 'http-proxy') {
      for (const addr of node.addresses) push(ctx.httpProxiesByHost, hostOfAddress(addr), node);
    }
  }
  for (const node of sortedNodes) {
    if (node.kind === 'load-balancer') ctx.lbs.set(node.id, lbInfo(ctx, node));
    else if (node.kind === 'proxy') ctx.proxies.set(node.id, buildProxyInfo(node, ctx.clusters.get(clusterIdOf(ctx, node) as string) ?? first));
  }
  for (const lb of ctx.lbs.values()) if (lb.role === 'proxy') lb.backendInfos = lb.backends.map((b) => ctx.proxies.get(b.id) as ProxyInfo);
  return ctx;
}

/** Lower-cased host of an address entry (`host`, `host:port`, `[v6]:port`). */
export function hostOfAddress(addr: string): string {
  const s = addr.trim().toLowerCase();
  if (s.startsWith('[')) return s.slice(1, s.indexOf(']'));
  const i = s.indexOf(':');
  return i >= 0 && s.indexOf(':', i + 1) < 0 ? s.slice(0, i) : s;
}

function rootCluster(ctx: Ctx, nodes: PlanNode[]): string | undefined {
  const ids = new Set(nodes.map((n) => clusterIdOf(ctx, n) as string));
  // A leaf node linked to a root LB is a client, not a backend: drop clusters that are leaves of another present one.
  return ctx.plan.clusters.find((c) => ids.has(c.id) && !(c.trustedRoot !== undefined && ids.has(c.trustedRoot)))?.id;
}

function lbInfo(ctx: Ctx, lb: PlanNode): LbInfo {
  const edges = ctx.lbLinks.get(lb.id) ?? [];
  const others = edges.map((l) => otherEnd(ctx, l, lb.id));
  const proxies = others.filter((n) => n.kind === 'proxy');
  const proxyClusters = new Set(proxies.map((n) => clusterIdOf(ctx, n)));
  // Auths of a leaf whose root's Proxies sit behind this LB are trust clients, not backends.
  const auths = others.filter((n) => n.kind === 'auth' && !proxyClusters.has(ctx.clusters.get(clusterIdOf(ctx, n) as string)?.trustedRoot));
  const relays = proxies.length > 0 || auths.length > 0 ? [] : others.filter((n) => n.kind === 'relay');
  const role = auths.length > 0 ? 'auth' : proxies.length > 0 ? 'proxy' : relays.length > 0 ? 'relay' : 'none';
  const candidates = role === 'auth' ? auths : role === 'proxy' ? proxies : relays;
  const cluster = rootCluster(ctx, candidates);
  const backends = candidates.filter((n) => clusterIdOf(ctx, n) === cluster);
  const backendIds = new Set(backends.map((n) => n.id));
  const backendLinks = new Map<string, string>();
  edges.forEach((l, i) => {
    const o = others[i] as PlanNode;
    if (backendIds.has(o.id) && !backendLinks.has(o.id)) backendLinks.set(o.id, l.id);
  });
  const info: LbInfo = { role, backends, backendLinks, backendInfos: [], mappingsSetting: `nodes[${lb.id}].mappings` };
  if (cluster !== undefined) info.cluster = cluster;
  return info;
}
