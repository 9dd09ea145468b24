/**
 * Trusted clusters (reference §2.3 P8/P9): the leaf Proxy keeps a tunnel to the root's tunnel
 * address (web port in multiplex, 3024 in separate), and every leaf Auth calls the root Proxy web
 * address to validate the trust. A link from a leaf Proxy to the root's load balancer works the same.
 */
import { TRUST_WEB_PROXY_DEFAULT_PORT, flowTemplate } from '../../catalog/index.ts';
import type { Cluster, PlanNode } from '../../schema/index.ts';
import { parseHostPort } from '../addr.ts';
import { clusterIdOf } from '../context.ts';
import { override, reachProxy } from '../reach.ts';
import type { AddressOverride, Entry, Need } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

const NONE: readonly AddressOverride[] = [];

// Shared needs: load balancer routes are cached per need object.
let tunnelNeeds: readonly Need[] | undefined;
let validateNeeds: readonly Need[] | undefined;

/** The leaf's `web_proxy_addr` (443 without a port: it is the host of an https URL), for its Auth's validation call. */
function webProxyOverride(run: Run, leafCluster: string): readonly AddressOverride[] {
  const text = run.ctx.clusters.get(leafCluster)?.trustWebProxyAddr;
  const hp = text === undefined ? undefined : parseHostPort(text);
  return hp ? [override('web', 'trust-addr', hp, TRUST_WEB_PROXY_DEFAULT_PORT, `clusters[${leafCluster}].trustWebProxyAddr`)] : NONE;
}

/**
 * The leaf's tunnel address (`tunnel_addr`, else `web_proxy_addr`: `trustTunnelText`), for its Proxies'
 * tunnels. Teleport dials it as written: without a port it cannot (PL-TRUST-TUNNEL-NO-PORT, raised
 * from the settings), and the flow keeps the address the root advertises.
 */
function tunnelOverride(run: Run, leafCluster: string): readonly AddressOverride[] {
  const t = trustTunnelText(run.ctx.clusters.get(leafCluster));
  const hp = t === undefined ? undefined : parseHostPort(t.text);
  if (!t || hp?.port === undefined) return NONE;
  return [override('tunnel', 'trust-addr', hp, hp.port, `clusters[${leafCluster}].${t.field}`)];
}

/** The address a leaf's Proxies open their tunnels to, and the field it comes from (`tunnel_addr` defaults to `web_proxy_addr`). */
export function trustTunnelText(cluster: Cluster | undefined): { text: string; field: 'trustTunnelAddr' | 'trustWebProxyAddr' } | undefined {
  if (cluster?.trustTunnelAddr !== undefined) return { text: cluster.trustTunnelAddr, field: 'trustTunnelAddr' };
  if (cluster?.trustWebProxyAddr !== undefined) return { text: cluster.trustWebProxyAddr, field: 'trustWebProxyAddr' };
  return undefined;
}

function leafAuthsValidate(run: Run, leafCluster: string, entry: Entry, links: readonly string[], cause: string, only?: PlanNode): void {
  const auths = only ? [only] : (run.ctx.authsByCluster.get(leafCluster) ?? []);
  const overrides = webProxyOverride(run, leafCluster);
  validateNeeds ??= [{ use: 'web', template: flowTemplate('trust-leaf-auth-validate') }];
  for (const auth of auths) {
    reachProxy(run.ctx, run.sink, run.obs, { initiator: auth, entry, needs: validateNeeds, links, settings: [`clusters[${leafCluster}].trustedRoot`], cause, overrides });
  }
}

/** leaf proxy — root proxy / root LB. */
export const trustProxy: Handler = (run, link, leafProxy, root) => {
  const entry = entryOf(root);
  const leafCluster = clusterIdOf(run.ctx, leafProxy);
  if (!entry || leafCluster === undefined) return;
  const cause = linkCause(link, `cluster ${leafCluster} trusts ${clusterIdOf(run.ctx, root) ?? 'the root'}`);
  tunnelNeeds ??= [{ use: 'tunnel', template: flowTemplate('trust-leaf-tunnel') }];
  reachProxy(run.ctx, run.sink, run.obs, {
    initiator: leafProxy, entry, needs: tunnelNeeds, links: [link.id], settings: [`clusters[${leafCluster}].trustedRoot`], cause, overrides: tunnelOverride(run, leafCluster),
  });
  leafAuthsValidate(run, leafCluster, entry, [link.id], cause);
  run.obs.leavesWithPath.add(leafCluster);
};

/** leaf auth — root proxy / root LB. */
export const trustAuth: Handler = (run, link, leafAuth, root) => {
  const entry = entryOf(root);
  const leafCluster = clusterIdOf(run.ctx, leafAuth);
  if (!entry || leafCluster === undefined) return;
  leafAuthsValidate(run, leafCluster, entry, [link.id], linkCause(link, `cluster ${leafCluster} trusts ${clusterIdOf(run.ctx, root) ?? 'the root'}`), leafAuth);
  run.obs.leavesWithPath.add(leafCluster);
};
