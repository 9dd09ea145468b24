/**
 * Proxy → Auth (reference §2.3 P1, directly or through an L4 Auth load balancer) and proxy peering
 * (P2: every Proxy dials every other Proxy of the cluster).
 */
import { AUTH_DEFAULT_PORT, PEER_DEFAULT_PORT, QUIC_PEERING_SINCE, flowTemplate, predates } from '../../catalog/index.ts';
import type { FlowTemplate } from '../../catalog/index.ts';
import type { Cluster, Link, NodeOfKind, PlanNode } from '../../schema/index.ts';
import { joinHostPort, parseHostPort } from '../addr.ts';
import { linksBetween } from '../context.ts';
import { emitHop } from '../hop.ts';
import { joinOverride, overrideMismatch, recordPortMismatch } from '../reach.ts';
import { linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

/** The port Auth listens on (`listen_addr`, default 3025). */
export function authPort(auth: NodeOfKind<'auth'>): number {
  return parseHostPort(auth.listenAddr)?.port ?? AUTH_DEFAULT_PORT;
}

/** The first of `addresses` that names one host (CIDRs do not); undefined when none does. */
function firstHost(addresses: readonly string[]): string | undefined {
  for (const a of addresses) {
    const host = parseHostPort(a)?.host;
    if (host !== undefined) return host;
  }
  return undefined;
}

/** The host that names Auth: its public address, else its first address that is a host; undefined when the plan gives none. */
function authDialHost(auth: NodeOfKind<'auth'>): string | undefined {
  const pub = auth.publicAddr[0];
  return (pub === undefined ? undefined : parseHostPort(pub)?.host) ?? firstHost(auth.addresses);
}

/** initiator → Auth (or → Auth LB front port that maps to the Auth port). */
export function reachAuth(run: Run, initiator: PlanNode, listener: PlanNode, template: FlowTemplate, link: Link): void {
  const { ctx, sink, obs } = run;
  const cause = linkCause(link);
  // The agent's or tbot's own auth_server (or auth_servers) address, when the plan gives it.
  const join = initiator.kind === 'agent' || initiator.kind === 'tbot' ? joinOverride(ctx, initiator) : undefined;
  const more = join ? [join.setting] : undefined;
  if (listener.kind === 'auth') {
    const port = authPort(listener);
    if (join && join.port !== port) overrideMismatch(obs, join, initiator.id, listener.id, port, [link.id]);
    const host = join?.host ?? authDialHost(listener);
    const dial = { host: host ?? listener.id, port: join?.port ?? port };
    emitHop(ctx, sink, obs, { initiator, to: listener.id, port, template, dial, dialUnknown: host === undefined, links: [link.id], settings: [`nodes[${listener.id}].listenAddr`], moreSettings: more, cause });
    return;
  }
  if (listener.kind !== 'load-balancer') return;
  const info = ctx.lbs.get(listener.id);
  const auths = (info?.role === 'auth' ? info.backends : []) as NodeOfKind<'auth'>[];
  if (auths.length === 0) {
    let w = obs.lbWithoutBackend.get(listener.id);
    if (!w) obs.lbWithoutBackend.set(listener.id, (w = { initiators: new Set(), links: new Set() }));
    w.initiators.add(initiator.id);
    w.links.add(link.id);
    return;
  }
  const ports = [...new Set(auths.map(authPort))].sort((a, b) => a - b);
  for (const target of ports) {
    const candidates = listener.mappings.filter((m) => m.targetPort === target);
    const front = (port: number | undefined) => (port === undefined ? undefined : candidates.find((m) => m.frontPort === port));
    const mapping = front(join?.port) ?? front(target) ?? [...candidates].sort((a, b) => a.frontPort - b.frontPort)[0];
    if (!mapping) {
      let m = obs.missingPorts.get(listener.id);
      if (!m) obs.missingPorts.set(listener.id, (m = { lb: listener.id, ports: new Set(), proxies: new Set(), initiators: new Set(), whats: new Set(), links: new Set() }));
      m.ports.add(target);
      for (const a of auths) m.proxies.add(a.id);
      m.initiators.add(initiator.id);
      m.whats.add(template.label);
      m.links.add(link.id);
      continue;
    }
    if (join && join.port !== mapping.frontPort) overrideMismatch(obs, join, initiator.id, listener.id, mapping.frontPort, [link.id]);
    const host = join?.host ?? firstHost(listener.addresses);
    const dial = { host: host ?? listener.id, port: join?.port ?? mapping.frontPort };
    emitHop(ctx, sink, obs, { initiator, to: listener.id, port: mapping.frontPort, template, dial, dialUnknown: host === undefined, links: [link.id], settings: [`nodes[${listener.id}].mappings`], moreSettings: more, cause });
  }
}

/** proxy — auth / proxy — Auth LB. */
export const proxyAuth: Handler = (run, link, initiator, listener) => {
  reachAuth(run, initiator, listener, flowTemplate('proxy-auth'), link);
  run.obs.proxiesWithAuth.add(initiator.id);
};

/** Peering flows among the Proxies of every Enterprise cluster with `proxy_peering` (L-R1 otherwise). */
/** The cluster's release knows QUIC peering (`QUIC_PEERING_SINCE`). */
export function quicPeeringKnown(cluster: Cluster): boolean {
  return !predates(cluster.teleportVersion, cluster.teleportMinorVersion, QUIC_PEERING_SINCE);
}

/** Two Proxies that both opt into QUIC peer over it only (UDP, PR 47587); any other pair over gRPC (TCP). */
export function peerOverQuic(cluster: Cluster, a: NodeOfKind<'proxy'>, b: NodeOfKind<'proxy'>): boolean {
  return a.quicPeering && b.quicPeering && quicPeeringKnown(cluster);
}

export function peeringFlows(run: Run): void {
  const tcp = flowTemplate('proxy-peering');
  const quic = flowTemplate('proxy-peering-quic');
  for (const cluster of run.ctx.plan.clusters) {
    if (cluster.tunnelStrategy !== 'proxy_peering' || cluster.edition !== 'enterprise') continue;
    const proxies = run.ctx.proxiesByCluster.get(cluster.id) ?? [];
    for (const a of proxies) {
      for (const b of proxies) {
        if (a.id === b.id) continue;
        const info = run.ctx.proxies.get(b.id);
        const overQuic = peerOverQuic(cluster, a, b);
        const open = info?.peerPort ?? 0;
        const links = linksBetween(run.ctx, a.id, b.id);
        // Peers dial the advertised address (PublicPeerAddr, reference S8); without a port Teleport fills in 3021.
        const pub = b.peerPublicAddr === undefined ? undefined : parseHostPort(b.peerPublicAddr);
        const dial = pub === undefined ? undefined : joinHostPort(pub.host, pub.port ?? PEER_DEFAULT_PORT);
        if (pub !== undefined && (pub.port ?? PEER_DEFAULT_PORT) !== open) recordPortMismatch(run.obs, b.id, b.id, 'proxy peering', dial as string, open, a.id, links);
        run.sink.add({
          from: a.id, to: b.id, port: open, template: overQuic ? quic : tcp,
          cause: `cluster ${cluster.id} uses proxy peering: every Proxy dials every other Proxy${overQuic ? ', over QUIC as both opt in' : ''}`,
          links,
          settings: [
            `clusters[${cluster.id}].tunnelStrategy`, `clusters[${cluster.id}].edition`, ...(b.peerListenAddr ? [`nodes[${b.id}].peerListenAddr`] : []),
            ...(pub ? [`nodes[${b.id}].peerPublicAddr`] : []),
            ...(overQuic ? [`nodes[${a.id}].quicPeering`, `nodes[${b.id}].quicPeering`] : []),
          ],
          ...(dial === undefined ? {} : { dialTarget: dial }),
        });
      }
    }
  }
}

/** proxy — proxy in a peering cluster: the generator emits the flows; nothing more to do per link. */
export const peeringLink: Handler = () => {};
