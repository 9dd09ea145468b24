import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { derive } from '../engine/index.ts';
import { allCases, dualStackCase, goldenOf, hostileCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import { hostsWithRules } from './per-host.ts';
import { hasTool, TOOL_TIMEOUT } from './__fixtures__/tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'portolan-fw-'));
const HAS_NFT = hasTool('nft', ['--version']);
const HAS_IPT = hasTool('iptables-restore', ['--version']);
const HAS_IP6T = hasTool('ip6tables-restore', ['--version']);

/** Write `text` and run `tool` on it; returns stderr on failure, '' when it passes. */
function check(tool: string, args: string[], text: string, stdin: boolean): string {
  const file = join(dir, `f-${Math.abs(hash(text))}`);
  writeFileSync(file, text);
  try {
    execFileSync(tool, stdin ? args : [...args, file], { input: stdin ? text : undefined, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return `${tool}: ${String((error as { stderr?: Buffer }).stderr ?? error)}\n--- ${file}\n${text}`;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

/** Every (case, host) pair of every plan the exports are checked on. */
const perHost = () => allCases().flatMap((c) => hostsWithRules(c.plan, c.result).map((host) => ({ c, host })));

describe('nftables export', () => {
  it('matches the golden files', async () => {
    const example = { name: 'example', plan: examplePlan(), result: derive(examplePlan()) };
    await expect(runExport('nftables', example, { host: 'db-agent' })).toMatchFileSnapshot('__golden__/example-db-agent.nft');
    await expect(goldenOf('nftables', [example, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.nft');
  });

  it.skipIf(!HAS_NFT)('passes nft -c -f for every host of every plan (skipped only when nft is not installed)', TOOL_TIMEOUT, () => {
    const failures = perHost().map(({ c, host }) => check('nft', ['-c', '-f'], runExport('nftables', c, { host }), false)).filter((f) => f !== '');
    expect(failures).toEqual([]);
  });

  it('keeps plan text out of the syntax: comments are one line, quotes are gone, at most 127 bytes', () => {
    const c = hostileCase();
    for (const host of hostsWithRules(c.plan, c.result)) {
      const text = runExport('nftables', c, { host });
      for (const line of text.split('\n')) {
        if (line.trimStart().startsWith('#') || line.trim() === '') continue;
        // Plan text may only appear inside the one quoted comment at the end of a rule.
        const comment = /comment "([^"]*)"$/.exec(line);
        expect(line.replace(/comment "[^"]*"$/, '').replace('"lo"', 'lo')).not.toMatch(/reboot|rm -rf|line two|"/);
        if (comment) expect(Buffer.byteLength(comment[1] ?? '')).toBeLessThanOrEqual(127);
      }
    }
  });

  it('writes port ranges, IPv6 peers and resolve sets', () => {
    const c = dualStackCase();
    const agent = runExport('nftables', c, { host: 'ssh-agent' });
    expect(agent).toContain('ip6 ');
    const db = runExport('nftables', c, { host: 'db-agent' });
    expect(db).toMatch(/# resolve: orders-db\.internal\.example\.com/);
    expect(db).toMatch(/ip daddr @resolve_orders_db_internal_e tcp dport 5432 accept comment "db-agent-to-postgres-5432-tcp: /);
  });
});

describe('iptables exports', () => {
  it('matches the golden files', async () => {
    const example = { name: 'example', plan: examplePlan(), result: derive(examplePlan()) };
    await expect(goldenOf('iptables', [example, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.rules');
    await expect(goldenOf('ip6tables', [dualStackCase()])).toMatchFileSnapshot('__golden__/dual-stack.v6.rules');
  });

  it.skipIf(!HAS_IPT)('passes iptables-restore --test for every host (skipped only when iptables-restore is not installed)', TOOL_TIMEOUT, () => {
    const failures = perHost().map(({ c, host }) => check('iptables-restore', ['--test'], runExport('iptables', c, { host }), true)).filter((f) => f !== '');
    expect(failures).toEqual([]);
  });

  it.skipIf(!HAS_IP6T)('passes ip6tables-restore --test for every host (skipped only when ip6tables-restore is not installed)', TOOL_TIMEOUT, () => {
    const failures = perHost().map(({ c, host }) => check('ip6tables-restore', ['--test'], runExport('ip6tables', c, { host }), true)).filter((f) => f !== '');
    expect(failures).toEqual([]);
  });

  it('splits the families: IPv6 peers only in ip6tables, IPv4 only in iptables', () => {
    const c = dualStackCase();
    const v4 = runExport('iptables', c, { host: 'kube-agent' });
    const v6 = runExport('ip6tables', c, { host: 'kube-agent' });
    expect(v6).toContain('-A OUTPUT -d 2001:db8:10::5 -p tcp -m tcp --dport 6443');
    expect(v4).not.toContain('2001:db8');
    expect(v4).toMatch(/^COMMIT$/m);
    expect(v4).toMatch(/-m comment --comment "kube-agent-to-lb-443-tcp: [^"]*" -j ACCEPT/);
  });
});
