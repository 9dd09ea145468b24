import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import { alignTable, findingsText, plainText, rulesText } from './text.ts';
import { sampleResult } from './__fixtures__/sample-result.ts';

describe('text tables', () => {
  it('aligns columns', () => {
    expect(alignTable(['A', 'BB'], [['xxx', 'y'], ['z', 'long value']])).toEqual(['A    BB', 'xxx  y', 'z    long value']);
  });

  it('shows control characters instead of sending them to the terminal', () => {
    expect(plainText('a\u001b[31mred\u0007')).toBe('a\\x1b[31mred\\x07');
  });

  it('matches the golden files for each view and the findings', async () => {
    const plan = examplePlan();
    await expect(rulesText(plan, sampleResult())).toMatchFileSnapshot('__golden__/sample.txt');
    await expect(rulesText(plan, sampleResult(), 'zones')).toMatchFileSnapshot('__golden__/sample-zones.txt');
    await expect(rulesText(plan, sampleResult(), 'hosts')).toMatchFileSnapshot('__golden__/sample-hosts.txt');
    await expect(findingsText(plan, sampleResult())).toMatchFileSnapshot('__golden__/sample-findings.txt');
  });

  it('says so when there is nothing', () => {
    const empty = { flows: [], rules: [], findings: [], links: [] };
    expect(rulesText(examplePlan(), empty)).toMatch(/^No rules/);
    expect(findingsText(examplePlan(), empty)).toBe('Example: self-hosted HA cluster: no findings.\n');
  });
});
