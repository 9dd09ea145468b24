/**
 * Plans the config exporters are golden-tested on: the example plan, the engine's reference
 * scenarios (issue 3) and the templates, plus a hostile plan whose names are shell, XML, YAML and
 * HCL metacharacters, a dual-stack plan with IPv6 addresses, and the frozen every-field and every-kind
 * plan files (UDP rules, port ranges, every node kind).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive } from '../../engine/index.ts';
import type { DeriveResult } from '../../engine/index.ts';
import { SCENARIOS } from '../../engine/__fixtures__/scenarios.ts';
import { examplePlan } from '../../examples/example-plan.ts';
import { PlanSchema } from '../../schema/index.ts';
import type { Plan } from '../../schema/index.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { findExporter } from '../registry.ts';
import type { ExportOptions } from '../registry.ts';

export interface Case {
  name: string;
  plan: Plan;
  result: DeriveResult;
}

const make = (name: string, plan: Plan): Case => ({ name, plan, result: derive(plan) });

/** The engine's reference scenarios. */
export const scenarioCases = (): Case[] => SCENARIOS.map((s) => make(s.name, s.plan));

/** The frozen plan files that hold every field and every node kind. */
export const fixtureCases = (): Case[] =>
  ['every-field-3', 'every-field-4', 'every-kind', 'every-kind-2'].map((name) =>
    make(name, PlanSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../fixtures/plans/v1/valid/${name}.portolan.json`, import.meta.url)), 'utf8')))),
  );

/** Every template of the gallery. */
export const templateCases = (): Case[] => TEMPLATES.map((t) => make(`template ${t.id}`, t.plan()));

/** Names that break naive quoting in every target language. */
export const HOSTILE_NAMES = ['$(reboot)', "'; rm -rf / #", '"quoted" <b>&amp;</b> `id`', 'line one\nline two # ${var}', 'Ünïcødé → ✓ \\ %{x}'];

/** The example plan with hostile node and zone names. */
export function hostileCase(): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as { name: string; nodes: { name: string }[]; zones: { name: string }[] };
  input.name = HOSTILE_NAMES[0] ?? '';
  input.nodes.forEach((n, i) => (n.name = `${HOSTILE_NAMES[i % HOSTILE_NAMES.length]} ${i}`));
  input.zones.forEach((z, i) => (z.name = `${HOSTILE_NAMES[(i + 2) % HOSTILE_NAMES.length]} zone`));
  return make('hostile names', PlanSchema.parse(input));
}

/** The example plan with IPv6 addresses on some nodes (and a port range), for ip6tables and nft. */
export function dualStackCase(): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as { nodes: { id: string; addresses: string[] }[] };
  for (const n of input.nodes) {
    if (n.id === 'kube-api') n.addresses = ['2001:db8:10::5'];
    if (n.id === 'ssh-agent') n.addresses = ['2001:db8:10::21'];
  }
  return make('dual stack', PlanSchema.parse(input));
}

/** The example plan whose CI tbot runs the Kubernetes workload attestor (a rule to `kubelet:tbot`). */
export function kubeletCase(): Case {
  const input = JSON.parse(JSON.stringify(examplePlan())) as { nodes: { id: string; workloadApi?: unknown }[] };
  for (const n of input.nodes) if (n.id === 'tbot') n.workloadApi = { listen: 'unix:///opt/machine-id/workload.sock', kubernetesAttestor: true };
  return make('kubelet', PlanSchema.parse(input));
}

/** All cases the tool checks run on. */
export const allCases = (): Case[] => [make('example', examplePlan()), ...scenarioCases(), ...templateCases(), hostileCase(), dualStackCase(), ...fixtureCases()];

/** Run an exporter by id. */
export function runExport(id: string, c: Case, options: ExportOptions = {}): string {
  const exporter = findExporter(id);
  if (!exporter) throw new Error(`no exporter ${id}`);
  return exporter.run(c.plan, c.result, options);
}

/** One golden text for a list of cases: each output under a `<comment> ===== case: … =====` header. */
export function goldenOf(id: string, cases: readonly Case[], comment = '#'): string {
  return cases.map((c) => `${comment} ===== case: ${c.name} =====\n${runExport(id, c)}`).join('\n');
}
