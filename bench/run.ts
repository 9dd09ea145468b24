/**
 * `npm run bench`: runs every benchmark and prints one table with a PASS/FAIL per budget.
 * Each benchmark returns generic rows `{ name, value, unit, budget, pass }`; add new ones to BENCHMARKS.
 * Figures, not tests: nothing here runs in `npm test`. `--only NAME` runs one group.
 */
import { availableParallelism, loadavg } from 'node:os';
import { measureBundle } from './bundle.ts';
import { benchCanvas } from './canvas.ts';
import { benchDerive } from './derive.ts';
import { measureShareLinks } from './share.ts';
import type { BenchRow } from './types.ts';

const SHARE_RATIO_BUDGET = 0.7;
const BUNDLE_BUDGET_KB = 220;

function benchShare(): BenchRow[] {
  return measureShareLinks().flatMap((f) => [
    { name: `share link: ${f.plan} (chars)`, value: f.linkChars, unit: 'chars', budget: 8000, pass: f.linkChars <= 8000 },
    { name: `share link: ${f.plan} / lz-string`, value: Math.round(f.ratio * 100) / 100, unit: '×', budget: SHARE_RATIO_BUDGET, pass: f.ratio <= SHARE_RATIO_BUDGET },
  ]);
}

function benchBundle(): BenchRow[] {
  const b = measureBundle(true);
  const kb = Math.round(b.initialGzipBytes / 102.4) / 10;
  return [
    { name: `bundle: JS before first paint, gzip (${b.initialFiles.length} files)`, value: kb, unit: 'KB', budget: BUNDLE_BUDGET_KB, pass: kb <= BUNDLE_BUDGET_KB },
  ];
}

const BENCHMARKS: { title: string; run: () => BenchRow[] | Promise<BenchRow[]> }[] = [
  { title: 'engine', run: benchDerive },
  { title: 'share', run: benchShare },
  { title: 'bundle', run: benchBundle },
  { title: 'canvas', run: benchCanvas },
];

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

// Timings on a shared machine depend on what else runs: print the context with the figures.
console.log(`node ${process.version}, ${availableParallelism()} CPUs, load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const rows: BenchRow[] = [];
for (const b of BENCHMARKS) {
  if (only && b.title !== only) continue;
  try {
    rows.push(...(await b.run()));
  } catch (e) {
    console.error(`benchmark ${b.title} failed: ${e instanceof Error ? e.message : String(e)}`);
    rows.push({ name: `${b.title}: could not run`, value: Number.NaN, unit: '', budget: 0, pass: false });
  }
}

const w = Math.max(...rows.map((r) => r.name.length), 10);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
console.log(`${pad('benchmark', w)}  ${pad('value', 12, true)}  ${pad('budget', 12, true)}  result`);
console.log('-'.repeat(w + 36));
for (const r of rows) {
  const budget = r.info ? '' : `≤ ${r.budget} ${r.unit}`;
  console.log(`${pad(r.name, w)}  ${pad(`${r.value} ${r.unit}`, 12, true)}  ${pad(budget, 12, true)}  ${r.info ? 'info' : r.pass ? 'PASS' : 'FAIL'}`);
}
const judged = rows.filter((r) => !r.info);
const failed = judged.filter((r) => !r.pass).length;
console.log(`\n${judged.length - failed} PASS, ${failed} FAIL`);
