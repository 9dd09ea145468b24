import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../core/catalog/kinds.ts';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { PlanSchema, parsePlan } from '../../core/schema/index.ts';
import { addFromPalette, addLink, assignZones, copyElements, emptyPlan, moveElements, pasteElements, removeElements, renameElement, renameProblem, setZoneBounds, zoneAt } from './planOps.ts';

const size = () => ({ width: 184, height: 64 });

describe('plan operations', () => {
  it('every palette item adds something that keeps the plan valid', () => {
    for (const item of PALETTE) {
      const { plan, created } = addFromPalette(emptyPlan(), item.id, { x: 10, y: 20 });
      expect(created.length, item.id).toBeGreaterThan(0);
      const parsed = parsePlan(plan);
      expect(parsed.ok, `${item.id}: ${parsed.ok ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('a node added inside a zone joins it', () => {
    const plan = examplePlan();
    const dmz = plan.zones.find((z) => z.id === 'dmz')!;
    const { plan: next, created } = addFromPalette(plan, 'ssh-agent', { x: dmz.position.x + 20, y: dmz.position.y + 300 });
    expect(next.nodes.find((n) => n.id === created[0])?.zone).toBe('dmz');
  });

  it('moving a zone moves its members; a member moved on its own keeps its own position', () => {
    const plan = examplePlan();
    const auth = plan.nodes.find((n) => n.id === 'auth')!;
    const zone = plan.zones.find((z) => z.id === 'control-plane')!;
    const to = { x: zone.position.x + 100, y: zone.position.y + 60 };
    const moved = moveElements(plan, new Map([['control-plane', to]]));
    expect(moved.nodes.find((n) => n.id === 'auth')!.position).toEqual({ x: auth.position.x + 100, y: auth.position.y + 60 });
    expect(moved.nodes.find((n) => n.id === 'users')).toBe(plan.nodes.find((n) => n.id === 'users'));
  });

  it('resizing a zone leaves members where they are', () => {
    const plan = examplePlan();
    const next = setZoneBounds(plan, 'dmz', { x: 280, y: 20 }, { width: 500, height: 460 });
    expect(next.nodes).toBe(plan.nodes);
    expect(next.zones.find((z) => z.id === 'dmz')!.size).toEqual({ width: 500, height: 460 });
  });

  it('a node dragged out of every zone leaves its zone, and into one joins it', () => {
    let plan = examplePlan();
    plan = moveElements(plan, new Map([['tbot', { x: -400, y: -400 }]]));
    plan = assignZones(plan, ['tbot'], size);
    expect(plan.nodes.find((n) => n.id === 'tbot')!.zone).toBeUndefined();
    const dmz = plan.zones.find((z) => z.id === 'dmz')!;
    plan = moveElements(plan, new Map([['tbot', { x: dmz.position.x + 20, y: dmz.position.y + 260 }]]));
    plan = assignZones(plan, ['tbot'], size);
    expect(plan.nodes.find((n) => n.id === 'tbot')!.zone).toBe('dmz');
  });

  it('picks the smallest zone under a point when zones overlap', () => {
    const plan = { ...examplePlan() };
    plan.zones = [...plan.zones, { ...plan.zones[1]!, id: 'inner', position: { x: 310, y: 50 }, size: { width: 100, height: 100 } }];
    expect(zoneAt(plan, { x: 320, y: 60 })?.id).toBe('inner');
  });

  it('deleting a node deletes its links; deleting a zone releases its members', () => {
    const plan = examplePlan();
    const next = removeElements(plan, ['lb', 'private']);
    expect(next.links.some((l) => l.source === 'lb' || l.target === 'lb')).toBe(false);
    expect(next.nodes.find((n) => n.id === 'ssh-agent')!.zone).toBeUndefined();
    expect(parsePlan(next).ok).toBe(true);
  });

  it('copy and paste makes fresh ids and keeps links between copied nodes', () => {
    const plan = examplePlan();
    const clip = copyElements(plan, ['db-agent', 'postgres'])!;
    expect(clip.links.map((l) => l.id)).toEqual(['db-agent-postgres']);
    const { plan: next, created } = pasteElements(plan, clip, { x: 40, y: 40 }, size);
    expect(created).toEqual(['db-agent-2', 'postgres-2']);
    expect(next.links.some((l) => l.source === 'db-agent-2' && l.target === 'postgres-2')).toBe(true);
    expect(parsePlan(next).ok).toBe(true);
  });

  it('links get ids from their ends', () => {
    const { plan, id } = addLink(examplePlan(), 'users', 'auth');
    expect(id).toBe('users-auth');
    expect(parsePlan(plan).ok).toBe(true);
  });

  it('renaming a node renames its links and their ids; renaming a zone moves its members and assertions', () => {
    const plan = { ...examplePlan(), assertions: [{ id: 'private-closed', type: 'no-inbound' as const, zone: 'private' }] };
    const renamed = renameElement(plan, 'lb', 'edge-lb');
    expect(renamed.nodes.some((n) => n.id === 'lb')).toBe(false);
    expect(renamed.links.find((l) => l.id === 'users-edge-lb')).toMatchObject({ source: 'users', target: 'edge-lb' });
    expect(renamed.links.find((l) => l.id === 'edge-lb-proxy-1')).toMatchObject({ source: 'edge-lb', target: 'proxy-1' });
    expect(renamed.links.filter((l) => l.source === 'lb' || l.target === 'lb')).toEqual([]);
    expect(renamed.links).toHaveLength(plan.links.length);
    const zone = renameElement(plan, 'private', 'services');
    expect(zone.zones.map((z) => z.id)).toContain('services');
    expect(zone.nodes.filter((n) => n.zone === 'services').map((n) => n.id).sort()).toEqual(plan.nodes.filter((n) => n.zone === 'private').map((n) => n.id).sort());
    expect(zone.assertions[0]).toMatchObject({ zone: 'services' });
    // The result is still a valid plan.
    expect(PlanSchema.safeParse(renamed).success).toBe(true);
    expect(PlanSchema.safeParse(zone).success).toBe(true);
  });

  it('a new id must be a valid id that nothing else uses', () => {
    const plan = examplePlan();
    expect(renameProblem(plan, 'lb', 'lb')).toBeUndefined();
    expect(renameProblem(plan, 'lb', 'edge-lb')).toBeUndefined();
    expect(renameProblem(plan, 'lb', 'Proxy LB')).toMatch(/lower-case letters, digits and dashes/);
    expect(renameProblem(plan, 'lb', 'auth')).toMatch(/already the id of something else/);
    expect(renameProblem(plan, 'lb', 'main')).toMatch(/already the id/);
    expect(renameElement(plan, 'lb', 'auth')).toBe(plan);
  });
});
