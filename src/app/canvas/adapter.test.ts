import { describe, expect, it } from 'vitest';
import { derive } from '../../core/engine/index.ts';
import type { Finding, LinkInfo } from '../../core/engine/index.ts';
import { examplePlan } from '../../core/examples/example-plan.ts';
import type { Plan } from '../../core/schema/index.ts';
import { findingsByNode } from '../store/derived.ts';
import { createAdapter } from './adapter.ts';
import type { AdapterInput, LinkFlowEdge } from './adapter.ts';

function inputOf(plan: Plan): AdapterInput {
  const result = derive(plan);
  return {
    plan,
    selection: new Set(),
    edgeSelection: new Set(),
    measured: {},
    findings: findingsByNode(result.findings),
    links: new Map<string, LinkInfo>(result.links.map((l) => [l.id, l])),
    highlight: null,
  };
}

const renamed = (plan: Plan, id: string, name: string): Plan => ({ ...plan, nodes: plan.nodes.map((n) => (n.id === id ? { ...n, name } : n)) });

describe('canvas adapter', () => {
  it('hands React Flow the same node and edge objects after an edit that changes nothing they show', () => {
    const adapter = createAdapter();
    const plan = examplePlan();
    const nodes = adapter.toNodes(inputOf(plan));
    const edges = adapter.toEdges(inputOf(plan));
    // A new derive (new LinkInfo and finding objects) of a plan where one card's name changed.
    const next = renamed(plan, 'ssh-agent', 'SSH agent (renamed)');
    const input = inputOf(next);
    const nodesAfter = adapter.toNodes(input);
    const edgesAfter = adapter.toEdges(input);
    expect(edgesAfter).toBe(edges);
    const changed = nodesAfter.filter((n, i) => n !== nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['ssh-agent']);
  });

  it('compares a card\'s findings by count and worst severity, not by object', () => {
    const adapter = createAdapter();
    const plan = examplePlan();
    const finding = (code: string, severity: Finding['severity']): Finding => ({ id: `${code}:auth`, code, severity, message: 'm', fix: 'f', docs: 'd', nodes: ['auth'], links: [] });
    const withFindings = (list: Finding[]): AdapterInput => ({ ...inputOf(plan), findings: findingsByNode(list) });
    const auth = (nodes: ReturnType<typeof adapter.toNodes>) => nodes.find((n) => n.id === 'auth');
    const first = auth(adapter.toNodes(withFindings([finding('A', 'warning')])));
    // The same count and severity from new finding objects (a new derive): the same card.
    expect(auth(adapter.toNodes(withFindings([finding('B', 'warning')])))).toBe(first);
    // An error instead: the card is rebuilt with its new badge.
    const worse = auth(adapter.toNodes(withFindings([finding('B', 'error')])));
    expect(worse).not.toBe(first);
    expect(worse?.data).toMatchObject({ findings: 1, worst: 'error' });
    // One more finding: rebuilt again.
    expect(auth(adapter.toNodes(withFindings([finding('B', 'error'), finding('C', 'info')])))?.data).toMatchObject({ findings: 2, worst: 'error' });
  });

  it('rebuilds an edge when the engine turns its direction around or refuses it', () => {
    const adapter = createAdapter();
    const input = inputOf(examplePlan());
    const edges = adapter.toEdges(input);
    const info = input.links.get('db-agent-postgres') as LinkInfo;
    const edge = edges.find((e) => e.id === 'db-agent-postgres') as LinkFlowEdge;
    expect([edge.source, edge.target]).toEqual(['db-agent', 'postgres']);
    const answer = (changed: LinkInfo): AdapterInput => ({ ...input, links: new Map([...input.links, ['db-agent-postgres', changed]]) });
    const reversed = adapter.toEdges(answer({ ...info, initiator: info.listener, listener: info.initiator })).find((e) => e.id === 'db-agent-postgres') as LinkFlowEdge;
    expect([reversed.source, reversed.target]).toEqual(['postgres', 'db-agent']);
    const refused = adapter.toEdges(answer({ ...info, ok: false, label: '', reason: 'no meaning' })).find((e) => e.id === 'db-agent-postgres') as LinkFlowEdge;
    expect(refused.data?.info).toEqual({ ok: false, label: '', reason: 'no meaning' });
    // The same answer again, as new objects: the same edge.
    expect(adapter.toEdges(answer({ ...info, ok: false, label: '', reason: 'no meaning' })).find((e) => e.id === 'db-agent-postgres')).toBe(refused);
  });

  it('rebuilds an edge whose label changes, and keeps only what the link shows of the engine answer', () => {
    const adapter = createAdapter();
    const plan = examplePlan();
    const edges = adapter.toEdges(inputOf(plan));
    const lbProxy = edges.find((e) => e.id === 'lb-proxy-1') as LinkFlowEdge;
    expect(lbProxy.data?.info).toEqual({ ok: true, label: '3080/tcp LB backend' });
    // The LB forwards to 8443, where the Proxies do not listen: the LB → Proxy links carry no flow, and lose their label.
    const next: Plan = { ...plan, nodes: plan.nodes.map((n) => (n.kind === 'load-balancer' ? { ...n, mappings: [{ frontPort: 443, targetPort: 8443 }] } : n)) };
    const after = adapter.toEdges(inputOf(next));
    const moved = after.find((e) => e.id === 'lb-proxy-1') as LinkFlowEdge;
    expect(moved).not.toBe(lbProxy);
    expect(moved.data?.info).toEqual({ ok: true, label: '' });
    expect(after.find((e) => e.id === 'proxy-1-auth')).toBe(edges.find((e) => e.id === 'proxy-1-auth'));
  });
});
