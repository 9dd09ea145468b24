/** Wording of finding texts that people read next to each other: the message, the fix and its buttons. */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { derive } from '../engine/index.ts';
import { PlanSchema } from '../schema/index.ts';

type PlanInput = z.input<typeof PlanSchema>;

/** Users → LB (L4, 443 → 3080) → Proxy → Auth, and an agent linked to nothing. */
function plan(agent: Record<string, unknown> = {}, lb: Record<string, unknown> = {}, tools = ['tsh']): PlanInput {
  return {
    type: 'portolan-plan', version: 1, name: 'wording',
    clusters: [{ id: 'main', name: 'teleport.example.com' }],
    zones: [],
    nodes: [
      { id: 'users', name: 'Users', kind: 'client', tools },
      { id: 'lb', name: 'LB', kind: 'load-balancer', layer: 'l4', mappings: [{ frontPort: 443, targetPort: 3080 }], idleTimeoutSeconds: 350, addresses: ['teleport.example.com'], ...lb },
      { id: 'proxy-1', name: 'Proxy 1', kind: 'proxy', publicAddr: ['teleport.example.com:443'], proxyProtocol: 'off', addresses: ['10.0.1.11'] },
      { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.10.5'], proxyProtocol: 'off' },
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], ...agent },
    ],
    links: [
      { id: 'users-lb', source: 'users', target: 'lb' },
      { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
      { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    ],
  } as PlanInput;
}

const findings = (input: PlanInput) => derive(PlanSchema.parse(input)).findings;

describe('PL-NO-PATH lists what the node could be linked to as a sentence', () => {
  it('joining through the Proxy: "no Proxy or load balancer"', () => {
    const f = findings(plan()).find((x) => x.code === 'PL-NO-PATH');
    expect(f?.message).toBe('Agent has no path to teleport.example.com: it is linked to no Proxy or load balancer of its cluster.');
  });

  it('joining Auth directly: "no Proxy, load balancer or Auth"', () => {
    const f = findings(plan({ joinVia: 'auth' })).find((x) => x.code === 'PL-NO-PATH');
    expect(f?.message).toBe('Agent has no path to teleport.example.com: it is linked to no Proxy, load balancer or Auth of its cluster.');
    expect(f?.fix).toMatch(/or to Auth since it joins directly/);
  });
});

describe('L-T4: the fix text and its fix option agree', () => {
  it('both say "Pass TCP through"', () => {
    const f = findings(plan({}, { tlsTermination: true }, ['tsh', 'kubectl'])).find((x) => x.code === 'L-T4');
    expect(f?.fix).toMatch(/^Pass TCP through to the Proxy/);
    expect(f?.choices?.map((c) => c.label)).toEqual(['Pass TCP through on LB (no TLS termination)']);
  });
});
