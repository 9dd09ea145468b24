import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { derive } from '../../core/engine/index.ts';
import { examplePlan } from '../../core/examples/example-plan.ts';
import type { Plan } from '../../core/schema/index.ts';
import { DEFAULT_NODE_SIZE } from '../store/planOps.ts';
import type { Size, XY } from '../store/planOps.ts';
import { applyLayout, drawingOrigin, fromElkGraph, toElkGraph } from './graph.ts';

async function layOut(plan: Plan): Promise<Plan> {
  const graph = toElkGraph({ plan, links: derive(plan).links, sizeOf: () => DEFAULT_NODE_SIZE });
  const laid = await new ELK().layout(graph);
  return applyLayout(plan, fromElkGraph(laid, new Set(plan.zones.map((z) => z.id)), drawingOrigin(plan)));
}

type Box = XY & Size;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

describe('auto-layout graph', () => {
  it('makes zones compound nodes and points edges from initiator to listener', () => {
    const plan = examplePlan();
    const result = derive(plan);
    const graph = toElkGraph({ plan, links: result.links, sizeOf: () => DEFAULT_NODE_SIZE });
    const dmz = graph.children?.find((c) => c.id === 'dmz');
    expect(dmz?.children?.map((c) => c.id).sort()).toEqual(plan.nodes.filter((n) => n.zone === 'dmz').map((n) => n.id).sort());
    for (const info of result.links.filter((l) => l.ok)) {
      const edge = graph.edges?.find((e) => e.id === info.id);
      expect(edge?.sources).toEqual([info.initiator]);
      expect(edge?.targets).toEqual([info.listener]);
    }
  });

  it('lays out the example without overlaps, members inside their zones, zones apart', async () => {
    const plan = await layOut(examplePlan());
    const nodeBox = (id: string): Box => ({ ...plan.nodes.find((n) => n.id === id)!.position, ...DEFAULT_NODE_SIZE });
    const ids = plan.nodes.map((n) => n.id);
    for (const [i, a] of ids.entries()) for (const b of ids.slice(i + 1)) expect(overlap(nodeBox(a), nodeBox(b)), `${a} overlaps ${b}`).toBe(false);
    for (const node of plan.nodes) {
      const zone = plan.zones.find((z) => z.id === node.zone);
      if (zone) expect(inside(nodeBox(node.id), { ...zone.position, ...zone.size }), `${node.id} inside ${zone.id}`).toBe(true);
    }
    const zones = plan.zones.map((z) => ({ id: z.id, box: { ...z.position, ...z.size } }));
    for (const [i, a] of zones.entries()) for (const b of zones.slice(i + 1)) expect(overlap(a.box, b.box), `${a.id} overlaps ${b.id}`).toBe(false);
  });

  it('keeps the drawing where it was and changes nothing the second time', async () => {
    const before = examplePlan();
    const once = await layOut(before);
    expect(drawingOrigin(once)).toEqual(drawingOrigin(before));
    expect(await layOut(once)).toBe(once);
  });
});
