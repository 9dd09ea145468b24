import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import { markdownCell, markdownExport } from './markdown.ts';
import { finding, rule, sampleResult } from './__fixtures__/sample-result.ts';

/** Cells of a Markdown table row, split on pipes that are not backslash-escaped. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /);
}

describe('Markdown export', () => {
  it('matches the golden files', async () => {
    const plan = examplePlan();
    await expect(markdownExport(plan, sampleResult())).toMatchFileSnapshot('__golden__/sample.md');
    await expect(markdownExport(plan, derive(plan))).toMatchFileSnapshot('__golden__/example.md');
  });

  it('groups rules by zone pair and puts findings after, errors first', () => {
    const text = markdownExport(examplePlan(), sampleResult());
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## CI runners → DMZ',
      '## DMZ → Control plane',
      '## Inside DMZ',
      '## Internet → DMZ',
      '## Private services → (no zone)',
      '## Private services → DMZ',
      '## Inside Private services',
      '## Findings',
    ]);
    const findings = text.slice(text.indexOf('## Findings'));
    expect(findings.indexOf('| error |')).toBeLessThan(findings.indexOf('| warning |'));
    expect(findings.indexOf('| warning |')).toBeLessThan(findings.indexOf('| info |'));
  });

  it('escapes cells: pipes, backticks, HTML, markup and formula starts', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('`rm -rf`')).toBe('\\`rm -rf\\`');
    expect(markdownCell('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownCell('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownCell('a & b')).toBe('a &amp; b');
    expect(markdownCell('=1+1')).toBe("'=1+1");
    expect(markdownCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(markdownCell('line one\nline two')).toBe('line one line two');
    expect(markdownCell('\t-2')).toBe("'-2");
    expect(markdownCell('3000-3010')).toBe('3000-3010');
  });

  it('lets no raw HTML or table-breaking text through from plan names and engine text', () => {
    const plan = PlanSchema.parse({
      type: 'portolan-plan',
      version: 1,
      name: 'Plan <img src=x onerror=alert(1)>',
      clusters: [{ id: 'main', name: 'c' }],
      zones: [{ id: 'z', name: 'Zone | <b>bold</b>' }],
      nodes: [
        { id: 'a', name: '<script>alert(1)</script>', kind: 'client', tools: ['tsh'], zone: 'z' },
        { id: 'b', name: 'x | y `z`', kind: 'proxy' },
      ],
    });
    const result = {
      flows: [],
      links: [],
      rules: [rule({ id: 'a-to-b-443-tcp', source: 'a', sourceZone: 'z', destination: 'b', port: 443, purposes: ['p | q\n| r'], docs: ['javascript:alert(1)', 'https://goteleport.com/docs/'] })],
      findings: [finding({ id: 'f', code: 'F', severity: 'error', message: '<iframe>', fix: '=cmd' })],
    };
    const text = markdownExport(plan, result);
    expect(text).not.toMatch(/<(script|img|b|iframe)\b/i);
    expect(text).not.toContain('](javascript:');
    expect(text).toContain('[docs 2](https://goteleport.com/docs/)');
    const rows = text.split('\n').filter((l) => l.startsWith('| '));
    const header = rows[0] ?? '';
    for (const row of rows.slice(0, 2)) expect(cells(row)).toHaveLength(cells(header).length);
    expect(cells(rows[1] ?? '')[1]).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain("'=cmd");
  });

  it('says so when there are no rules or findings', () => {
    const text = markdownExport(examplePlan(), { flows: [], rules: [], findings: [], links: [] });
    expect(text).toContain('No rules.');
    expect(text).toContain('No findings.');
  });
});
