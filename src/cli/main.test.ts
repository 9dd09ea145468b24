/** `main` in-process, with a stand-in engine: exit statuses that depend on what the engine finds. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeriveResult, Finding } from '../core/engine/index.ts';
import { finding } from '../core/export/__fixtures__/sample-result.ts';
import { main } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'fixtures', 'cli', 'example.portolan.json');

async function check(findings: Finding[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const result: DeriveResult = { flows: [], rules: [], findings, links: [] };
  const code = await main(['check', EXAMPLE], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => Promise.resolve(new Uint8Array()),
    cwd: ROOT,
    derive: () => result,
  });
  return { code, out, err };
}

describe('portolan check exit status', () => {
  it('is 0 without findings, and with warnings and info only', async () => {
    expect((await check([])).code).toBe(0);
    const run = await check([finding({ id: 'W:x', code: 'W', severity: 'warning' }), finding({ id: 'I:x', code: 'I', severity: 'info' })]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/: 0 errors, 1 warning, 1 info\.\n$/);
  });

  it('is 1 with at least one error, listed first', async () => {
    const run = await check([finding({ id: 'W:x', code: 'W', severity: 'warning' }), finding({ id: 'E:x', code: 'E', severity: 'error', message: 'broken' })]);
    expect(run.code).toBe(1);
    expect(run.out.split('\n')[0]).toBe('error   E: broken');
    expect(run.err).toBe('');
  });

  it('is 3 with one line, no stack, when the engine itself fails', async () => {
    let err = '';
    const code = await main(['rules', EXAMPLE], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      readStdin: () => Promise.resolve(new Uint8Array()),
      cwd: ROOT,
      derive: () => {
        throw new Error('boom');
      },
    });
    expect(code).toBe(3);
    expect(err).toMatch(/^portolan: internal error: boom \(please report it; set PORTOLAN_DEBUG=1 for details\)\n$/);
  });
});
