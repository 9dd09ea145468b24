/**
 * `trusted_cluster` resources (`trusted-cluster`): one YAML document per leaf cluster of the plan, to
 * create on the leaf with `tctl create` (reference §2.3 P8/P9). The addresses are the leaf's
 * `trustWebProxyAddr` / `trustTunnelAddr` as written (an empty `tunnel_addr` follows `web_proxy_addr`),
 * else where the leaf dials the root in the engine's flows (the root Proxy's advertised addresses).
 * The join token and the role mapping are placeholders: the plan does not hold them.
 */
import type { DeriveResult } from '../engine/index.ts';
import { isTeleportNode } from '../schema/index.ts';
import type { Cluster, Plan } from '../schema/index.ts';
import { lineComment } from './escape.ts';
import { compareText } from './model.ts';
import { commentAt, yamlDocument, yamlStream } from './yaml-doc.ts';

const TOKEN = '<join token from the root cluster: tctl tokens add --type=trusted_cluster>';

/** Where the leaf's nodes dial the root for a flow kind, first by flow id. */
function dialled(plan: Plan, result: DeriveResult, leaf: Cluster, catalog: string): string | undefined {
  const first = plan.clusters[0]?.id;
  const members = new Set(plan.nodes.filter((n) => isTeleportNode(n) && (n.cluster ?? first) === leaf.id).map((n) => n.id));
  const flows = result.flows.filter((f) => members.has(f.from) && f.catalog === catalog && f.dialTarget !== undefined).sort((a, b) => compareText(a.id, b.id));
  return flows[0]?.dialTarget;
}

function resource(plan: Plan, result: DeriveResult, leaf: Cluster) {
  const root = plan.clusters.find((c) => c.id === leaf.trustedRoot);
  const web = leaf.trustWebProxyAddr ?? dialled(plan, result, leaf, 'trust-leaf-auth-validate');
  // An empty tunnel_addr follows web_proxy_addr: written only when the plan gives it, or when web_proxy_addr is not written either.
  const tunnel = leaf.trustTunnelAddr ?? (leaf.trustWebProxyAddr === undefined ? dialled(plan, result, leaf, 'trust-leaf-tunnel') : undefined);
  const given = [leaf.trustWebProxyAddr === undefined ? [] : ['web_proxy_addr'], leaf.trustTunnelAddr === undefined ? [] : ['tunnel_addr']].flat();
  const notes = [
    `Portolan: trusted_cluster for leaf ${leaf.name} (${leaf.id}), which trusts root ${root?.name ?? leaf.trustedRoot ?? ''}.`,
    'Create it on the leaf cluster: tctl create trusted_cluster.yaml',
    web === undefined
      ? 'The leaf is not linked to the root in the plan: fill in the root Proxy’s public address.'
      : given.length === 2
        ? 'Addresses as the plan gives them.'
        : `${given.length === 1 ? `${given[0] ?? ''} as the plan gives it; the rest` : 'Addresses'}: where the leaf dials the root in this plan (the root Proxy’s advertised addresses)${leaf.trustWebProxyAddr !== undefined ? '; an empty tunnel_addr follows web_proxy_addr' : ''}.`,
  ];
  const doc = yamlDocument(
    {
      kind: 'trusted_cluster',
      version: 'v2',
      metadata: { name: root?.name ?? leaf.trustedRoot ?? '' },
      spec: {
        enabled: true,
        token: TOKEN,
        web_proxy_addr: web ?? '<root proxy public address>:443',
        ...(tunnel === undefined ? {} : { tunnel_addr: tunnel }),
        role_map: [{ remote: 'access', local: ['access'] }],
      },
    },
    notes,
  );
  commentAt(doc, ['spec', 'role_map'], ['Example mapping: map the root roles your users hold to the leaf roles they get.']);
  return doc;
}

/** One `trusted_cluster` document per leaf cluster, by cluster id. */
export function trustedClusterExport(plan: Plan, result: DeriveResult): string {
  const leaves = plan.clusters.filter((c) => c.trustedRoot !== undefined).sort((a, b) => compareText(a.id, b.id));
  if (leaves.length === 0) return `${lineComment('Portolan: the plan has no leaf cluster (one that trusts a root), so no trusted_cluster resource.')}\n`;
  return yamlStream(leaves.map((leaf) => resource(plan, result, leaf)));
}
