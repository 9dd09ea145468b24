/** Agents and resources (§5 L-A1, L-A3…L-A9, L-C2) and app URIs. */
import { AGENT_SERVICES, APP_TCP_PORTS_SINCE, DATABASE_ENGINES, JOIN_ADDR_SWAPPED_PORTS, KUBE_SERVICE_PORTLESS_PORT, PORTS } from '../catalog/index.ts';
import { joinHostPort, parseCidr, parseHostPort } from '../engine/addr.ts';
import { clusterOf, hostOfAddress, neighbours } from '../engine/context.ts';
import { nameOf } from '../engine/endpoints.ts';
import { isIpLiteral } from '../schema/index.ts';
import { effectiveJoinVia, hasProxyEnv } from '../engine/relations.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Check, CheckInput } from './input.ts';

/** L-A1, L-A3, L-A4, L-A5, L-A6, L-A9, L-C2. */
export const agents: Check = (input) => {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'agent' && node.kind !== 'tbot') continue;
    const cluster = clusterOf(ctx, node);
    const at = (code: string, params: Record<string, string | number>) => out.add({ subjects: [node.id], nodes: [node.id], code, params });
    if (cluster?.deployment === 'cloud' && node.joinVia === 'auth') at('L-A3', { agent: node.name, cluster: cluster.name });
    if (node.kind !== 'agent') continue;
    const via = effectiveJoinVia(ctx, node);
    const has = (s: (typeof node.services)[number]) => node.services.includes(s);
    if (has('kubernetes')) {
      if (via === 'proxy' && node.kubeListenAddr !== undefined) at('L-A1', { agent: node.name, problem: 'kubernetes_service.listen_addr is set while the agent joins via the Proxy (reverse tunnel)' });
      if (via === 'auth' && node.kubeListenAddr === undefined) at('L-A1', { agent: node.name, problem: 'the agent joins Auth directly but sets no kubernetes_service.listen_addr, so the Proxy cannot reach it' });
      const hp = node.kubeListenAddr === undefined ? undefined : parseHostPort(node.kubeListenAddr);
      if (hp && hp.port === undefined) at('L-A9', { agent: node.name, addr: node.kubeListenAddr ?? '', port: KUBE_SERVICE_PORTLESS_PORT, expected: PORTS.kube.port });
    }
    if (has('app') && node.appHostFilters && hasProxyEnv(node)) at('L-A4', { agent: node.name });
    if (has('desktop') && node.desktopUsesAd) {
      const dcs = neighbours(ctx, node.id).filter((n) => n.kind === 'domain-controller');
      if (dcs.length === 0) at('L-A5', { agent: node.name });
      // A domain controller node with several addresses, or a CIDR, stands for several DCs behind one endpoint.
      const dc = dcs.length === 1 ? dcs[0] : undefined;
      if (dc && !severalHosts(dc.addresses)) out.add({ subjects: [node.id, dc.id], nodes: [node.id, dc.id], code: 'L-A6', params: { agent: node.name, dc: dc.name } });
    }
    if (via === 'auth' && cluster?.configVersion === 'v3') {
      const never = node.services.filter((s) => s === 'app' || s === 'database');
      if (never.length > 0) at('L-C2', { agent: node.name, services: never.map((s) => `the ${AGENT_SERVICES[s].label} Service`).join(' and ') });
    }
  }
};

/** The teleport.yaml key that holds an agent's join address. */
function joinKey(agent: NodeOfKind<'agent'>, configVersion: string | undefined): 'proxy_server' | 'auth_server' | 'auth_servers' {
  if (configVersion !== 'v3') return 'auth_servers';
  return agent.joinVia === 'proxy' ? 'proxy_server' : 'auth_server';
}

/**
 * L-C4 (a v3 join address on the other service's port), L-C5 (a join address without a port dials
 * Teleport's default port, which its hop does not open) and PL-JOIN-ADDR-PORT (the same with a port
 * written out). An agent with L-C4 gets no port finding as well: the key is the thing to fix.
 */
export const joinAddresses: Check = (input) => {
  const { ctx, obs, out } = input;
  const swapped = new Set<string>();
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'agent' || node.joinAddr === undefined) continue;
    const version = clusterOf(ctx, node)?.configVersion;
    const port = parseHostPort(node.joinAddr)?.port;
    if (version !== 'v3' || port === undefined) continue;
    const viaProxy = node.joinVia === 'proxy';
    const ports: readonly number[] = viaProxy ? JOIN_ADDR_SWAPPED_PORTS.proxyServer : JOIN_ADDR_SWAPPED_PORTS.authServer;
    if (!ports.includes(port)) continue;
    swapped.add(node.id);
    out.add({
      code: 'L-C4', subjects: [node.id], nodes: [node.id],
      params: {
        agent: node.name, key: joinKey(node, version), addr: node.joinAddr,
        portName: viaProxy ? 'the Auth port' : 'a Proxy web port', otherKey: viaProxy ? 'auth_server' : 'proxy_server',
        expected: viaProxy ? 'Proxy web address (e.g. teleport.example.com:443)' : 'Auth address (e.g. auth.example.com:3025)',
      },
    });
  }
  for (const m of obs.overrideMismatches.values()) {
    const agent = ctx.nodes.get(m.agent);
    if (m.kind !== 'join-addr' || agent?.kind !== 'agent' || swapped.has(agent.id)) continue;
    const hp = parseHostPort(m.addr);
    out.add({
      code: m.portless ? 'L-C5' : 'PL-JOIN-ADDR-PORT', subjects: [m.agent, m.hop], nodes: [m.agent, ...(ctx.nodes.has(m.hop) ? [m.hop] : [])], links: m.links,
      params: {
        agent: agent.name, key: joinKey(agent, clusterOf(ctx, agent)?.configVersion), written: agent.joinAddr ?? m.addr, addr: m.addr,
        hop: nameOf(ctx, m.hop), open: m.open, port: hp?.port ?? m.open, fixed: joinHostPort(hp?.host ?? m.addr, m.open),
      },
    });
  }
};

/** L-A7 (SQL Server host), L-A8 (database without required port), PL-APP-NO-PORT (tcp:// app without port), PL-APP-PORTS-URI and PL-APP-PORTS-VERSION (tcp_ports). */
export const resources: Check = (input) => {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind === 'database' && node.port === undefined) {
      const spec = DATABASE_ENGINES[node.engine];
      if (spec.portRequired) out.add({ code: 'L-A8', subjects: [node.id], nodes: [node.id], params: { db: node.name, engine: spec.label, port: spec.defaultPort } });
    }
    if (node.kind === 'database' && node.engine === 'sqlserver') sqlServerHost(input, node);
    if (node.kind !== 'app') continue;
    const ranges = (node.tcpPorts ?? []).length > 0;
    const tcp = node.uri.startsWith('tcp://');
    const uriPort = /^[a-z]+:\/\/[^/:]+:\d/.test(node.uri);
    if (tcp && !uriPort && !ranges) out.add({ code: 'PL-APP-NO-PORT', subjects: [node.id], nodes: [node.id], params: { app: node.name, uri: node.uri } });
    if (ranges && (!tcp || uriPort)) {
      out.add({ code: 'PL-APP-PORTS-URI', subjects: [node.id], nodes: [node.id], params: { app: node.name, uri: node.uri, problem: tcp ? 'has a port' : 'is not a tcp:// URI' } });
    }
    if (ranges) {
      for (const agent of neighbours(ctx, node.id)) {
        const cluster = agent.kind === 'agent' && agent.services.includes('app') ? clusterOf(ctx, agent) : undefined;
        if (cluster && cluster.teleportVersion < APP_TCP_PORTS_SINCE.major) {
          out.add({ code: 'PL-APP-PORTS-VERSION', subjects: [node.id, agent.id], nodes: [node.id, agent.id], params: { app: node.name, agent: agent.name, cluster: cluster.name, version: cluster.teleportVersion, since: APP_TCP_PORTS_SINCE.text } });
        }
      }
    }
  }
};

/**
 * L-A7: Teleport reaches SQL Server with Kerberos, so the URI host must be `computer.domain`, not an IP
 * address or a bare host name. (A missing port, the rule's third case, is L-A8.) The node's addresses
 * stand for the URI host: one `computer.domain` name among them is enough; CIDRs say nothing about it.
 */
function sqlServerHost(input: CheckInput, node: NodeOfKind<'database'>): void {
  const hosts = node.addresses.filter((a) => !a.includes('/')).map((a) => hostOfAddress(a).replace(/\.$/, ''));
  const first = hosts[0];
  if (first === undefined || hosts.some((h) => !isIpLiteral(h) && h.includes('.'))) return;
  const problem = isIpLiteral(first) ? 'is an IP address' : 'has no domain';
  input.out.add({ code: 'L-A7', subjects: [node.id], nodes: [node.id], params: { db: node.name, address: first, problem } });
}

/** Several distinct addresses, or a CIDR wider than one host, stand for several hosts behind one endpoint. */
function severalHosts(addresses: readonly string[]): boolean {
  if (new Set(addresses.map((a) => a.trim().toLowerCase())).size > 1) return true;
  const cidr = addresses[0] === undefined ? undefined : parseCidr(addresses[0]);
  return cidr !== undefined && cidr.bits < (cidr.bytes.length === 4 ? 32 : 128);
}
