import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { jsonExport } from './json.ts';
import type { RulesDocument } from './json.ts';
import { sampleResult } from './__fixtures__/sample-result.ts';
import { kubeletCase } from './__fixtures__/plans.ts';
import { rulesByHost } from '../engine/index.ts';

describe('JSON export', () => {
  it('matches the golden files', async () => {
    const plan = examplePlan();
    await expect(jsonExport(plan, sampleResult())).toMatchFileSnapshot('__golden__/sample.json');
    await expect(jsonExport(plan, derive(plan))).toMatchFileSnapshot('__golden__/example.json');
  });

  it('says what it is, and keeps every rule with its metadata in id order', () => {
    const doc = JSON.parse(jsonExport(examplePlan(), sampleResult())) as RulesDocument;
    expect(Object.keys(doc)).toEqual(['type', 'version', 'plan', 'rules', 'findings']);
    expect(doc.type).toBe('portolan-rules');
    expect(doc.version).toBe(1);
    expect(doc.plan).toBe('Example: self-hosted HA cluster');
    expect(doc.rules.map((r) => r.id)).toEqual(sampleResult().rules.map((r) => r.id).sort());
    const proxyToAuth = doc.rules.find((r) => r.id === 'proxy-1-to-auth-3025-tcp');
    expect(proxyToAuth).toMatchObject({
      source: { id: 'proxy-1', name: 'Proxy 1', kind: 'node', zone: 'dmz', zoneName: 'DMZ', address: '10.0.1.11' },
      destination: { id: 'auth', name: 'Auth', zone: 'control-plane' },
      port: 3025,
      portEnd: null,
      protocol: 'tcp',
      initiator: 'proxy-1',
      longLived: true,
      notes: ['Keep-alive every 5 minutes'],
      links: ['proxy-1-auth'],
    });
    const tenant = doc.rules.find((r) => r.destination.id === 'cloud-tenant:main');
    expect(tenant?.destination).toMatchObject({ kind: 'cloud-tenant', zone: null, zoneName: null });
    expect(doc.findings.map((f) => f.id)).toEqual(['L-B1:lb', 'PL-CLIENT-NO-PATH:users', 'PL-LB-MISSING-PORT:lb']);
  });

  it('marks the kubelet of a tbot\'s node as such, in the tbot\'s zone (also in the per-host view)', () => {
    const { plan, result } = kubeletCase();
    const doc = JSON.parse(jsonExport(plan, result)) as RulesDocument;
    const rule = doc.rules.find((r) => r.destination.id === 'kubelet:tbot');
    expect(rule?.destination).toMatchObject({ kind: 'kubelet', name: 'kubelet (node of CI tbot)', zone: 'ci', address: '10.20.0.0/16' });
    expect(rule).toMatchObject({ port: 10250, protocol: 'tcp', initiator: 'tbot' });
    expect(rulesByHost(result, plan).find((v) => v.id === 'kubelet:tbot')).toMatchObject({ zone: 'ci', inbound: [{ id: 'tbot-to-kubelet:tbot-10250-tcp' }] });
  });

  it('has the same key order whatever order the engine filled the objects in', () => {
    const plan = examplePlan();
    const result = sampleResult();
    const shuffled = {
      ...result,
      rules: result.rules.map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r),
      findings: [...result.findings].reverse().map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f),
    };
    expect(jsonExport(plan, shuffled)).toBe(jsonExport(plan, result));
  });
});
