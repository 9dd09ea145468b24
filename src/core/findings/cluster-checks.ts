/** Cluster-level checks: proxy peering (L-R1, L-R2, L-R4, L-R5, PL-PEER-ZONES) and trust (L-X1, L-X3, PL-TRUST-*). */
import { PEER_ADDRESS_PREFERENCE, PEER_DEFAULT_PORT, QUIC_PEERING_SINCE, TRUST_WEB_PROXY_DEFAULT_PORT } from '../catalog/index.ts';
import { cidrContains, ipBytes, ipv4ToNumber, isUnspecifiedHost, joinHostPort, parseCidr, parseHostPort } from '../engine/addr.ts';
import { hostOfAddress } from '../engine/context.ts';
import { nameOf } from '../engine/endpoints.ts';
import type { Ctx } from '../engine/context.ts';
import type { Check, CheckInput } from './input.ts';
import { ifNode, namesOf, planNodes } from './input.ts';
import { listNames } from './sink.ts';
import type { FindingSink } from './sink.ts';

/** L-R1, L-R2, L-R4, L-R5, PL-PEER-ZONES, PL-QUIC-PEERING-UNUSED. */
export const peering: Check = (input) => {
  const { ctx, out } = input;
  for (const c of ctx.plan.clusters) {
    if (c.tunnelStrategy !== 'proxy_peering') continue;
    const proxies = (ctx.proxiesByCluster.get(c.id) ?? []).map((p) => p.id);
    if (c.edition === 'oss') out.add({ code: 'L-R1', subjects: [c.id], nodes: proxies, params: { cluster: c.name } });
    const partners = ctx.plan.clusters.filter((o) => o.trustedRoot === c.id || c.trustedRoot === o.id);
    if (partners.length > 0) out.add({ code: 'L-R2', subjects: [c.id], nodes: proxies, params: { cluster: c.name, other: listNames(partners.map((p) => p.name)) } });
    const zones = [...new Set(proxies.map((id) => ctx.nodes.get(id)?.zone).filter((z): z is string => z !== undefined))].sort();
    if (c.edition === 'enterprise' && zones.length > 1) {
      const port = [...new Set(proxies.map((id) => ctx.proxies.get(id)?.peerPort ?? PEER_DEFAULT_PORT))].join(', ');
      out.add({ code: 'PL-PEER-ZONES', subjects: [c.id], nodes: proxies, params: { cluster: c.name, zones: listNames(zones.map((z) => ctx.zones.get(z)?.name ?? z)), port } });
    }
    if (c.edition === 'oss') continue;
    quicPeers(input, c.id);
    const count = c.agentConnectionCount ?? 1;
    if (count === 1 && proxies.length > 1) out.add({ code: 'L-R5', subjects: [c.id], nodes: proxies, params: { cluster: c.name, count } });
    for (const id of proxies) guessedPeerAddress(input.ctx, id, out);
  }
};

/**
 * L-X1 (a leaf whose Auth has no path to the root Proxy), L-X3 (TLS routing root, tunnel_addr off the
 * root web port), PL-TRUST-TUNNEL-NO-PORT and PL-TRUST-ADDR-PORT (the leaf's trusted_cluster addresses:
 * no port to dial, or a port its hop does not open).
 */
export const trust: Check = (input) => {
  const { ctx, obs, out } = input;
  // A leaf with L-X3 gets no port finding for its tunnels as well: tunnel_addr is the thing to fix.
  const offRouting = new Set<string>();
  for (const c of ctx.plan.clusters) {
    if (c.trustedRoot === undefined) continue;
    const root = ctx.clusters.get(c.trustedRoot);
    const rootName = root?.name ?? c.trustedRoot;
    const auths = (ctx.authsByCluster.get(c.id) ?? []).map((a) => a.id);
    if (!obs.leavesWithPath.has(c.id) && auths.length > 0) out.add({ code: 'L-X1', subjects: [c.id], nodes: auths, params: { cluster: c.name, root: rootName, auths: listNames(namesOf(input, auths)) } });
    const tunnel = c.trustTunnelAddr === undefined ? undefined : parseHostPort(c.trustTunnelAddr);
    const web = c.trustWebProxyAddr === undefined ? undefined : parseHostPort(c.trustWebProxyAddr);
    const multiplex = root?.deployment === 'cloud' || root?.proxyListenerMode === 'multiplex';
    const webPort = web ? (web.port ?? TRUST_WEB_PROXY_DEFAULT_PORT) : rootWebPort(ctx, c.trustedRoot);
    if (multiplex && tunnel?.port !== undefined && webPort !== undefined && tunnel.port !== webPort) {
      const proxies = (ctx.proxiesByCluster.get(c.id) ?? []).map((p) => p.id);
      offRouting.add(c.id);
      out.add({ code: 'L-X3', subjects: [c.id], nodes: proxies, params: { cluster: c.name, root: rootName, tunnel: c.trustTunnelAddr ?? '', port: webPort } });
    }
  }
  for (const [cluster, m] of obs.trustTunnelNoPort) {
    const c = ctx.clusters.get(cluster);
    const key = c?.trustTunnelAddr !== undefined ? 'tunnel_addr' : 'web_proxy_addr (which tunnel_addr defaults to)';
    const proxies = [...m.proxies].sort();
    out.add({ code: 'PL-TRUST-TUNNEL-NO-PORT', subjects: [cluster], nodes: proxies, links: m.links, params: { cluster: c?.name ?? cluster, key, addr: m.addr, proxies: listNames(namesOf(input, proxies)) } });
  }
  for (const m of obs.overrideMismatches.values()) {
    const proxy = ctx.proxies.get(m.agent);
    if (m.kind !== 'trust-addr' || (proxy && offRouting.has(proxy.cluster.id))) continue;
    out.add({
      code: 'PL-TRUST-ADDR-PORT', subjects: [m.agent, m.hop], nodes: planNodes(input, m.agent, m.hop), links: m.links,
      params: {
        node: nameOf(ctx, m.agent), addr: m.addr, key: m.setting.endsWith('.trustTunnelAddr') ? 'tunnel_addr' : 'web_proxy_addr',
        hop: nameOf(ctx, m.hop), open: m.open, what: proxy ? 'reverse tunnels' : 'the trust validation',
        fixed: joinHostPort(m.host, m.open), orOpen: ifNode(input, m.hop, (name) => `, or open port ${m.port} on ${name}`),
      },
    });
  }
};

/** The web port the root's Proxies advertise (their first), when the root has Proxies in the plan. */
function rootWebPort(ctx: Ctx, root: string): number | undefined {
  const proxy = ctx.proxiesByCluster.get(root)?.[0];
  return proxy === undefined ? undefined : ctx.proxies.get(proxy.id)?.resolve('web').advertised.port;
}

/**
 * PL-QUIC-PEERING-UNUSED: a Proxy opting into QUIC peering (PR 47587) uses it only towards Proxies
 * that opt in too, and only since Teleport 17; otherwise it peers over TCP.
 */
function quicPeers(input: CheckInput, cluster: string): void {
  const { ctx, out } = input;
  const c = ctx.clusters.get(cluster);
  const proxies = ctx.proxiesByCluster.get(cluster) ?? [];
  const quic = proxies.filter((p) => p.quicPeering);
  if (c === undefined || quic.length === 0) return;
  const why = c.teleportVersion < QUIC_PEERING_SINCE ? `${c.name} runs Teleport ${c.teleportVersion}, before QUIC peering (${QUIC_PEERING_SINCE})` : quic.length === 1 ? `no other Proxy of ${c.name} opts into QUIC` : undefined;
  if (why === undefined) return;
  for (const p of quic) out.add({ code: 'PL-QUIC-PEERING-UNUSED', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, why } });
}

/**
 * L-R4: without peer_public_addr, a Proxy listening for peers on 0.0.0.0 advertises a private IP it picks
 * among its interfaces. Two IPv4 addresses or more on the node are the plan's sign of several interfaces.
 */
function guessedPeerAddress(ctx: Ctx, id: string, out: FindingSink): void {
  const p = ctx.proxies.get(id)?.node;
  if (!p || p.peerPublicAddr !== undefined) return;
  const ips = [...new Set(p.addresses.filter((a) => !a.includes('/')).map(hostOfAddress).filter((h) => ipv4ToNumber(h) !== undefined))];
  if (ips.length < 2) return;
  const listen = p.peerListenAddr ?? `0.0.0.0:${PEER_DEFAULT_PORT}`;
  const hp = parseHostPort(listen);
  if (hp && !isUnspecifiedHost(hp.host)) return;
  const port = hp?.port ?? PEER_DEFAULT_PORT;
  out.add({
    code: 'L-R4', subjects: [id], nodes: [id],
    params: { proxy: p.name, listen, addresses: listNames(ips, ips.length), example: joinHostPort(likelyGuess(ips), port) },
  });
}

const GUESS_ORDER = PEER_ADDRESS_PREFERENCE.map((c) => parseCidr(c)!);

/** The address Teleport would most likely pick: the first in a preferred private range, else the first. */
function likelyGuess(ips: readonly string[]): string {
  for (const range of GUESS_ORDER) {
    const hit = ips.find((ip) => cidrContains(range, ipBytes(ip) ?? []));
    if (hit) return hit;
  }
  return ips[0] ?? '';
}
