import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { TEMPLATES } from '../../core/templates/index.ts';
import { emptyPlan } from '../store/planOps.ts';
import { untouchedPlan } from './incoming.ts';

describe('untouchedPlan: a link opens directly over a plan that holds no work', () => {
  it('knows the example and an empty plan, whatever their view', () => {
    expect(untouchedPlan(examplePlan())).toBe('unchanged example');
    expect(untouchedPlan({ ...examplePlan(), view: { x: 10, y: 20, zoom: 0.5 } })).toBe('unchanged example');
    expect(untouchedPlan(emptyPlan())).toBe('empty plan');
  });

  it('treats any change as work: a renamed example, a moved node, a template', () => {
    const renamed = { ...examplePlan(), name: 'Our cluster' };
    const example = examplePlan();
    const moved = { ...example, nodes: example.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: n.position.x + 1, y: n.position.y } } : n)) };
    expect(untouchedPlan(renamed)).toBeUndefined();
    expect(untouchedPlan(moved)).toBeUndefined();
    expect(untouchedPlan({ ...emptyPlan(), name: 'Mine' })).toBeUndefined();
    expect(untouchedPlan(TEMPLATES[1]!.plan())).toBeUndefined();
  });
});
