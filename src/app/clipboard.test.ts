import { describe, expect, it } from 'vitest';
import { examplePlan } from '../core/examples/example-plan.ts';
import { parsePlanText } from '../core/schema/index.ts';
import { clipFromText, clipboardText } from './clipboard.ts';
import { copyElements, emptyPlan } from './store/planOps.ts';

describe('system clipboard text', () => {
  it('is a plan file holding the copied zones, nodes and links between them', () => {
    const plan = examplePlan();
    const clip = copyElements(plan, ['db-agent', 'postgres', 'lb'])!;
    const text = clipboardText(plan, clip);
    const parsed = parsePlanText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.plan.nodes.map((n) => n.id).sort()).toEqual(['db-agent', 'lb', 'postgres']);
    expect(parsed.plan.links.map((l) => l.id).sort()).toEqual(['db-agent-lb', 'db-agent-postgres']);
    // Their zones were not copied: the nodes leave them (the paste puts them in the zone under them).
    expect(parsed.plan.nodes.every((n) => n.zone === undefined)).toBe(true);
  });

  it('copying a zone keeps its members in it', () => {
    const plan = examplePlan();
    const read = clipFromText(clipboardText(plan, copyElements(plan, ['private'])!), emptyPlan());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.clip.zones.map((z) => z.id)).toEqual(['private']);
    expect(read.clip.nodes.every((n) => n.zone === 'private')).toBe(true);
  });

  it('nodes of a cluster the target plan lacks join its first cluster', () => {
    const plan = { ...examplePlan(), clusters: [...examplePlan().clusters, { ...examplePlan().clusters[0]!, id: 'leaf', name: 'leaf.example.com' }] };
    plan.nodes = plan.nodes.map((n) => (n.id === 'auth' ? { ...n, cluster: 'leaf' } : n));
    const read = clipFromText(clipboardText(plan, copyElements(plan, ['auth'])!), emptyPlan());
    expect(read.ok && read.clip.nodes[0]).toMatchObject({ id: 'auth' });
    expect(read.ok && 'cluster' in read.clip.nodes[0]! ? read.clip.nodes[0].cluster : undefined).toBeUndefined();
  });

  it('anything else is refused with the parse door’s reason', () => {
    expect(clipFromText('hello', emptyPlan())).toMatchObject({ ok: false, message: expect.stringMatching(/JSON/) });
    expect(clipFromText('{"type":"portolan-plan","version":1,"name":"x","clusters":[{"id":"main","name":"c"}],"nodes":[{"id":"a","name":"A","kind":"nope"}]}', emptyPlan())).toMatchObject({ ok: false, message: expect.stringMatching(/kind/) });
    expect(clipFromText(JSON.stringify(emptyPlan()), emptyPlan())).toMatchObject({ ok: false, message: expect.stringMatching(/no zones or nodes/) });
  });
});
