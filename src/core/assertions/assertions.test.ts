import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import type { Assertion, Plan, PlanNode } from '../schema/index.ts';
import { evaluateAssertions, withAssertionFindings } from './index.ts';

const at = { x: 0, y: 0 };

/** The example plan with one assertion, plus extra nodes and links. */
function planWith(assertion: Assertion, nodes: PlanNode[] = [], links: [string, string][] = []): Plan {
  const p = examplePlan();
  p.assertions = [assertion];
  p.nodes.push(...nodes);
  p.links.push(...links.map(([source, target]) => ({ id: `${source}--${target}`, source, target })));
  return p;
}

function check(p: Plan) {
  return evaluateAssertions(p, derive(p));
}

// [assertion, extra nodes, the link that adds a violating rule, the violating rule id]
const CASES: [Assertion, PlanNode[], [string, string], string][] = [
  [
    { id: 'private-closed', type: 'no-inbound', zone: 'private' },
    [{ id: 'legacy-host', name: 'Legacy host', kind: 'openssh-host', sshPort: 22, addresses: ['10.0.10.40'], zone: 'private', position: at }],
    ['proxy-1', 'legacy-host'],
    'proxy-1-to-legacy-host-22-tcp',
  ],
  [
    { id: 'cp-no-egress', type: 'no-outbound', zone: 'control-plane' },
    [{ id: 'dynamodb', name: 'DynamoDB', kind: 'cloud-api', provider: 'aws', port: 443, addresses: [], zone: 'internet', position: at }],
    ['auth', 'dynamodb'],
    'auth-to-dynamodb-443-tcp',
  ],
  [
    { id: 'no-internet-to-private', type: 'no-traffic', fromZone: 'internet', toZone: 'private' },
    [{ id: 'edge-agent', name: 'Edge DB agent', kind: 'agent', services: ['database'], joinVia: 'proxy', runtime: 'host', sshForceListen: false, desktopUsesAd: false, appHostFilters: false, addresses: [], zone: 'internet', position: at }],
    ['edge-agent', 'postgres'],
    'edge-agent-to-postgres-5432-tcp',
  ],
  [
    { id: 'only-443', type: 'only-ports-from', zone: 'internet', ports: [443] },
    [],
    ['users', 'proxy-1'],
    'users-to-proxy-1-3080-tcp',
  ],
];

describe('evaluateAssertions', () => {
  it('the example plan holds all four kinds of assertion', () => {
    for (const [a, nodes] of CASES) expect(check(planWith(a, nodes)), a.id).toEqual([]);
  });

  it.each(CASES.map((c) => [c[0].type, c] as const))('%s flips when a violating rule appears and disappears', (_type, [a, nodes, link, rule]) => {
    const violated = planWith(a, nodes, [link]);
    const result = derive(violated);
    expect(result.rules.map((r) => r.id)).toContain(rule);
    const findings = evaluateAssertions(violated, result);
    expect(findings.map((f) => [f.id, f.code, f.severity])).toEqual([[`PL-ASSERT:${a.id}`, 'PL-ASSERT', 'error']]);
    expect(findings[0]?.links).toContain(`${link[0]}--${link[1]}`);
    const r = result.rules.find((x) => x.id === rule);
    expect(findings[0]?.nodes).toEqual(expect.arrayContaining([r?.source, r?.destination]));
    expect(findings[0]?.message).toContain(`${r?.port}/tcp`);
    // Remove the link again: the assertion holds.
    const fixed = structuredClone(violated);
    fixed.links = fixed.links.filter((l) => l.id !== `${link[0]}--${link[1]}`);
    expect(check(fixed)).toEqual([]);
  });

  it('names the assertion and the violating rules by source, destination and port, with a fix', () => {
    const [a, nodes, link] = CASES[3]!;
    const [f] = check(planWith(a, nodes, [link]));
    expect(f).toEqual({
      id: 'PL-ASSERT:only-443',
      code: 'PL-ASSERT',
      severity: 'error',
      message: 'Assertion only-443 ("only 443 reachable from zone Internet") is violated by 1 rule: Engineers → Proxy 1 3080/tcp.',
      fix: expect.stringMatching(/^Use only the allowed ports/),
      docs: expect.stringMatching(/^https:\/\/goteleport\.com\/docs\//),
      nodes: ['proxy-1', 'users'],
      links: ['users--proxy-1'],
    });
  });

  it('compares TCP rules with ports and UDP rules with udpPorts (QUIC proxy peering)', () => {
    const p = examplePlan();
    Object.assign(p.clusters[0]!, { tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 });
    for (const n of p.nodes) if (n.kind === 'proxy') n.quicPeering = true;
    const only = (fields: { ports: number[]; udpPorts?: number[] }): Assertion => ({ id: 'dmz-ports', type: 'only-ports-from', zone: 'dmz', ...fields });
    const tcp = [3021, 3025, 3080];
    p.assertions = [only({ ports: tcp })];
    const [f] = check(p);
    expect(f?.message).toBe('Assertion dmz-ports ("only 3021, 3025, 3080 reachable from zone DMZ") is violated by 2 rules: Proxy 1 → Proxy 2 3021/udp; Proxy 2 → Proxy 1 3021/udp.');
    p.assertions = [only({ ports: tcp, udpPorts: [3021] })];
    expect(check(p)).toEqual([]);
    // Allowing 3021/udp does not allow 3021/tcp: with one Proxy back on TCP, the pair peers over TCP.
    for (const n of p.nodes) if (n.id === 'proxy-2' && n.kind === 'proxy') n.quicPeering = false;
    p.assertions = [only({ ports: [3025, 3080], udpPorts: [3021] })];
    expect(check(p)[0]?.message).toBe('Assertion dmz-ports ("only 3025, 3080, 3021/udp reachable from zone DMZ") is violated by 2 rules: Proxy 1 → Proxy 2 3021/tcp; Proxy 2 → Proxy 1 3021/tcp.');
  });

  it('uses the description when there is one, and counts beyond five rules', () => {
    const p = examplePlan();
    p.assertions = [{ id: 'private-egress', type: 'no-outbound', zone: 'private', description: 'Private services never call out' }];
    const [f] = check(p);
    expect(f?.message).toBe(
      'Assertion private-egress ("Private services never call out") is violated by 3 rules: Database agent → Proxy LB 443/tcp; Kubernetes agent → Proxy LB 443/tcp; SSH agent → Proxy LB 443/tcp.',
    );
    p.assertions = [{ id: 'no-dmz-out', type: 'no-outbound', zone: 'dmz' }, { id: 'nothing-to-dmz', type: 'no-inbound', zone: 'dmz' }];
    const findings = check(p);
    expect(findings.map((x) => x.id)).toEqual(['PL-ASSERT:no-dmz-out', 'PL-ASSERT:nothing-to-dmz']);
    expect(findings[1]?.message).toMatch(/is violated by 5 rules: .+\.$/);
  });

  it('merges into the derive findings for check', () => {
    const [a, nodes, link] = CASES[0]!;
    const p = planWith(a, nodes, [link]);
    const merged = withAssertionFindings(p, derive(p));
    expect(merged.findings.map((f) => f.id)).toContain('PL-ASSERT:private-closed');
    const ids = merged.findings.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    expect(withAssertionFindings(p, merged).findings).toEqual(merged.findings);
  });
});
