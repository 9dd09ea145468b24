import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import type { Plan } from '../schema/index.ts';
import { scenario } from '../trace/__fixtures__/plans.ts';
import { diffCounts, diffMarkdown, diffPlans, diffText, ticketCsv, ticketRows } from './index.ts';
import type { PlanDiff } from './index.ts';

const ids = (rules: readonly { id: string }[]) => rules.map((r) => r.id);

/** The same plan in the other listener mode. */
function withMode(plan: Plan, mode: 'multiplex' | 'separate'): Plan {
  const copy = structuredClone(plan);
  for (const c of copy.clusters) c.proxyListenerMode = mode;
  return copy;
}

function portsOf(d: PlanDiff): number[] {
  return [...new Set([...d.added, ...d.removed, ...d.changed.map((c) => c.after)].map((r) => r.port))].sort();
}

describe('diffPlans: multiplex and separate variants of one plan', () => {
  // Scenario 2 of the engine: config v1, Proxy web on 3080, users and an SSH agent linked to it.
  const separate = scenario(2);
  const multiplex = withMode(separate, 'multiplex');

  it('multiplex → separate lists exactly the 3023/3024/3080 changes', () => {
    const d = diffPlans(multiplex, separate);
    expect(ids(d.added)).toEqual(['ssh-agent-to-proxy-3024-tcp', 'users-to-proxy-3023-tcp']);
    expect(ids(d.removed)).toEqual([]);
    expect(d.changed.map((c) => [c.after.id, c.fields])).toEqual([['ssh-agent-to-proxy-3080-tcp', ['longLived', 'purposes']]]);
    expect(portsOf(d)).toEqual([3023, 3024, 3080]);
    expect(d.settings).toEqual([{ path: 'clusters[main].proxyListenerMode', before: 'multiplex', after: 'separate' }]);
    expect(d.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(d.links).toEqual({ added: [], removed: [] });
  });

  it('separate → multiplex is the mirror image', () => {
    const d = diffPlans(separate, multiplex);
    expect(ids(d.removed)).toEqual(['ssh-agent-to-proxy-3024-tcp', 'users-to-proxy-3023-tcp']);
    expect(ids(d.added)).toEqual([]);
    expect(d.changed.map((c) => c.after.id)).toEqual(['ssh-agent-to-proxy-3080-tcp']);
    expect(d.changed[0]?.before.longLived).toBe(false);
    expect(d.changed[0]?.after.longLived).toBe(true);
  });

  it('behind a load balancer (config v1: the LB forwards 3023/3024 in both modes): users, agents and tbot gain 3023/3024, their 443 rules change', () => {
    const base = examplePlan();
    base.clusters[0]!.configVersion = 'v1';
    const users = base.nodes.find((n) => n.id === 'users');
    const lb = base.nodes.find((n) => n.id === 'lb');
    if (users?.kind !== 'client' || lb?.kind !== 'load-balancer') throw new Error('example changed');
    users.tools = ['tsh'];
    lb.mappings = [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3023, targetPort: 3023 }, { frontPort: 3024, targetPort: 3024 }];
    const d = diffPlans(withMode(base, 'multiplex'), withMode(base, 'separate'));
    expect(ids(d.added)).toEqual(['db-agent-to-lb-3024-tcp', 'kube-agent-to-lb-3024-tcp', 'ssh-agent-to-lb-3024-tcp', 'tbot-to-lb-3024-tcp', 'users-to-lb-3023-tcp']);
    expect(ids(d.removed)).toEqual([]);
    expect(d.changed.map((c) => c.after.id)).toEqual(['db-agent-to-lb-443-tcp', 'kube-agent-to-lb-443-tcp', 'ssh-agent-to-lb-443-tcp', 'tbot-to-lb-443-tcp']);
  });

  it('the change ticket: Accept rows for the new listeners, formula-safe CSV with CRLF', () => {
    const d = diffPlans(multiplex, separate);
    const csv = ticketCsv(d, multiplex, separate);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.action, r.rule_id, r.port, r.change])).toEqual([
      ['Accept', 'ssh-agent-to-proxy-3024-tcp', '3024', 'added'],
      ['Accept', 'ssh-agent-to-proxy-3080-tcp', '3080', 'changed: longLived, purposes'],
      ['Accept', 'users-to-proxy-3023-tcp', '3023', 'added'],
    ]);
    expect(parsed.meta.fields).toEqual(['action', 'rule_id', 'source', 'source_zone', 'source_address', 'destination', 'destination_zone', 'destination_address', 'port', 'protocol', 'purpose', 'change', 'source_id', 'destination_id']);
    expect(parsed.data[0]).toMatchObject({ source: 'SSH agent', source_address: '10.0.10.21', destination: 'Proxy', destination_zone: 'DMZ', protocol: 'tcp' });
    const back = ticketCsv(diffPlans(separate, multiplex), separate, multiplex);
    expect(back.split('\r\n').slice(1, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'Remove,ssh-agent-to-proxy-3024-tcp', 'Accept,ssh-agent-to-proxy-3080-tcp', 'Remove,users-to-proxy-3023-tcp',
    ]);
  });

  it('Markdown and text summaries', () => {
    const d = diffPlans(multiplex, separate);
    expect(diffCounts(d)).toBe('3 rules: 2 added, 1 changed; 1 setting changed');
    const md = diffMarkdown(d, multiplex, separate);
    expect(md).toContain('## Rules to accept (added)');
    expect(md).toContain('| ssh-agent-to-proxy-3080-tcp | longLived | true | false |');
    expect(md).toContain('| clusters\\[main\\].proxyListenerMode | multiplex | separate |');
    expect(md).not.toContain('## Rules to remove');
    const text = diffText(d, multiplex, separate).split('\n');
    expect(text[0]).toBe('test → test: 3 rules: 2 added, 1 changed; 1 setting changed.');
    expect(text[1]).toMatch(/^\+ rule ssh-agent-to-proxy-3024-tcp {2}SSH agent → Proxy {2}3024\/tcp {2}Reverse tunnel/);
    expect(text).toContain('~ clusters[main].proxyListenerMode: multiplex → separate');
  });
});

describe('diffPlans: nodes, links, settings', () => {
  const base = examplePlan();

  it('a plan against itself, or only moved on the canvas, has no changes', () => {
    const moved = examplePlan();
    moved.nodes.forEach((n) => (n.position = { x: n.position.x + 10, y: 0 }));
    moved.zones.forEach((z) => (z.size = { width: 1, height: 1 }));
    moved.view = { x: 1, y: 2, zoom: 1 };
    for (const other of [base, moved]) {
      const d = diffPlans(base, other);
      expect(diffCounts(d)).toBe('no changes');
      expect(ticketRows(d, base, other)).toEqual([]);
    }
  });

  it('a changed address changes the rules: the ticket removes the old row and accepts the new one', () => {
    const after = examplePlan();
    const pg = after.nodes.find((n) => n.id === 'postgres');
    if (!pg) throw new Error('no postgres');
    pg.addresses = ['10.0.10.99'];
    pg.name = 'Orders DB (new host)';
    const d = diffPlans(base, after);
    expect(d.nodes.changed.map((c) => [c.after.id, c.fields])).toEqual([['postgres', ['addresses', 'name']]]);
    expect(d.changed.map((c) => [c.after.id, c.fields])).toEqual([['db-agent-to-postgres-5432-tcp', ['destinationAddress', 'purposes']]]);
    const rows = ticketRows(d, base, after);
    expect(rows.map((r) => [r.action, r.row.destination.name, r.row.destination.address])).toEqual([
      ['Remove', 'Orders DB', 'orders-db.internal.example.com'],
      ['Accept', 'Orders DB (new host)', '10.0.10.99'],
    ]);
  });

  it('added and removed nodes and links, zones and assertions as settings', () => {
    const after = examplePlan();
    after.nodes.push({ id: 'mysql', name: 'MySQL', kind: 'database', engine: 'mysql', port: 3306, addresses: [], zone: 'private', position: { x: 0, y: 0 } });
    after.links.push({ id: 'db-agent-mysql', source: 'db-agent', target: 'mysql' });
    after.nodes = after.nodes.filter((n) => n.id !== 'tbot');
    after.links = after.links.filter((l) => l.id !== 'tbot-lb');
    after.zones[1]!.cidrs = ['10.0.1.0/25'];
    after.assertions = [{ id: 'no-db-from-internet', type: 'no-traffic', fromZone: 'internet', toZone: 'private' }];
    const d = diffPlans(base, after);
    expect(ids(d.nodes.added)).toEqual(['mysql']);
    expect(ids(d.nodes.removed)).toEqual(['tbot']);
    expect(ids(d.links.added)).toEqual(['db-agent-mysql']);
    expect(ids(d.links.removed)).toEqual(['tbot-lb']);
    expect(ids(d.added)).toEqual(['db-agent-to-mysql-3306-tcp']);
    expect(ids(d.removed)).toEqual(['tbot-to-lb-443-tcp']);
    expect(d.settings).toEqual([
      { path: 'assertions[no-db-from-internet]', after: '{"fromZone":"internet","id":"no-db-from-internet","toZone":"private","type":"no-traffic"}' },
      { path: 'zones[dmz].cidrs', before: '["10.0.1.0/24"]', after: '["10.0.1.0/25"]' },
    ]);
  });

  it('keeps formula injection and Markdown out of the ticket and the summary', () => {
    const after = examplePlan();
    const users = after.nodes.find((n) => n.id === 'users');
    if (!users) throw new Error('no users');
    after.nodes.push({ id: 'evil', name: '=HYPERLINK("x")|<b>', kind: 'client', tools: ['tsh'], addresses: [], position: { x: 0, y: 0 } });
    after.links.push({ id: 'evil-lb', source: 'evil', target: 'lb' });
    const d = diffPlans(base, after);
    const csv = ticketCsv(d, base, after);
    expect(csv).toContain(`"'=HYPERLINK(""x"")|<b>"`);
    const md = diffMarkdown(d, base, after);
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;b&gt;');
  });

  it('accepts results already derived', () => {
    const calls: string[] = [];
    const d = diffPlans(base, base, { oldResult: derive(base), newResult: derive(base), derive: (p) => (calls.push(p.name), derive(p)) });
    expect(calls).toEqual([]);
    expect(d.added).toEqual([]);
  });
});
