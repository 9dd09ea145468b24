/**
 * `npm run bench`: runs every benchmark and prints one table. Each benchmark returns generic rows
 * `{ name, value, unit, budget, pass }`; add new ones to BENCHMARKS.
 */
import { availableParallelism, loadavg } from 'node:os';
import { benchDerive } from './derive.ts';
import type { BenchRow } from './types.ts';

const BENCHMARKS: { title: string; run: () => BenchRow[] }[] = [{ title: 'requirements engine', run: benchDerive }];

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

// Timings on a shared machine depend on what else runs: print the context with the figures.
console.log(`node ${process.version}, ${availableParallelism()} CPUs, load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const rows: (BenchRow & { group: string })[] = [];
for (const b of BENCHMARKS) for (const r of b.run()) rows.push({ ...r, group: b.title });

const w = Math.max(...rows.map((r) => r.name.length), 10);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
console.log(`${pad('benchmark', w)}  ${pad('value', 10, true)}  ${pad('budget', 10, true)}  result`);
console.log('-'.repeat(w + 34));
for (const r of rows) {
  console.log(`${pad(r.name, w)}  ${pad(`${r.value} ${r.unit}`, 10, true)}  ${pad(`${r.budget} ${r.unit}`, 10, true)}  ${r.pass ? 'ok' : 'OVER BUDGET'}`);
}
const failed = rows.filter((r) => !r.pass).length;
console.log(`\n${rows.length - failed} within budget, ${failed} over budget`);
