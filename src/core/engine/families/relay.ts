/**
 * Relay Service (reference §2.8, Teleport 18.3+): the SSH Service of agents tunnels to relays
 * (A5/Y1), tsh and tbot reach SSH hosts through them (C8/T4/Y2), the relays of one group dial each
 * other directly on the peer port (Y3), and every relay joins through the Proxy web port (Y4).
 * Through a load balancer that fronts relays, the initiator dials the LB front port that maps to the
 * relay listener; a missing mapping is recorded like any other missing LB port.
 */
import { RELAY_CLIENT_DEFAULT_PORT, RELAY_LISTENERS, flowTemplate } from '../../catalog/index.ts';
import type { NodeOfKind, PlanNode } from '../../schema/index.ts';
import { isUnspecifiedHost, joinHostPort, parseHostPort } from '../addr.ts';
import { clusterIdOf } from '../context.ts';
import type { Ctx } from '../context.ts';
import { reachProxy } from '../reach.ts';
import type { Entry, Need } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import { monitorFlows } from './monitoring.ts';
import type { Handler, Run } from '../run.ts';

/** The relay listeners (the peer listener is never reached through a load balancer). */
export type RelayListener = keyof typeof RELAY_LISTENERS;

/** Port a relay listens on for one purpose (its listen address always has a port). */
export function relayPort(relay: NodeOfKind<'relay'>, listener: RelayListener): number {
  return parseHostPort(relay[RELAY_LISTENERS[listener].field])?.port as number;
}

/** Relays by cluster and relay group (`<cluster>:<group>`), in node id order. */
export function relayGroups(ctx: Ctx): Map<string, NodeOfKind<'relay'>[]> {
  const groups = new Map<string, NodeOfKind<'relay'>[]>();
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'relay') continue;
    const key = `${clusterIdOf(ctx, node) ?? ''}:${node.relayGroup}`;
    const list = groups.get(key);
    if (list) list.push(node);
    else groups.set(key, [node]);
  }
  return groups;
}

/** Ports a relay opens to a load balancer in front of it (transport and tunnel). */
export function relayBackendPorts(relay: NodeOfKind<'relay'>): number[] {
  return [relayPort(relay, 'transport'), relayPort(relay, 'tunnel')];
}

/** Remember a relay port problem of `initiator` on `hop` for the findings. */
function notePort(run: Run, kind: 'mismatch' | 'missing', initiator: PlanNode, hop: PlanNode, linkId: string, what: string, ports: Iterable<number>, relays: readonly PlanNode[], addr?: string): void {
  const key = `${kind}|${hop.id}|${kind === 'mismatch' ? initiator.id : ''}`;
  let p = run.obs.relayPorts.get(key);
  if (!p) run.obs.relayPorts.set(key, (p = { kind, hop: hop.id, ports: new Set(), relays: new Set(), initiators: new Set(), whats: new Set(), links: new Set(), addr }));
  for (const x of ports) p.ports.add(x);
  for (const r of relays) p.relays.add(r.id);
  p.initiators.add(initiator.id);
  p.whats.add(what);
  p.links.add(linkId);
}

/**
 * `initiator` dials the relay listener `listener` on `hop` (a relay, or a load balancer fronting
 * relays). `wanted` is the address it dials when the plan says (an agent's relay_server): the LB front
 * port is the one equal to its port; a port the hop does not open for that listener is a finding, and
 * the rule still shows the port that is open (as for TELEPORT_TUNNEL_PUBLIC_ADDR).
 */
function dialRelay(run: Run, initiator: PlanNode, hop: PlanNode, listener: RelayListener, template: string, linkId: string, cause: string, settings: string[], wanted: { host?: string; port?: number }, setting = ''): void {
  const t = flowTemplate(template);
  const dialTarget = wanted.host !== undefined && wanted.port !== undefined ? joinHostPort(wanted.host, wanted.port) : undefined;
  if (hop.kind === 'relay') {
    const port = relayPort(hop, listener);
    if (wanted.port !== undefined && wanted.port !== port) notePort(run, 'mismatch', initiator, hop, linkId, setting, [port], [hop], dialTarget);
    run.sink.add({ from: initiator.id, to: hop.id, port, template: t, cause, links: [linkId], settings: [...settings, `nodes[${hop.id}].${RELAY_LISTENERS[listener].field}`], dialTarget });
    return;
  }
  if (hop.kind !== 'load-balancer') return;
  const info = run.ctx.lbs.get(hop.id);
  const relays = (info?.role === 'relay' ? info.backends : []) as NodeOfKind<'relay'>[];
  if (relays.length === 0) return; // relations only send load balancers that front relays
  const targets = new Set(relays.map((r) => relayPort(r, listener)));
  const mappings = hop.mappings.filter((m) => targets.has(m.targetPort)).sort((a, b) => a.frontPort - b.frontPort);
  if (mappings.length === 0) {
    notePort(run, 'missing', initiator, hop, linkId, t.label, targets, relays);
    return;
  }
  const preferred = wanted.port ?? (listener === 'transport' ? RELAY_CLIENT_DEFAULT_PORT : undefined);
  let m = mappings.find((x) => x.frontPort === preferred);
  if (!m) {
    if (wanted.port !== undefined) notePort(run, 'mismatch', initiator, hop, linkId, setting, mappings.map((x) => x.frontPort), relays, dialTarget);
    m = mappings[0] as (typeof mappings)[number];
  }
  run.sink.add({ from: initiator.id, to: hop.id, port: m.frontPort, template: t, cause, links: [linkId], settings: [...settings, `nodes[${hop.id}].mappings`], dialTarget });
}

/** agent — relay / relay LB: the SSH Service keeps tunnels to the relays (teleport.relay_server). */
export const relayTunnel: Handler = (run, link, agent, hop) => {
  if (agent.kind !== 'agent') return;
  run.obs.relayLinkedAgents.add(agent.id);
  const hp = agent.relayServer === undefined ? undefined : parseHostPort(agent.relayServer);
  if (hp === undefined) run.obs.relayWithoutServer.push({ agent: agent.id, hop: hop.id, link: link.id });
  const settings = agent.relayServer === undefined ? [`nodes[${agent.id}].services`] : [`nodes[${agent.id}].relayServer`];
  dialRelay(run, agent, hop, 'tunnel', 'relay-tunnel', link.id, linkCause(link, 'SSH Service with teleport.relay_server'), settings, hp ?? {}, 'teleport.relay_server');
};

/** client (tsh) / tbot — relay / relay LB: SSH through the relay transport; a monitoring client also scrapes the relay. */
export const relayTransport: Handler = (run, link, initiator, hop) => {
  const client = initiator.kind === 'client';
  const relay = client ? initiator.env?.teleportRelay : initiator.kind === 'tbot' ? initiator.relayServer : undefined;
  const field = client ? 'env.teleportRelay' : 'relayServer';
  const hp = relay === undefined ? undefined : parseHostPort(relay);
  const wanted = hp === undefined ? {} : { host: hp.host, port: hp.port ?? RELAY_CLIENT_DEFAULT_PORT };
  const settings = relay !== undefined ? [`nodes[${initiator.id}].${field}`] : client ? [`nodes[${initiator.id}].tools`] : [];
  dialRelay(run, initiator, hop, 'transport', 'relay-transport', link.id, linkCause(link, client ? 'tsh --relay' : 'tbot ssh-multiplexer relay_server'), settings, wanted, client ? 'TELEPORT_RELAY' : 'ssh-multiplexer relay_server');
  if (hop.kind === 'relay') monitorFlows(run, link, initiator, hop);
};

let joinNeeds: readonly Need[] | undefined;

/** A relay joins its cluster through one entry (a Proxy, its load balancer, or the Cloud tenant). */
export function reachAsRelay(run: Run, relay: PlanNode, entry: Entry, links: readonly string[], cause: string): void {
  joinNeeds ??= [
    { use: 'web', template: flowTemplate('relay-join') },
    { use: 'tunnel', template: flowTemplate('relay-auth-tunnel') },
  ];
  reachProxy(run.ctx, run.sink, run.obs, { initiator: relay, entry, needs: joinNeeds, links, settings: [], cause });
  run.obs.reachedCluster.add(relay.id);
}

/** relay — proxy / LB: the relay joins through the Proxy web port (proxy_server) and reaches Auth through its tunnel address. */
export const relayJoin: Handler = (run, link, relay, listener) => {
  const entry = entryOf(listener);
  if (entry) reachAsRelay(run, relay, entry, [link.id], linkCause(link, 'relay joins via the Proxy (proxy_server)'));
};

/** Relays of one cluster and relay group dial each other on the peer port (every ordered pair). */
export function relayPeering(run: Run): void {
  const template = flowTemplate('relay-peer');
  for (const relays of relayGroups(run.ctx).values()) {
    for (const from of relays) {
      for (const to of relays) {
        if (from === to) continue;
        const pub = to.peerPublicAddr === undefined ? undefined : parseHostPort(to.peerPublicAddr);
        const listen = parseHostPort(to.peerListenAddr);
        const port = pub?.port ?? relayPort(to, 'peer');
        const host = pub?.host ?? (listen && !isUnspecifiedHost(listen.host) ? listen.host : undefined);
        run.sink.add({
          from: from.id, to: to.id, port, template,
          cause: `relays ${from.id} and ${to.id} share relay group ${to.relayGroup}`, links: [],
          settings: [`nodes[${from.id}].relayGroup`, `nodes[${to.id}].${to.peerPublicAddr === undefined ? 'peerListenAddr' : 'peerPublicAddr'}`],
          dialTarget: host === undefined ? undefined : joinHostPort(host, port),
        });
      }
    }
  }
}
