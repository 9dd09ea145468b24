import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { DEFAULT_NODE_SIZE } from '../store/planOps.ts';
import { LABEL_SIZE, freeSpot, nodeObstacles, overlaps, zoneObstacles } from './free-spot.ts';
import type { Box } from './free-spot.ts';

const size = { width: 100, height: 40 };

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, [{ x: 300, y: 300, width: 50, height: 50 }])).toEqual({ x: 0, y: 0 });
  });

  it('moves to the nearest spot that keeps its distance from every obstacle', () => {
    const obstacle: Box = { x: 0, y: 0, width: 100, height: 40 };
    const spot = freeSpot({ x: 0, y: 0 }, size, [obstacle]);
    expect(overlaps({ ...spot, ...size }, obstacle, 16)).toBe(false);
    // The nearest free spot is straight above or below (the box is wider than tall): 40 + 16 → 3 steps of 24.
    expect(spot).toEqual({ x: 0, y: -72 });
  });

  it('finds a way out of a crowded area, and gives up on the wanted spot when there is no room', () => {
    const crowd: Box[] = [];
    for (let x = -200; x <= 200; x += 100) for (let y = -200; y <= 200; y += 50) crowd.push({ x, y, width: 100, height: 50 });
    const spot = freeSpot({ x: 0, y: 0 }, size, crowd);
    for (const o of crowd) expect(overlaps({ ...spot, ...size }, o, 16)).toBe(false);
    const wall: Box = { x: -5000, y: -5000, width: 10000, height: 10000 };
    expect(freeSpot({ x: 1, y: 2 }, size, [wall])).toEqual({ x: 1, y: 2 });
  });
});

describe('obstacles', () => {
  it('are the nodes and a label at the middle of each link, for a node; the zones, for a zone', () => {
    const plan = examplePlan();
    const boxes = nodeObstacles(plan, () => DEFAULT_NODE_SIZE);
    expect(boxes).toHaveLength(plan.nodes.length + plan.links.length);
    const link = plan.links[0]!;
    const a = plan.nodes.find((n) => n.id === link.source)!.position;
    const b = plan.nodes.find((n) => n.id === link.target)!.position;
    const label = boxes[plan.nodes.length]!;
    expect(label.x + LABEL_SIZE.width / 2).toBeCloseTo((a.x + b.x) / 2 + DEFAULT_NODE_SIZE.width / 2);
    expect(label.y + LABEL_SIZE.height / 2).toBeCloseTo((a.y + b.y) / 2 + DEFAULT_NODE_SIZE.height / 2);
    expect(zoneObstacles(plan)).toEqual(plan.zones.map((z) => ({ ...z.position, ...z.size })));
  });
});
