import { describe, expect, it } from 'vitest';
import { derive } from './index.ts';
import { ruleKeys } from './__fixtures__/build.ts';
import { SCENARIOS } from './__fixtures__/scenarios.ts';

describe('issue 3 scenarios: exact rule sets', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const result = derive(s.plan);
    expect(ruleKeys(result.rules)).toEqual([...s.rules].sort());
  });
});
