import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import { allCases, goldenOf, hostileCase, kubeletCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { HAS_TERRAFORM, TOOL_TIMEOUT, balanced, entries, expectTerraformFormatted, list, value } from './__fixtures__/hcl-checks.ts';
import type { Value } from './__fixtures__/hcl-checks.ts';
import { GCP_NAME, fnv1a, gcpDescription, gcpName } from './gcp.ts';
import { ownGroupNodes } from './names.ts';

function resourceBlocks(text: string): { name: string; body: string }[] {
  return [...text.matchAll(/^resource "google_compute_firewall" "([^"]+)" \{\n([\s\S]*?)^\}$/gm)].map((m) => ({ name: m[1] ?? '', body: m[2] ?? '' }));
}


/** IPv4 literal prefixes and `var.resolve_…` (IPv4 by validation) are family 4; anything with `:` is 6. */
const family = (range: string): 4 | 6 => (range.includes(':') ? 6 : 4);

interface Parsed {
  text: string;
  tags: Map<string, Map<string, Value>>;
  fromTags: Map<string, Map<string, Value>>;
  fromRanges: Map<string, Map<string, Value>>;
  /** Both ingress maps, for lookups by key (a key is in one of them). */
  ingress: Map<string, Map<string, Value>>;
  egress: Map<string, Map<string, Value>>;
}

function parse(c: Case): Parsed {
  const text = runExport('gcp-firewall', c);
  const fromTags = entries(text, 'portolan_ingress_from_tags');
  const fromRanges = entries(text, 'portolan_ingress_from_ranges');
  for (const key of fromTags.keys()) expect(fromRanges.has(key), key).toBe(false);
  return { text, tags: entries(text, 'portolan_network_tags'), fromTags, fromRanges, ingress: new Map([...fromTags, ...fromRanges]), egress: entries(text, 'portolan_egress_rules') };
}

function structure(c: Case): Parsed {
  const p = parse(c);
  const { text, tags, fromTags, ingress, egress } = p;
  expect(balanced(text), c.name).toBe(true);
  expect(text).toMatch(/^variable "network" \{$/m);
  expect(text).toMatch(/^variable "restrict_egress" \{\n {2}type += bool\n {2}default += false$/m);
  const blocks = resourceBlocks(text);
  expect(blocks.map((b) => b.name)).toEqual(['portolan_ingress_from_tags', 'portolan_ingress_from_ranges', 'portolan_egress', 'portolan_deny_egress']);
  for (const b of blocks) {
    expect(b.body).toMatch(/^ {2}for_each +=/m);
    const ranges = b.name === 'portolan_ingress_from_tags' ? ['source_tags'] : b.name === 'portolan_ingress_from_ranges' ? ['source_ranges'] : ['destination_ranges'];
    for (const attr of ['name', 'description', 'network', 'direction', 'priority', 'target_tags', ...ranges]) expect(b.body).toMatch(new RegExp(`^ {2}${attr} +=`, 'm'));
    expect(b.body).toMatch(b.name === 'portolan_deny_egress' ? /^ {2}deny \{\n {4}protocol = "all"\n {2}\}$/m : /^ {2}allow \{\n {4}protocol = each\.value\.protocol\n {4}ports +=/m);
  }
  expect(blocks[0]?.body).toMatch(/direction += "INGRESS"\n {2}priority += 1000$/m);
  expect(blocks[1]?.body).toMatch(/direction += "INGRESS"\n {2}priority += 1000$/m);
  expect(blocks[2]?.body).toMatch(/direction += "EGRESS"\n {2}priority += 1000$/m);
  expect(blocks[3]?.body).toMatch(/for_each += var\.restrict_egress \? local\.portolan_network_tags : \{\}/);
  expect(blocks[3]?.body).toMatch(/priority += 65000\n {2}target_tags += \[each\.key\]\n {2}destination_ranges = \["0\.0\.0\.0\/0"\]/);

  // Tags are valid GCP names; every tag a rule uses is in the tag map.
  for (const tag of tags.keys()) expect(tag).toMatch(GCP_NAME);
  const used = [...ingress.values()].flatMap((e) => [...list(e.get('target_tags')), ...list(e.get('source_tags'))]).concat([...egress.values()].flatMap((e) => list(e.get('target_tags'))));
  for (const tag of used) expect(tags.has(tag), tag).toBe(true);

  // Keys start with a rule id (`<rule id> ipv6` for the IPv6 half); names valid, unique, at most 63.
  const ids = new Set(c.result.rules.map((r) => r.id));
  const names = [...tags.values(), ...ingress.values(), ...egress.values()].map((e) => e.get('name') as string);
  for (const name of names) {
    expect(name).toMatch(GCP_NAME);
    expect(name.length).toBeLessThanOrEqual(63);
  }
  expect(new Set(names).size).toBe(names.length);
  for (const [direction, map] of [['INGRESS', ingress], ['EGRESS', egress]] as const) {
    for (const [key, e] of map) {
      const [id = '', suffix, ...rest] = key.split(' ');
      expect(ids.has(id), key).toBe(true);
      expect(suffix === undefined || (suffix === 'ipv6' && rest.length === 0), key).toBe(true);
      expect(list(e.get('target_tags'))).toHaveLength(1);
      expect(e.get('protocol')).toMatch(/^(tcp|udp)$/);
      expect(list(e.get('ports'))).toHaveLength(1);
      expect(list(e.get('ports'))[0]).toMatch(/^\d+(-\d+)?$/);
      expect(e.get('description')).toMatch(new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      const ranges = list(direction === 'INGRESS' ? e.get('source_ranges') : e.get('destination_ranges'));
      // A GCP rule holds IPv4 or IPv6 ranges, never both; the `ipv6` half holds IPv6 only.
      expect(new Set(ranges.map(family)).size, key).toBeLessThanOrEqual(1);
      if (suffix === 'ipv6') expect(ranges.every((r) => family(r) === 6), key).toBe(true);
      if (direction === 'INGRESS') {
        // Exactly one source: a tag (the tags resource), or ranges (the ranges resource).
        expect(fromTags.has(key) ? [list(e.get('source_tags')).length, e.has('source_ranges')] : [ranges.length > 0, e.has('source_tags')], key).toEqual(fromTags.has(key) ? [1, false] : [true, false]);
      } else {
        expect(e.has('source_tags')).toBe(false);
        expect(ranges.length, key).toBeGreaterThan(0);
      }
    }
  }
  for (const m of text.matchAll(/description += "((?:[^"\\]|\\.)*)"/g)) {
    const text = value(`"${m[1] ?? ''}"`) as string;
    expect(text.length).toBeLessThanOrEqual(2048);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
  }
  return p;
}

/**
 * The example with what the reference plans lack: IPv4 and IPv6 sources (the internet zone), a node in
 * no zone with an IPv4 and an IPv6 address, a node without an address in a zone without CIDRs, a zone
 * whose id clashes with a node's tag (`host-auth`), and ids so long that tags and rule names must be cut.
 */
const LONG_ZONE = `${'c'.repeat(60)}-ci`;
const LONG_BOT = `${'t'.repeat(58)}-tbot`;
function mixedCase(): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as {
    zones: { id: string; name?: string; kind?: string; cidrs: string[] }[];
    nodes: { id: string; zone?: string; addresses?: string[] }[];
    links: { source: string }[];
  };
  for (const z of input.zones) {
    if (z.id === 'internet') z.cidrs = ['0.0.0.0/0', '::/0'];
    if (z.id === 'ci') z.id = LONG_ZONE;
  }
  input.zones.push({ id: 'host-auth', name: 'Clash', kind: 'private', cidrs: ['10.0.40.0/24'] }, { id: 'bare', name: 'No CIDRs', kind: 'private', cidrs: [] });
  for (const n of input.nodes) {
    if (n.id === 'postgres') {
      delete n.zone;
      n.addresses = ['10.0.30.5', '[2001:db8:30::5]:5432'];
    }
    if (n.id === 'kube-api') {
      n.zone = 'bare';
      n.addresses = [];
    }
    if (n.id === 'auth') delete n.zone;
    if (n.id === 'tbot') Object.assign(n, { id: LONG_BOT, zone: LONG_ZONE });
  }
  for (const l of input.links) if (l.source === 'tbot') l.source = LONG_BOT;
  const plan = PlanSchema.parse(input);
  return { name: 'mixed', plan, result: derive(plan) };
}

describe('GCP firewall rules (Terraform) export', () => {
  it('matches the golden files', async () => {
    await expect(goldenOf('gcp-firewall', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.gcp.tf');
  });

  it('has the expected structure for every plan: resources, attributes, for_each keyed by rule id, valid names', () => {
    for (const c of [...allCases(), kubeletCase(), mixedCase()]) structure(c);
  });

  it('tags zones inside GCP: ingress from a tag or from ranges, egress to the destination\'s address', () => {
    const { tags, ingress, egress } = structure(allCases()[0] as Case);
    expect([...tags.keys()]).toEqual(['portolan-ci', 'portolan-control-plane', 'portolan-dmz', 'portolan-private']);
    const users = ingress.get('users-to-lb-443-tcp');
    expect(users?.get('target_tags')).toEqual(['portolan-dmz']);
    expect(users?.has('source_tags')).toBe(false);
    expect(users?.get('source_ranges')).toEqual(['0.0.0.0/0']);
    expect(users?.get('name')).toBe('pr-users-to-lb-443-tcp');
    expect(egress.has('users-to-lb-443-tcp')).toBe(false); // the internet has no tag
    const auth = ingress.get('proxy-1-to-auth-3025-tcp');
    expect(auth?.get('target_tags')).toEqual(['portolan-control-plane']);
    expect(auth?.get('source_tags')).toEqual(['portolan-dmz']);
    expect(auth?.has('source_ranges')).toBe(false);
    const out = egress.get('proxy-1-to-auth-3025-tcp');
    expect(out?.get('name')).toBe('pe-proxy-1-to-auth-3025-tcp');
    expect(out?.get('target_tags')).toEqual(['portolan-dmz']);
    // An egress rule cannot name a tag: it names the destination's own address, as precise as the rule.
    expect(out?.get('destination_ranges')).toEqual(['10.0.2.10/32']);
    expect(out?.get('ports')).toEqual(['3025']);
    expect(out?.get('protocol')).toBe('tcp');
  });

  it('lets the kubelet rule of a tbot into the tag of the tbot\'s zone (the kubelet runs on a node there)', () => {
    const { ingress, egress } = structure(kubeletCase());
    const rule = ingress.get('tbot-to-kubelet:tbot-10250-tcp');
    expect(rule?.get('name')).toBe('pt-tbot-to-kubelet-tbot-10250-tcp');
    expect(rule?.get('target_tags')).toEqual(['portolan-ci']);
    expect(rule?.get('source_tags')).toEqual(['portolan-ci']);
    expect(egress.get('tbot-to-kubelet:tbot-10250-tcp')?.get('destination_ranges')).toEqual(['10.20.0.0/16']);
  });

  it('splits IPv4 and IPv6 into two rules, tags nodes in no zone and says which egress rules it left out', () => {
    const { text, tags, ingress, egress } = structure(mixedCase());
    expect(ingress.get('users-to-lb-443-tcp')?.get('source_ranges')).toEqual(['0.0.0.0/0']);
    expect(ingress.get('users-to-lb-443-tcp ipv6')?.get('source_ranges')).toEqual(['::/0']);
    expect(ingress.get('users-to-lb-443-tcp ipv6')?.get('name')).toBe('pr-users-to-lb-443-tcp-ipv6');
    // A node in no zone: its own tag; egress to it names its address (the rule's: the first one).
    expect(ingress.get('db-agent-to-postgres-5432-tcp')?.get('target_tags')).toEqual(['portolan-host-postgres']);
    expect(egress.get('db-agent-to-postgres-5432-tcp')?.get('destination_ranges')).toEqual(['10.0.30.5/32']);
    // A node the plan places but gives no address (nor its zone CIDRs): an egress rule to it would open
    // every destination, so there is none, and a comment says so.
    expect(ingress.has('kube-agent-to-kube-api-6443-tcp')).toBe(true);
    expect(egress.has('kube-agent-to-kube-api-6443-tcp')).toBe(false);
    expect(text).toMatch(/^# No egress rule .*: kube-agent-to-kube-api-6443-tcp$/m);
    // Zone `host-auth` and the zoneless node `auth` would share a tag: both get a hash instead.
    const clash = [...tags.keys()].filter((t) => t.startsWith('portolan-host-auth'));
    expect(clash).toHaveLength(2);
    for (const t of clash) expect(t).toMatch(/^portolan-host-auth-[0-9a-f]{8}$/);
    // Long ids: cut to 63 with a hash, still distinct.
    const long = [...tags.keys()].find((t) => t.startsWith('portolan-ccc'));
    expect(long).toHaveLength(63);
    const bot = `${LONG_BOT}-to-lb-443-tcp`;
    expect(ingress.get(bot)?.get('source_tags')).toEqual([long]);
    expect(ingress.get(bot)?.get('name')).toMatch(/^pt-t+-[0-9a-f]{8}$/);
    expect(egress.get(bot)?.get('name')).toMatch(/^pe-t+-[0-9a-f]{8}$/);
  });

  it('gives a group of its own only to a node in no zone that can be a machine in the cloud', () => {
    const plan = examplePlan();
    const unzoned = (id: string, fields: Record<string, unknown>) => ({ ...(plan.nodes.find((n) => n.id === id) as object), zone: undefined, ...fields }) as (typeof plan.nodes)[number];
    const nodes = [unzoned('postgres', {}), unzoned('kube-api', { addresses: [] }), { id: 'aws', name: 'AWS API', kind: 'cloud-api', addresses: ['ec2.amazonaws.com'], provider: 'aws', position: { x: 0, y: 0 } } as unknown as (typeof plan.nodes)[number]];
    expect(ownGroupNodes({ ...plan, nodes }).map((n) => n.id)).toEqual(['postgres']);
  });

  it('asks for an IPv4 CIDR for each host name, with the variable name the AWS export uses', () => {
    for (const c of allCases()) {
      const gcp = runExport('gcp-firewall', c);
      const aws = runExport('terraform', c);
      const vars = (text: string) => [...text.matchAll(/^variable "(resolve_[a-z0-9_]+)" \{$/gm)].map((m) => m[1]);
      // Same names for the same host. GCP asks for more where egress to a tagged destination names its
      // address (AWS names its group), and less where a node in no zone without an address has no tag.
      if (!c.plan.nodes.some((n) => n.zone === undefined && (n.addresses.length === 0 || n.kind === 'cloud-api') && n.kind !== 'client')) for (const v of vars(aws)) expect(vars(gcp), c.name).toContain(v);
      for (const v of vars(gcp)) expect(gcp).toContain(`    condition     = can(cidrnetmask(var.${v}))`);
    }
  });

  it('builds valid, short, stable names', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(gcpName('pi-', 'users-to-lb-443-tcp', 'x')).toBe('pi-users-to-lb-443-tcp');
    expect(gcpName('pi-', 'tbot-to-kubelet:tbot-10250-tcp', 'x')).toBe('pi-tbot-to-kubelet-tbot-10250-tcp');
    const long = gcpName('pi-', 'A'.repeat(100), 'seed');
    expect(long).toMatch(GCP_NAME);
    expect(long).toHaveLength(63);
    expect(long).toBe(gcpName('pi-', 'A'.repeat(100), 'seed'));
    expect(long).not.toBe(gcpName('pi-', 'A'.repeat(100), 'other'));
    expect(gcpName('portolan-', '!!!', 'zone:x')).toMatch(/^portolan-[0-9a-f]{8}$/);
    expect(gcpDescription('a → b "c"\nünï')).toBe("a -> b 'c' ?n?");
    expect(gcpDescription('x'.repeat(3000))).toHaveLength(2048);
  });

  it('escapes hostile names: no interpolation, valid names', () => {
    structure(hostileCase());
    expect(runExport('gcp-firewall', hostileCase())).not.toMatch(/(?<!\$)\$\{|(?<!%)%\{/);
  });

  it.skipIf(!HAS_TERRAFORM)('is formatted as terraform fmt wants it (skipped only when terraform is not installed)', TOOL_TIMEOUT, () => {
    expectTerraformFormatted('gcp-firewall', [...allCases(), kubeletCase(), mixedCase()]);
  });
});
