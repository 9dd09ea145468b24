/**
 * Fuzzing the one door: random and mutated share links and plan files. Whatever comes in,
 * the door returns a result (never throws), and anything it accepts is a plan the schema accepts.
 */
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema, parsePlan, parsePlanText } from '../schema/index.ts';
import type { ParseResult } from '../schema/index.ts';
import { encodeBase64Url } from './base64url.ts';
import { decodeShareFragment, encodeShareFragment, SHARE_PREFIX } from './index.ts';

const RUNS = 2500; // × 4 properties = 10,000 inputs per run
const seed = 20261123;

function neverThrowsAndOnlyValid(run: () => ParseResult): void {
  let result: ParseResult;
  try {
    result = run();
  } catch (e) {
    throw new Error(`the parse door threw: ${String(e)}`, { cause: e });
  }
  if (result.ok) {
    expect(PlanSchema.safeParse(result.plan).success).toBe(true);
  } else {
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

const baseFragment = encodeShareFragment(examplePlan());
const baseText = JSON.stringify(examplePlan());

/** A mutation of a string: replace, insert, delete or truncate at a random place. */
const mutated = (base: string, alphabet: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.record({
        op: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
        at: fc.nat({ max: base.length }),
        ch: alphabet,
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let s = base;
      for (const e of edits) {
        const at = Math.min(e.at, s.length);
        if (e.op === 'replace') s = s.slice(0, at) + e.ch + s.slice(at + 1);
        else if (e.op === 'insert') s = s.slice(0, at) + e.ch + s.slice(at);
        else if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + 1);
        else s = s.slice(0, at);
      }
      return s;
    });

describe('fuzzing the parse door', { timeout: 60_000 }, () => {
  it('random strings as share links', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `p1.${s}`), fc.base64String().map((s) => `p1.${s}`)), (s) =>
        neverThrowsAndOnlyValid(() => decodeShareFragment(s)),
      ),
      { numRuns: RUNS, seed },
    );
  });

  it('mutated share links of the example plan', () => {
    const b64 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%#'.split(''));
    fc.assert(
      fc.property(mutated(baseFragment, b64), (s) => neverThrowsAndOnlyValid(() => decodeShareFragment(s))),
      { numRuns: RUNS, seed },
    );
  });

  it('mutated plan files (JSON text)', () => {
    const json = fc.constantFrom(...'{}[]":,0123456789-.eE truefalsnul'.split(''), '\\u0000', '"nodes"', '"kind"', '"port"', '99999', '-1', 'null');
    fc.assert(
      fc.property(mutated(baseText, json), (s) => neverThrowsAndOnlyValid(() => parsePlanText(s))),
      { numRuns: RUNS, seed },
    );
  });

  it('structurally random plans (any JSON value in any field)', () => {
    const base = JSON.parse(baseText) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('nodes', 'links', 'zones', 'clusters', 'name', 'version', 'type', 'view'), fc.nat(20), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), { maxLength: 5 }), (edits) => {
        const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        for (const [key, index, field, value] of edits) {
          const target = doc[key];
          if (Array.isArray(target) && target.length > 0) {
            const item = target[index % target.length];
            if (item && typeof item === 'object') (item as Record<string, unknown>)[field || 'id'] = value;
          } else doc[key] = value;
        }
        neverThrowsAndOnlyValid(() => parsePlan(doc));
        // the same document as a share link goes through the same door with the same verdict
        const link = SHARE_PREFIX + encodeBase64Url(zlibSync(new TextEncoder().encode(JSON.stringify(doc))));
        const viaLink = decodeShareFragment(link);
        expect(viaLink.ok).toBe(parsePlan(doc).ok);
      }),
      { numRuns: RUNS, seed },
    );
  });

  it('a decompression bomb is refused within 200 ms', () => {
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(0x7b);
    const fragment = SHARE_PREFIX + encodeBase64Url(zlibSync(bomb, { level: 9 }));
    decodeShareFragment(fragment); // warm up the JIT
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = decodeShareFragment(fragment);
      times.push(performance.now() - t0);
      expect(!r.ok && r.error.kind).toBe('too-large');
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(200);
  });
});
