import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCases, goldenOf, hostileCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { hostsWithRules } from './per-host.ts';
import { TOOL_TIMEOUT } from './__fixtures__/tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'portolan-verify-'));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The parts of a sh line outside single quotes (a backslash-escaped character counts as quoted). */
function outsideQuotes(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return `${out}<unterminated>`;
      i = end;
    } else out += ch;
  }
  return out;
}

/** Stub `nc`, `curl` and `reboot`/`rm`: the checks log their arguments; nc fails for port 5432. */
function stubs(): string {
  const bin = join(dir, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('nc', `echo "nc $*" >> "${dir}/calls"; case "$*" in *5432*) exit 1;; esac; exit 0`);
  stub('curl', `echo "curl $*" >> "${dir}/calls"; exit 0`);
  stub('reboot', `touch "${dir}/PWNED"`);
  stub('rm', `touch "${dir}/PWNED"`);
  return bin;
}

describe('verification kit', () => {
  it('matches the golden files', async () => {
    await expect(runExport('verify', allCases()[0] as Case, { host: 'db-agent' })).toMatchFileSnapshot('__golden__/example-db-agent.verify.sh');
    await expect(goldenOf('verify', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.verify.sh');
  });

  it('passes sh -n for every host of every plan', TOOL_TIMEOUT, () => {
    for (const c of [...allCases(), hostileCase()]) {
      for (const host of hostsWithRules(c.plan, c.result)) {
        const file = write(`${host}.sh`, runExport('verify', c, { host }));
        expect(() => execFileSync('sh', ['-n', file], { stdio: 'pipe' }), `${c.name} ${host}`).not.toThrow();
      }
    }
  });

  it('checks each outbound rule, prints PASS/FAIL and exits with the number of failures', TOOL_TIMEOUT, () => {
    const file = write('db-agent.sh', runExport('verify', allCases()[0] as Case, { host: 'db-agent' }));
    const run = spawnSync('sh', [file], { env: { PATH: `${stubs()}:/usr/bin:/bin` }, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^PASS {2}db-agent-to-lb-443-tcp: Proxy LB 443\/tcp -> teleport\.example\.com:443$/m);
    expect(run.stdout).toMatch(/^FAIL {2}db-agent-to-postgres-5432-tcp: /m);
    expect(run.stdout).toMatch(/^1 passed, 1 failed, 0 skipped$/m);
    expect(run.status).toBe(1);
  });

  it('keeps hostile names inert: they only appear inside single quotes or comments', TOOL_TIMEOUT, () => {
    const c = hostileCase();
    const bin = stubs();
    for (const host of hostsWithRules(c.plan, c.result)) {
      const text = runExport('verify', c, { host });
      for (const line of text.split('\n')) {
        if (line.startsWith('#')) continue;
        // Outside single-quoted strings nothing of a node name may remain.
        expect(outsideQuotes(line)).not.toMatch(/reboot|rm -rf|line two|\$\((?!\()|`/);
      }
      spawnSync('sh', [write(`${host}-hostile.sh`, text)], { env: { PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' });
    }
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
  });
});
