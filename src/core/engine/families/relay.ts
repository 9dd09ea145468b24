/**
 * Relay Service (reference §2.8, Teleport 18.3+): the SSH Service of agents tunnels to relays
 * (A5/Y1), tsh and tbot reach SSH hosts through them (C8/T4/Y2), the relays of one group dial each
 * other directly on the peer port (Y3), and every relay joins through the Proxy web port (Y4).
 * Through a load balancer that fronts relays, the initiator dials the LB front port that maps to the
 * relay listener; a missing mapping is recorded like any other missing LB port.
 */
import { flowTemplate } from '../../catalog/index.ts';
import type { NodeOfKind, PlanNode } from '../../schema/index.ts';
import { isUnspecifiedHost, joinHostPort, parseHostPort } from '../addr.ts';
import { clusterIdOf } from '../context.ts';
import { reachProxy } from '../reach.ts';
import type { Entry, Need } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

/** The relay listeners Portolan models (the peer listener is never reached through a load balancer). */
export type RelayListener = 'transport' | 'tunnel' | 'peer';

const FIELDS: Readonly<Record<RelayListener, 'transportListenAddr' | 'tunnelListenAddr' | 'peerListenAddr'>> = {
  transport: 'transportListenAddr',
  tunnel: 'tunnelListenAddr',
  peer: 'peerListenAddr',
};

/** Port a relay listens on for one purpose (its listen address always has a port). */
export function relayPort(relay: NodeOfKind<'relay'>, listener: RelayListener): number {
  return parseHostPort(relay[FIELDS[listener]])?.port as number;
}

/** Ports a relay opens to a load balancer in front of it (transport and tunnel). */
export function relayBackendPorts(relay: NodeOfKind<'relay'>): number[] {
  return [relayPort(relay, 'transport'), relayPort(relay, 'tunnel')];
}

/** Default port of `--relay` / `TELEPORT_RELAY` without one: tsh dials 443 (D8). */
const CLIENT_RELAY_PORT = 443;

/**
 * `initiator` dials the relay listener `listener` on `hop` (a relay, or a load balancer fronting
 * relays). `wanted` is the port the initiator dials when known (its relay_server), used to pick the
 * LB front port.
 */
function dialRelay(run: Run, initiator: PlanNode, hop: PlanNode, listener: RelayListener, template: string, linkId: string, cause: string, settings: string[], wanted: { host?: string; port?: number }): void {
  const t = flowTemplate(template);
  const dialTarget = wanted.host !== undefined && wanted.port !== undefined ? joinHostPort(wanted.host, wanted.port) : undefined;
  if (hop.kind === 'relay') {
    run.sink.add({ from: initiator.id, to: hop.id, port: relayPort(hop, listener), template: t, cause, links: [linkId], settings: [...settings, `nodes[${hop.id}].${FIELDS[listener]}`], dialTarget });
    return;
  }
  if (hop.kind !== 'load-balancer') return;
  const info = run.ctx.lbs.get(hop.id);
  const relays = (info?.role === 'relay' ? info.backends : []) as NodeOfKind<'relay'>[];
  if (relays.length === 0) {
    let w = run.obs.lbWithoutBackend.get(hop.id);
    if (!w) run.obs.lbWithoutBackend.set(hop.id, (w = { initiators: new Set(), links: new Set() }));
    w.initiators.add(initiator.id);
    w.links.add(linkId);
    return;
  }
  const targets = new Set(relays.map((r) => relayPort(r, listener)));
  const mappings = hop.mappings.filter((m) => targets.has(m.targetPort)).sort((a, b) => a.frontPort - b.frontPort);
  const preferred = wanted.port ?? (listener === 'transport' ? CLIENT_RELAY_PORT : undefined);
  const m = mappings.find((x) => x.frontPort === preferred) ?? (wanted.port === undefined ? mappings[0] : undefined);
  if (!m) {
    let miss = run.obs.missingPorts.get(hop.id);
    if (!miss) run.obs.missingPorts.set(hop.id, (miss = { lb: hop.id, ports: new Set(), proxies: new Set(), initiators: new Set(), whats: new Set(), links: new Set() }));
    for (const p of wanted.port !== undefined ? [wanted.port] : targets) miss.ports.add(p);
    for (const r of relays) miss.proxies.add(r.id);
    miss.initiators.add(initiator.id);
    miss.whats.add(t.label);
    miss.links.add(linkId);
    return;
  }
  run.sink.add({ from: initiator.id, to: hop.id, port: m.frontPort, template: t, cause, links: [linkId], settings: [...settings, `nodes[${hop.id}].mappings`], dialTarget });
}

/** agent — relay / relay LB: the SSH Service keeps tunnels to the relays (teleport.relay_server). */
export const relayTunnel: Handler = (run, link, agent, hop) => {
  if (agent.kind !== 'agent') return;
  const hp = agent.relayServer === undefined ? undefined : parseHostPort(agent.relayServer);
  if (hp === undefined) run.obs.relayWithoutServer.push({ agent: agent.id, hop: hop.id, link: link.id });
  const settings = agent.relayServer === undefined ? [`nodes[${agent.id}].services`] : [`nodes[${agent.id}].relayServer`];
  dialRelay(run, agent, hop, 'tunnel', 'relay-tunnel', link.id, linkCause(link, 'SSH Service with teleport.relay_server'), settings, hp ?? {});
};

/** client (tsh) / tbot — relay / relay LB: SSH through the relay transport. */
export const relayTransport: Handler = (run, link, initiator, hop) => {
  const setting = initiator.kind === 'client' ? `nodes[${initiator.id}].tools` : `nodes[${initiator.id}].kind`;
  dialRelay(run, initiator, hop, 'transport', 'relay-transport', link.id, linkCause(link, initiator.kind === 'client' ? 'tsh --relay' : 'tbot ssh-multiplexer relay_server'), [setting], {});
};

let joinNeeds: readonly Need[] | undefined;

/** A relay joins its cluster through one entry (a Proxy, its load balancer, or the Cloud tenant). */
export function reachAsRelay(run: Run, relay: PlanNode, entry: Entry, links: readonly string[], cause: string): void {
  joinNeeds ??= [{ use: 'web', template: flowTemplate('relay-join') }];
  reachProxy(run.ctx, run.sink, run.obs, { initiator: relay, entry, needs: joinNeeds, links, settings: [], cause });
  run.obs.reachedCluster.add(relay.id);
}

/** relay — proxy / LB: the relay joins and keeps its connection through the Proxy web port (proxy_server). */
export const relayJoin: Handler = (run, link, relay, listener) => {
  const entry = entryOf(listener);
  if (entry) reachAsRelay(run, relay, entry, [link.id], linkCause(link, 'relay joins via the Proxy (proxy_server)'));
};

/** Relays of one cluster and relay group dial each other on the peer port (every ordered pair). */
export function relayPeering(run: Run): void {
  const groups = new Map<string, NodeOfKind<'relay'>[]>();
  for (const node of run.ctx.sortedNodes) {
    if (node.kind !== 'relay') continue;
    const key = `${clusterIdOf(run.ctx, node) ?? ''}|${node.relayGroup}`;
    const list = groups.get(key);
    if (list) list.push(node);
    else groups.set(key, [node]);
  }
  const template = flowTemplate('relay-peer');
  for (const relays of groups.values()) {
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
