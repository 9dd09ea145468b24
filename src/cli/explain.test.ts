/** `portolan trace`, `portolan diff` and assertions in `portolan check`, run in-process on temporary plan files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { examplePlan } from '../core/examples/example-plan.ts';
import { templateById } from '../core/templates/index.ts';
import type { Plan } from '../core/schema/index.ts';
import { main } from './main.ts';

const tmp = mkdtempSync(join(tmpdir(), 'portolan-explain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, plan: Plan): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(plan), 'utf8');
  return path;
}

async function run(args: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => Promise.resolve(new TextEncoder().encode(input)),
    cwd: tmp,
  });
  return { code, out, err };
}

const EXAMPLE = file('example.portolan.json', examplePlan());
const broken = examplePlan();
broken.links = broken.links.filter((l) => l.id !== 'ssh-agent-lb');
const BROKEN = file('broken.portolan.json', broken);

describe('portolan trace', () => {
  it('--via relay traces the SSH leg through the Relay Service', async () => {
    const relaySite = file('relay-site.portolan.json', templateById('relay-site')!.plan());
    const r = await run(['trace', relaySite, '--from', 'site-users', '--to', 'ssh-agents', '--via', 'relay']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('relay-lb-to-relay-1-3040-tcp');
    expect(r.out).toContain('ssh-agents-to-relay-lb-3042-tcp');
    expect((await run(['trace', relaySite, '--from', 'users', '--to', 'ssh-agents', '--via', 'relay'])).code).toBe(1);
  });

  it('prints one line per hop with its rule id, exit 0 when complete (nodes by id or name)', async () => {
    for (const from of ['users', 'Engineers']) {
      const r = await run(['trace', EXAMPLE, '--from', from, '--to', 'SSH agent']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      const lines = r.out.trimEnd().split('\n');
      expect(lines[0]).toBe('Engineers → SSH agent with tsh:');
      expect(lines[1]).toMatch(/^ {2}HOP +FROM +TO +PORT +RULE +NOTE$/);
      expect(lines.slice(2, 6).map((l) => l.trim().split(/ {2,}/).slice(0, 5))).toEqual([
        ['1', 'Engineers', 'Proxy LB', '443/tcp', 'users-to-lb-443-tcp'],
        ['2', 'Proxy LB', 'Proxy 1', '3080/tcp', 'lb-to-proxy-1-3080-tcp'],
        ['3', 'Proxy 1', 'Proxy LB', '3080/tcp', 'lb-to-proxy-1-3080-tcp'],
        ['4', 'Proxy LB', 'SSH agent', '443/tcp', 'ssh-agent-to-lb-443-tcp'],
      ]);
      expect(lines[5]).toMatch(/reverse tunnel opened by SSH agent: the rule goes SSH agent → Proxy LB$/);
      expect(lines[6]).toBe('Complete: 4 hops.');
    }
  });

  it('takes --tool, and exits 1 naming what is missing', async () => {
    const r = await run(['trace', BROKEN, '--from', 'users', '--to', 'ssh-agent']);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('Incomplete: SSH agent has no path to the Proxy: link it to the Proxy or its load balancer.');
    const tool = await run(['trace', EXAMPLE, '--from', 'users', '--to', 'kube-api', '--tool', 'rdp']);
    expect(tool.code).toBe(1);
    expect(tool.out).toContain('Setting: nodes[users].tools\n');
    expect((await run(['trace', EXAMPLE, '--from', 'tbot', '--to', 'lb'])).code).toBe(0);
  });

  it('rejects missing or unknown nodes and tools with a usage error', async () => {
    expect(await run(['trace', EXAMPLE, '--to', 'lb'])).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^portolan: trace: --from NODE and --to NODE are required/) });
    expect(await run(['trace', EXAMPLE, '--from', 'users', '--to', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('--to: no node with id or name "nope"') });
    expect(await run(['trace', EXAMPLE, '--from', 'users', '--to', 'lb', '--tool', 'ssh'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown --tool "ssh"') });
    expect(await run(['trace', EXAMPLE, '--from', 'users', '--to', 'lb', '--via', 'vpn'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown --via "vpn"') });
    expect((await run(['trace', '--from', 'users', '--to', 'lb'])).err).toMatch(/trace: missing PLAN/);
    expect((await run(['trace', '--help'])).out).toMatch(/^Usage: portolan trace PLAN --from NODE --to NODE/);
  });
});

describe('portolan diff', () => {
  it('prints the changes as text by default, a change-ticket CSV or Markdown', async () => {
    const text = await run(['diff', EXAMPLE, BROKEN]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('- rule ssh-agent-to-lb-443-tcp  SSH agent → Proxy LB  443/tcp  ');
    expect(text.out).toContain('- link ssh-agent-lb: SSH agent — Proxy LB\n');
    const csv = await run(['diff', EXAMPLE, BROKEN, '--format', 'csv']);
    const rows = Papa.parse<Record<string, string>>(csv.out, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.action, r.rule_id, r.port])).toEqual([['Remove', 'ssh-agent-to-lb-443-tcp', '443']]);
    const md = await run(['diff', EXAMPLE, BROKEN, '-f', 'md']);
    expect(md.out).toMatch(/^# Plan changes: /);
    expect(md.out).toContain('## Rules to remove');
    const same = await run(['diff', EXAMPLE, '-'], JSON.stringify(examplePlan()));
    expect(same.out).toBe('Example: self-hosted HA cluster → Example: self-hosted HA cluster: no changes.\n');
  });

  it('needs two plans and a known format', async () => {
    expect((await run(['diff', EXAMPLE])).err).toMatch(/^portolan: diff: missing NEW plan/);
    expect((await run(['diff'])).err).toMatch(/^portolan: diff: missing OLD and NEW plans/);
    expect((await run(['diff', EXAMPLE, BROKEN, '--format', 'xml'])).err).toContain('unknown --format "xml"');
    expect((await run(['diff', '-', '-'])).code).toBe(2);
  });
});

describe('portolan check with assertions', () => {
  it('exits 1 with a PL-ASSERT error when an assertion is violated, 0 when it holds', async () => {
    const holds = examplePlan();
    holds.assertions = [{ id: 'only-443', type: 'only-ports-from', zone: 'internet', ports: [443] }];
    const ok = await run(['check', file('holds.portolan.json', holds)]);
    expect(ok.code).toBe(0);
    expect(ok.out).not.toContain('PL-ASSERT');
    const violated = structuredClone(holds);
    violated.links.push({ id: 'users-proxy-1', source: 'users', target: 'proxy-1' });
    const bad = await run(['check', file('violated.portolan.json', violated)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^error +PL-ASSERT \[proxy-1, users\]: Assertion only-443 \("only 443 reachable from zone Internet"\) is violated by 1 rule: Engineers → Proxy 1 3080\/tcp\.$/m);
  });
});
