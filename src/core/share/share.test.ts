import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { compactPlan } from '../schema/compact.ts';
import { parsePlanText } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { decodeShareFragment, encodeShareFragment, MAX_INFLATED_BYTES, SHARE_PREFIX } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/plans/v1/valid');
const fixturePlans: [string, Plan][] = readdirSync(FIXTURES).map((f) => {
  const r = parsePlanText(readFileSync(join(FIXTURES, f), 'utf8'));
  if (!r.ok) throw new Error(`${f}: ${r.error.message}`);
  return [f, r.plan];
});

describe('base64url', () => {
  it('round-trips every length 0..300', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
    }
  });
  it('matches Node for a sample', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });
  it.each(['a', 'ab=c', 'ab+c', 'ab/c', 'é'])('refuses %j', (text) => expect(decodeBase64Url(text)).toBeUndefined());
});

describe('share links', () => {
  it.each(fixturePlans)('%s round-trips to the same plan', (_name, plan) => {
    const fragment = encodeShareFragment(plan);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    const back = decodeShareFragment(fragment);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.plan).toEqual(plan);
  });

  it('accepts a whole URL as well as a fragment', () => {
    const plan = examplePlan();
    const back = decodeShareFragment(`https://portolan.example/#${encodeShareFragment(plan)}`);
    expect(back.ok && back.plan).toEqual(plan);
  });

  it('is deterministic', () => {
    expect(encodeShareFragment(examplePlan())).toBe(encodeShareFragment(examplePlan()));
  });

  it('is well under half the size of the usual lz-string playground link (figures in codec.ts)', () => {
    for (const [, plan] of fixturePlans) {
      const ours = encodeShareFragment(plan).length;
      const lz = LZString.compressToEncodedURIComponent(JSON.stringify(plan)).length;
      expect(ours / lz).toBeLessThan(0.7);
    }
  });

  it('an edited character is caught (tampered link)', () => {
    const fragment = encodeShareFragment(examplePlan());
    let caught = 0;
    for (let i = SHARE_PREFIX.length + 2; i < fragment.length; i += 7) {
      const c = fragment[i] === 'A' ? 'B' : 'A';
      const tampered = fragment.slice(0, i) + c + fragment.slice(i + 1);
      const r = decodeShareFragment(tampered);
      if (!r.ok) caught++;
      else expect(r.plan).toBeDefined(); // a change that still checks out must still be a valid plan
    }
    expect(caught).toBeGreaterThan(0);
  });

  it('a cut-off link says so', () => {
    const fragment = encodeShareFragment(examplePlan());
    const r = decodeShareFragment(fragment.slice(0, Math.floor(fragment.length * 0.6)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['cut-off', 'damaged']).toContain(r.error.kind);
      expect(r.error.message).toMatch(/cut off|damaged/);
    }
  });

  it.each([
    ['', 'not-a-plan', /not a Portolan share link/],
    ['hello', 'not-a-plan', /not a Portolan share link/],
    ['p9.AAAA', 'too-new', /newer Portolan/],
    ['p1.@@@@', 'damaged', /cannot be part/],
    ['p1.', 'cut-off', /cut off/],
  ])('%j → %s', (fragment, kind, message) => {
    const r = decodeShareFragment(fragment);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe(kind);
      expect(r.error.message).toMatch(message);
    }
  });

  it('a valid link holding an invalid plan names the field', () => {
    const bad = { ...JSON.parse(JSON.stringify(examplePlan())) };
    bad.nodes[3].webListenAddr = 'not an address';
    const fragment = SHARE_PREFIX + encodeBase64Url(zlibSync(new TextEncoder().encode(JSON.stringify(bad)), { level: 9 }));
    const r = decodeShareFragment(fragment);
    expect(!r.ok && r.error.message).toMatch(/field nodes\[3\]\.webListenAddr: expected host:port/);
  });

  it('refuses a decompression bomb quickly, while inflating', () => {
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(0x20); // 64 MiB of spaces
    const fragment = SHARE_PREFIX + encodeBase64Url(zlibSync(bomb, { level: 9 }));
    expect(fragment.length).toBeLessThan(200_000);
    const t0 = performance.now();
    const r = decodeShareFragment(fragment);
    const ms = performance.now() - t0;
    expect(!r.ok && r.error.kind).toBe('too-large');
    expect(ms).toBeLessThan(2000); // generous here; the fuzz/bench suite reports the real figure
    expect(MAX_INFLATED_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('compaction drops defaults and the parse door restores them', () => {
    const plan = examplePlan();
    const compact = compactPlan(plan);
    const proxy = (compact.nodes as Record<string, unknown>[]).find((n) => n.id === 'proxy-1')!;
    expect(proxy).not.toHaveProperty('sshPublicAddr');
    expect(proxy).not.toHaveProperty('webListenAddr');
    expect(proxy).toHaveProperty('publicAddr');
  });
});
