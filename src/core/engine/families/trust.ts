/**
 * Trusted clusters (reference §2.3 P8/P9): the leaf Proxy keeps a tunnel to the root's tunnel
 * address (web port in multiplex, 3024 in separate), and every leaf Auth calls the root Proxy web
 * address to validate the trust. A link from a leaf Proxy to the root's load balancer works the same.
 */
import { flowTemplate } from '../../catalog/index.ts';
import type { PlanNode } from '../../schema/index.ts';
import { clusterIdOf } from '../context.ts';
import { reachProxy } from '../reach.ts';
import type { Entry } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

function leafAuthsValidate(run: Run, leafCluster: string, entry: Entry, links: readonly string[], cause: string, only?: PlanNode): void {
  const auths = only ? [only] : (run.ctx.authsByCluster.get(leafCluster) ?? []);
  for (const auth of auths) {
    reachProxy(run.ctx, run.sink, run.obs, {
      initiator: auth, entry, needs: [{ use: 'web', template: flowTemplate('trust-leaf-auth-validate') }],
      links, settings: [`clusters[${leafCluster}].trustedRoot`], cause,
    });
  }
}

/** leaf proxy — root proxy / root LB. */
export const trustProxy: Handler = (run, link, leafProxy, root) => {
  const entry = entryOf(root);
  const leafCluster = clusterIdOf(run.ctx, leafProxy);
  if (!entry || leafCluster === undefined) return;
  const cause = linkCause(link, `cluster ${leafCluster} trusts ${clusterIdOf(run.ctx, root) ?? 'the root'}`);
  reachProxy(run.ctx, run.sink, run.obs, {
    initiator: leafProxy, entry, needs: [{ use: 'tunnel', template: flowTemplate('trust-leaf-tunnel') }],
    links: [link.id], settings: [`clusters[${leafCluster}].trustedRoot`], cause,
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
