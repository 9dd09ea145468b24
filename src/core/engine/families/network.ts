/**
 * Hosts reaching Teleport only through a forward proxy (the host is linked to the http-proxy node,
 * which is linked to the Proxy or its load balancer), and the Teleport Cloud tenant for members and
 * users that are linked to nothing of their cluster (reference §2.10, §3.3).
 */
import type { PlanNode } from '../../schema/index.ts';
import { clusterIdOf, clusterOf } from '../context.ts';
import type { Entry } from '../reach.ts';
import { entriesOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';
import { reachAsMember } from './agents.ts';
import { reachAsClient } from './clients.ts';
import { reachAsRelay } from './relay.ts';
import { trustAuth, trustProxy } from './trust.ts';

function entryCluster(run: Run, entry: Entry): string | undefined {
  return entry.kind === 'tenant' ? entry.cluster : clusterIdOf(run.ctx, entry.node);
}

/** host — http-proxy: when the host has no direct entry, it enters through the forward proxy's links. */
export const usesForwardProxy: Handler = (run, link, host, fwd) => {
  if (entriesOf(run, host.id).length > 0) return;
  const refs = entriesOf(run, fwd.id);
  const cause = linkCause(link, `${host.id} reaches Teleport through the forward proxy ${fwd.id}`);
  if (host.kind === 'client') {
    for (const ref of refs) reachAsClient(run, host, ref.entry, [link.id], cause);
    if (refs.length > 0) run.obs.reachedCluster.add(host.id);
    return;
  }
  const own = clusterIdOf(run.ctx, host);
  if (host.kind === 'auth') {
    // A leaf Auth validates the trust on the root Proxy (P9) through the forward proxy.
    const root = clusterOf(run.ctx, host)?.trustedRoot;
    for (const ref of refs) {
      if (ref.entry.kind !== 'tenant' && root !== undefined && entryCluster(run, ref.entry) === root) trustAuth(run, link, host, ref.entry.node);
    }
    return;
  }
  if (host.kind === 'proxy') {
    const root = clusterOf(run.ctx, host)?.trustedRoot;
    for (const ref of refs) {
      if (ref.entry.kind !== 'tenant' && root !== undefined && entryCluster(run, ref.entry) === root) trustProxy(run, link, host, ref.entry.node);
    }
    return;
  }
  const mine = refs.filter((r) => entryCluster(run, r.entry) === own);
  const enter = host.kind === 'relay' ? reachAsRelay : reachAsMember;
  for (const ref of mine) enter(run, host, ref.entry, [link.id], cause);
  if (mine.length === 0 && own !== undefined && run.ctx.clusters.get(own)?.deployment === 'cloud') {
    enter(run, host, { kind: 'tenant', cluster: own }, [link.id], cause);
  }
};

/** http-proxy — proxy / LB: its flows come from the hosts that use it. */
export const forwardProxyEgress: Handler = () => {};

function needsTenant(run: Run, node: PlanNode): string | undefined {
  if (run.obs.reachedCluster.has(node.id)) return undefined;
  if (node.kind !== 'agent' && node.kind !== 'tbot' && node.kind !== 'relay') return undefined;
  const cluster = clusterOf(run.ctx, node);
  return cluster?.deployment === 'cloud' ? cluster.id : undefined;
}

/** Members of Cloud clusters and users linked to nothing reach the tenant on 443. */
export function tenantFlows(run: Run): void {
  const cloud = run.ctx.plan.clusters.filter((c) => c.deployment === 'cloud');
  if (cloud.length === 0) return;
  for (const node of run.ctx.sortedNodes) {
    const cluster = needsTenant(run, node);
    if (cluster !== undefined) {
      const cause = `${node.id} belongs to Teleport Cloud cluster ${cluster} and is linked to nothing of it`;
      if (node.kind === 'relay') reachAsRelay(run, node, { kind: 'tenant', cluster }, [], cause);
      else reachAsMember(run, node, { kind: 'tenant', cluster }, [], cause);
    } else if (node.kind === 'client' && !run.obs.reachedCluster.has(node.id) && entriesOf(run, node.id).length === 0) {
      for (const c of cloud) reachAsClient(run, node, { kind: 'tenant', cluster: c.id }, [], `users ${node.id} reach the Teleport Cloud tenant of ${c.id}`);
      run.obs.reachedCluster.add(node.id);
    }
  }
}
