/** Relay Service (reference §2.8): version, public hostnames, relay_server on agents, load balancers, L-A12. */
import { RELAY_LISTENERS, RELAY_SINCE, predates, versionText } from '../catalog/index.ts';
import { ipBytes, parseHostPort } from '../engine/addr.ts';
import { clusterOf, hostOfAddress, neighbours } from '../engine/context.ts';
import { relayGroups } from '../engine/families/relay.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Check } from './input.ts';
import { listNames } from './sink.ts';

/**
 * PL-RELAY-VERSION, PL-RELAY-NO-HOSTNAMES, PL-RELAY-LISTEN-IP, PL-RELAY-NO-SERVER, PL-RELAY-SERVER-PORT,
 * PL-RELAY-SERVER-UNUSED, PL-RELAY-LB-PORT, PL-RELAY-LB-TLS, L-A12.
 */
export const relays: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'relay') continue;
    const cluster = clusterOf(ctx, node);
    if (cluster && predates(cluster.teleportVersion, cluster.teleportMinorVersion, RELAY_SINCE)) {
      out.add({ code: 'PL-RELAY-VERSION', subjects: [node.id], nodes: [node.id], params: { relay: node.name, cluster: cluster.name, version: versionText(cluster.teleportVersion, cluster.teleportMinorVersion), since: RELAY_SINCE.text } });
    }
    if (node.publicHostnames.length === 0) out.add({ code: 'PL-RELAY-NO-HOSTNAMES', subjects: [node.id], nodes: [node.id], params: { relay: node.name } });
    for (const { field, yamlKey: key } of Object.values(RELAY_LISTENERS)) {
      const host = parseHostPort(node[field])?.host ?? '';
      if (ipBytes(host.replace(/^\[|\]$/g, '')) === undefined) out.add({ code: 'PL-RELAY-LISTEN-IP', subjects: [node.id, key], nodes: [node.id], params: { relay: node.name, key, addr: node[field] } });
    }
  }
  for (const [key, list] of relayGroups(ctx)) {
    const count = Math.max(...list.map((r) => r.targetConnectionCount));
    if (count <= list.length) continue;
    const first = list[0] as NodeOfKind<'relay'>;
    out.add({
      code: 'L-A12', subjects: [key], nodes: list.map((r) => r.id),
      params: { group: first.relayGroup, cluster: clusterOf(ctx, first)?.name ?? '', count, relays: list.length },
    });
  }
  const name = (id: string) => ctx.nodes.get(id)?.name ?? id;
  for (const w of obs.relayWithoutServer) {
    out.add({ code: 'PL-RELAY-NO-SERVER', subjects: [w.agent, w.hop], nodes: [w.agent, w.hop], links: [w.link], params: { agent: name(w.agent), relay: name(w.hop) } });
  }
  for (const p of obs.relayPorts.values()) {
    const ports = [...p.ports].sort((a, b) => a - b).join(', ');
    if (p.kind === 'missing') {
      out.add({
        code: 'PL-RELAY-LB-PORT', subjects: [p.hop], nodes: [p.hop, ...p.relays, ...p.initiators], links: p.links,
        params: { lb: name(p.hop), ports, relays: listNames([...p.relays].map(name)), initiators: listNames([...p.initiators].sort().map(name)), what: [...p.whats].sort().join(', ') },
      });
    } else {
      const agent = [...p.initiators][0] as string;
      out.add({ code: 'PL-RELAY-SERVER-PORT', subjects: [agent, p.hop], nodes: [agent, p.hop], links: p.links, params: { node: name(agent), hop: name(p.hop), addr: p.addr ?? '', open: ports, setting: [...p.whats][0] ?? '', what: p.whats.has('teleport.relay_server') ? 'relay tunnels' : 'the relay transport' } });
    }
  }
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'agent' || node.relayServer === undefined) continue;
    if (parseHostPort(node.relayServer)?.port === undefined) out.add({ code: 'PL-RELAY-SERVER-NO-PORT', subjects: [node.id], nodes: [node.id], params: { agent: node.name, addr: node.relayServer } });
    if (obs.relayLinkedAgents.has(node.id)) continue;
    const relayEnds = neighbours(ctx, node.id).filter((n) => n.kind === 'relay' || ctx.lbs.get(n.id)?.role === 'relay');
    // relay_server names a load balancer that also fronts Proxies: its relays count as joining through it.
    const host = hostOfAddress(node.relayServer);
    const mixed = [...ctx.lbs.entries()].find(([id, info]) => info.role === 'proxy' && (ctx.nodes.get(id)?.addresses ?? []).some((a) => hostOfAddress(a) === host) && neighbours(ctx, id).some((n) => n.kind === 'relay'));
    const mixedName = mixed === undefined ? '' : (ctx.nodes.get(mixed[0])?.name ?? mixed[0]);
    const [why, fix] = !node.services.includes('ssh')
      ? ['it runs no SSH Service, the only one that uses relays', `Remove relay_server from ${node.name}, or add the SSH Service.`]
      : mixed !== undefined
        ? [`${mixedName} also fronts Proxies, so Portolan reads the relays linked to it as joining through it`, `Put the relays behind a load balancer of their own (as the relay docs do) and link ${node.name} to it.`]
        : relayEnds.length > 0
        ? [`its link to ${listNames(relayEnds.map((n) => n.name))} has no meaning (see the link's finding)`, 'Fix the link (same cluster, joining via the Proxy), or remove relay_server.']
        : ['it is linked to no Relay Service or relay load balancer', `Link ${node.name} to the Relay Service (or its load balancer), or remove relay_server.`];
    out.add({ code: 'PL-RELAY-SERVER-UNUSED', subjects: [node.id], nodes: [node.id, ...relayEnds.map((n) => n.id)], params: { agent: node.name, addr: node.relayServer, why, fix } });
  }
  for (const [id, info] of ctx.lbs) {
    const lb = ctx.nodes.get(id);
    if (info.role !== 'relay' || lb?.kind !== 'load-balancer' || (lb.layer !== 'l7' && !lb.tlsTermination)) continue;
    out.add({ code: 'PL-RELAY-LB-TLS', subjects: [id], nodes: [id, ...info.backends.map((b) => b.id)], params: { lb: lb.name, problem: lb.layer === 'l7' ? 'it is an L7 load balancer' : 'it terminates TLS' } });
  }
};
