import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import { endpointName } from './model.ts';
import { findHost, hostEntries, zonePairGroups } from './views.ts';
import { sampleResult } from './__fixtures__/sample-result.ts';

describe('views', () => {
  const plan = examplePlan();

  it('sees each rule from both of its plan-node ends', () => {
    const entries = hostEntries(plan, sampleResult());
    // 8 rules, one of them towards a Cloud tenant (not a host): 15 entries.
    expect(entries).toHaveLength(15);
    const auth = entries.filter((e) => e.host.id === 'auth');
    expect(auth.map((e) => [e.direction, e.peer.id])).toEqual([['in', 'proxy-1']]);
    const kubeAgent = hostEntries(plan, sampleResult(), 'kube-agent');
    expect(kubeAgent.map((e) => [e.direction, e.peer.id])).toEqual([
      ['out', 'cloud-tenant:main'],
      ['out', 'kube-api'],
    ]);
    expect(entries.some((e) => e.host.id.startsWith('cloud-tenant:'))).toBe(false);
  });

  it("groups by zone pair in the engine's order (`-` = no zone), marking same-zone groups", () => {
    const groups = zonePairGroups(plan, sampleResult());
    expect(groups.map((g) => [g.key, g.sameZone, g.rows.length])).toEqual([
      ['ci>dmz', false, 1],
      ['dmz>control-plane', false, 1],
      ['dmz>dmz', true, 1],
      ['internet>dmz', false, 1],
      ['private>-', false, 1],
      ['private>dmz', false, 1],
      ['private>private', true, 2],
    ]);
  });

  it('finds a host by id or exact name, and says why not', () => {
    expect(findHost(plan, 'proxy-1')).toMatchObject({ ok: true, node: { id: 'proxy-1' } });
    expect(findHost(plan, 'Proxy 2')).toMatchObject({ ok: true, node: { id: 'proxy-2' } });
    expect(findHost(plan, 'nobody')).toEqual({ ok: false, message: 'no node with id or name "nobody"' });
    const twins = PlanSchema.parse({
      type: 'portolan-plan',
      version: 1,
      name: 't',
      clusters: [{ id: 'main', name: 'c' }],
      nodes: [
        { id: 'a', name: 'Twin', kind: 'auth' },
        { id: 'b', name: 'Twin', kind: 'proxy' },
      ],
    });
    expect(findHost(twins, 'Twin')).toEqual({ ok: false, message: 'several nodes are named "Twin" (a, b); give the node id instead' });
  });

  it('names synthetic endpoints', () => {
    expect(endpointName(plan, 'proxy-1')).toBe('Proxy 1');
    expect(endpointName(plan, 'cloud-tenant:main')).toBe('Teleport Cloud tenant teleport.example.com');
    expect(endpointName(plan, 'external:acme-ca')).toBe('ACME certificate authority');
    expect(endpointName(plan, 'something-else')).toBe('something-else');
  });
});
