/**
 * AWS security groups as Terraform (`terraform`): one `aws_security_group` per zone (internet,
 * on-prem and Teleport Cloud zones have none: they are outside any VPC) and one per node that sits
 * in no zone and can be a machine in the VPC (`ownGroupNodes`: not a client, a cloud API or a node
 * without an address), then `aws_vpc_security_group_ingress_rule` / `_egress_rule` resources with `for_each`
 * over `locals` maps keyed by the stable Portolan rule id (never a list index, so adding a rule
 * never renumbers the others). A peer that has a security group is referenced by it
 * (`referenced_security_group_id`); any other peer by CIDR. AWS takes one CIDR per rule, so a peer
 * with several gets one entry each, keyed `<rule id> <cidr>`. Host names cannot be CIDRs: each gets
 * a `resolve_…` variable that Terraform asks for.
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { asciiText, lineComment, slug, truncate } from './escape.ts';
import { compareText, ruleRows } from './model.ts';
import type { Endpoint } from './model.ts';
import { OUTSIDE_CLOUD_ZONE_KINDS, ownGroupNodes } from './names.ts';
import { parseNetAddress } from './netaddr.ts';
import { hclBlock } from './hcl.ts';
import type { HclValue } from './hcl.ts';


/** AWS allows `a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*` in security group (rule) descriptions, up to 255. */
export function awsDescription(text: string): string {
  return truncate(asciiText(text.replace(/→/g, ' to ')).replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, ' ').replace(/ {2,}/g, ' ').trim(), 255);
}

interface Group {
  key: string;
  name: string;
  description: string;
}

interface RuleEntry {
  key: string;
  fields: [string, HclValue][];
}

function groupsOf(plan: Plan): { groups: Group[]; groupOf: (e: Endpoint) => string | undefined } {
  const zones = new Map(plan.zones.filter((z) => !OUTSIDE_CLOUD_ZONE_KINDS.has(z.kind)).map((z) => [z.id, z]));
  const unzoned = new Set(ownGroupNodes(plan).map((n) => n.id));
  const groups: Group[] = [
    ...[...zones.values()].map((z) => ({ key: z.id, name: `portolan-${z.id}`, description: awsDescription(`Portolan zone ${z.name}`) })),
    ...[...unzoned].map((id) => ({ key: `host-${id}`, name: `portolan-host-${id}`, description: awsDescription(`Portolan host ${plan.nodes.find((n) => n.id === id)?.name ?? id} (no zone)`) })),
  ].sort((a, b) => compareText(a.key, b.key));
  // A kubelet sits on a node of its tbot's zone: that zone's group takes its inbound rule.
  const groupOf = (e: Endpoint) => {
    if (e.kind === 'kubelet') return e.zoneId !== undefined && zones.has(e.zoneId) ? e.zoneId : undefined;
    if (e.kind !== 'node') return undefined;
    return e.zoneId !== undefined ? (zones.has(e.zoneId) ? e.zoneId : undefined) : unzoned.has(e.id) ? `host-${e.id}` : undefined;
  };
  return { groups, groupOf };
}

/** The Terraform file for every rule of the plan. */
export function terraformExport(plan: Plan, result: DeriveResult): string {
  const { groups, groupOf } = groupsOf(plan);
  const variables = new Map<string, string>();
  const ingress: RuleEntry[] = [];
  const egress: RuleEntry[] = [];
  for (const row of ruleRows(plan, result)) {
    const rule = row.rule;
    const base = (group: string, peer: Endpoint, peerGroup: string | undefined) => {
      const common: [string, HclValue][] = [
        ['ip_protocol', rule.protocol],
        ['from_port', rule.port],
        ['to_port', rule.portEnd ?? rule.port],
        ['description', awsDescription(`${rule.id}: ${rule.purposes.join('; ')}`)],
      ];
      if (peerGroup !== undefined) return [{ key: rule.id, fields: [['security_group', group], ['referenced_security_group', peerGroup], ['cidr_ipv4', null], ['cidr_ipv6', null], ...common] }] as RuleEntry[];
      const net = parseNetAddress(peer.address);
      const cidrs: [string, HclValue, HclValue][] = [
        ...(net.any ? [['0.0.0.0/0', '0.0.0.0/0', null] as [string, HclValue, HclValue]] : []),
        ...net.v4.map((c): [string, HclValue, HclValue] => [c, c.includes('/') ? c : `${c}/32`, null]),
        ...net.v6.map((c): [string, HclValue, HclValue] => [c, null, c.includes('/') ? c : `${c}/128`]),
        ...net.names.map((name): [string, HclValue, HclValue] => {
          const variable = `resolve_${slug(name, '_')}`;
          variables.set(variable, name);
          return [name, { raw: `var.${variable}` }, null];
        }),
      ];
      return cidrs.map(([label, v4, v6]) => ({
        key: cidrs.length === 1 ? rule.id : `${rule.id} ${label}`,
        fields: [['security_group', group], ['referenced_security_group', null], ['cidr_ipv4', v4], ['cidr_ipv6', v6], ...common] as [string, HclValue][],
      }));
    };
    const src = groupOf(row.source);
    const dst = groupOf(row.destination);
    if (dst !== undefined) ingress.push(...base(dst, row.source, src));
    if (src !== undefined) egress.push(...base(src, row.destination, dst));
  }
  const map = (entries: RuleEntry[]): HclValue => ({ map: entries.map((e) => [e.key, { map: e.fields }] as [string, HclValue]), quoteKeys: true });
  const ruleResource = (type: string, local: string) =>
    hclBlock(`resource "${type}" "portolan"`, [
      ['for_each', { raw: `local.${local}` }],
      ['security_group_id', { raw: 'aws_security_group.portolan[each.value.security_group].id' }],
      ['referenced_security_group_id', { raw: 'each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id' }],
      ['cidr_ipv4', { raw: 'each.value.cidr_ipv4' }],
      ['cidr_ipv6', { raw: 'each.value.cidr_ipv6' }],
      ['ip_protocol', { raw: 'each.value.ip_protocol' }],
      ['from_port', { raw: 'each.value.from_port' }],
      ['to_port', { raw: 'each.value.to_port' }],
      ['description', { raw: 'each.value.description' }],
      ['tags', { map: [['Name', { raw: 'each.key' }]] }],
    ]);
  return [
    lineComment(`Portolan: AWS security groups for plan ${plan.name}.`),
    '# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and',
    '# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed',
    '# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5',
    '# (aws_vpc_security_group_*_rule).',
    '',
    hclBlock('variable "vpc_id"', [['type', { raw: 'string' }], ['description', 'ID of the VPC that holds the Portolan security groups.']]),
    ...[...variables].sort(([a], [b]) => compareText(a, b)).map(([variable, name]) =>
      hclBlock(`variable "${variable}"`, [['type', { raw: 'string' }], ['description', `CIDR for ${name}: Portolan does not resolve host names (e.g. 192.0.2.10/32).`]]),
    ),
    hclBlock('locals', [
      ['portolan_security_groups', { map: groups.map((g) => [g.key, { map: [['name', g.name], ['description', g.description]] }] as [string, HclValue]), quoteKeys: true }],
      ['portolan_ingress_rules', map(ingress)],
      ['portolan_egress_rules', map(egress)],
    ]),
    hclBlock('resource "aws_security_group" "portolan"', [
      ['for_each', { raw: 'local.portolan_security_groups' }],
      ['name', { raw: 'each.value.name' }],
      ['description', { raw: 'each.value.description' }],
      ['vpc_id', { raw: 'var.vpc_id' }],
      ['tags', { map: [['Name', { raw: 'each.value.name' }]] }],
    ]),
    ruleResource('aws_vpc_security_group_ingress_rule', 'portolan_ingress_rules'),
    ruleResource('aws_vpc_security_group_egress_rule', 'portolan_egress_rules'),
  ].join('\n');
}

