/** HTTP CONNECT forward proxies (§5 L-H1…L-H6) and Portolan's forward-proxy checks. */
import { CLOUD_TENANT_PREFIX, FORWARD_PROXY, SCHEME_PORTS, resourceForwardProxy } from '../catalog/index.ts';
import type { Link, PlanNode } from '../schema/index.ts';
import { cidrContains, ipBytes, isLoopbackHost, parseCidr, parseHostPort, parseProxyUrl } from '../engine/addr.ts';
import { hostOfAddress } from '../engine/context.ts';
import { forwardNodeFor } from '../engine/forward.ts';
import { parseNoProxy, unmatchableEntries } from '../engine/no-proxy.ts';
import { effectiveJoinVia } from '../engine/relations.ts';
import type { Check, CheckInput } from './input.ts';
import { namesOf } from './input.ts';
import { listNames } from './sink.ts';

function envOf(node: PlanNode) {
  return 'env' in node ? node.env : undefined;
}

/** L-H2, L-H4, L-H6, PL-HTTP-PROXY-PORT, PL-HTTP-PROXY-UNKNOWN. */
export const proxyUrls: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const node of ctx.sortedNodes) {
    const env = envOf(node);
    if (!env) continue;
    for (const [variable, url] of [['HTTPS_PROXY', env.httpsProxy], ['HTTP_PROXY', env.httpProxy]] as const) {
      if (!url) continue;
      const parsed = parseProxyUrl(url);
      if (!parsed) continue;
      const base = { subjects: [node.id, variable], nodes: [node.id] };
      if (isLoopbackHost(parsed.host)) out.add({ ...base, code: 'L-H2', params: { node: node.name, url } });
      if (!parsed.hadScheme) out.add({ ...base, code: 'L-H4', params: { node: node.name, variable, url } });
      const fwd = forwardNodeFor(ctx, node, url);
      const urlPort = parsed.port ?? SCHEME_PORTS[parsed.scheme];
      if (fwd && urlPort !== undefined && urlPort !== fwd.port) {
        out.add({ code: 'PL-HTTP-PROXY-PORT', subjects: [node.id, fwd.id], nodes: [node.id, fwd.id], params: { node: node.name, variable, urlPort, proxy: fwd.name, port: fwd.port } });
      }
    }
    // Reverse tunnels (agents, leaf Proxies) take HTTPS_PROXY first (api/utils/proxy.go); only a difference is worth saying.
    const what = env.httpsProxy && env.httpProxy && !sameProxy(env.httpsProxy, env.httpProxy) ? tunnelRuleDials(input, node) : undefined;
    if (what !== undefined) out.add({ code: 'L-H6', subjects: [node.id], nodes: [node.id], params: { node: node.name, https: env.httpsProxy ?? '', http: env.httpProxy ?? '', what } });
    const unknown = obs.unknownForwardProxies.get(node.id);
    if (unknown !== undefined) out.add({ code: 'PL-HTTP-PROXY-UNKNOWN', subjects: [node.id], nodes: [node.id], params: { node: node.name, url: unknown } });
  }
};

/**
 * The dials that pick HTTPS_PROXY before HTTP_PROXY (S15), as a clause for L-H6: reverse tunnels
 * (agents joined through the Proxy, leaf Proxies) and Auth connections (client.NewDialer: agents joined
 * to Auth, tbots, relays, every Proxy). Undefined for a node that makes none.
 */
function tunnelRuleDials(input: CheckInput, node: PlanNode): string | undefined {
  if (node.kind === 'agent') return effectiveJoinVia(input.ctx, node) === 'proxy' ? 'its reverse tunnel goes' : 'its connection to Auth goes';
  if (node.kind === 'tbot' || node.kind === 'relay') return 'its connection to Auth goes';
  if (node.kind !== 'proxy') return undefined;
  return input.ctx.proxies.get(node.id)?.cluster.trustedRoot !== undefined ? 'its reverse tunnel to the root cluster and its connection to Auth go' : 'its connection to Auth goes';
}

/** Two proxy URLs that name the same forward proxy (scheme, host and port; `host:port` is http). */
function sameProxy(a: string, b: string): boolean {
  const x = parseProxyUrl(a);
  const y = parseProxyUrl(b);
  if (!x || !y) return a.trim() === b.trim();
  return x.scheme === y.scheme && x.host.toLowerCase() === y.host.toLowerCase() && (x.port ?? SCHEME_PORTS[x.scheme]) === (y.port ?? SCHEME_PORTS[y.scheme]);
}

function destinationHosts(input: CheckInput, id: string): string[] {
  return (input.ctx.nodes.get(id)?.addresses ?? []).map(hostOfAddress);
}

/** L-H5: NO_PROXY entries whose type can never match a target that the user probably meant to exempt. */
export const noProxyTypes: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const [nodeId, targets] of obs.proxiedTargets) {
    const node = ctx.nodes.get(nodeId);
    const env = node ? envOf(node) : undefined;
    if (!node || !env?.noProxy) continue;
    const np = parseNoProxy(env.noProxy);
    for (const [target, dest] of [...targets.entries()].sort()) {
      const host = parseHostPort(target)?.host ?? target;
      for (const entry of unmatchableEntries(np, host)) {
        const cidr = parseCidr(entry);
        const known = destinationHosts(input, dest);
        const meant = cidr
          ? known.some((h) => { const b = ipBytes(h); return b !== undefined && cidrContains(cidr, b); })
          : known.some((h) => { const d = entry.replace(/^\*?\./, '').replace(/:\d+$/, ''); return h === d || h.endsWith('.' + d); });
        if (!meant) continue;
        const problem = cidr ? 'is a CIDR and only matches IP-literal targets, never host names' : 'is a domain and never matches IP-literal targets';
        out.add({ code: 'L-H5', subjects: [nodeId, dest], nodes: [nodeId, dest], params: { node: node.name, entry, problem, target } });
      }
    }
  }
};

/**
 * PL-APP-HTTP-CLEAR: Go sends an http:// request to HTTP_PROXY as it is (no CONNECT), and the App
 * Service adds the JWT the app trusts (S36): the forward proxy can read and replay it.
 */
export const clearApps: Check = (input) => {
  const { ctx, obs, out } = input;
  for (const [nodeId, targets] of obs.proxiedTargets) {
    const agent = ctx.nodes.get(nodeId);
    const url = agent ? envOf(agent)?.httpProxy : undefined;
    if (!agent || !url) continue;
    for (const [target, dest] of [...targets.entries()].sort()) {
      const app = ctx.nodes.get(dest);
      // The apps that follow HTTP_PROXY are the plain http:// ones (catalog: APP_SCHEME_FORWARD_PROXY).
      if (app?.kind !== 'app' || resourceForwardProxy(app) !== 'http') continue;
      const fwd = forwardNodeFor(ctx, agent, url);
      out.add({
        code: 'PL-APP-HTTP-CLEAR', subjects: [agent.id, app.id], nodes: [agent.id, app.id, ...(fwd ? [fwd.id] : [])],
        params: { agent: agent.name, app: app.name, uri: app.uri, proxy: fwd?.name ?? url, host: parseHostPort(target)?.host ?? target },
      });
    }
  }
};

/** L-H3 and PL-HTTP-PROXY-UNUSED. */
export const forwardUse: Check = (input) => {
  const { ctx, obs, out } = input;
  const links = ctx.sortedLinks;
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const c = input.classes[i];
    if (!c?.ok) continue;
    if (c.relation.id === 'proxy-kube-api') {
      const target = `${FORWARD_PROXY.kubeLocalHost}:${c.listener.kind === 'kube-api' ? c.listener.port : 0}`;
      if (obs.proxiedTargets.get(c.initiator.id)?.has(target)) out.add({ code: 'L-H3', subjects: [c.initiator.id, c.listener.id], nodes: [c.initiator.id, c.listener.id], links: [link.id], params: { proxy: c.initiator.name, kube: c.listener.name } });
    }
    if (c.relation.id === 'uses-forward-proxy' && !obs.forwardProxyUsed.has(`${c.initiator.id}|${c.listener.id}`)) {
      const env = envOf(c.initiator);
      const why = !env?.httpsProxy && !env?.httpProxy ? 'HTTPS_PROXY is not set' : 'NO_PROXY exempts its destinations, or its proxy URL names another forward proxy';
      out.add({ code: 'PL-HTTP-PROXY-UNUSED', subjects: [c.initiator.id, c.listener.id], nodes: [c.initiator.id, c.listener.id], links: [link.id], params: { node: c.initiator.name, proxy: c.listener.name, why } });
    }
  }
};

/**
 * L-H1: a forward proxy whose `connectPorts` are known refuses CONNECT to any other port. The port is
 * the one dialled (the flow's dial target), which is what the CONNECT request names. Only tunnels to the
 * cluster's entry points count (Proxies, load balancers, Relays, the Cloud tenant), as in §5; the
 * Proxy's own Kubernetes API dial through a forward proxy is L-H3.
 */
export const forwardPorts: Check = (input) => {
  const { ctx, out } = input;
  for (const fwd of ctx.sortedNodes) {
    if (fwd.kind !== 'http-proxy' || fwd.connectPorts === undefined) continue;
    const allowed = new Set(fwd.connectPorts);
    const refused = new Map<number, Set<string>>();
    for (const f of input.flows) {
      if (f.from !== fwd.id || f.dialTarget === undefined || !entersCluster(input, f.to)) continue;
      const port = parseHostPort(f.dialTarget)?.port ?? f.port;
      if (allowed.has(port)) continue;
      let targets = refused.get(port);
      if (!targets) refused.set(port, (targets = new Set()));
      targets.add(f.dialTarget);
    }
    if (refused.size === 0) continue;
    const targets = new Set([...refused.values()].flatMap((t) => [...t]));
    const initiators = new Set<string>();
    for (const f of input.flows) if (f.to === fwd.id && f.dialTarget !== undefined && targets.has(f.dialTarget)) initiators.add(f.from);
    const names = namesOf(input, initiators);
    const ports = [...refused.keys()].sort((a, b) => a - b);
    out.add({
      code: 'L-H1', subjects: [fwd.id], nodes: [fwd.id, ...[...initiators].sort()],
      params: {
        proxy: fwd.name, allowed: allowedText(fwd.connectPorts),
        initiators: listNames(names), go: names.length === 1 ? 'goes' : 'go', targets: listNames([...targets].sort()), ports: `port${ports.length === 1 ? '' : 's'} ${listNames(ports.map(String), ports.length)}`,
      },
    });
  }
};

/** "only to port 443", "only to ports 443 or 8443", "to no port". */
function allowedText(ports: readonly number[]): string {
  if (ports.length === 0) return 'to no port';
  const list = [...new Set(ports)].sort((a, b) => a - b).map(String);
  return `only to port${list.length === 1 ? '' : 's'} ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`}`;
}

/** The endpoint is one of the cluster's entry points: a Proxy, a load balancer, a Relay or the Cloud tenant. */
function entersCluster(input: CheckInput, id: string): boolean {
  const kind = input.ctx.nodes.get(id)?.kind;
  return kind === 'proxy' || kind === 'load-balancer' || kind === 'relay' || id.startsWith(CLOUD_TENANT_PREFIX);
}
