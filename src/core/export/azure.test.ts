import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import { allCases, goldenOf, hostileCase, kubeletCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { HAS_TERRAFORM, TOOL_TIMEOUT, balanced, entries, expectTerraformFormatted, list, value } from './__fixtures__/hcl-checks.ts';
import type { Entries, Value } from './__fixtures__/hcl-checks.ts';
import { AZURE_NAME, FIRST_PRIORITY, LAST_RULE_PRIORITY, MAX_DESCRIPTION, azureDescription, azurePriorities } from './azure.ts';
import { fnv1a } from './names.ts';

function resourceBlocks(text: string): { type: string; name: string; body: string }[] {
  return [...text.matchAll(/^resource "([a-z_]+)" "([^"]+)" \{\n([\s\S]*?)^\}$/gm)].map((m) => ({ type: m[1] ?? '', name: m[2] ?? '', body: m[3] ?? '' }));
}

const text = (v: Value | undefined): string => (typeof v === 'string' ? v : '');

/** IPv4 literal prefixes and `var.resolve_…` (IPv4 by validation) are family 4; anything with `:` is 6; `*` is both. */
const family = (prefix: string): 4 | 6 | 0 => (prefix === '*' ? 0 : prefix.includes(':') ? 6 : 4);

/** The prefixes of one side of an entry (`*_address_prefix` or `*_address_prefixes`). */
const prefixesOf = (e: Map<string, Value>, side: 'source' | 'destination'): string[] => {
  const one = e.get(`${side}_address_prefix`);
  return one === null || one === undefined ? list(e.get(`${side}_address_prefixes`)) : [text(one)];
};

interface Parsed {
  text: string;
  groups: Entries;
  inbound: Entries;
  outbound: Entries;
  restrict: Entries;
}

function parse(c: Case): Parsed {
  const out = runExport('azure-nsg', c);
  return {
    text: out,
    groups: entries(out, 'portolan_groups'),
    inbound: entries(out, 'portolan_inbound_rules'),
    outbound: entries(out, 'portolan_outbound_rules'),
    restrict: entries(out, 'portolan_restrict_rules'),
  };
}

const RULE_ATTRIBUTES = [
  'name',
  'resource_group_name',
  'network_security_group_name',
  'priority',
  'direction',
  'access',
  'protocol',
  'source_port_range',
  'destination_port_range',
  'source_address_prefix',
  'destination_address_prefix',
  'description',
];

function structure(c: Case): Parsed {
  const p = parse(c);
  const { groups, inbound, outbound, restrict } = p;
  expect(balanced(p.text), c.name).toBe(true);
  expect(p.text).toMatch(/^variable "resource_group_name" \{\n {2}type += string$/m);
  expect(p.text).toMatch(/^variable "location" \{\n {2}type += string$/m);
  expect(p.text).toMatch(/^variable "restrict" \{\n {2}type += bool\n {2}default += false$/m);

  const blocks = resourceBlocks(p.text);
  expect(blocks.map((b) => `${b.type}.${b.name}`)).toEqual([
    'azurerm_application_security_group.portolan',
    'azurerm_network_security_group.portolan',
    'azurerm_network_security_rule.portolan_inbound',
    'azurerm_network_security_rule.portolan_outbound',
    'azurerm_network_security_rule.portolan_restrict',
  ]);
  for (const b of blocks) {
    expect(b.body).toMatch(/^ {2}for_each +=/m);
    const required = b.type === 'azurerm_network_security_rule' ? RULE_ATTRIBUTES : ['name', 'location', 'resource_group_name'];
    for (const attr of required) expect(b.body, `${b.name} ${attr}`).toMatch(new RegExp(`^ {2}${attr} +=`, 'm'));
    // The provider cannot mix inline rules with azurerm_network_security_rule resources.
    expect(b.body).not.toMatch(/security_rule \{/);
  }
  const [asg, nsg, inRes, outRes, restrictRes] = blocks.map((b) => b.body);
  expect(asg).toMatch(/for_each += local\.portolan_groups\n {2}name += each\.value\.asg_name$/m);
  expect(nsg).toMatch(/for_each += local\.portolan_groups\n {2}name += each\.value\.nsg_name$/m);
  expect(inRes).toMatch(/direction += "Inbound"\n {2}access += "Allow"$/m);
  expect(outRes).toMatch(/direction += "Outbound"\n {2}access += "Allow"$/m);
  for (const body of [inRes, outRes]) {
    expect(body).toMatch(/^ {2}source_port_range += "\*"$/m);
    for (const side of ['source', 'destination']) {
      expect(body).toMatch(new RegExp(`^ {2}${side}_application_security_group_ids += each\\.value\\.${side}_asg == null \\? null : \\[azurerm_application_security_group\\.portolan\\[each\\.value\\.${side}_asg\\]\\.id\\]$`, 'm'));
      expect(body).toMatch(new RegExp(`^ {2}${side}_address_prefixes += each\\.value\\.${side}_address_prefixes$`, 'm'));
    }
  }
  expect(restrictRes).toMatch(/for_each += var\.restrict \? local\.portolan_restrict_rules : \{\}/);

  // Groups: valid, unique NSG and ASG names.
  const groupNames = [...groups.values()].flatMap((g) => [text(g.get('nsg_name')), text(g.get('asg_name'))]);
  for (const name of groupNames) expect(name).toMatch(AZURE_NAME);
  expect(new Set(groupNames).size).toBe(groupNames.length);
  for (const [key, g] of groups) {
    expect(g.get('nsg_name')).toBe(`nsg-${key}`);
    expect(g.get('asg_name')).toBe(`asg-${key}`);
  }

  // Rules: keys start with a rule id (`<rule id> ipv6` for the IPv6 half); valid, unique names; one
  // priority per NSG and direction within 100-4094; exactly one of ASG, prefix or prefixes on each side.
  const ids = new Set(c.result.rules.map((r) => r.id));
  for (const [direction, map] of [['inbound', inbound], ['outbound', outbound]] as const) {
    const names = [...map.values()].map((e) => text(e.get('name')));
    for (const name of names) expect(name).toMatch(AZURE_NAME);
    expect(new Set(names).size).toBe(names.length);
    const taken = new Set<string>();
    for (const [key, e] of map) {
      const [id = '', suffix, ...rest] = key.split(' ');
      expect(ids.has(id), key).toBe(true);
      expect(suffix === undefined || (suffix === 'ipv6' && rest.length === 0), key).toBe(true);
      const nsgKey = text(e.get('nsg'));
      expect(groups.has(nsgKey), key).toBe(true);
      const priority = Number(e.get('priority'));
      expect(Number.isInteger(priority) && priority >= FIRST_PRIORITY && priority <= LAST_RULE_PRIORITY, key).toBe(true);
      expect(taken.has(`${nsgKey} ${priority}`), `${direction} priority ${priority} twice in ${nsgKey}`).toBe(false);
      taken.add(`${nsgKey} ${priority}`);
      expect(e.get('protocol')).toMatch(/^(Tcp|Udp)$/);
      expect(e.get('destination_port_range')).toMatch(/^\d+(-\d+)?$/);
      expect(e.get('description')).toMatch(new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      for (const side of ['source', 'destination'] as const) {
        const set = [e.get(`${side}_asg`), e.get(`${side}_address_prefix`), e.get(`${side}_address_prefixes`)].filter((v) => v !== null);
        expect(set, `${direction} ${key} ${side}`).toHaveLength(1);
        const asgKey = e.get(`${side}_asg`);
        if (asgKey !== null) expect(groups.has(text(asgKey)), key).toBe(true);
        const several = list(e.get(`${side}_address_prefixes`));
        if (e.get(`${side}_address_prefixes`) !== null) {
          expect(several.length, key).toBeGreaterThan(1);
          expect(several, key).not.toContain('*'); // `*` only goes in the single prefix
        }
      }
      // The NSG's own side is its ASG: inbound protects the destination, outbound the source.
      expect(e.get(direction === 'inbound' ? 'destination_asg' : 'source_asg'), key).toBe(nsgKey);
      // An Azure rule holds IPv4 or IPv6 prefixes, never both; the `ipv6` half holds IPv6 only.
      const prefixes = [...prefixesOf(e, 'source'), ...prefixesOf(e, 'destination')].filter((x) => family(x) !== 0);
      expect(new Set(prefixes.map(family)).size, key).toBeLessThanOrEqual(1);
      if (suffix === 'ipv6') expect(prefixes.length > 0 && prefixes.every((x) => family(x) === 6), key).toBe(true);
    }
  }

  // restrict: per NSG, the load balancer probes (4095) and the two denies (4096).
  expect(restrict.size).toBe(groups.size * 3);
  for (const [key, e] of restrict) {
    expect(key).toBe(`${text(e.get('nsg'))} ${text(e.get('name'))}`);
    expect(groups.has(text(e.get('nsg')))).toBe(true);
    expect(e.get('name')).toMatch(AZURE_NAME);
    expect(['4095', '4096']).toContain(e.get('priority'));
  }

  for (const m of p.text.matchAll(/description += "((?:[^"\\]|\\.)*)"/g)) {
    const desc = value(`"${m[1] ?? ''}"`) as string;
    expect(desc).toMatch(/^[\x20-\x7e]*$/);
  }
  for (const e of [...inbound.values(), ...outbound.values(), ...restrict.values()]) expect(text(e.get('description')).length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  return p;
}

/**
 * The example with what the reference plans lack: IPv4 and IPv6 sources (the internet zone), a source
 * zone outside Azure with two CIDRs (`office`), nodes in no zone (one with an IPv4 and an IPv6 address,
 * one with a long id), a zone whose id clashes with a node's group (`host-auth`), and ids so long (63, the
 * most a plan allows) that names must be cut.
 */
const LONG_ZONE = `${'c'.repeat(60)}-ci`;
const LONG_BOT = `${'t'.repeat(58)}-tbot`;
const LONG_API = `${'k'.repeat(54)}-kube-api`;
function mixedCase(): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as {
    zones: { id: string; name?: string; kind?: string; cidrs: string[] }[];
    nodes: { id: string; zone?: string; addresses?: string[] }[];
    links: { id: string; source: string; target: string }[];
  };
  for (const z of input.zones) {
    if (z.id === 'internet') z.cidrs = ['0.0.0.0/0', '::/0'];
    if (z.id === 'ci') z.id = LONG_ZONE;
  }
  input.zones.push({ id: 'host-auth', name: 'Clash', kind: 'private', cidrs: ['10.0.40.0/24'] });
  input.zones.push({ id: 'office', name: 'Office', kind: 'on-prem', cidrs: ['192.0.2.0/24', '198.51.100.0/24'] });
  input.nodes.push({ id: 'admins', name: 'Admins', kind: 'client', tools: ['browser'], zone: 'office', position: { x: 0, y: 0 } } as (typeof input.nodes)[number]);
  input.links.push({ id: 'admins-lb', source: 'admins', target: 'lb' });
  for (const n of input.nodes) {
    if (n.id === 'postgres') {
      delete n.zone;
      n.addresses = ['10.0.30.5', '[2001:db8:30::5]:5432'];
    }
    if (n.id === 'kube-api') {
      delete n.zone;
      n.addresses = ['10.0.31.5'];
      n.id = LONG_API;
    }
    if (n.id === 'auth') delete n.zone;
    if (n.id === 'tbot') Object.assign(n, { id: LONG_BOT, zone: LONG_ZONE });
  }
  for (const l of input.links) {
    if (l.source === 'tbot') l.source = LONG_BOT;
    if (l.target === 'kube-api') l.target = LONG_API;
  }
  const plan = PlanSchema.parse(input);
  return { name: 'mixed', plan, result: derive(plan) };
}

/** The example with more agents in the private zone, each joining through the Proxy LB: new rules only. */
function moreAgentsCase(count: number): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
  for (let i = 1; i <= count; i++) {
    input.nodes.push({ id: `extra-agent-${i}`, name: `Extra agent ${i}`, kind: 'agent', services: ['ssh'], addresses: [`10.0.10.${100 + i}`], zone: 'private', position: { x: 0, y: 0 } });
    input.links.push({ id: `extra-agent-${i}-lb`, source: `extra-agent-${i}`, target: 'lb' });
  }
  const plan = PlanSchema.parse(input);
  return { name: `more agents ${count}`, plan, result: derive(plan) };
}

describe('Azure network security groups (Terraform) export', () => {
  it('matches the golden files', async () => {
    await expect(goldenOf('azure-nsg', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.azure.tf');
  });

  it('has the expected structure for every plan: resources, attributes, for_each keyed by rule id, valid names, unique priorities', () => {
    for (const c of [...allCases(), kubeletCase(), mixedCase()]) structure(c);
  });

  it('gives zones inside Azure an NSG and an ASG: inbound from an ASG or from prefixes, outbound to an ASG', () => {
    const { groups, inbound, outbound } = structure(allCases()[0] as Case);
    expect([...groups.keys()]).toEqual(['portolan-ci', 'portolan-control-plane', 'portolan-dmz', 'portolan-private']);
    const users = inbound.get('users-to-lb-443-tcp');
    expect(users?.get('name')).toBe('in-users-to-lb-443-tcp');
    expect(users?.get('nsg')).toBe('portolan-dmz');
    expect(users?.get('destination_asg')).toBe('portolan-dmz');
    expect(users?.get('source_asg')).toBeNull();
    expect(['0.0.0.0/0', '*']).toContain(users?.get('source_address_prefix'));
    expect(users?.get('protocol')).toBe('Tcp');
    expect(users?.get('destination_port_range')).toBe('443');
    expect(outbound.has('users-to-lb-443-tcp')).toBe(false); // the internet has no NSG
    const auth = inbound.get('proxy-1-to-auth-3025-tcp');
    expect(auth?.get('nsg')).toBe('portolan-control-plane');
    expect(auth?.get('source_asg')).toBe('portolan-dmz');
    expect(auth?.get('source_address_prefix')).toBeNull();
    expect(auth?.get('destination_asg')).toBe('portolan-control-plane');
    const out = outbound.get('proxy-1-to-auth-3025-tcp');
    expect(out?.get('name')).toBe('out-proxy-1-to-auth-3025-tcp');
    expect(out?.get('nsg')).toBe('portolan-dmz');
    expect(out?.get('source_asg')).toBe('portolan-dmz');
    expect(out?.get('destination_asg')).toBe('portolan-control-plane');
    expect(out?.get('destination_address_prefix')).toBeNull();
  });

  it('lets the kubelet rule of a tbot into the NSG of the tbot\'s zone (the kubelet runs on a node there)', () => {
    const { inbound, outbound } = structure(kubeletCase());
    const rule = inbound.get('tbot-to-kubelet:tbot-10250-tcp');
    expect(rule?.get('name')).toBe('in-tbot-to-kubelet-tbot-10250-tcp');
    expect(rule?.get('nsg')).toBe('portolan-ci');
    expect(rule?.get('source_asg')).toBe('portolan-ci');
    expect(rule?.get('destination_asg')).toBe('portolan-ci');
    expect(outbound.get('tbot-to-kubelet:tbot-10250-tcp')?.get('destination_asg')).toBe('portolan-ci');
  });

  it('splits IPv4 and IPv6 into two rules, gives nodes in no zone their own groups and cuts long names', () => {
    const { groups, inbound, outbound } = structure(mixedCase());
    expect(inbound.get('users-to-lb-443-tcp')?.get('source_address_prefix')).toBe('0.0.0.0/0');
    const v6 = inbound.get('users-to-lb-443-tcp ipv6');
    expect(v6?.get('source_address_prefix')).toBe('::/0');
    expect(v6?.get('name')).toBe('in-users-to-lb-443-tcp-ipv6');
    expect(v6?.get('priority')).not.toBe(inbound.get('users-to-lb-443-tcp')?.get('priority'));
    // Several prefixes of one family: one rule, `source_address_prefixes`.
    const office = inbound.get('admins-to-lb-443-tcp');
    expect(office?.get('source_address_prefix')).toBeNull();
    expect(office?.get('source_address_prefixes')).toEqual(['192.0.2.0/24', '198.51.100.0/24']);
    expect(inbound.has('admins-to-lb-443-tcp ipv6')).toBe(false);
    // A node in no zone: its own NSG and ASG, named by both ends whatever its addresses.
    expect(inbound.get('db-agent-to-postgres-5432-tcp')?.get('nsg')).toBe('portolan-host-postgres');
    expect(outbound.get('db-agent-to-postgres-5432-tcp')?.get('destination_asg')).toBe('portolan-host-postgres');
    // A long id in no zone: a group of its own, its name cut.
    const api = outbound.get(`kube-agent-to-${LONG_API}-6443-tcp`)?.get('destination_asg');
    // Zone `host-auth` and the zoneless node `auth` would share a group name: both get a hash instead.
    const clash = [...groups.keys()].filter((g) => g.startsWith('portolan-host-auth'));
    expect(clash).toHaveLength(2);
    for (const g of clash) expect(g).toMatch(/^portolan-host-auth-[0-9a-f]{8}$/);
    // Long ids: a zone's group name fits (72); a node's is cut to 76 (80 with `nsg-`) with a hash, as are rule names over 80.
    expect(groups.has(`portolan-${LONG_ZONE}`)).toBe(true);
    expect(api).toMatch(/^portolan-host-k+-[0-9a-f]{8}$/);
    expect(api).toHaveLength(76);
    expect(groups.get(text(api))?.get('nsg_name')).toHaveLength(80);
    const bot = `${LONG_BOT}-to-lb-443-tcp`;
    expect(inbound.get(bot)?.get('source_asg')).toBe(`portolan-${LONG_ZONE}`);
    expect(inbound.get(bot)?.get('name')).toBe(`in-${bot}`); // exactly 80: fits
    expect(outbound.get(bot)?.get('name')).toMatch(/^out-t+-tbot-to-[0-9a-f]{8}$/); // cut at 80, then a trailing dash dropped
  });

  it('asks for an IPv4 CIDR for each host name, with the variables the AWS export asks for', () => {
    for (const c of allCases()) {
      const azure = runExport('azure-nsg', c);
      const vars = (t: string) => [...t.matchAll(/^variable "(resolve_[a-z0-9_]+)" \{$/gm)].map((m) => m[1]);
      // Both name a peer by its group when it has one, and by its address otherwise (AWS also gives a
      // node in no zone without an address a group of its own; Azure cannot place it).
      if (!c.plan.nodes.some((n) => n.zone === undefined && (n.addresses.length === 0 || n.kind === 'cloud-api') && n.kind !== 'client')) expect(vars(azure), c.name).toEqual(vars(runExport('terraform', c)));
      for (const v of vars(azure)) expect(azure).toContain(`    condition     = can(cidrnetmask(var.${v}))`);
    }
  });

  it('keeps priorities when rules are added: only a rule whose place a new one takes moves', () => {
    const before = structure(allCases()[0] as Case);
    const after = structure(moreAgentsCase(8));
    let added = 0;
    let moved = 0;
    for (const direction of ['inbound', 'outbound'] as const) {
      const priorityMap = (p: Parsed) => new Map([...p[direction]].map(([k, e]) => [k, `${text(e.get('nsg'))} ${text(e.get('priority'))}`]));
      const old = priorityMap(before);
      const now = priorityMap(after);
      const holder = new Map([...now].map(([k, place]) => [place, k]));
      for (const key of now.keys()) if (!old.has(key)) added++;
      for (const [key, place] of old) {
        expect(now.has(key), key).toBe(true);
        if (now.get(key) === place) continue;
        moved++;
        // It moved only because another rule now holds its old place.
        expect(holder.get(place), `${direction} ${key}`).toBeDefined();
      }
    }
    expect(added).toBe(16); // 8 agents: inbound on the DMZ NSG, outbound on the private one
    expect(moved).toBeLessThanOrEqual(added);
  });

  it('gives stable, unique priorities: a free place keeps every other, a collision moves only the rule it hits', () => {
    const keys = ['a-to-b-443-tcp', 'c-to-d-3025-tcp', 'e-to-f-22-tcp'];
    const base = azurePriorities(keys);
    expect(new Set(base.values()).size).toBe(3);
    expect(azurePriorities([...keys].reverse())).toEqual(base); // order of the input does not matter
    const home = (k: string) => FIRST_PRIORITY + (parseInt(fnv1a(k), 16) % (LAST_RULE_PRIORITY - FIRST_PRIORITY + 1));
    for (const k of keys) expect(base.get(k)).toBe(home(k));
    // A key with a free place: nothing else moves.
    const free = Array.from({ length: 100 }, (_, i) => `new-${i}`).find((k) => ![...base.values()].includes(home(k))) ?? '';
    const withFree = azurePriorities([...keys, free]);
    for (const k of keys) expect(withFree.get(k)).toBe(base.get(k));
    // A key that sorts before `c-to-d-3025-tcp` and has its place: that rule moves one up, no other.
    const target = base.get('c-to-d-3025-tcp') ?? 0;
    const hit = Array.from({ length: 200_000 }, (_, i) => `b${i}`).find((k) => home(k) === target) ?? '';
    expect(hit).not.toBe('');
    const withHit = azurePriorities([...keys, hit]);
    expect(withHit.get(hit)).toBe(target);
    expect(withHit.get('c-to-d-3025-tcp')).toBe(target === LAST_RULE_PRIORITY ? FIRST_PRIORITY : target + 1);
    expect(withHit.get('a-to-b-443-tcp')).toBe(base.get('a-to-b-443-tcp'));
    expect(withHit.get('e-to-f-22-tcp')).toBe(base.get('e-to-f-22-tcp'));
    // Full: every place of 100-4094 once, then no more.
    const all = azurePriorities(Array.from({ length: 4000 }, (_, i) => `k${i}`));
    expect(all.size).toBe(LAST_RULE_PRIORITY - FIRST_PRIORITY + 1);
    expect(new Set(all.values()).size).toBe(all.size);
  });

  it('builds valid names and descriptions', () => {
    for (const ok of ['in-users-to-lb-443-tcp', 'a', 'A_', 'x.y-z', 'a'.repeat(80)]) expect(ok).toMatch(AZURE_NAME);
    for (const bad of ['', '-a', 'a-', 'a.', '_a', 'a b', 'a/b', 'a'.repeat(81)]) expect(bad).not.toMatch(AZURE_NAME);
    expect(azureDescription('a → b "c"\nünï')).toBe("a -> b 'c' ?n?");
    expect(azureDescription('x'.repeat(300))).toHaveLength(MAX_DESCRIPTION);
  });

  it('escapes hostile names: no interpolation, valid names', () => {
    structure(hostileCase());
    expect(runExport('azure-nsg', hostileCase())).not.toMatch(/(?<!\$)\$\{|(?<!%)%\{/);
  });

  it.skipIf(!HAS_TERRAFORM)('is formatted as terraform fmt wants it (skipped only when terraform is not installed)', TOOL_TIMEOUT, () => {
    expectTerraformFormatted('azure-nsg', [...allCases(), kubeletCase(), mixedCase()]);
  });
});
