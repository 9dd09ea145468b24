import { describe, expect, it } from 'vitest';
import { allCases, goldenOf, hostileCase, kubeletCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { HAS_TERRAFORM, TOOL_TIMEOUT, balanced, expectTerraformFormatted } from './__fixtures__/hcl-checks.ts';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import { awsDescription } from './terraform.ts';

/** `"key" = {` entries directly inside `name = {` in locals. */
function mapKeys(text: string, name: string): string[] {
  const start = text.indexOf(`  ${name} = {\n`);
  const end = text.indexOf('\n  }\n', start);
  return [...text.slice(start, end).matchAll(/^ {4}"((?:[^"\\]|\\.)*)" = \{$/gm)].map((m) => m[1] ?? '');
}

function resourceBlocks(text: string): { type: string; body: string }[] {
  return [...text.matchAll(/^resource "([^"]+)" "portolan" \{\n([\s\S]*?)^\}$/gm)].map((m) => ({ type: m[1] ?? '', body: m[2] ?? '' }));
}

function structure(c: Case): void {
  const text = runExport('terraform', c);
  expect(balanced(text)).toBe(true);
  expect(text).toMatch(/^variable "vpc_id" \{$/m);
  const blocks = resourceBlocks(text);
  expect(blocks.map((b) => b.type)).toEqual(['aws_security_group', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']);
  for (const b of blocks) {
    expect(b.body).toMatch(/^ {2}for_each +=/m);
    const required = b.type === 'aws_security_group' ? ['name', 'description', 'vpc_id'] : ['security_group_id', 'ip_protocol', 'from_port', 'to_port', 'description', 'cidr_ipv4', 'referenced_security_group_id'];
    for (const attr of required) expect(b.body).toMatch(new RegExp(`^ {2}${attr} +=`, 'm'));
  }
  // for_each keys are the rule ids (a peer with several CIDRs: `<rule id> <cidr>`), never indexes.
  const ids = new Set(c.result.rules.map((r) => r.id));
  for (const local of ['portolan_ingress_rules', 'portolan_egress_rules']) {
    const keys = mapKeys(text, local);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(ids.has(key.split(' ')[0] ?? '')).toBe(true);
  }
  for (const m of text.matchAll(/description += "((?:[^"\\]|\\.)*)"/g)) {
    const value = (m[1] ?? '').replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    expect(value.length).toBeLessThanOrEqual(255);
    expect(value).toMatch(/^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/);
  }
}

describe('Terraform (AWS security groups) export', () => {
  it('matches the golden files', async () => {
    await expect(goldenOf('terraform', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.tf');
  });

  it('has the expected structure for every plan: resources, attributes, for_each keyed by rule id', () => {
    for (const c of allCases()) structure(c);
  });

  it('references security groups between zones and CIDRs for the internet', () => {
    const text = runExport('terraform', allCases()[0] as Case);
    expect(text).toMatch(/"proxy-1-to-auth-3025-tcp" = \{\n\s+security_group\s+= "control-plane"\n\s+referenced_security_group = "dmz"/);
    expect(text).toMatch(/"users-to-lb-443-tcp" = \{\n\s+security_group\s+= "dmz"\n\s+referenced_security_group = null\n\s+cidr_ipv4\s+= "0.0.0.0\/0"/);
  });

  it('gives a security group of its own only to a node in no zone that can be a machine in the VPC', () => {
    const input = JSON.parse(JSON.stringify(examplePlan())) as { nodes: { id: string; zone?: string; addresses: string[] }[] };
    for (const n of input.nodes) {
      if (n.id === 'postgres' || n.id === 'kube-api') delete n.zone;
      if (n.id === 'kube-api') n.addresses = [];
    }
    const plan = PlanSchema.parse(input);
    const text = runExport('terraform', { name: 'unzoned', plan, result: derive(plan) });
    const groups = mapKeys(text, 'portolan_security_groups');
    expect(groups).toContain('host-postgres');
    expect(groups.filter((g) => g.startsWith('host-'))).toEqual(['host-postgres']);
    // The rule towards the node with no address has no group to land in: egress only, to any address.
    const toKube = mapKeys(text, 'portolan_egress_rules').filter((k) => k.includes('-to-kube-api-'));
    expect(toKube.length).toBeGreaterThan(0);
    expect(mapKeys(text, 'portolan_ingress_rules').filter((k) => k.includes('-to-kube-api-'))).toEqual([]);
  });

  it('lets the kubelet rule of a tbot into the group of the tbot\'s zone (the kubelet runs on a node there)', () => {
    const text = runExport('terraform', kubeletCase());
    expect(text).toMatch(/"tbot-to-kubelet:tbot-10250-tcp" = \{\n\s+security_group\s+= "ci"\n\s+referenced_security_group = "ci"/);
  });

  it('keeps descriptions in the AWS character set', () => {
    expect(awsDescription('a → b "c" <d> ünï\nx')).toBe('a to b c d n x');
    expect(awsDescription('x'.repeat(300)).length).toBe(255);
    structure(hostileCase());
    expect(runExport('terraform', hostileCase())).not.toMatch(/(?<!\$)\$\{|(?<!%)%\{/);
  });

  it.skipIf(!HAS_TERRAFORM)('is formatted as terraform fmt wants it (skipped only when terraform is not installed)', TOOL_TIMEOUT, () => {
    expectTerraformFormatted('terraform', allCases());
  });
});
