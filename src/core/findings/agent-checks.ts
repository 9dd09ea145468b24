/** Agents and resources (§5 L-A1, L-A3…L-A9, L-C2) and app URIs. */
import { AGENT_SERVICES, APP_TCP_PORTS_SINCE, DATABASE_ENGINES, KUBE_SERVICE_PORTLESS_PORT, PORTS, joinKeyOf, predates, versionText } from '../catalog/index.ts';
import { joinHostPort, parseCidr, parseHostPort } from '../engine/addr.ts';
import { clusterOf, hostOfAddress, linksBetween, neighbours } from '../engine/context.ts';
import { nameOf } from '../engine/endpoints.ts';
import { isIpLiteral } from '../schema/index.ts';
import { effectiveJoinVia, hasProxyEnv } from '../engine/relations.ts';
import type { NodeOfKind } from '../schema/index.ts';
import type { Autofix, FieldChange } from '../engine/types.ts';
import type { Check, CheckInput } from './input.ts';
import { ifNode, planNodes } from './input.ts';

/** L-A1, L-A3, L-A4, L-A5, L-A6, L-A9, L-C2. */
export const agents: Check = (input) => {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'agent' && node.kind !== 'tbot') continue;
    const cluster = clusterOf(ctx, node);
    const at = (code: string, params: Record<string, string | number>, autofix?: Autofix) => out.add({ subjects: [node.id], nodes: [node.id], code, params, ...(autofix ? { autofix } : {}) });
    if (cluster?.deployment === 'cloud' && node.joinVia === 'auth') {
      // The join address named Auth: joining via the Proxy, the node dials the tenant address the plan draws.
      const key = joinKeyOf(cluster.configVersion, 'proxy', node.kind).key;
      at('L-A3', { agent: node.name, cluster: cluster.name }, {
        label: `Make ${node.name} join via the Proxy (${key})${node.joinAddr === undefined ? '' : ` and remove its join address ${node.joinAddr} (it dials the tenant)`}`,
        changes: [{ target: 'node', id: node.id, field: 'joinVia', value: 'proxy' }, ...(node.joinAddr === undefined ? [] : [{ target: 'node' as const, id: node.id, field: 'joinAddr', value: null }])],
      });
    }
    if (node.kind !== 'agent') continue;
    const via = effectiveJoinVia(ctx, node);
    const has = (s: (typeof node.services)[number]) => node.services.includes(s);
    // A listener or a tunnel, exactly one, for the services the catalog marks so (L-A1).
    for (const service of node.services) {
      const spec = AGENT_SERVICES[service];
      const key = spec.listen?.exclusiveKey;
      if (spec.listen === undefined || key === undefined) continue;
      const { field, defaultPort } = spec.listen;
      const set = node[field] !== undefined;
      const params = { agent: node.name, service: spec.label, key };
      if (via === 'proxy' && set) {
        at('L-A1', { ...params, problem: `${key} is set while the agent joins via the Proxy (reverse tunnel)` }, { label: `Remove ${key} from ${node.name}`, changes: [{ target: 'node', id: node.id, field, value: null }] });
      }
      if (via === 'auth' && !set) {
        const listen = joinHostPort('0.0.0.0', defaultPort);
        at('L-A1', { ...params, problem: `the agent joins Auth directly but sets no ${key}, so the Proxy cannot reach it` }, { label: `Set ${key}: ${listen} for ${node.name}`, changes: [{ target: 'node', id: node.id, field, value: listen }] });
      }
    }
    if (has('kubernetes')) {
      const hp = node.kubeListenAddr === undefined ? undefined : parseHostPort(node.kubeListenAddr);
      if (hp && hp.port === undefined) {
        const fixed = joinHostPort(hp.host, PORTS.kube.port);
        at('L-A9', { agent: node.name, addr: node.kubeListenAddr ?? '', port: KUBE_SERVICE_PORTLESS_PORT, expected: PORTS.kube.port }, { label: `Set kubernetes_service.listen_addr: ${fixed} for ${node.name}`, changes: [{ target: 'node', id: node.id, field: 'kubeListenAddr', value: fixed }] });
      }
    }
    if (has('app') && node.appHostFilters && hasProxyEnv(node)) at('L-A4', { agent: node.name });
    if (has('desktop') && node.desktopUsesAd) {
      const dcs = neighbours(ctx, node.id).filter((n) => n.kind === 'domain-controller');
      if (dcs.length === 0) at('L-A5', { agent: node.name });
      // A domain controller node with several addresses, or a CIDR, stands for several DCs behind one endpoint.
      const dc = dcs.length === 1 ? dcs[0] : undefined;
      if (dc && !severalHosts(dc.addresses)) out.add({ subjects: [node.id, dc.id], nodes: [node.id, dc.id], code: 'L-A6', params: { agent: node.name, dc: dc.name } });
    }
    // Every config version: without a tunnel these services look for a Proxy in their own process
    // (`SingleProcessModeResolver`, lib/service/db.go and service.go), which an agent node never has.
    if (via === 'auth') {
      const never = node.services.filter((s) => AGENT_SERVICES[s].proxyServerOnly);
      const version = cluster?.configVersion ?? 'v3';
      const why = version === 'v3'
        ? 'config v3 refuses auth_server for them at startup'
        : 'without one they fail with "failed to find reverse tunnel address" unless Auth and Proxy run in their own process';
      const key = joinKeyOf(version, 'proxy', 'agent').key;
      const params = { agent: node.name, services: never.map((s) => `the ${AGENT_SERVICES[s].label} Service`).join(' and '), why, key };
      if (never.length > 0) out.add({ subjects: [node.id], nodes: [node.id], code: 'L-C2', params, choices: joinViaProxy(input, node, key) });
    }
  }
};

/**
 * L-C2's fixes: the agent joins through an entry point of its cluster (a load balancer in front of its
 * Proxies, else a Proxy), one choice each (at most three): `joinVia: proxy`, no join address (it named
 * Auth) and no listen address (L-A1), and its links to Auth or an Auth load balancer replaced by one to
 * that entry point.
 */
function joinViaProxy(input: CheckInput, node: NodeOfKind<'agent'>, key: string): Autofix[] {
  const { ctx } = input;
  const cluster = clusterOf(ctx, node);
  const proxies = [...ctx.proxies.values()].filter((p) => p.cluster === cluster).map((p) => p.node);
  const lbs = ctx.sortedNodes.filter((n) => ctx.lbs.get(n.id)?.role === 'proxy' && ctx.lbs.get(n.id)?.backendInfos.some((b) => b.cluster === cluster));
  const entries = (lbs.length > 0 ? lbs : proxies).slice(0, 3);
  const toAuth = neighbours(ctx, node.id).filter((n) => n.kind === 'auth' || ctx.lbs.get(n.id)?.role === 'auth');
  const remove = [...new Set(toAuth.flatMap((n) => linksBetween(ctx, node.id, n.id)))].sort();
  const changes: FieldChange[] = [{ target: 'node', id: node.id, field: 'joinVia', value: 'proxy' }];
  if (node.joinAddr !== undefined) changes.push({ target: 'node', id: node.id, field: 'joinAddr', value: null });
  for (const service of node.services) {
    const field = AGENT_SERVICES[service].listen?.field;
    if (field !== undefined && node[field] !== undefined) changes.push({ target: 'node', id: node.id, field, value: null });
  }
  return entries.map((entry) => ({ label: `Make ${node.name} join through ${entry.name} (${key}), linked to it instead of Auth`, changes, links: { remove, add: [{ source: node.id, target: entry.id }] } }));
}

/** `key: value` as teleport.yaml writes it (`auth_servers` is a list). */
function yamlSetting(key: string, value: string): string {
  return key === 'auth_servers' ? `${key}: [${value}]` : `${key}: ${value}`;
}

/**
 * The agent's or tbot's join address dials a port its hop does not open for joining: L-C4 when that
 * port is the other service's (v3 `proxy_server` on 3025, `auth_server` on 3080/443, tbot's
 * `auth_server` too: the key is what to fix), else L-C5 when an agent's address has no port (Teleport's
 * default was dialled), else PL-JOIN-ADDR-PORT (tbot's port-less `proxy_server`, 443, included). A tbot
 * `auth_server` without a port is PL-TBOT-AUTH-NO-PORT. Joining a Cloud tenant's Auth directly is
 * L-A3's business.
 */
export const joinAddresses: Check = (input) => {
  const { ctx, obs, out } = input;
  const joinPorts = joinPortsByNode(input);
  for (const m of obs.overrideMismatches.values()) {
    const node = ctx.nodes.get(m.agent);
    if (m.kind !== 'join-addr' || (node?.kind !== 'agent' && node?.kind !== 'tbot')) continue;
    const cluster = clusterOf(ctx, node);
    if (cluster?.deployment === 'cloud' && node.joinVia === 'auth') continue;
    const spec = joinKeyOf(cluster?.configVersion, node.joinVia, node.kind);
    const hop = nameOf(ctx, m.hop);
    const base = { subjects: [m.agent, m.hop], nodes: planNodes(input, m.agent, m.hop), links: m.links };
    const fixedSetting = yamlSetting(spec.key, joinHostPort(m.host, m.open));
    if (!m.portless && spec.swappedPorts.includes(m.port)) {
      const viaProxy = spec.key === 'proxy_server';
      const who = node.kind === 'tbot' ? 'tbot' : 'the agent';
      // Joining Auth directly is no way out for App/Database services (L-C2) or on Cloud (L-A3).
      const authOk = cluster?.deployment !== 'cloud' && (node.kind === 'tbot' || !node.services.some((x) => AGENT_SERVICES[x].proxyServerOnly));
      out.add({
        code: 'L-C4', ...base,
        params: {
          agent: node.name, setting: yamlSetting(spec.key, node.joinAddr ?? m.addr), hop, open: m.open, key: spec.key, otherKey: spec.other ?? '',
          portName: viaProxy ? 'the Auth port' : 'a Proxy web port',
          expected: viaProxy ? 'Proxy web address (e.g. teleport.example.com:443)' : 'Auth address (e.g. auth.example.com:3025)',
          alternative: viaProxy ? (authOk ? `, or make ${who} join Auth directly (auth_server)` : '') : `, or make ${who} join via the Proxy (proxy_server)`,
        },
      });
      continue;
    }
    const fixed = joinHostPort(m.host, m.open);
    // One address serves every hop the node joins through only when they all open the same port.
    const autofix = joinPorts.get(node.id)?.size === 1 ? { autofix: { label: `Write ${fixedSetting} for ${node.name}`, changes: [{ target: 'node' as const, id: node.id, field: 'joinAddr', value: fixed }] } } : {};
    out.add({
      code: m.portless && node.kind === 'agent' ? 'L-C5' : 'PL-JOIN-ADDR-PORT', ...base, ...autofix,
      params: {
        agent: node.name, key: spec.key, setting: yamlSetting(spec.key, node.joinAddr ?? m.addr), addr: m.addr, hop, open: m.open, fixedSetting,
        orOpen: ifNode(input, m.hop, (name) => `, or open port ${m.port} on ${name}`),
      },
    });
  }
  tbotAuthPorts(input);
};

/** Flows that join a node to its cluster: the ports its hops open for joining (what a join address must name). */
const JOIN_CATALOGS: ReadonlySet<string> = new Set(['agent-join', 'agent-auth-direct', 'tbot-web', 'tbot-auth']);

/**
 * Per agent or tbot, the ports its join hops open: those of its own join flows (a forward proxy in
 * between is no hop: its flows onward are shared by every node behind it) and of its join address
 * mismatches (the hops behind a forward proxy among them).
 */
function joinPortsByNode(input: CheckInput): Map<string, Set<number>> {
  // Only nodes with a join address mismatch are asked about (most plans have none).
  const out = new Map<string, Set<number>>();
  for (const m of input.obs.overrideMismatches.values()) {
    if (m.kind !== 'join-addr') continue;
    let set = out.get(m.agent);
    if (!set) out.set(m.agent, (set = new Set()));
    set.add(m.open);
  }
  if (out.size === 0) return out;
  for (const f of input.flows) {
    if (JOIN_CATALOGS.has(f.catalog) && input.ctx.nodes.get(f.to)?.kind !== 'http-proxy') out.get(f.from)?.add(f.port);
  }
  return out;
}

/** PL-TBOT-AUTH-NO-PORT: tbot dials `auth_server` as written, and fills in no port. */
function tbotAuthPorts(input: CheckInput): void {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'tbot' || node.joinVia !== 'auth' || node.joinAddr === undefined) continue;
    const hp = parseHostPort(node.joinAddr);
    if (!hp || hp.port !== undefined || clusterOf(ctx, node)?.deployment === 'cloud') continue;
    const flows = input.flows.filter((f) => f.from === node.id && f.catalog === 'tbot-auth');
    const ports = [...new Set(flows.map((f) => f.port))].sort((a, b) => a - b);
    const fixed = joinHostPort(hp.host, ports[0] ?? PORTS.auth.port);
    out.add({
      code: 'PL-TBOT-AUTH-NO-PORT', subjects: [node.id], nodes: planNodes(input, node.id, ...flows.map((f) => f.to)), links: flows.flatMap((f) => f.links),
      params: { tbot: node.name, addr: node.joinAddr, fixedSetting: yamlSetting('auth_server', fixed) },
      // Several Auth hops on different ports: which one to write is the user's choice.
      ...(ports.length <= 1 ? { autofix: { label: `Write auth_server: ${fixed} for ${node.name}`, changes: [{ target: 'node' as const, id: node.id, field: 'joinAddr', value: fixed }] } } : {}),
    });
  }
}

/** L-A7 (SQL Server host), L-A8 (database without required port), PL-APP-NO-PORT (tcp:// app without port), PL-APP-PORTS-URI and PL-APP-PORTS-VERSION (tcp_ports). */
export const resources: Check = (input) => {
  const { ctx, out } = input;
  for (const node of ctx.sortedNodes) {
    if (node.kind === 'database' && node.port === undefined) {
      const spec = DATABASE_ENGINES[node.engine];
      if (spec.portRequired) out.add({ code: 'L-A8', subjects: [node.id], nodes: [node.id], params: { db: node.name, engine: spec.label, port: spec.defaultPort, why: spec.portMissing ?? 'Teleport refuses a URI without one for this engine' } });
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
        if (cluster && predates(cluster.teleportVersion, cluster.teleportMinorVersion, APP_TCP_PORTS_SINCE)) {
          out.add({ code: 'PL-APP-PORTS-VERSION', subjects: [node.id, agent.id], nodes: [node.id, agent.id], params: { app: node.name, agent: agent.name, cluster: cluster.name, version: versionText(cluster.teleportVersion, cluster.teleportMinorVersion), since: APP_TCP_PORTS_SINCE.text } });
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
