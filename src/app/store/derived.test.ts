import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { deriveRuns, derivedFor, topologyKey } from './derived.ts';
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
