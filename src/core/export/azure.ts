/**
 * Azure network security groups as Terraform (`azure-nsg`). Each zone inside Azure (internet, on-prem
 * and Teleport Cloud zones have none, as in the AWS and GCP exports) and each node in no zone that can
 * be a machine there (`ownGroupNodes`: not a client, a cloud API or a node without an address) gets a network security group (NSG, `nsg-portolan-<id>`) and an application security group
 * (ASG, `asg-portolan-<id>`). The user associates each NSG with the zone's subnets (or the node's NIC)
 * and puts each NIC in its zone's ASG: rules name ASGs, so they follow the VMs whatever their addresses,
 * and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual network, and a
 * rule cannot name ASGs of two, so the zones are taken to be subnets of one virtual network.
 *
 * A rule lands as an Inbound rule on the destination's NSG (destination: its ASG; a kubelet: its
 * tbot's zone) from the source's ASG, or from the source's address when it has none (`any` is `*`); and
 * as an Outbound rule on the source's NSG from its ASG to the destination's ASG, or to its address. NSGs
 * are stateful: replies need no rule. An Azure rule holds IPv4 or IPv6 prefixes, never both
 * (`ResourceCannotContainAddressPrefixesFromDifferentAddressFamilies`): the IPv6 part of a rule is
 * keyed `<rule id> ipv6` (always, so that a key never changes family). Host names become the `resolve_<name>` variables of the other exports
 * (IPv4 CIDRs). `azurerm_network_security_rule` resources take `for_each` over `locals` maps keyed by
 * the stable rule id, never a list index.
 *
 * Priorities (unique per NSG and direction, lower wins) should rarely shift when rules come and go: per
 * NSG and direction, the rules are taken in key order and each gets 100 + FNV-1a(key) mod 3995, probing
 * upward (and wrapping) past taken ones. A new rule moves another only if it takes that rule's place, and
 * removing a rule can move one that had probed past it: a few in a hundred changes, mostly none. 4095 and
 * 4096 are kept for `restrict`: the default rules allow all traffic inside the virtual network and out
 * to the internet (AllowVnetInBound, AllowVnetOutBound, AllowInternetOutBound), and `restrict = true`
 * adds per NSG a deny of all inbound and all outbound at 4096, with Azure Load Balancer health probes
 * (AllowAzureLoadBalancerInBound, which the deny would override too) allowed again at 4095.
 *
 * An Azure Load Balancer passes packets through: the NSGs of its backends see the client's address and
 * the backend's port, not the load balancer's. The header says so; the rules stay the plan's.
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { asciiText, lineComment, slug, truncate } from './escape.ts';
import { compareText, ruleRows } from './model.ts';
import { cloudGroups, fnv1a, uniqueNames } from './names.ts';
import type { CloudGroup } from './names.ts';
import { parseNetAddress, withPrefixLength } from './netaddr.ts';
import { hclBlock } from './hcl.ts';
import type { HclValue } from './hcl.ts';


/**
 * What Azure accepts as the name of an NSG, an ASG and a security rule alike: 1 to 80 characters,
 * letters, digits, `_`, `.` and `-`, starting with a letter or digit, ending with one or `_`. The export
 * writes lower-case slugs only.
 */
export const AZURE_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,78}[A-Za-z0-9_])?$/;

const MAX_NAME = 80;

/** Group names leave room for the `nsg-` and `asg-` prefixes. */
const MAX_GROUP = MAX_NAME - 4;

/** Security rule descriptions hold at most 140 characters; tag values 256. */
export const MAX_DESCRIPTION = 140;
const MAX_TAG = 256;

/** Allowed priorities: 100 (first) to 4096 (last); the export hashes into 100–4094. */
export const FIRST_PRIORITY = 100;
export const LAST_RULE_PRIORITY = 4094;
const LB_PRIORITY = 4095;
const DENY_PRIORITY = 4096;

/** Printable ASCII, one line, at most 140 characters (HCL escaping is the writer's job). */
export function azureDescription(text: string): string {
  return truncate(asciiText(text), MAX_DESCRIPTION);
}

/**
 * A priority for each key, unique, within 100–4094: in key order, each takes 100 + hash mod 3995 or
 * the next free one upward (wrapping). Keys beyond the 3995 places get none (Azure allows 1,000 rules
 * per NSG anyway).
 */
export function azurePriorities(keys: readonly string[]): Map<string, number> {
  const slots = LAST_RULE_PRIORITY - FIRST_PRIORITY + 1;
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const key of [...keys].sort(compareText)) {
    if (taken.size === slots) break;
    let p = FIRST_PRIORITY + (parseInt(fnv1a(key), 16) % slots);
    while (taken.has(p)) p = p === LAST_RULE_PRIORITY ? FIRST_PRIORITY : p + 1;
    taken.add(p);
    out.set(key, p);
  }
  return out;
}

/** One side of an Azure rule: exactly one of an ASG (by group name), a single prefix, or several. */
interface Side {
  asg: HclValue;
  prefix: HclValue;
  prefixes: HclValue;
}

const asgSide = (group: CloudGroup): Side => ({ asg: group.name, prefix: null, prefixes: null });

/** A single prefix goes in `*_address_prefix`, several in `*_address_prefixes` (which takes no `*`). */
function prefixSide(list: HclValue[]): Side {
  return list.length === 1 ? { asg: null, prefix: list[0] ?? null, prefixes: null } : { asg: null, prefix: null, prefixes: { list } };
}

interface Entry {
  key: string;
  /** Group name of the NSG the rule belongs to. */
  nsg: string;
  source: Side;
  destination: Side;
  protocol: string;
  port: string;
  description: string;
}

type Direction = 'inbound' | 'outbound';

/** The Terraform file for every rule of the plan, as Azure NSG rules. */
export function azureNsgExport(plan: Plan, result: DeriveResult): string {
  const { groups, groupOf } = cloudGroups(plan, MAX_GROUP);
  const variables = new Map<string, string>();
  /** Prefixes of an address, by family: `any` is `*` (alone), host names are `var.resolve_<name>` (IPv4). */
  const prefixesOf = (address: string): { v4: HclValue[]; v6: HclValue[] } => {
    const net = parseNetAddress(address);
    if (net.any) return { v4: ['*'], v6: [] };
    const v4 = new Map<string, HclValue>(net.v4.map((c) => [withPrefixLength(c), withPrefixLength(c)]));
    const v6 = new Map<string, HclValue>(net.v6.map((c) => [withPrefixLength(c), withPrefixLength(c)]));
    for (const name of net.names) {
      const variable = `resolve_${slug(name, '_')}`;
      variables.set(variable, name);
      v4.set(`var.${variable}`, { raw: `var.${variable}` });
    }
    return { v4: [...v4.values()], v6: [...v6.values()] };
  };
  /** One side per family: `<rule id>` for IPv4, `<rule id> ipv6` for IPv6 (always: a key never changes family). */
  const split = (id: string, address: string): [string, Side][] => {
    const { v4, v6 } = prefixesOf(address);
    const parts: [string, HclValue[]][] = [
      [id, v4],
      [`${id} ipv6`, v6],
    ];
    return parts.filter(([, list]) => list.length > 0).map(([key, list]) => [key, prefixSide(list)]);
  };
  const inbound: Entry[] = [];
  const outbound: Entry[] = [];
  for (const row of ruleRows(plan, result)) {
    const rule = row.rule;
    const common = {
      protocol: rule.protocol === 'udp' ? 'Udp' : 'Tcp',
      port: row.port,
      description: azureDescription(`${rule.id}: ${rule.purposes.join('; ')}`),
    };
    const src = groupOf(row.source);
    const dst = groupOf(row.destination);
    if (dst !== undefined) {
      const sides: [string, Side][] = src !== undefined ? [[rule.id, asgSide(src)]] : split(rule.id, row.source.address);
      inbound.push(...sides.map(([key, source]) => ({ key, nsg: dst.name, source, destination: asgSide(dst), ...common })));
    }
    if (src !== undefined) {
      const sides: [string, Side][] = dst !== undefined ? [[rule.id, asgSide(dst)]] : split(rule.id, row.destination.address);
      outbound.push(...sides.map(([key, destination]) => ({ key, nsg: src.name, source: asgSide(src), destination, ...common })));
    }
  }
  // Priorities per NSG and direction; a rule that finds no free one is left out, and the header says so.
  const priorities = new Map<string, number>();
  const noPriority: string[] = [];
  for (const [direction, entries] of [['inbound', inbound], ['outbound', outbound]] as const) {
    const byNsg = new Map<string, string[]>();
    for (const e of entries) {
      const keys = byNsg.get(e.nsg) ?? [];
      keys.push(e.key);
      byNsg.set(e.nsg, keys);
    }
    for (const keys of byNsg.values()) for (const [key, p] of azurePriorities(keys)) priorities.set(`${direction}:${key}`, p);
    for (const e of entries) if (!priorities.has(`${direction}:${e.key}`)) noPriority.push(`${direction} ${e.key}`);
  }
  const names = uniqueNames(
    [
      ...inbound.map((e) => ({ seed: `inbound:${e.key}`, prefix: 'in-', text: e.key })),
      ...outbound.map((e) => ({ seed: `outbound:${e.key}`, prefix: 'out-', text: e.key })),
    ],
    MAX_NAME,
  );
  const map = (entries: Entry[], direction: Direction): HclValue => ({
    map: entries.flatMap((e) => {
      const priority = priorities.get(`${direction}:${e.key}`);
      if (priority === undefined) return [];
      const fields: [string, HclValue][] = [
        ['name', names.get(`${direction}:${e.key}`) ?? ''],
        ['nsg', e.nsg],
        ['priority', priority],
        ['protocol', e.protocol],
        ['destination_port_range', e.port],
        ['source_asg', e.source.asg],
        ['source_address_prefix', e.source.prefix],
        ['source_address_prefixes', e.source.prefixes],
        ['destination_asg', e.destination.asg],
        ['destination_address_prefix', e.destination.prefix],
        ['destination_address_prefixes', e.destination.prefixes],
        ['description', e.description],
      ];
      return [[e.key, { map: fields }] as [string, HclValue]];
    }),
    quoteKeys: true,
  });
  const restrictRules = groups.flatMap((g) => [
    restrictEntry(g, 'allow-azure-load-balancer-inbound', 'Inbound', 'Allow', LB_PRIORITY, 'AzureLoadBalancer', 'allow Azure Load Balancer health probes again'),
    restrictEntry(g, 'deny-all-inbound', 'Inbound', 'Deny', DENY_PRIORITY, '*', 'deny all other inbound (overrides AllowVnetInBound)'),
    restrictEntry(g, 'deny-all-outbound', 'Outbound', 'Deny', DENY_PRIORITY, '*', 'deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)'),
  ]);
  const groupResource = (type: string, name: string) =>
    hclBlock(`resource "${type}" "portolan"`, [
      ['for_each', { raw: 'local.portolan_groups' }],
      ['name', { raw: `each.value.${name}` }],
      ['location', { raw: 'var.location' }],
      ['resource_group_name', { raw: 'var.resource_group_name' }],
      ['tags', { map: [['portolan', { raw: 'each.value.description' }]] }],
    ]);
  const asgIds = (side: 'source' | 'destination') =>
    ({ raw: `each.value.${side}_asg == null ? null : [azurerm_application_security_group.portolan[each.value.${side}_asg].id]` }) as HclValue;
  const ruleResource = (name: string, direction: 'Inbound' | 'Outbound', local: string) =>
    hclBlock(`resource "azurerm_network_security_rule" "${name}"`, [
      ['for_each', { raw: `local.${local}` }],
      ['name', { raw: 'each.value.name' }],
      ['resource_group_name', { raw: 'var.resource_group_name' }],
      ['network_security_group_name', { raw: 'azurerm_network_security_group.portolan[each.value.nsg].name' }],
      ['priority', { raw: 'each.value.priority' }],
      ['direction', direction],
      ['access', 'Allow'],
      ['protocol', { raw: 'each.value.protocol' }],
      ['source_port_range', '*'],
      ['destination_port_range', { raw: 'each.value.destination_port_range' }],
      ['source_application_security_group_ids', asgIds('source')],
      ['source_address_prefix', { raw: 'each.value.source_address_prefix' }],
      ['source_address_prefixes', { raw: 'each.value.source_address_prefixes' }],
      ['destination_application_security_group_ids', asgIds('destination')],
      ['destination_address_prefix', { raw: 'each.value.destination_address_prefix' }],
      ['destination_address_prefixes', { raw: 'each.value.destination_address_prefixes' }],
      ['description', { raw: 'each.value.description' }],
    ]);
  return [
    lineComment(`Portolan: Azure network security groups for plan ${plan.name}.`),
    '# One network security group (NSG) and one application security group (ASG) per zone inside Azure',
    '# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an',
    '# address (clients and cloud APIs excepted). Associate each',
    "# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules",
    '# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual',
    '# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.',
    '# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and',
    '# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that',
    '# collides); if an apply then reports SecurityRuleConflict, run it again.',
    '# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6',
    '# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual',
    '# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to',
    '# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.',
    "# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the",
    "# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.",
    '# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual',
    '# provider "azurerm" { features {} } block in the root module). Do not give these',
    '# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.',
    ...(noPriority.length > 0 ? [lineComment(`No free priority (left out): ${noPriority.join(', ')}`)] : []),
    '',
    hclBlock('variable "resource_group_name"', [['type', { raw: 'string' }], ['description', 'Resource group that holds the Portolan NSGs and ASGs.']]),
    hclBlock('variable "location"', [['type', { raw: 'string' }], ['description', 'Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve).']]),
    hclBlock('variable "restrict"', [
      ['type', { raw: 'bool' }],
      ['default', { raw: 'false' }],
      [
        'description',
        'Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095).',
      ],
    ]),
    ...[...variables].sort(([a], [b]) => compareText(a, b)).map(([variable, name]) =>
      hclBlock(
        `variable "${variable}"`,
        [['type', { raw: 'string' }], ['description', `IPv4 CIDR for ${name}: Portolan does not resolve host names (e.g. 192.0.2.10/32).`]],
        [{ header: 'validation', pairs: [['condition', { raw: `can(cidrnetmask(var.${variable}))` }], ['error_message', 'An IPv4 CIDR such as 192.0.2.10/32: an Azure security rule holds one address family.']] }],
      ),
    ),
    hclBlock('locals', [
      [
        'portolan_groups',
        {
          map: groups.map((g) => [g.name, { map: [['nsg_name', `nsg-${g.name}`], ['asg_name', `asg-${g.name}`], ['description', truncate(asciiText(`Portolan ${g.description}`), MAX_TAG)]] }] as [string, HclValue]),
          quoteKeys: true,
        },
      ],
      ['portolan_inbound_rules', map(inbound, 'inbound')],
      ['portolan_outbound_rules', map(outbound, 'outbound')],
      ['portolan_restrict_rules', { map: restrictRules, quoteKeys: true }],
    ]),
    groupResource('azurerm_application_security_group', 'asg_name'),
    groupResource('azurerm_network_security_group', 'nsg_name'),
    ruleResource('portolan_inbound', 'Inbound', 'portolan_inbound_rules'),
    ruleResource('portolan_outbound', 'Outbound', 'portolan_outbound_rules'),
    hclBlock('resource "azurerm_network_security_rule" "portolan_restrict"', [
      ['for_each', { raw: 'var.restrict ? local.portolan_restrict_rules : {}' }],
      ['name', { raw: 'each.value.name' }],
      ['resource_group_name', { raw: 'var.resource_group_name' }],
      ['network_security_group_name', { raw: 'azurerm_network_security_group.portolan[each.value.nsg].name' }],
      ['priority', { raw: 'each.value.priority' }],
      ['direction', { raw: 'each.value.direction' }],
      ['access', { raw: 'each.value.access' }],
      ['protocol', '*'],
      ['source_port_range', '*'],
      ['destination_port_range', '*'],
      ['source_address_prefix', { raw: 'each.value.source_address_prefix' }],
      ['destination_address_prefix', '*'],
      ['description', { raw: 'each.value.description' }],
    ]),
  ].join('\n');
}

/** One `restrict` rule of a group, keyed `<group name> <rule name>`. */
function restrictEntry(group: CloudGroup, name: string, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', priority: number, source: string, what: string): [string, HclValue] {
  return [
    `${group.name} ${name}`,
    {
      map: [
        ['name', name],
        ['nsg', group.name],
        ['priority', priority],
        ['direction', direction],
        ['access', access],
        ['source_address_prefix', source],
        ['description', azureDescription(`Portolan restrict: ${what}`)],
      ],
    },
  ];
}
