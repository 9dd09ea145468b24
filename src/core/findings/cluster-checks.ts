/** Cluster-level checks: proxy peering (L-R1…L-R6, PL-PEER-ZONES) and trust (L-X1, L-X3, PL-TRUST-*). */
import { PEERING_TEMPLATES, PEER_ADDRESS_PREFERENCE, PEER_DEFAULT_PORT, PEER_LISTEN_FIX, QUIC_PEERING_SINCE, TRUST_WEB_PROXY_DEFAULT_PORT, fixStatus, versionText } from '../catalog/index.ts';
import { cidrContains, ipBytes, ipv4ToNumber, isLoopbackHost, isUnspecifiedHost, joinHostPort, parseCidr, parseHostPort } from '../engine/addr.ts';
import { clusterIdOf, hostOfAddress } from '../engine/context.ts';
import { nameOf, tenantAddress } from '../engine/endpoints.ts';
import { quicPeeringKnown } from '../engine/families/control-plane.ts';
import { trustTunnelText } from '../engine/families/trust.ts';
import type { Ctx } from '../engine/context.ts';
import type { Cluster, NodeOfKind } from '../schema/index.ts';
import type { Autofix } from '../engine/types.ts';
import type { Check, CheckInput } from './input.ts';
import { ifNode, namesOf, planNodes } from './input.ts';
import { listNames, withVerb } from './sink.ts';
import type { FindingSink } from './sink.ts';

/** L-R1…L-R6 (L-R6 from the cluster's version), PL-PEER-ZONES, PL-QUIC-PEERING-UNUSED. */
export const peering: Check = (input) => {
  const { ctx, out } = input;
  for (const c of ctx.plan.clusters) {
    quicPeers(input, c);
    if (c.tunnelStrategy !== 'proxy_peering') continue;
    const proxies = (ctx.proxiesByCluster.get(c.id) ?? []).map((p) => p.id);
    // Peering that cannot work is a design decision to undo, or an edition to buy: choices, never applied in bulk.
    const mesh: Autofix = { label: `Use agent mesh (no proxy peering) in ${c.name}`, changes: [{ target: 'cluster', id: c.id, field: 'tunnelStrategy', value: 'agent_mesh' }] };
    if (c.edition === 'oss') {
      const enterprise: Autofix = { label: `Mark ${c.name} as Teleport Enterprise`, changes: [{ target: 'cluster', id: c.id, field: 'edition', value: 'enterprise' }] };
      out.add({ code: 'L-R1', subjects: [c.id], nodes: proxies, params: { cluster: c.name }, choices: [mesh, enterprise] });
    }
    const partners = ctx.plan.clusters.filter((o) => o.trustedRoot === c.id || c.trustedRoot === o.id);
    if (partners.length > 0) out.add({ code: 'L-R2', subjects: [c.id], nodes: proxies, params: { cluster: c.name, other: listNames(partners.map((p) => p.name)) }, choices: [mesh] });
    const zones = [...new Set(proxies.map((id) => ctx.nodes.get(id)?.zone).filter((z): z is string => z !== undefined))].sort();
    if (c.edition === 'enterprise' && zones.length > 1) {
      // The peering flows' own ports and protocols: QUIC pairs peer over UDP.
      const peering = input.flows.filter((f) => PEERING_TEMPLATES.has(f.catalog) && proxies.includes(f.from));
      const port = [...new Set(peering.map((f) => `${f.port}/${f.protocol}`))].sort().join(', ');
      out.add({ code: 'PL-PEER-ZONES', subjects: [c.id], nodes: proxies, params: { cluster: c.name, zones: listNames(zones.map((z) => ctx.zones.get(z)?.name ?? z)), port } });
    }
    if (c.edition === 'oss') continue;
    const count = c.agentConnectionCount ?? 1;
    if (count === 1 && proxies.length > 1) {
      out.add({
        code: 'L-R5', subjects: [c.id], nodes: proxies, params: { cluster: c.name, count },
        autofix: { label: `Set agent_connection_count: 2 for ${c.name}`, changes: [{ target: 'cluster', id: c.id, field: 'agentConnectionCount', value: 2 }] },
      });
    }
    for (const id of proxies) guessedPeerAddress(input.ctx, id, out);
    if (proxies.length > 1) for (const id of proxies) loopbackPeerAddress(input.ctx, c, id, out);
    if (proxies.length > 1) guessedPeerListener(input, c, proxies);
  }
};

/**
 * L-X1 (a leaf whose Auth has no path to the root Proxy), and the leaf's trusted_cluster addresses:
 * PL-TRUST-TUNNEL-NO-PORT (its tunnel address has no port, from the settings alone), L-X3 (a TLS routing
 * root, and a tunnel address off the root web port that does not work), PL-TRUST-ADDR-PORT (an address
 * on a port its hop does not open: one finding per setting and hop).
 */
export const trust: Check = (input) => {
  const { ctx, obs, out } = input;
  const mismatches = trustMismatches(input);
  // A leaf with L-X3 gets no port finding for its tunnels as well: tunnel_addr is the thing to fix.
  const offRouting = new Set<string>();
  for (const c of ctx.plan.clusters) {
    if (c.trustedRoot === undefined) continue;
    const rootName = ctx.clusters.get(c.trustedRoot)?.name ?? c.trustedRoot;
    const auths = (ctx.authsByCluster.get(c.id) ?? []).map((a) => a.id);
    if (!obs.leavesWithPath.has(c.id) && auths.length > 0) out.add({ code: 'L-X1', subjects: [c.id], nodes: auths, params: { cluster: c.name, root: rootName, auths: listNames(namesOf(input, auths)) } });
    const proxies = (ctx.proxiesByCluster.get(c.id) ?? []).map((p) => p.id);
    const tunnel = trustTunnelText(c);
    const hp = tunnel === undefined ? undefined : parseHostPort(tunnel.text);
    if (!tunnel || !hp) continue;
    if (hp.port === undefined) {
      const names = namesOf(input, proxies);
      const tunnelPort = rootPort(ctx, c.trustedRoot, 'tunnel');
      const example = joinHostPort(hp.host, tunnelPort ?? TRUST_WEB_PROXY_DEFAULT_PORT);
      out.add({
        code: 'PL-TRUST-TUNNEL-NO-PORT', subjects: [c.id], nodes: proxies,
        params: {
          cluster: c.name, key: tunnelKey(tunnel.field), addr: tunnel.text, example,
          tunnels: names.length === 0 ? 'its Proxies dial' : withVerb(names, 'dials', 'dial'),
        },
        // The root's tunnel port is known when the plan has the root's Proxies or its Cloud tenant.
        ...(tunnelPort === undefined ? {} : { autofix: { label: `Set tunnel_addr: ${example} for ${c.name}`, changes: [{ target: 'cluster' as const, id: c.id, field: 'trustTunnelAddr', value: example }] } }),
      });
      continue;
    }
    const root = ctx.clusters.get(c.trustedRoot);
    const multiplex = root?.deployment === 'cloud' || root?.proxyListenerMode === 'multiplex';
    const web = c.trustWebProxyAddr === undefined ? undefined : parseHostPort(c.trustWebProxyAddr);
    const webPort = rootPort(ctx, c.trustedRoot, 'web') ?? (web ? (web.port ?? TRUST_WEB_PROXY_DEFAULT_PORT) : undefined);
    // Only a tunnel address that fails (or that no link lets Portolan check) is worth the advice.
    const fails = !obs.leavesWithPath.has(c.id) || [...mismatches.values()].some((m) => m.cluster === c.id && m.tunnel);
    if (multiplex && webPort !== undefined && hp.port !== webPort && fails) {
      offRouting.add(c.id);
      out.add({ code: 'L-X3', subjects: [c.id], nodes: proxies, params: { cluster: c.name, root: rootName, tunnel: tunnel.text, key: tunnelKey(tunnel.field), port: webPort } });
    }
  }
  for (const m of mismatches.values()) {
    if (m.tunnel && offRouting.has(m.cluster)) continue;
    // A tunnel that follows web_proxy_addr is fixed in tunnel_addr: changing web_proxy_addr would break the validation.
    const fallback = m.tunnel && m.setting.endsWith('.trustWebProxyAddr');
    out.add({
      code: 'PL-TRUST-ADDR-PORT', subjects: [m.cluster, m.hop, m.tunnel ? 'tunnel' : 'validate'], nodes: planNodes(input, ...m.initiators, m.hop), links: m.links,
      params: {
        who: withVerb(namesOf(input, m.initiators), 'dials', 'dial'), addr: m.addr, cluster: ctx.clusters.get(m.cluster)?.name ?? m.cluster,
        key: m.tunnel ? tunnelKey(fallback ? 'trustWebProxyAddr' : 'trustTunnelAddr') : 'web_proxy_addr', fixKey: m.tunnel ? 'tunnel_addr' : 'web_proxy_addr',
        hop: nameOf(ctx, m.hop), open: m.open, what: m.tunnel ? 'reverse tunnels' : 'the trust validation', fixed: joinHostPort(m.host, m.open),
        orOpen: fallback ? '' : ifNode(input, m.hop, (name) => `, or open port ${m.port} on ${name}`),
      },
    });
  }
};

/** `tunnel_addr`, or `web_proxy_addr` when the tunnel follows it. */
function tunnelKey(field: 'trustTunnelAddr' | 'trustWebProxyAddr'): string {
  return field === 'trustTunnelAddr' ? 'tunnel_addr' : 'web_proxy_addr (which tunnel_addr defaults to)';
}

interface TrustMismatch {
  cluster: string;
  /** The leaf Proxies' tunnels (else the leaf Auths' validation calls). */
  tunnel: boolean;
  setting: string;
  hop: string;
  addr: string;
  host: string;
  port: number;
  open: number;
  initiators: string[];
  links: Set<string>;
}

/** The leaves' trusted_cluster address mismatches, one per leaf, setting, hop and kind of call. */
function trustMismatches(input: CheckInput): Map<string, TrustMismatch> {
  const { ctx, obs } = input;
  const out = new Map<string, TrustMismatch>();
  for (const m of obs.overrideMismatches.values()) {
    const node = ctx.nodes.get(m.agent);
    const cluster = node === undefined ? undefined : clusterIdOf(ctx, node);
    if (m.kind !== 'trust-addr' || cluster === undefined) continue;
    const tunnel = node?.kind === 'proxy';
    const key = `${cluster}|${m.setting}|${m.hop}|${String(tunnel)}`;
    let g = out.get(key);
    if (!g) out.set(key, (g = { cluster, tunnel, setting: m.setting, hop: m.hop, addr: m.addr, host: m.host, port: m.port, open: m.open, initiators: [], links: new Set() }));
    g.initiators.push(m.agent);
    for (const l of m.links) g.links.add(l);
  }
  return out;
}

/** The port the root advertises for a use (its first Proxy's, or its Cloud tenant's), when the plan shows it. */
function rootPort(ctx: Ctx, root: string, use: 'web' | 'tunnel'): number | undefined {
  if (ctx.clusters.get(root)?.deployment === 'cloud') return tenantAddress(ctx.plan, root).port;
  const proxy = ctx.proxiesByCluster.get(root)?.[0];
  return proxy === undefined ? undefined : ctx.proxies.get(proxy.id)?.resolve(use).advertised.port;
}

/**
 * PL-QUIC-PEERING-UNUSED: a Proxy opting into QUIC peering (PR 47587) gains nothing when its cluster
 * does not peer (agent mesh, or Community Edition), predates QUIC peering, or has no other Proxy that
 * opts in (QUIC is used only between two Proxies that both do).
 */
function quicPeers(input: CheckInput, c: Cluster): void {
  const { ctx, out } = input;
  const proxies = ctx.proxiesByCluster.get(c.id) ?? [];
  const quic = proxies.filter((p) => p.quicPeering);
  if (quic.length === 0) return;
  const version = versionText(c.teleportVersion, c.teleportMinorVersion);
  const [why, effect, advice] =
    c.tunnelStrategy !== 'proxy_peering' || c.edition !== 'enterprise'
      ? [`${c.name} does not use proxy peering`, 'the variable does nothing', 'Remove the variable, or use proxy peering (tunnel_strategy proxy_peering, Enterprise).']
      : !quicPeeringKnown(c)
        ? [`${c.name} runs Teleport ${version}, before QUIC peering (${QUIC_PEERING_SINCE.text})`, 'it peers over TCP', 'Upgrade the cluster, or remove the variable.']
        : quic.length === 1
          ? [`no other Proxy of ${c.name} opts into QUIC`, 'it peers over TCP', proxies.length === 1 ? 'QUIC is used between two Proxies that both set the variable: add the second Proxy, or remove it.' : 'Set the variable on the other Proxies too, or remove it.']
          : [undefined, '', ''];
  if (why === undefined) return;
  for (const p of quic) out.add({ code: 'PL-QUIC-PEERING-UNUSED', subjects: [p.id], nodes: [p.id], params: { proxy: p.name, why, effect, advice } });
}

/**
 * L-R4: without peer_public_addr, a Proxy listening for peers on 0.0.0.0 advertises a private IP it picks
 * among its interfaces. Two IPv4 addresses or more on the node are the plan's sign of several interfaces.
 */
function guessedPeerAddress(ctx: Ctx, id: string, out: FindingSink): void {
  const p = ctx.proxies.get(id)?.node;
  if (!p || p.peerPublicAddr !== undefined) return;
  const ips = ipv4Hosts(p);
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

/**
 * L-R3, where the plan shows it: a Proxy that listens for peers on a loopback address (only its own
 * host can connect), or advertises one in peer_public_addr (the other Proxies dial themselves).
 * Without peer_public_addr, a listener on a written-out host advertises that host (`PublicPeerAddr`
 * in lib/service/servicecfg/proxy.go, reference [S8]), so a loopback listener is both. Firewalls
 * between the Proxies are the plan's peering rules and assertions.
 */
function loopbackPeerAddress(ctx: Ctx, c: Cluster, id: string, out: FindingSink): void {
  const p = ctx.proxies.get(id)?.node;
  if (!p) return;
  const listen = p.peerListenAddr === undefined ? undefined : parseHostPort(p.peerListenAddr);
  const advertised = p.peerPublicAddr === undefined ? undefined : parseHostPort(p.peerPublicAddr);
  const problem =
    listen && isLoopbackHost(listen.host)
      ? `listens for peers on ${p.peerListenAddr ?? ''}, a loopback address`
      : advertised && isLoopbackHost(advertised.host)
        ? `advertises ${p.peerPublicAddr ?? ''} in peer_public_addr, a loopback address, so the other Proxies dial themselves`
        : undefined;
  if (problem === undefined) return;
  const port = listen?.port ?? PEER_DEFAULT_PORT;
  const ips = ipv4Hosts(p);
  const named = p.addresses.find((a) => !a.includes('/'));
  const host = ips.length > 0 ? likelyGuess(ips) : named === undefined ? `${p.id}.internal.example.com` : hostOfAddress(named);
  out.add({
    code: 'L-R3', subjects: [id], nodes: [id],
    params: { proxy: p.name, problem, cluster: c.name, listen: joinHostPort('0.0.0.0', port), example: joinHostPort(host, advertised?.port ?? port) },
  });
}

/**
 * L-R6: on a release before the peer listener fix (PR 49586), a Proxy whose `peer_listen_addr` has an
 * unspecified host (or is absent: 0.0.0.0:3021) binds the listener to one guessed IPv4 address instead
 * (`peerAddr` in lib/service/cfg.go; a host written out was kept). Without `peer_public_addr` the other
 * Proxies dial that same guess, so it only breaks when `peer_public_addr` names another address (an
 * IPv6 one included; a DNS name is compared as written). One finding per cluster.
 */
function guessedPeerListener(input: CheckInput, c: Cluster, proxies: readonly string[]): void {
  const fix = fixStatus(PEER_LISTEN_FIX, c.teleportVersion, c.teleportMinorVersion);
  if (fix === 'fixed') return;
  const affected: { node: NodeOfKind<'proxy'>; advertised: string; port: number }[] = [];
  for (const id of proxies) {
    const p = input.ctx.proxies.get(id)?.node;
    const listen = p?.peerListenAddr === undefined ? undefined : parseHostPort(p.peerListenAddr);
    if (!p || (listen !== undefined && !isUnspecifiedHost(listen.host)) || p.peerPublicAddr === undefined) continue;
    const advertised = parseHostPort(p.peerPublicAddr)?.host;
    const ips = ipv4Hosts(p);
    if (advertised === undefined || (ips.length > 0 && likelyGuess(ips) === advertised)) continue;
    affected.push({ node: p, advertised, port: listen?.port ?? PEER_DEFAULT_PORT });
  }
  const first = affected[0];
  if (!first) return;
  const names = affected.map((a) => a.node.name);
  input.out.add({
    code: 'L-R6', subjects: [c.id], nodes: affected.map((a) => a.node.id),
    params: {
      cluster: c.name, version: versionText(c.teleportVersion, c.teleportMinorVersion),
      which: fix === 'missing' ? 'which predates' : 'which may predate',
      proxies: withVerb(names, 'listens', 'listen'),
      advertise: affected.length === 1 ? `advertises ${first.node.peerPublicAddr ?? ''}` : 'advertise other addresses',
      example: `${first.node.name}: peer_listen_addr: ${joinHostPort(first.advertised, first.port)}`,
    },
  });
}

/** A Proxy's IPv4 addresses (CIDRs and names left out), each once. */
function ipv4Hosts(p: NodeOfKind<'proxy'>): string[] {
  return [...new Set(p.addresses.filter((a) => !a.includes('/')).map(hostOfAddress).filter((h) => ipv4ToNumber(h) !== undefined))];
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
