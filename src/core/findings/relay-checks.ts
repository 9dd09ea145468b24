/** Relay Service (reference §2.8): version, public hostnames, relay_server on agents, load balancers, L-A12. */
import { RELAY_SINCE } from '../catalog/index.ts';
import { clusterIdOf, clusterOf } from '../engine/context.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Check } from './input.ts';

/** PL-RELAY-VERSION, PL-RELAY-NO-HOSTNAMES, PL-RELAY-NO-SERVER, PL-RELAY-LB-TLS, L-A12. */
export const relays: Check = (input) => {
  const { ctx, obs, out } = input;
  const groups = new Map<string, NodeOfKind<'relay'>[]>();
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'relay') continue;
    const cluster = clusterOf(ctx, node);
    if (cluster && cluster.teleportVersion < RELAY_SINCE.major) {
      out.add({ code: 'PL-RELAY-VERSION', subjects: [node.id], nodes: [node.id], params: { relay: node.name, cluster: cluster.name, version: cluster.teleportVersion, since: RELAY_SINCE.text } });
    }
    if (node.publicHostnames.length === 0) out.add({ code: 'PL-RELAY-NO-HOSTNAMES', subjects: [node.id], nodes: [node.id], params: { relay: node.name } });
    const key = `${clusterIdOf(ctx, node) ?? ''}|${node.relayGroup}`;
    const list = groups.get(key);
    if (list) list.push(node);
    else groups.set(key, [node]);
  }
  for (const [key, list] of groups) {
    const count = Math.max(...list.map((r) => r.targetConnectionCount));
    if (count <= list.length) continue;
    const first = list[0] as NodeOfKind<'relay'>;
    out.add({
      code: 'L-A12', subjects: [key], nodes: list.map((r) => r.id),
      params: { group: first.relayGroup, cluster: clusterOf(ctx, first)?.name ?? '', count, relays: list.length },
    });
  }
  for (const w of obs.relayWithoutServer) {
    out.add({ code: 'PL-RELAY-NO-SERVER', subjects: [w.agent], nodes: [w.agent, w.hop], links: [w.link], params: { agent: ctx.nodes.get(w.agent)?.name ?? w.agent, relay: ctx.nodes.get(w.hop)?.name ?? w.hop } });
  }
  for (const [id, info] of ctx.lbs) {
    const lb = ctx.nodes.get(id);
    if (info.role !== 'relay' || lb?.kind !== 'load-balancer' || (lb.layer !== 'l7' && !lb.tlsTermination)) continue;
    out.add({ code: 'PL-RELAY-LB-TLS', subjects: [id], nodes: [id, ...info.backends.map((b) => b.id)], params: { lb: lb.name, problem: lb.layer === 'l7' ? 'it is an L7 load balancer' : 'it terminates TLS' } });
  }
};
