import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { derive } from '../../core/engine/index.ts';
import { checksState, deriveRuns, derivedFor, loadChecks, topologyKey } from './derived.ts';
import { moveElements, setZoneBounds } from './planOps.ts';

describe('derived data', () => {
  it('the topology key ignores positions and sizes, not settings', () => {
    const plan = examplePlan();
    const moved = setZoneBounds(moveElements(plan, new Map([['auth', { x: 1, y: 2 }]])), 'dmz', { x: 0, y: 0 }, { width: 900, height: 900 });
    expect(topologyKey(moved)).toBe(topologyKey(plan));
    const peering = { ...plan, clusters: plan.clusters.map((c) => ({ ...c, tunnelStrategy: 'proxy_peering' as const })) };
    expect(topologyKey(peering)).not.toBe(topologyKey(plan));
  });

  it('dragging a node does not run the engine again', () => {
    const plan = examplePlan();
    const first = derivedFor(plan);
    const runs = deriveRuns();
    const moved = moveElements(plan, new Map([['proxy-1', { x: 999, y: 999 }]]));
    expect(derivedFor(moved)).toBe(first);
    expect(deriveRuns()).toBe(runs);
  });
});

describe('the checks load after first paint', () => {
  it('the rules come at once; the findings once the checks are in, as derive reports them', async () => {
    const plan = examplePlan();
    // A database no agent serves: an info finding.
    plan.nodes.push({ ...structuredClone(plan.nodes.find((n) => n.kind === 'database') ?? plan.nodes[0]!), id: 'stray-db', name: 'Stray DB', position: { x: 0, y: 0 } });
    const before = derivedFor(plan);
    expect(before.rules.length).toBeGreaterThan(0);
    // Each test file runs in its own module graph: nothing has loaded the checks yet.
    expect(checksState()).toBe('loading');
    expect(before.findings).toEqual([]);
    await loadChecks();
    const after = derivedFor(plan);
    const full = derive(plan);
    expect(after.rules).toEqual(full.rules);
    expect(after.findings).toEqual(full.findings);
    expect(after.findings.map((f) => f.code)).toContain('PL-RESOURCE-UNLINKED');
  });
});
