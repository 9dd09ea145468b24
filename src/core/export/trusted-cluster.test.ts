import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import type { Plan } from '../schema/index.ts';
import { templateById } from '../templates/index.ts';
import { trustedClusterExport } from './trusted-cluster.ts';

const docs = (plan: Plan) => {
  const stream = parseAllDocuments(trustedClusterExport(plan, derive(plan)));
  if (!Array.isArray(stream)) throw new Error('not a stream');
  for (const d of stream) expect(d.errors).toEqual([]);
  return stream.map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> });
};

describe('trusted_cluster resources', () => {
  it('one per leaf, named after the root, with the addresses the plan gives (an empty tunnel_addr follows web_proxy_addr)', () => {
    const plan = templateById('trusted-clusters')!.plan();
    const [doc, ...more] = docs(plan);
    expect(more).toEqual([]);
    expect(doc).toEqual({
      kind: 'trusted_cluster', version: 'v2', metadata: { name: 'root.example.com' },
      spec: { enabled: true, token: '<join token from the root cluster: tctl tokens add --type=trusted_cluster>', web_proxy_addr: 'root.example.com:443', role_map: [{ remote: 'access', local: ['access'] }] },
    });
    expect(trustedClusterExport(plan, derive(plan))).toContain('# Create it on the leaf cluster: tctl create trusted_cluster.yaml');
  });

  it('without addresses in the plan, writes where the leaf dials the root; without a leaf, says so', () => {
    const plan = templateById('trusted-clusters')!.plan();
    const leaf = plan.clusters.find((c) => c.id === 'leaf')!;
    delete leaf.trustWebProxyAddr;
    expect(docs(plan)[0]?.spec).toMatchObject({ web_proxy_addr: 'root.example.com:443', tunnel_addr: 'root.example.com:443' });
    expect(trustedClusterExport(examplePlan(), derive(examplePlan()))).toBe('# Portolan: the plan has no leaf cluster (one that trusts a root), so no trusted_cluster resource.\n');
  });

  it('fills what the plan leaves out from where the leaf dials, also when the leaf is the first cluster', () => {
    const plan = templateById('trusted-clusters')!.plan();
    const leaf = plan.clusters.find((c) => c.id === 'leaf')!;
    delete leaf.trustWebProxyAddr;
    leaf.trustTunnelAddr = 'root.example.com:443';
    expect(docs(plan)[0]?.spec).toMatchObject({ web_proxy_addr: 'root.example.com:443', tunnel_addr: 'root.example.com:443' });
    expect(trustedClusterExport(plan, derive(plan))).toContain('# tunnel_addr as the plan gives it; the rest: where the leaf dials the root in this plan');
    // Nodes without a cluster key belong to the first cluster: here the leaf.
    const first = { ...plan, clusters: [leaf, ...plan.clusters.filter((c) => c.id !== 'leaf')] };
    first.nodes = first.nodes.map((n) => ('cluster' in n && n.cluster === 'leaf' ? (({ cluster: _c, ...rest }) => rest)(n) : 'cluster' in n && n.cluster === undefined ? { ...n, cluster: 'root' } : n)) as Plan['nodes'];
    delete leaf.trustTunnelAddr;
    expect(docs(first)[0]?.spec).toMatchObject({ web_proxy_addr: 'root.example.com:443', tunnel_addr: 'root.example.com:443' });
  });

  it('keeps a hostile root name one string', () => {
    const plan = templateById('trusted-clusters')!.plan();
    plan.clusters[0]!.name = 'a: b # c\n---\nkind: role';
    const [doc, ...more] = docs(plan);
    expect(more).toEqual([]);
    expect(doc?.metadata.name).toBe('a: b # c\n---\nkind: role');
  });
});
