import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { parsePlan } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { NODE_HEIGHT, NODE_WIDTH, TEMPLATES, templateById } from './index.ts';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const nodeRect = (n: Plan['nodes'][number]): Rect => ({ x: n.position.x, y: n.position.y, width: NODE_WIDTH, height: NODE_HEIGHT });
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('templates gallery', () => {
  it('has the ten templates with unique slug ids', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids).toEqual([
      'single-host',
      'ha-l4',
      'legacy-separate-v1',
      'cloud-tenant',
      'http-connect-egress',
      'proxy-peering',
      'trusted-clusters',
      'internal-external-endpoints',
      'kubernetes-db-desktop',
      'relay-site',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(templateById('ha-l4')?.name).toMatch(/HA/);
    expect(templateById('nope')).toBeUndefined();
  });

  it('returns a fresh plan on every call', () => {
    const t = TEMPLATES[0]!;
    const a = t.plan();
    a.nodes.pop();
    expect(t.plan().nodes.length).toBe(a.nodes.length + 1);
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const plan = template.plan();

    it('parses after a JSON round trip to the same plan', () => {
      const result = parsePlan(JSON.parse(JSON.stringify(plan)));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.plan).toEqual(plan);
      expect(template.name.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(20);
    });

    it('has no overlapping nodes', () => {
      for (let i = 0; i < plan.nodes.length; i++) {
        for (let j = i + 1; j < plan.nodes.length; j++) {
          const a = plan.nodes[i]!;
          const b = plan.nodes[j]!;
          expect(overlaps(nodeRect(a), nodeRect(b)), `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    });

    it('keeps every node inside its zone and zones apart', () => {
      const zones = new Map(plan.zones.map((z) => [z.id, { ...z.position, ...z.size }]));
      for (const n of plan.nodes) {
        if (n.zone === undefined) continue;
        const zone = zones.get(n.zone);
        expect(zone, `zone of ${n.id}`).toBeDefined();
        expect(inside(nodeRect(n), zone!), `${n.id} inside ${n.zone}`).toBe(true);
      }
      const rects = [...zones.entries()];
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          expect(overlaps(rects[i]![1], rects[j]![1]), `zone ${rects[i]![0]} overlaps ${rects[j]![0]}`).toBe(false);
        }
      }
      // Nodes outside every zone must not sit on a zone either.
      for (const n of plan.nodes.filter((x) => x.zone === undefined)) {
        for (const [id, rect] of rects) expect(overlaps(nodeRect(n), rect), `${n.id} on zone ${id}`).toBe(false);
      }
    });

    it('passes `portolan check`: no error findings', () => {
      const errors = derive(plan).findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.code} ${f.message}`)).toEqual([]);
    });
  });
});
