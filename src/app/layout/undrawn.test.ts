import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import type { Plan } from '../../core/schema/index.ts';
import { TEMPLATES } from '../../core/templates/index.ts';
import { isUndrawn } from './undrawn.ts';

const at = (plan: Plan, spots: [number, number][]): Plan => ({ ...plan, nodes: plan.nodes.slice(0, spots.length).map((n, i) => ({ ...n, position: { x: spots[i]![0], y: spots[i]![1] } })) });

describe('a plan without a drawing', () => {
  it.each([
    ['every node on the default spot', [[0, 0], [0, 0], [0, 0], [0, 0]], true],
    ['two nodes, both on one spot', [[0, 0], [0, 0]], true],
    ['three nodes on one spot among others', [[5, 5], [5, 5], [5, 5], [100, 0], [200, 0]], true],
    ['two nodes on one spot among others (a slip, not a missing drawing)', [[5, 5], [5, 5], [100, 0], [200, 0]], false],
    ['a drawn plan', [[0, 0], [200, 0], [400, 0]], false],
    ['a single node', [[0, 0]], false],
  ] as const)('%s', (_, spots, expected) => {
    expect(isUndrawn(at(examplePlan(), spots as unknown as [number, number][]))).toBe(expected);
  });

  it('the example and every template are drawn', () => {
    expect(isUndrawn(examplePlan())).toBe(false);
    for (const t of TEMPLATES) expect(isUndrawn(t.plan()), t.id).toBe(false);
  });
});
