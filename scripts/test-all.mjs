/**
 * `npm test`: every check Portolan has, in one command, on a fresh clone.
 *
 * 1. installs npm dependencies when missing;
 * 2. installs Debian's chromium (and nftables/iptables for the firewall exporters' checks) when
 *    missing and the machine allows it (root + apt-get), else says exactly what to install;
 * 3. runs typecheck, lint, unit tests (Vitest) and browser tests (Playwright), even when one fails;
 * 4. ends with one plain line `N passed, N failed` (unit + browser tests; a failed typecheck or
 *    lint counts as one failure each) and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps, root, run } from './ensure-deps.mjs';

const started = Date.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tmp = join(root, 'node_modules', '.tmp');

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
}

/** Debian packages the tests need, keyed by the command they provide. */
const SYSTEM_PACKAGES = [
  { command: process.env.PORTOLAN_CHROMIUM ?? 'chromium', pkg: 'chromium', why: 'browser tests (Playwright drives Debian\'s chromium)', required: true },
  { command: 'nft', pkg: 'nftables', why: 'checks the nftables exporter with `nft -c`', required: false },
  { command: 'iptables-restore', pkg: 'iptables', why: 'checks the iptables exporter with `iptables-restore --test`', required: false },
];

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.command) && !which(p.command));
  if (missing.length === 0) return true;
  const pkgs = missing.map((p) => p.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    console.log(`portolan: installing Debian packages: ${pkgs.join(' ')} …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env }) === 0 && run('apt-get', ['install', '-y', '-qq', ...pkgs], { env }) === 0) return true;
  }
  const requiredMissing = missing.filter((p) => p.required && !which(p.command) && !existsSync(p.command));
  for (const p of missing) console.error(`portolan: missing ${p.pkg} (${p.why}).`);
  console.error(`portolan: install them with:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`);
  if (requiredMissing.length > 0) {
    console.error('portolan: or set PORTOLAN_CHROMIUM to the path of a Chromium binary.');
    return false;
  }
  return true;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const t0 = Date.now();
  const status = run(command, args);
  console.log(`=== ${title}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  return status === 0;
}

ensureDeps();
const haveBrowser = ensureSystemPackages();
mkdirSync(tmp, { recursive: true });
const vitestJson = join(tmp, 'vitest-results.json');
const playwrightJson = join(tmp, 'playwright-results.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const typecheckOk = step('typecheck', bin('tsc'), ['-b']);
const lintOk = step('lint', bin('eslint'), ['.', '--max-warnings=0']);
const unitOk = step('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const e2eOk = haveBrowser ? step('browser tests', bin('playwright'), ['test']) : false;

const unit = readJson(vitestJson);
const e2e = readJson(playwrightJson);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : unitOk ? 0 : 1;
const e2ePassed = e2e ? e2e.stats.expected + e2e.stats.flaky : 0;
const e2eFailed = e2e ? e2e.stats.unexpected : e2eOk ? 0 : 1;
const checkFailures = (typecheckOk ? 0 : 1) + (lintOk ? 0 : 1);

const passed = unitPassed + e2ePassed;
const failed = unitFailed + e2eFailed + checkFailures;
const allOk = typecheckOk && lintOk && unitOk && e2eOk && failed === 0;

console.log('\n=== summary ===');
console.log(`typecheck: ${typecheckOk ? 'ok' : 'FAILED'}; lint: ${lintOk ? 'ok' : 'FAILED'}`);
console.log(`unit tests: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`browser tests: ${haveBrowser ? `${e2ePassed} passed, ${e2eFailed} failed${e2e?.stats.skipped ? `, ${e2e.stats.skipped} skipped` : ''}` : 'not run (no chromium)'}`);
console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
