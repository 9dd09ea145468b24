import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../core/diff/index.ts';
import { derive } from '../../core/engine/index.ts';
import { examplePlan } from '../../core/examples/example-plan.ts';
import { traceAccess, whatBreaks } from '../../core/trace/index.ts';
import { removeElements } from '../store/planOps.ts';
import { addAssertion, draftToAssertion, removeAssertion } from './assertionOps.ts';
import { breaksHighlight, diffHighlight, traceHighlight } from './highlights.ts';

describe('trace highlight', () => {
  it('numbers the nodes of Engineers → Orders DB in traffic order and marks the links it travels', () => {
    const plan = examplePlan();
    const result = derive(plan);
    const h = traceHighlight(plan, result, traceAccess(plan, result, 'users', 'postgres'));
    expect(h.steps).toEqual({ users: 1, lb: 2, 'proxy-1': 3, 'db-agent': 4, postgres: 5 });
    expect(Object.keys(h.tones?.links ?? {}).sort()).toEqual(['db-agent-lb', 'db-agent-postgres', 'lb-proxy-1', 'users-lb']);
    expect(new Set(Object.values(h.tones?.nodes ?? {}))).toEqual(new Set(['trace']));
  });

  it('marks the node a missing hop names', () => {
    const plan = examplePlan();
    plan.links = plan.links.filter((l) => l.id !== 'db-agent-postgres');
    const result = derive(plan);
    const h = traceHighlight(plan, result, traceAccess(plan, result, 'users', 'postgres'));
    expect(h.tones?.nodes?.postgres).toBe('missing');
    expect(h.tones?.links?.['users-lb']).toBe('trace');
  });
});

describe('what breaks highlight', () => {
  it('draws the broken path and the closed rule', () => {
    const plan = examplePlan();
    const result = derive(plan);
    const closure = { rule: 'db-agent-to-lb-443-tcp' };
    const h = breaksHighlight(plan, result, closure, whatBreaks(plan, result, closure).broken);
    expect(h.tones?.nodes?.postgres).toBe('broken');
    expect(h.tones?.links?.['db-agent-lb']).toBe('missing');
    expect(h.tones?.nodes?.['ssh-agent']).toBeUndefined();
  });
});

describe('diff highlight', () => {
  it('colours what a change adds and the ends of removed rules still on the canvas', () => {
    const before = examplePlan();
    before.links = before.links.filter((l) => l.id !== 'db-agent-lb').concat({ id: 'db-agent-proxy-1', source: 'db-agent', target: 'proxy-1' });
    const now = examplePlan();
    const h = diffHighlight(now, diffPlans(before, now));
    expect(h.tones?.links?.['db-agent-lb']).toBe('added');
    expect(h.tones?.nodes?.['proxy-1']).toBe('removed');
    expect(h.tones?.nodes?.['db-agent']).toBe('changed'); // end of an added and a removed rule
    expect(h.tones?.links?.['db-agent-proxy-1']).toBeUndefined(); // not on this canvas
  });
});

describe('assertion edits', () => {
  it('validates a draft, adds and removes it; deleting its zone removes it too', () => {
    const plan = examplePlan();
    expect(draftToAssertion(plan, { type: 'no-traffic', zone: 'dmz', toZone: 'dmz', ports: '' })).toEqual({ ok: false, message: 'Choose two different zones.' });
    expect(draftToAssertion(plan, { type: 'only-ports-from', zone: 'internet', toZone: '', ports: '443 x' })).toMatchObject({ ok: false, message: '“x” is not a port number (write 443, or 3021/udp for a UDP port).' });
    // TCP by default, /udp for UDP ports; a UDP port alone is an assertion too.
    expect(draftToAssertion(plan, { type: 'only-ports-from', zone: 'dmz', toZone: '', ports: '443, 3021/UDP 3021/tcp' })).toMatchObject({ ok: true, assertion: { ports: [443, 3021], udpPorts: [3021] } });
    expect(draftToAssertion(plan, { type: 'only-ports-from', zone: 'dmz', toZone: '', ports: '3021/udp' })).toMatchObject({ ok: true, assertion: { ports: [], udpPorts: [3021] } });
    expect(draftToAssertion(plan, { type: 'only-ports-from', zone: 'dmz', toZone: '', ports: '443, 70000/udp' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Ports: /) });
    const bad = draftToAssertion(plan, { type: 'only-ports-from', zone: 'internet', toZone: '', ports: '0' });
    expect(bad.ok).toBe(false);
    const made = draftToAssertion(plan, { type: 'no-inbound', zone: 'private', toZone: '', ports: '' });
    if (!made.ok) throw new Error(made.message);
    expect(made.assertion).toEqual({ id: 'no-inbound-private', type: 'no-inbound', zone: 'private' });
    const withIt = addAssertion(plan, made.assertion);
    expect(draftToAssertion(withIt, { type: 'no-inbound', zone: 'private', toZone: '', ports: '' })).toEqual({ ok: false, message: 'The plan already has this assertion.' });
    expect(removeAssertion(withIt, 'no-inbound-private').assertions).toEqual([]);
    expect(removeElements(withIt, ['private']).assertions).toEqual([]);
    expect(removeElements(withIt, ['dmz']).assertions).toHaveLength(1);
  });
});
