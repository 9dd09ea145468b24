/**
 * The `portolan` command, run the way users run it: `node bin/portolan.mjs …` in a child process.
 * (In-process tests of `main` with a stand-in engine are in main.test.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derive } from '../core/engine/index.ts';
import { EXPORTERS, findExporter } from '../core/export/index.ts';
import { parsePlanText, planJsonSchema } from '../core/schema/index.ts';
import type { Plan } from '../core/schema/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'portolan.mjs');
const FIXTURES = join(ROOT, 'fixtures', 'cli');
const EXAMPLE = join(FIXTURES, 'example.portolan.json');
const tmp = mkdtempSync(join(tmpdir(), 'portolan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function portolan(args: string[], opts: { input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

function loadFixture(file: string): Plan {
  const parsed = parsePlanText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.plan;
}

/** A usage or input error: exit 2, nothing on stdout, exactly one line on stderr (plus a help hint). */
function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n').filter((l) => !l.startsWith("Run 'portolan"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

// Each run starts Node and tsx (about a second on a busy 2-core machine): generous timeouts.
describe.concurrent('portolan CLI', { timeout: 60_000 }, () => {
  it('--help lists the commands and every exporter of the registry', async () => {
    const run = await portolan(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['rules', 'check', 'fix', 'schema', 'export', 'trace', 'diff']) expect(run.stdout).toContain(`portolan ${command}`);
    for (const e of EXPORTERS) expect(run.stdout).toMatch(new RegExp(`^  ${e.id} +${e.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  });

  it('export --help lists every exporter', async () => {
    const run = await portolan(['export', '--help']);
    expect(run.code).toBe(0);
    for (const e of EXPORTERS) expect(run.stdout).toContain(`  ${e.id} `);
  });

  it('prints help for each command and the version', async () => {
    for (const command of ['rules', 'check', 'fix', 'schema', 'trace', 'diff']) {
      const run = await portolan([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: portolan ${command}`));
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await portolan(['--version'])).stdout).toBe(`portolan ${pkg.version}\n`);
  });

  it('rules prints an aligned table by default, and each format and view from the registry', async () => {
    const plan = loadFixture(EXAMPLE);
    const result = derive(plan);
    const text = await portolan(['rules', EXAMPLE]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^RULE +SOURCE +DESTINATION +PORT +PURPOSE$/m);
    expect(text.stdout).toMatch(/^proxy-1-to-auth-3025-tcp +Proxy 1 \(10\.0\.1\.11\) +Auth \(10\.0\.2\.10\) +3025\/tcp /m);
    for (const [args, id] of [
      [['--format', 'csv'], 'csv'],
      [['--format', 'csv', '--view', 'zones'], 'csv-zones'],
      [['--format', 'csv', '--view', 'hosts'], 'csv-hosts'],
      [['--format', 'md'], 'md'],
      [['--format', 'json'], 'json'],
    ] as const) {
      const run = await portolan(['rules', EXAMPLE, ...args]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(findExporter(id)?.run(plan, result, {}));
    }
    for (const view of ['zones', 'hosts']) expect((await portolan(['rules', EXAMPLE, '--view', view])).code).toBe(0);
  });

  it('rules rejects unknown formats and views', async () => {
    expectOneLineError(await portolan(['rules', EXAMPLE, '--format', 'xml']), /unknown --format "xml"/);
    expectOneLineError(await portolan(['rules', EXAMPLE, '--view', 'racks']), /unknown --view "racks"/);
    expectOneLineError(await portolan(['rules', EXAMPLE, '--format', 'json', '--view', 'hosts']), /has no --view hosts/);
  });

  it('reads the plan from stdin with -', async () => {
    const run = await portolan(['rules', '-', '--format', 'json'], { input: readFileSync(EXAMPLE, 'utf8') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'portolan-rules', version: 1, plan: 'Example: self-hosted HA cluster' });
    expectOneLineError(await portolan(['check', '-'], { input: '' }), /^portolan: stdin: the input is empty/);
  });

  it('works from another working directory', async () => {
    const run = await portolan(['rules', EXAMPLE, '--format', 'csv'], { cwd: tmp });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('id,source,source_zone,')).toBe(true);
    const relative = await portolan(['check', 'example.portolan.json'], { cwd: FIXTURES });
    expect(relative.stderr).toBe('');
  });

  it('schema prints the plan JSON Schema, pretty-printed', async () => {
    const run = await portolan(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(planJsonSchema());
    expect(run.stdout).toContain('\n  "$id": ');
  });

  it('check exits 0 on a plan without errors', async () => {
    const run = await portolan(['check', EXAMPLE]);
    const errors = derive(loadFixture(EXAMPLE)).findings.filter((f) => f.severity === 'error');
    expect(run.code).toBe(errors.length > 0 ? 1 : 0);
    expect(run.stdout).toMatch(/Example: self-hosted HA cluster: (no findings|\d+ errors?, \d+ warnings?, \d+ info)\.\n$/);
  });

  it('check exits 1 on a plan with an error finding', async () => {
    const run = await portolan(['check', join(FIXTURES, 'no-auth.portolan.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error +PL-NO-AUTH/m);
  });

  it('check lists the fix options of a design decision; fix leaves them to the user', async () => {
    const plan = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: Record<string, unknown>[] };
    for (const n of plan.nodes) if (n.kind === 'load-balancer') n.tlsTermination = true;
    const checked = await portolan(['check', '-'], { input: JSON.stringify(plan) });
    expect(checked.stdout).toMatch(/^warning L-T5 \[lb, proxy-1, proxy-2\]: .*\n(?: {8}.*\n)*? {8}fix option: Pass TCP through on Proxy LB \(no TLS termination\)\n {8}fix option: Mark Proxy LB as re-encrypting \(a TLS target group\)\n/m);
    const run = await portolan(['fix', '-'], { input: JSON.stringify(plan) });
    expect(run.stderr).not.toMatch(/TLS/);
    expect(JSON.parse(run.stdout).nodes.find((n: { id: string }) => n.id === 'lb')).toMatchObject({ tlsTermination: true, tlsReencrypt: false });
  });

  it('check names the one-click fixes; fix applies them, names them on stderr and writes the fixed plan', async () => {
    const plan = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: Record<string, unknown>[] };
    for (const n of plan.nodes) {
      if (n.kind === 'auth') n.proxyProtocol = 'unspecified';
      if (n.kind === 'tbot') n.joinAddr = 'teleport.example.com:3080';
    }
    // check names the one-click fixes, and where to apply them.
    const checked = await portolan(['check', '-'], { input: JSON.stringify(plan) });
    expect(checked.stdout).toContain('        one-click fix: Set proxy_protocol: off for Auth (portolan fix applies it)\n');
    const out = join(tmp, 'fixed.portolan.json');
    const run = await portolan(['fix', '-', '-o', out], { input: JSON.stringify(plan) });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^portolan: stdin: fixed: Set proxy_protocol: off for Auth\nportolan: stdin: fixed: Write proxy_server: teleport\.example\.com:443 for CI tbot\n$/);
    const fixed = loadFixture(out);
    expect(derive(fixed).findings).toEqual([]);
    expect(fixed.nodes.find((n) => n.kind === 'tbot')).toMatchObject({ joinAddr: 'teleport.example.com:443' });
    // Nothing to fix: the plan is written back as read, and stderr says so.
    const again = await portolan(['fix', out]);
    expect([again.code, again.stderr]).toEqual([0, `portolan: ${out}: nothing to fix (no finding has a one-click fix)\n`]);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    // An error finding no fix can clear: exit 1, the count on stderr, the plan still written.
    const noAuth = await portolan(['fix', join(FIXTURES, 'no-auth.portolan.json')]);
    expect(noAuth.code).toBe(1);
    expect(noAuth.stderr).toMatch(/finding(s)? left \(portolan check\)\n$/);
    expect(parsePlanText(noAuth.stdout).ok).toBe(true);
    // Output that cannot be written: exit 2, one line, nothing reported as fixed.
    const unwritable = await portolan(['fix', EXAMPLE, '-o', join(tmp, 'no-such-dir', 'x.json')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write it \(ENOENT\)/);
    expect(unwritable.stderr).not.toContain('fixed:');
    expect((await portolan(['fix', EXAMPLE, '-o', ''])).stderr).toMatch(/^portolan: -o needs a file name/);
  });

  it('trace prints the hops of an access path; diff compares two plans', async () => {
    const trace = await portolan(['trace', EXAMPLE, '--from', 'Engineers', '--to', 'Orders DB']);
    expect(trace.code).toBe(0);
    expect(trace.stdout).toMatch(/^ {2}5 +Database agent +Orders DB +5432\/tcp +db-agent-to-postgres-5432-tcp$/m);
    const diff = await portolan(['diff', EXAMPLE, join(FIXTURES, 'no-auth.portolan.json'), '--format', 'csv']);
    expect(diff.code).toBe(0);
    expect(diff.stdout.startsWith('action,rule_id,source,')).toBe(true);
    expect(diff.stdout).toMatch(/^Remove,users-to-lb-443-tcp,Engineers,/m);
  });

  it('export writes a format to stdout or to a file, byte for byte the registry output', async () => {
    const plan = loadFixture(EXAMPLE);
    const expected = findExporter('csv')?.run(plan, derive(plan), {});
    const stdout = await portolan(['export', EXAMPLE, '--format', 'csv']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(expected);
    const out = join(tmp, 'rules.csv');
    const file = await portolan(['export', EXAMPLE, '-f', 'csv', '-o', out]);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(expected);
    for (const e of EXPORTERS.filter((x) => !x.perHost)) expect((await portolan(['export', EXAMPLE, '--format', e.id])).code).toBe(0);
  });

  it('export --host picks a host by id or name', async () => {
    const plan = loadFixture(EXAMPLE);
    const expected = findExporter('csv-hosts')?.run(plan, derive(plan), { host: 'proxy-1' });
    for (const host of ['proxy-1', 'Proxy 1']) {
      const run = await portolan(['export', EXAMPLE, '--format', 'csv-hosts', '--host', host]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(expected);
    }
    expectOneLineError(await portolan(['export', EXAMPLE, '--format', 'csv-hosts', '--host', 'nobody']), /--host: no node with id or name "nobody"/);
    expectOneLineError(await portolan(['export', EXAMPLE, '--format', 'csv', '--host', 'proxy-1']), /format csv does not take --host/);
  });

  it('export refuses a missing or unknown format and an unwritable output', async () => {
    expectOneLineError(await portolan(['export', EXAMPLE]), /--format is required \(one of csv, csv-hosts/);
    expectOneLineError(await portolan(['export', EXAMPLE, '--format', 'pdf']), /unknown format "pdf"/);
    expectOneLineError(await portolan(['export', EXAMPLE, '--format', 'csv', '-o', join(tmp, 'no', 'such', 'dir.csv')]), /cannot write it \(ENOENT\)/);
  });

  it('names the file and the problem in one line, exit 2, for unreadable or invalid plans', async () => {
    expectOneLineError(await portolan(['rules', 'no-such-plan.json']), /^portolan: no-such-plan\.json: no such file$/);
    expectOneLineError(await portolan(['check', FIXTURES]), /: is a directory, not a plan file$/);
    expectOneLineError(
      await portolan(['rules', 'fixtures/cli/invalid-port.portolan.json']),
      /^portolan: fixtures\/cli\/invalid-port\.portolan\.json: field nodes\[3\]\.port: expected a port number 1–65535$/,
    );
    expectOneLineError(await portolan(['check', 'fixtures/cli/not-a-plan.csv']), /^portolan: fixtures\/cli\/not-a-plan\.csv: this is not valid JSON/);
    expectOneLineError(await portolan(['export', 'fixtures/cli/truncated.portolan.json', '-f', 'md']), /truncated\.portolan\.json: the plan is cut off/);
    expectOneLineError(await portolan(['check', '-'], { input: '{"type":"portolan-plan","version":1,"name":"x","clusters":[{"id":"Bad Id","name":"c"}]}' }), /^portolan: stdin: field clusters\[0\]\.id: /);
    expectOneLineError(await portolan(['check', '-'], { input: '\u00ff\u00fe{' }), /^portolan: stdin: /);
  });

  it('rejects unknown commands, options and extra arguments with a usage error', async () => {
    expectOneLineError(await portolan(['frobnicate']), /^portolan: unknown command "frobnicate"/);
    expectOneLineError(await portolan(['--frob']), /^portolan: unknown option --frob/);
    expectOneLineError(await portolan(['rules', EXAMPLE, '--fromat', 'csv']), /^portolan: rules: unknown option '--fromat'/);
    expectOneLineError(await portolan(['rules']), /rules: missing PLAN/);
    expectOneLineError(await portolan(['check', EXAMPLE, 'extra.json']), /check: unexpected argument: extra\.json/);
    expectOneLineError(await portolan(['schema', 'x']), /schema: unexpected argument: x/);
    const bare = await portolan([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage:');
  });

  it('keeps formula injection out of CSV from a hostile plan', async () => {
    const run = await portolan(['rules', join(FIXTURES, 'evil-names.portolan.json'), '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/(^|,)[=+\-@]/m);
  });
});
