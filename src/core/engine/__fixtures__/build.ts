/** A tiny builder for test plans: inputs are validated with the real schema (defaults applied). */
import type * as z from 'zod/mini';
import { PlanSchema } from '../../schema/index.ts';
import type { Plan } from '../../schema/index.ts';

type PlanInput = z.input<typeof PlanSchema>;
/** A node as the schema accepts it. */
export type NodeInput = NonNullable<PlanInput['nodes']>[number];
/** A cluster as the schema accepts it. */
export type ClusterInput = PlanInput['clusters'][number];
/** A zone as the schema accepts it. */
export type ZoneInput = NonNullable<PlanInput['zones']>[number];

/** Standard zones: internet, dmz, control plane, private. */
export const ZONES: ZoneInput[] = [
  { id: 'internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'] },
  { id: 'dmz', name: 'DMZ', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
  { id: 'cp', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
  { id: 'private', name: 'Private', kind: 'private', cidrs: ['10.0.10.0/24'] },
];

/** Build and validate a plan; links are given as `a-b` pairs (`[a, b]`) with generated ids. */
export function plan(clusters: ClusterInput[], nodes: NodeInput[], links: [string, string][], zones: ZoneInput[] = ZONES): Plan {
  return PlanSchema.parse({
    type: 'portolan-plan',
    version: 1,
    name: 'test',
    clusters,
    zones,
    nodes,
    links: links.map(([source, target]) => ({ id: `${source}--${target}`, source, target })),
  });
}

/** `source>destination:port/proto` for each rule, sorted. */
export function ruleKeys(rules: readonly { source: string; destination: string; port: number; portEnd?: number; protocol: string }[]): string[] {
  return rules.map((r) => `${r.source}>${r.destination}:${r.port}${r.portEnd === undefined ? '' : `-${r.portEnd}`}/${r.protocol}`).sort();
}
