/**
 * HTTP CONNECT routing (reference §2.10): does a dial from this node go through a forward proxy,
 * and which `http-proxy` node is it? The NO_PROXY decision itself lives in `no-proxy.ts`.
 */
import { SCHEME_PORTS } from '../catalog/index.ts';
import type { ForwardProxyUse } from '../catalog/index.ts';
import type { NodeOfKind, PlanNode } from '../schema/index.ts';
import { joinHostPort, parseProxyUrl } from './addr.ts';
import { neighbours } from './context.ts';
import type { Ctx } from './context.ts';
import { parseNoProxy, useProxy } from './no-proxy.ts';
import type { NoProxy } from './no-proxy.ts';
import type { Observations } from './observations.ts';

/** A dial routed through a forward proxy. */
export interface ForwardRoute {
  fwd: NodeOfKind<'http-proxy'>;
  url: string;
}

/**
 * Which env variable applies: HTTPS_PROXY for https requests, HTTP_PROXY for http requests (Go's
 * ProxyFromEnvironment), HTTPS_PROXY then HTTP_PROXY for tunnels (S15). A `resource` use is resolved
 * by the caller (`resourceForwardProxy`) and routes nothing here.
 */
export function proxyUrlFor(node: PlanNode, use: ForwardProxyUse): string | undefined {
  if (use === 'never' || use === 'resource' || !('env' in node) || !node.env) return undefined;
  if (use === 'http') return node.env.httpProxy || undefined;
  const https = node.env.httpsProxy || undefined;
  if (use === 'https') return https;
  return https ?? (node.env.httpProxy || undefined);
}

/**
 * The http-proxy node a URL names: by address, preferring one linked to the node. When no node has the
 * URL's host, a linked one stands in for it only if nothing says it is another proxy: it has no
 * address, or it listens on the URL's port (a DNS name for the same box). Otherwise the URL names a
 * forward proxy the plan does not have (PL-HTTP-PROXY-UNKNOWN), not a misconfigured linked one.
 */
export function forwardNodeFor(ctx: Ctx, node: PlanNode, url: string): NodeOfKind<'http-proxy'> | undefined {
  const parsed = parseProxyUrl(url);
  const host = parsed?.host.toLowerCase();
  const linked = neighbours(ctx, node.id).filter((n): n is NodeOfKind<'http-proxy'> => n.kind === 'http-proxy');
  const byAddress = host === undefined ? [] : (ctx.httpProxiesByHost.get(host) ?? []);
  const named = byAddress.find((n) => linked.includes(n)) ?? byAddress[0];
  if (named) return named;
  const port = parsed?.port ?? SCHEME_PORTS[parsed?.scheme ?? 'http'];
  return linked.find((n) => n.addresses.length === 0 || n.port === port);
}

const cache = new WeakMap<Ctx, Map<string, NoProxy>>();

function noProxyOf(ctx: Ctx, value: string | undefined): NoProxy {
  let map = cache.get(ctx);
  if (!map) cache.set(ctx, (map = new Map()));
  const key = value ?? '';
  let parsed = map.get(key);
  if (!parsed) map.set(key, (parsed = parseNoProxy(value)));
  return parsed;
}

/** Route of a dial from `node` to `host:port`, or undefined when it goes direct. */
export function forwardRoute(ctx: Ctx, obs: Observations, node: PlanNode, use: ForwardProxyUse, host: string, port: number, destination: string): ForwardRoute | undefined {
  const url = proxyUrlFor(node, use);
  if (url === undefined) return undefined;
  const noProxy = 'env' in node ? node.env?.noProxy : undefined;
  if (!useProxy(noProxyOf(ctx, noProxy), host, port)) return undefined;
  const fwd = forwardNodeFor(ctx, node, url);
  if (!fwd) {
    obs.unknownForwardProxies.set(node.id, url);
    return undefined;
  }
  obs.forwardProxyUsed.add(`${node.id}|${fwd.id}`);
  let targets = obs.proxiedTargets.get(node.id);
  if (!targets) obs.proxiedTargets.set(node.id, (targets = new Map()));
  targets.set(joinHostPort(host, port), destination);
  return { fwd, url };
}
