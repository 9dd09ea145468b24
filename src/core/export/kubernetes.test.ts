import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allCases, goldenOf, hostileCase, kubeletCase, runExport, templateCases } from './__fixtures__/plans.ts';
import { PlanSchema } from '../schema/index.ts';
import { derive } from '../engine/index.ts';
import type { Case } from './__fixtures__/plans.ts';

/** Parse a multi-document YAML stream strictly (no errors, no warnings). */
function parse(text: string): Record<string, unknown>[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return [];
  for (const d of docs) {
    expect(d.errors).toEqual([]);
    expect(d.warnings).toEqual([]);
  }
  return docs.map((d) => d.toJS() as Record<string, unknown>).filter((d) => d !== null);
}

const k8sCase = () => templateCases().find((c) => c.name === 'template kubernetes-db-desktop') as Case;

type Policy = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations: Record<string, string> };
  spec: { podSelector: { matchLabels: Record<string, string> }; policyTypes: string[]; ingress: unknown[]; egress: { to?: { ipBlock?: { cidr: string } }[]; ports: { protocol: string; port: number; endPort?: number }[] }[] };
};

describe('Kubernetes NetworkPolicy export', () => {
  it('gives a tbot pod its own policy: its chart labels, egress to the Proxy, the kubelet of its node and the registries', () => {
    const base = kubeletCase();
    const input = JSON.parse(JSON.stringify(base.plan)) as { nodes: Record<string, unknown>[] };
    for (const n of input.nodes) if (n.id === 'tbot') Object.assign(n, { runtime: 'kubernetes', namespace: 'workloads', workloadApi: { listen: 'unix:///run/workload.sock', kubernetesAttestor: true, sigstoreAttestor: true } });
    const plan = PlanSchema.parse(input);
    const text = runExport('k8s-netpol', { name: 'tbot pod', plan, result: derive(plan) }, { host: 'tbot' });
    const [p] = parse(text) as unknown as Policy[];
    expect(p?.metadata).toMatchObject({ name: 'portolan-tbot', namespace: 'workloads', annotations: { 'portolan/tbot': 'CI tbot' } });
    expect(p?.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'tbot', 'app.kubernetes.io/instance': 'tbot' });
    expect(p?.spec.ingress).toEqual([]);
    const egress = p?.spec.egress.map((e) => `${(e.to ?? []).map((t) => t.ipBlock?.cidr ?? 'dns').join(',') || 'any'}:${e.ports.map((x) => x.port).join(',')}`);
    expect(egress).toEqual(['dns:53,53', '10.20.0.0/16:10250', 'any:443', '0.0.0.0/0:443']);
    expect(text).toContain('tbot CI tbot (tbot).');
    expect(text).toContain('No inbound rule: tbot dials out');
    // A Workload API on TCP is open on its port (callers are not in the plan), with a warning.
    for (const n of input.nodes) if (n.id === 'tbot') Object.assign(n, { workloadApi: { listen: 'tcp://0.0.0.0:4040' } });
    const tcpPlan = PlanSchema.parse(input);
    const tcp = runExport('k8s-netpol', { name: 'tbot tcp', plan: tcpPlan, result: derive(tcpPlan) }, { host: 'tbot' });
    expect((parse(tcp) as unknown as Policy[])[0]?.spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 4040 }] }]);
    expect(tcp).toContain('callers over TCP are not attested (PL-WORKLOAD-TCP)');
    expect(tcp).not.toContain('No inbound rule');
  });

  it('matches the golden file', async () => {
    await expect(goldenOf('k8s-netpol', [k8sCase(), hostileCase()])).toMatchFileSnapshot('__golden__/kubernetes-db-desktop.netpol.yaml');
  });

  it('writes one NetworkPolicy per Kubernetes agent with the documented shape', () => {
    const c = k8sCase();
    const agents = c.plan.nodes.filter((n) => n.kind === 'agent' && n.runtime === 'kubernetes').map((n) => n.id).sort();
    const policies = parse(runExport('k8s-netpol', c)) as unknown as Policy[];
    expect(policies.map((p) => p.spec.podSelector.matchLabels['app.kubernetes.io/instance'])).toEqual(agents);
    for (const p of policies) {
      expect(p.apiVersion).toBe('networking.k8s.io/v1');
      expect(p.kind).toBe('NetworkPolicy');
      expect(p.metadata.name).toMatch(/^portolan-[a-z0-9-]+$/);
      expect(p.metadata.namespace).toBe('teleport-agent');
      expect(p.spec.podSelector.matchLabels['app.kubernetes.io/name']).toBe('teleport-kube-agent');
      expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(p.spec.ingress).toEqual([]);
      // DNS first, on UDP and TCP 53.
      expect(p.spec.egress[0]?.ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
      // One egress rule per outbound rule of the agent, on its exact port.
      const outbound = c.result.rules.filter((r) => r.source === p.spec.podSelector.matchLabels['app.kubernetes.io/instance']);
      expect(p.spec.egress.slice(1).map((e) => e.ports[0]?.port).sort()).toEqual(outbound.map((r) => r.port).sort());
    }
  });

  it('uses ipBlocks for IP peers and says which host names it could not resolve', () => {
    const policies = parse(runExport('k8s-netpol', k8sCase())) as unknown as Policy[];
    const kube = policies.find((p) => p.metadata.name === 'portolan-kube-agent');
    expect(kube?.spec.egress.some((e) => e.to?.[0]?.ipBlock?.cidr === '10.100.0.1/32' && e.ports[0]?.port === 443)).toBe(true);
    expect(kube?.metadata.annotations['portolan/unresolved']).toBe('teleport.example.com');
    expect(runExport('k8s-netpol', k8sCase())).toMatch(/# resolve: teleport\.example\.com is a host name/);
  });

  it('narrows to one agent, and says so when a plan has none', () => {
    expect(parse(runExport('k8s-netpol', k8sCase(), { host: 'db-agent' }))).toHaveLength(1);
    const example = allCases()[0] as Case;
    expect(runExport('k8s-netpol', example)).toMatch(/^# Portolan: no agent or tbot with runtime: kubernetes/);
    expect(parse(runExport('k8s-netpol', example))).toEqual([]);
  });

  it('keeps hostile names inside YAML strings', () => {
    const input = k8sCase();
    const plan = { ...input.plan, nodes: input.plan.nodes.map((n) => (n.id === 'db-agent' ? { ...n, name: 'x: y\n# z\n- "w"' } : n)) };
    const text = runExport('k8s-netpol', { ...input, plan });
    const db = (parse(text) as unknown as Policy[]).find((p) => p.metadata.name === 'portolan-db-agent');
    expect(db?.metadata.annotations['portolan/agent']).toBe('x: y\n# z\n- "w"');
  });
});
