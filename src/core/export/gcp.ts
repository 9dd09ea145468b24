/**
 * Google Cloud VPC firewall rules as Terraform (`gcp-firewall`). GCP firewall rules are network-wide
 * and pick the instances they apply to by network tag, so the export gives each zone inside GCP a tag
 * (`portolan-<zone id>`; internet, on-prem and Teleport Cloud zones have none, as in the AWS export)
 * and each node in no zone that can be a machine there (`ownGroupNodes`) one of its own
 * (`portolan-host-<id>`). A rule lands as an INGRESS rule on the destination's tag, from the source's
 * tag (`source_tags`) or the source's address (`source_ranges`), two resources apart (the provider keeps
 * a computed `source_ranges` it is no longer given, so a rule that changes source kind must be replaced),
 * and as an EGRESS rule on the source's tag to the destination's address (an egress rule cannot name a
 * tag; the engine gives a node without an address its zone's CIDRs). `google_compute_firewall`
 * resources take `for_each` over `locals` maps keyed by the stable Portolan rule id, never a list index.
 *
 * A GCP rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed `<rule id> ipv6`
 * (always, so that a key never changes family). Rule names and tags must match `[a-z]([-a-z0-9]{0,61}[a-z0-9])?` and rule names
 * must be unique in the project: both are slugs, cut to 63 characters with a short hash of what they
 * name when too long or when two would be equal. Host names cannot be ranges: each gets the
 * `resolve_<name>` variable the AWS export asks for too (an IPv4 CIDR).
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { asciiText, lineComment, slug, truncate } from './escape.ts';
import { compareText, ruleRows } from './model.ts';
import { cloudGroups, slugName, uniqueNames } from './names.ts';
import type { NameRequest } from './names.ts';
import { parseNetAddress, withPrefixLength } from './netaddr.ts';
import { hclBlock } from './hcl.ts';
import type { HclValue } from './hcl.ts';

/** The name hash lives in `names.ts` (shared with the Azure export); kept importable from here. */
export { fnv1a } from './names.ts';


/** What GCP accepts as a rule name or a network tag (RFC 1035 label, lower case, 1 to 63 characters). */
export const GCP_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

const MAX_NAME = 63;

/** GCP firewall rule descriptions hold at most 2048 characters. */
const MAX_DESCRIPTION = 2048;

/** Priority of the exported rules (GCP's default) and of the opt-in egress deny rules (below them). */
const PRIORITY = 1000;
const DENY_PRIORITY = 65000;

/**
 * A valid GCP name: `prefix` (lower case, starting with a letter) and the slug of `text`; cut with a
 * hash of `seed` (what it names, unique) when too long or when the slug is empty.
 */
export function gcpName(prefix: string, text: string, seed: string): string {
  return slugName(prefix, text, seed, MAX_NAME);
}

/** Unique names of at most 63 characters (see `uniqueNames`), keyed by seed. */
function gcpNames(requests: readonly NameRequest[]): Map<string, string> {
  return uniqueNames(requests, MAX_NAME);
}

/** Printable ASCII, one line, at most 2048 characters (HCL escaping is the writer's job). */
export function gcpDescription(text: string): string {
  return truncate(asciiText(text), MAX_DESCRIPTION);
}

/** Ranges of one address text, by family: `any` is `0.0.0.0/0`, host names are `var.resolve_<name>` (IPv4). */
interface Ranges {
  v4: HclValue[];
  v6: HclValue[];
}

interface Entry {
  key: string;
  /** `pt-` (ingress from tags), `pr-` (ingress from ranges) or `pe-` (egress). */
  prefix: string;
  fields: [string, HclValue][];
}

/** The Terraform file for every rule of the plan, as GCP VPC firewall rules. */
export function gcpFirewallExport(plan: Plan, result: DeriveResult): string {
  const { groups: tags, groupOf: tagOf } = cloudGroups(plan, MAX_NAME);
  const variables = new Map<string, string>();
  const rangesOf = (address: string): Ranges => {
    const net = parseNetAddress(address);
    const v4 = new Map<string, HclValue>();
    const v6 = new Map<string, HclValue>();
    if (net.any) v4.set('0.0.0.0/0', '0.0.0.0/0');
    for (const c of net.v4) v4.set(withPrefixLength(c), withPrefixLength(c));
    for (const c of net.v6) v6.set(withPrefixLength(c), withPrefixLength(c));
    for (const name of net.names) {
      const variable = `resolve_${slug(name, '_')}`;
      variables.set(variable, name);
      v4.set(`var.${variable}`, { raw: `var.${variable}` });
    }
    return { v4: [...v4.values()], v6: [...v6.values()] };
  };
  /** One entry per family: `<rule id>` for IPv4, `<rule id> ipv6` for IPv6 (always: a key never changes family). */
  const split = (id: string, ranges: Ranges, fields: (list: HclValue) => [string, HclValue][]) => {
    const parts: [string, HclValue[]][] = [
      [id, ranges.v4],
      [`${id} ipv6`, ranges.v6],
    ];
    return parts.filter(([, list]) => list.length > 0).map(([key, list]) => ({ key, fields: fields({ list }) }));
  };
  // Ingress from tags and from ranges are separate resources: the provider keeps a range list it is no
  // longer given (source_ranges is computed), so a rule that changes source kind is replaced, not edited.
  const fromTags: Entry[] = [];
  const fromRanges: Entry[] = [];
  const egress: Entry[] = [];
  const noEgress: string[] = [];
  for (const row of ruleRows(plan, result)) {
    const rule = row.rule;
    const common: [string, HclValue][] = [
      ['protocol', rule.protocol],
      ['ports', { list: [row.port] }],
      ['description', gcpDescription(`${rule.id}: ${rule.purposes.join('; ')}`)],
    ];
    const src = tagOf(row.source);
    const dst = tagOf(row.destination);
    if (dst !== undefined) {
      const target: [string, HclValue] = ['target_tags', { list: [dst.name] }];
      if (src !== undefined) fromTags.push({ key: rule.id, prefix: 'pt-', fields: [target, ['source_tags', { list: [src.name] }], ...common] });
      else fromRanges.push(...split(rule.id, rangesOf(row.source.address), (list) => [target, ['source_ranges', list], ...common]).map((e) => ({ ...e, prefix: 'pr-' })));
    }
    if (src !== undefined) {
      const address = row.destination.address;
      // A tagged destination whose address the plan does not know (`any` to the engine) would make the
      // rule one to everywhere: no egress rule at all, and a comment that says so.
      if (dst !== undefined && parseNetAddress(address).any) noEgress.push(rule.id);
      else egress.push(...split(rule.id, rangesOf(address), (list) => [['target_tags', { list: [src.name] }], ['destination_ranges', list], ...common]).map((e) => ({ ...e, prefix: 'pe-' })));
    }
  }
  const names = gcpNames([
    ...fromTags.map((e) => ({ seed: `tags:${e.key}`, prefix: e.prefix, text: e.key })),
    ...fromRanges.map((e) => ({ seed: `ranges:${e.key}`, prefix: e.prefix, text: e.key })),
    ...egress.map((e) => ({ seed: `egress:${e.key}`, prefix: e.prefix, text: e.key })),
    ...tags.map((t) => ({ seed: `deny:${t.name}`, prefix: 'pd-', text: t.name })),
  ]);
  const map = (entries: Entry[], direction: string): HclValue => ({
    map: entries.map((e) => [e.key, { map: [['name', names.get(`${direction}:${e.key}`) ?? ''], ...e.fields] }] as [string, HclValue]),
    quoteKeys: true,
  });
  const allow = { header: 'allow', pairs: [['protocol', { raw: 'each.value.protocol' }], ['ports', { raw: 'each.value.ports' }]] as [string, HclValue][] };
  const ruleResource = (name: string, direction: 'INGRESS' | 'EGRESS', local: string, ranges: [string, HclValue][]) =>
    hclBlock(
      `resource "google_compute_firewall" "${name}"`,
      [
        ['for_each', { raw: `local.${local}` }],
        ['name', { raw: 'each.value.name' }],
        ['description', { raw: 'each.value.description' }],
        ['network', { raw: 'var.network' }],
        ['direction', direction],
        ['priority', PRIORITY],
        ['target_tags', { raw: 'each.value.target_tags' }],
        ...ranges,
      ],
      [allow],
    );
  return [
    lineComment(`Portolan: GCP VPC firewall rules for plan ${plan.name}.`),
    '# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one',
    '# per node without a zone that has an address (clients and cloud APIs excepted): give each instance',
    '# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable',
    '# Portolan rule id. GCP firewall rules are stateful: replies',
    '# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:',
    '# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are',
    '# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).',
    '# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".',
    '# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and',
    '# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to',
    '# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).',
    '# Rule names are unique per project: export one plan per project (or network) with these names.',
    '# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).',
    '# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).',
    ...(noEgress.length > 0 ? [lineComment(`No egress rule (a destination in the plan whose address it does not know): ${noEgress.join(', ')}`)] : []),
    '',
    hclBlock('variable "network"', [['type', { raw: 'string' }], ['description', 'Name or self link of the VPC network the Portolan firewall rules belong to.']]),
    hclBlock('variable "restrict_egress"', [
      ['type', { raw: 'bool' }],
      ['default', { raw: 'false' }],
      ['description', 'Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open.'],
    ]),
    ...[...variables].sort(([a], [b]) => compareText(a, b)).map(([variable, name]) =>
      hclBlock(
        `variable "${variable}"`,
        [['type', { raw: 'string' }], ['description', `IPv4 CIDR for ${name}: Portolan does not resolve host names (e.g. 192.0.2.10/32).`]],
        [{ header: 'validation', pairs: [['condition', { raw: `can(cidrnetmask(var.${variable}))` }], ['error_message', 'An IPv4 CIDR such as 192.0.2.10/32: a GCP firewall rule holds one address family.']] }],
      ),
    ),
    hclBlock('locals', [
      [
        'portolan_network_tags',
        {
          map: tags.map((t) => [t.name, { map: [['name', names.get(`deny:${t.name}`) ?? ''], ['description', gcpDescription(`Portolan restrict_egress: deny all other IPv4 egress of tag ${t.name} (${t.description}); IPv6 egress stays open`)]] }] as [string, HclValue]),
          quoteKeys: true,
        },
      ],
      ['portolan_ingress_from_tags', map(fromTags, 'tags')],
      ['portolan_ingress_from_ranges', map(fromRanges, 'ranges')],
      ['portolan_egress_rules', map(egress, 'egress')],
    ]),
    ruleResource('portolan_ingress_from_tags', 'INGRESS', 'portolan_ingress_from_tags', [['source_tags', { raw: 'each.value.source_tags' }]]),
    ruleResource('portolan_ingress_from_ranges', 'INGRESS', 'portolan_ingress_from_ranges', [['source_ranges', { raw: 'each.value.source_ranges' }]]),
    ruleResource('portolan_egress', 'EGRESS', 'portolan_egress_rules', [['destination_ranges', { raw: 'each.value.destination_ranges' }]]),
    hclBlock(
      'resource "google_compute_firewall" "portolan_deny_egress"',
      [
        ['for_each', { raw: 'var.restrict_egress ? local.portolan_network_tags : {}' }],
        ['name', { raw: 'each.value.name' }],
        ['description', { raw: 'each.value.description' }],
        ['network', { raw: 'var.network' }],
        ['direction', 'EGRESS'],
        ['priority', DENY_PRIORITY],
        ['target_tags', { list: [{ raw: 'each.key' }] }],
        ['destination_ranges', { list: ['0.0.0.0/0'] }],
      ],
      [{ header: 'deny', pairs: [['protocol', 'all']] }],
    ),
  ].join('\n');
}
