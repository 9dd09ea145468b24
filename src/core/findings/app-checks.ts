/** Application access through the Proxy (§5 L-B7). */
import { clusterIdOf, hostOfAddress, neighbours } from '../engine/context.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Check } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

/**
 * L-B7: browsers reach web applications at subdomains of the Proxy's public address
 * (`<app>.<host>`), which need DNS records and a certificate. Raised per self-hosted cluster that has
 * a web application served by one of its agents and browser users reaching it, while a Proxy of the
 * cluster is not marked `appSubdomainDns`. Teleport Cloud manages its tenant's names.
 */
export const appSubdomains: Check = (input) => {
  const { ctx, flows, out } = input;
  const browsed = new Set<string>();
  for (const f of flows) {
    if (f.catalog !== 'client-browser-web') continue;
    const to = ctx.nodes.get(f.to);
    const cluster = to === undefined ? undefined : clusterIdOf(ctx, to);
    if (cluster !== undefined) browsed.add(cluster);
  }
  const apps = new Map<string, NodeOfKind<'app'>[]>();
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'app' || !/^https?:/.test(node.uri)) continue;
    for (const agent of neighbours(ctx, node.id)) {
      const cluster = agent.kind === 'agent' && agent.services.includes('app') ? clusterIdOf(ctx, agent) : undefined;
      if (cluster === undefined || !browsed.has(cluster)) continue;
      const list = apps.get(cluster) ?? [];
      if (!list.includes(node)) list.push(node);
      apps.set(cluster, list);
    }
  }
  for (const [cluster, list] of [...apps].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c = ctx.clusters.get(cluster);
    const proxies = (ctx.proxiesByCluster.get(cluster) ?? []).filter((p) => !p.appSubdomainDns);
    const host = proxies.map((p) => p.publicAddr[0]).find((a) => a !== undefined);
    if (c?.deployment === 'cloud' || proxies.length === 0 || host === undefined) continue;
    const base = hostOfAddress(host);
    const first = list[0] as NodeOfKind<'app'>;
    out.add({
      code: 'L-B7', subjects: [cluster], nodes: [...proxies.map((p) => p.id), ...list.map((a) => a.id)],
      params: { apps: listNames(list.map((a) => a.name)), host: base, example: `${first.id}.${base}`, proxies: listNames(namesOf(input, proxies.map((p) => p.id))) },
    });
  }
};
