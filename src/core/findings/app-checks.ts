/** Application access through the Proxy (§5 L-B7). */
import { clusterIdOf, hostOfAddress } from '../engine/context.ts';
import type { Ctx } from '../engine/context.ts';
import type { Flow } from '../engine/types.ts';
import { isIpLiteral } from '../schema/index.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Check } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

/**
 * L-B7: browsers reach web applications at subdomains of the Proxy's public address
 * (`<app>.<host>`), which need DNS records and a certificate. Raised per self-hosted cluster whose
 * Proxies name a web application (one served by the cluster's agents, or by a leaf's: Teleport names
 * those after the root Proxy) that browser users reach, while no Proxy with that public host is marked
 * `appSubdomainDns`. Teleport Cloud manages its tenant's names; an IP public address has no subdomains.
 */
export const appSubdomains: Check = (input) => {
  const { ctx, out } = input;
  const browsed = browsedClusters(ctx, input.flows);
  if (browsed.size === 0) return;
  const apps = new Map<string, Set<NodeOfKind<'app'>>>();
  // The links an agent serves a web application over (classified links: no adjacency index needed).
  for (const c of input.classes) {
    if (!c.ok || c.listener.kind !== 'app' || c.initiator.kind !== 'agent' || !c.initiator.services.includes('app') || !/^https?:/.test(c.listener.uri)) continue;
    const app = c.listener;
    const cluster = clusterIdOf(ctx, c.initiator);
    if (cluster === undefined) continue;
    for (const named of [cluster, ctx.clusters.get(cluster)?.trustedRoot]) {
      if (named === undefined || !browsed.has(named)) continue;
      let set = apps.get(named);
      if (!set) apps.set(named, (set = new Set()));
      set.add(app);
    }
  }
  for (const [cluster, set] of [...apps].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (ctx.clusters.get(cluster)?.deployment === 'cloud') continue;
    const proxies = ctx.proxiesByCluster.get(cluster) ?? [];
    // DNS is per host name: a marked Proxy covers every Proxy with the same public host.
    const covered = new Set(proxies.filter((p) => p.appSubdomainDns).map(publicHost));
    const missing = proxies.filter((p) => { const h = publicHost(p); return h !== undefined && !isIpLiteral(h) && !covered.has(h); });
    const host = missing.map(publicHost)[0];
    if (host === undefined) continue;
    const list = [...set].sort((a, b) => (a.id < b.id ? -1 : 1));
    const first = list[0] as NodeOfKind<'app'>;
    out.add({
      code: 'L-B7', subjects: [cluster], nodes: [...missing.map((p) => p.id), ...list.map((a) => a.id)],
      params: { apps: listNames(list.map((a) => a.name)), host, example: `${first.id}.${host}`, proxies: listNames(namesOf(input, missing.map((p) => p.id))) },
    });
  }
};

/** The host of a Proxy's first public address. */
function publicHost(p: NodeOfKind<'proxy'>): string | undefined {
  const first = p.publicAddr[0];
  return first === undefined ? undefined : hostOfAddress(first);
}

/** Clusters whose Proxies browser users reach (directly or through a load balancer). */
function browsedClusters(ctx: Ctx, flows: readonly Flow[]): Set<string> {
  const out = new Set<string>();
  for (const f of flows) {
    if (f.catalog !== 'client-browser-web') continue;
    const to = ctx.nodes.get(f.to);
    const cluster = to === undefined ? undefined : clusterIdOf(ctx, to);
    if (cluster !== undefined) out.add(cluster);
  }
  return out;
}
