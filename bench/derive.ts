/**
 * Benchmark of `derive` on generated plans with about 100, 1,000 and 10,000 links: a realistic mix
 * of an HA control plane (Proxies behind an L4 LB, Auth), users, and many agents, each linked to the
 * LB and to the resource it serves. Deterministic: same plans every run.
 */
import type * as z from 'zod/mini';
import { derive } from '../src/core/engine/index.ts';
import { PlanSchema } from '../src/core/schema/index.ts';
import type { Plan } from '../src/core/schema/index.ts';
import type { BenchRow } from './types.ts';

export type { BenchRow } from './types.ts';

type PlanInput = z.input<typeof PlanSchema>;
type NodeInput = NonNullable<PlanInput['nodes']>[number];

const AGENT_KINDS = [
  { service: 'ssh', resource: undefined },
  { service: 'database', resource: { kind: 'database', engine: 'postgres', port: 5432 } },
  { service: 'kubernetes', resource: { kind: 'kube-api', port: 6443 } },
  { service: 'app', resource: { kind: 'app', uri: 'https://app.internal.example.com' } },
  { service: 'desktop', resource: { kind: 'windows-host' } },
] as const;

/** A plan with about `links` links. */
export function generatePlan(links: number): Plan {
  const proxies = Math.max(2, Math.min(6, Math.round(Math.log10(links)) + 1));
  const nodes: NodeInput[] = [
    { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh', 'kubectl', 'database'], zone: 'internet' },
    { id: 'lb', name: 'Proxy LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }], idleTimeoutSeconds: 350, addresses: ['teleport.example.com'], zone: 'dmz' },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' },
  ];
  const out: { id: string; source: string; target: string }[] = [{ id: 'users-lb', source: 'users', target: 'lb' }];
  for (let i = 0; i < proxies; i++) {
    nodes.push({ id: `proxy-${i}`, name: `Proxy ${i}`, kind: 'proxy', publicAddr: ['teleport.example.com:443'], addresses: [`10.0.1.${10 + i}`], zone: 'dmz' });
    out.push({ id: `lb-proxy-${i}`, source: 'lb', target: `proxy-${i}` }, { id: `proxy-${i}-auth`, source: `proxy-${i}`, target: 'auth' });
  }
  for (let i = 0; out.length < links; i++) {
    const k = AGENT_KINDS[i % AGENT_KINDS.length]!;
    const zone = `private-${i % 8}`;
    const agent = `agent-${i}`;
    nodes.push({ id: agent, name: `Agent ${i}`, kind: 'agent', services: [k.service], addresses: [`10.${10 + (i % 8)}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`], zone });
    out.push({ id: `${agent}-lb`, source: agent, target: 'lb' });
    if (k.resource && out.length < links) {
      nodes.push({ id: `res-${i}`, name: `Resource ${i}`, zone, ...k.resource } as NodeInput);
      out.push({ id: `${agent}-res`, source: agent, target: `res-${i}` });
    }
  }
  const zones: NonNullable<PlanInput['zones']> = [
    { id: 'internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'] },
    { id: 'dmz', name: 'DMZ', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'cp', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    ...Array.from({ length: 8 }, (_, i) => ({ id: `private-${i}`, name: `Private ${i}`, kind: 'private' as const, cidrs: [`10.${10 + i}.0.0/16`] })),
  ];
  return PlanSchema.parse({ type: 'portolan-plan', version: 1, name: `bench ${links}`, clusters: [{ id: 'main', name: 'teleport.example.com' }], zones, nodes, links: out });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Process CPU time in ms (user + system; includes GC helper threads). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median wall time and median process CPU time of `derive(plan)` in ms, after warm-up runs. */
export function timeDerive(plan: Plan, runs: number, warmup = 3): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) derive(plan);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    derive(plan);
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Budgets from issue 3: 10,000 links ≤ 50 ms median on 2 cores, time(10k)/time(1k) ≤ 12. */
export const BUDGET_10K_MS = 50;
export const BUDGET_RATIO = 12;

/** Run the derive benchmark. */
export function benchDerive(): BenchRow[] {
  const sizes: [number, number, number][] = [[100, 200, 5], [1000, 60, 5], [5000, 31, 5], [10000, 21, 5]];
  const times = new Map<number, { wall: number; cpu: number }>();
  const rows: BenchRow[] = [];
  for (const [links, runs, warmup] of sizes) {
    const t = timeDerive(generatePlan(links), runs, warmup);
    times.set(links, t);
    // Only the 10k budget is specified; smaller sizes get a proportional budget with 4× headroom.
    const budget = links === 10000 ? BUDGET_10K_MS : (BUDGET_10K_MS * links) / 10000 * 4;
    rows.push({ name: `derive ${links.toLocaleString('en-US')} links (median wall)`, value: round(t.wall), unit: 'ms', budget: round(budget), pass: t.wall <= budget });
  }
  const t1 = times.get(1000) ?? { wall: 1, cpu: 1 };
  const t10 = times.get(10000) ?? { wall: 0, cpu: 0 };
  const ratio = t10.wall / t1.wall;
  rows.push({ name: 'derive time(10k) / time(1k) (wall)', value: round(ratio), unit: '×', budget: BUDGET_RATIO, pass: ratio <= BUDGET_RATIO });
  // CPU time is less sensitive to other processes on a shared machine (it still includes GC threads).
  rows.push({ name: 'derive 10,000 links (median CPU)', value: round(t10.cpu), unit: 'ms', budget: BUDGET_10K_MS, pass: t10.cpu <= BUDGET_10K_MS });
  rows.push({ name: 'derive time(10k) / time(1k) (CPU)', value: round(t10.cpu / t1.cpu), unit: '×', budget: BUDGET_RATIO, pass: t10.cpu / t1.cpu <= BUDGET_RATIO });
  // Per-link cost, for the ratio: it steps up where a run's allocations outgrow V8's young generation
  // (16 MB semi-space by default), so that each result is copied and promoted instead of dying young.
  for (const links of [1000, 5000, 10000]) {
    const t = times.get(links);
    if (t) rows.push({ name: `derive per link at ${links.toLocaleString('en-US')} links`, value: round((t.wall * 1000) / links), unit: 'µs', budget: 0, pass: true, info: true });
  }
  rows.push(...benchResultCopy());
  return rows;
}

/**
 * Context for the ratio: the time to merely allocate objects and lists shaped like the result (a
 * copy of it, sharing its strings), with no engine logic. At 1,000 links a result dies young; at
 * 10,000 it outlives the collections of V8's young generation, which copy it, so even this floor
 * grows much faster than the number of links.
 */
export function benchResultCopy(): BenchRow[] {
  const times = new Map<number, number>();
  for (const [links, runs] of [[1000, 200], [10000, 40]] as const) {
    const result = derive(generatePlan(links));
    for (let i = 0; i < 5; i++) copyResult(result);
    const wall: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      copyResult(result);
      wall.push(performance.now() - t0);
    }
    times.set(links, median(wall));
  }
  const t1 = times.get(1000) ?? 1;
  const t10 = times.get(10000) ?? 0;
  return [
    { name: 'copy of the result alone, 1,000 links', value: round(t1), unit: 'ms', budget: 0, pass: true, info: true },
    { name: 'copy of the result alone, 10,000 links', value: round(t10), unit: 'ms', budget: 0, pass: true, info: true },
    { name: 'copy of the result alone, time(10k) / time(1k)', value: round(t10 / t1), unit: '×', budget: 0, pass: true, info: true },
  ];
}

/** Fresh objects and lists with the result's shape and strings. */
function copyResult(r: ReturnType<typeof derive>): unknown {
  const flows = r.flows.map((f) => ({ ...f, links: f.links.slice(), settings: f.settings.slice() }));
  const rules = r.rules.map((x) => ({ ...x, purposes: x.purposes.slice(), causes: x.causes.slice(), docs: x.docs.slice(), notes: x.notes.slice(), flows: x.flows.slice(), links: x.links.slice() }));
  const links = r.links.map((l) => ({ ...l, flows: l.flows.slice() }));
  return [flows, rules, links];
}
