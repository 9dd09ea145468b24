/**
 * Bundle budget: gzip size of the JavaScript a browser loads before first paint, i.e. the entry
 * script of dist/index.html and every module it preloads. Lazily imported chunks (layout, exporters,
 * image export) do not count. Builds first unless `--no-build` is given.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  initialFiles: string[];
  initialRawBytes: number;
  initialGzipBytes: number;
  totalJsGzipBytes: number;
}

const root = join(import.meta.dirname, '..');

export function measureBundle(build = true): BundleFigures {
  if (build) execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]!);
  const initialFiles = [...refs].map((r) => r.replace(/^\//, '')).sort();
  let raw = 0;
  let gz = 0;
  for (const f of initialFiles) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  let total = 0;
  for (const f of readdirSync(join(dist, 'assets'))) {
    if (f.endsWith('.js')) total += gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length;
  }
  return { initialFiles, initialRawBytes: raw, initialGzipBytes: gz, totalJsGzipBytes: total };
}
