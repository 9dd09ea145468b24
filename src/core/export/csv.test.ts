import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { PlanSchema } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import { neutraliseFormula } from './cells.ts';
import { HOST_COLUMNS, RULE_COLUMNS, ZONE_PAIR_COLUMNS, encodeCsv, hostTable, ruleTable, zonePairTable } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { findExporter } from './registry.ts';
import { finding, rule, sampleResult } from './__fixtures__/sample-result.ts';

/** Parse CSV text back into cells with Papa Parse (RFC 4180 mode: CRLF, double-quote escapes). */
function parseBack(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ',', newline: '\r\n', header: false, skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** What a spreadsheet should show: the cells, with formula starts neutralised. */
function expectedCells(t: CsvTable): string[][] {
  return [t.header, ...t.rows].map((r) => r.map(neutraliseFormula));
}

function run(id: string, plan: Plan, result = sampleResult(), options = {}): string {
  const exporter = findExporter(id);
  if (!exporter) throw new Error(`no exporter ${id}`);
  return exporter.run(plan, result, options);
}

describe('CSV exports', () => {
  const plan = examplePlan();

  it('writes the documented header, required columns first', () => {
    expect(RULE_COLUMNS.map((c) => c.name).slice(0, 16)).toEqual([
      'id', 'source', 'source_zone', 'source_address', 'destination', 'destination_zone', 'destination_address',
      'port', 'protocol', 'initiator', 'purpose', 'docs', 'long_lived', 'same_zone', 'cause', 'notes',
    ]);
    for (const columns of [RULE_COLUMNS, HOST_COLUMNS, ZONE_PAIR_COLUMNS]) {
      const names = columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of columns) expect(c.doc.length).toBeGreaterThan(5);
    }
    expect(HOST_COLUMNS.map((c) => c.name).slice(0, 7)).toEqual(['host', 'direction', 'peer', 'port', 'protocol', 'purpose', 'rule_id']);
  });

  it('matches the golden files for the sample result', async () => {
    await expect(run('csv', plan)).toMatchFileSnapshot('__golden__/sample.csv');
    await expect(run('csv-hosts', plan)).toMatchFileSnapshot('__golden__/sample-hosts.csv');
    await expect(run('csv-zones', plan)).toMatchFileSnapshot('__golden__/sample-zones.csv');
    await expect(run('csv-hosts', plan, sampleResult(), { host: 'lb' })).toMatchFileSnapshot('__golden__/sample-hosts-lb.csv');
  });

  it('matches the golden files for the example plan and the engine', async () => {
    const result = derive(plan);
    await expect(run('csv', plan, result)).toMatchFileSnapshot('__golden__/example.csv');
    await expect(run('csv-hosts', plan, result)).toMatchFileSnapshot('__golden__/example-hosts.csv');
    await expect(run('csv-zones', plan, result)).toMatchFileSnapshot('__golden__/example-zones.csv');
  });

  it('parses back to identical cells, with CRLF record ends', () => {
    const result = sampleResult();
    for (const [id, t] of [
      ['csv', ruleTable(plan, result)],
      ['csv-hosts', hostTable(plan, result)],
      ['csv-zones', zonePairTable(plan, result)],
    ] as const) {
      const text = run(id, plan, result);
      expect(parseBack(text)).toEqual(expectedCells(t));
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('orders rules by id, whatever order the engine gives', () => {
    const ids = parseBack(run('csv', plan)).slice(1).map((r) => r[0]);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(sampleResult().rules.length);
  });

  it('shows names, not only ids, and resolves a Cloud tenant', () => {
    const rows = parseBack(run('csv', plan));
    const header = rows[0] ?? [];
    const get = (row: string[] | undefined, col: string) => row?.[header.indexOf(col)];
    const proxyToAuth = rows.find((r) => r[0] === 'proxy-1-to-auth-3025-tcp');
    expect(get(proxyToAuth, 'source')).toBe('Proxy 1');
    expect(get(proxyToAuth, 'source_zone')).toBe('DMZ');
    expect(get(proxyToAuth, 'destination_zone')).toBe('Control plane');
    expect(get(proxyToAuth, 'initiator')).toBe('Proxy 1');
    expect(get(proxyToAuth, 'long_lived')).toBe('yes');
    expect(get(proxyToAuth, 'source_id')).toBe('proxy-1');
    const tenant = rows.find((r) => r[0] === 'kube-agent-to-cloud-tenant-main-443-tcp');
    expect(get(tenant, 'destination')).toMatch(/^Teleport Cloud tenant /);
    expect(get(tenant, 'destination_zone')).toBe('');
    const range = rows.find((r) => r[0] === 'kube-agent-to-kube-api-3000-3010-udp');
    expect(get(range, 'port')).toBe('3000-3010');
    expect(get(range, 'protocol')).toBe('udp');
  });

  it('keeps numeric ports and port ranges as they are', () => {
    const text = run('csv', plan);
    expect(text).toContain(',443,tcp,');
    expect(text).toContain(',3000-3010,udp,');
    expect(text).not.toContain("'3000");
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const t: CsvTable = { header: ['a', 'b', 'c'], rows: [['x, y', 'say "hi"', 'two\r\nlines'], ['plain', ' padded ', 'ünïcødé ✓']] };
    const text = encodeCsv(t);
    expect(text).toBe('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain," padded ",ünïcødé ✓\r\n');
    const parsed = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ',', newline: '\r\n' });
    expect(parsed.data).toEqual([t.header, ...t.rows]);
  });

  describe('formula injection', () => {
    const EVIL = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(1)', '\tx', '\rx', '=1+1\n=2', "=HYPERLINK(\"http://x\",\"y\")"];

    it('neutralises every formula start in any cell', () => {
      const t: CsvTable = { header: ['cell'], rows: EVIL.map((e) => [e]) };
      const cells = parseBack(encodeCsv(t)).slice(1).map((r) => r[0]);
      expect(cells).toEqual(EVIL.map((e) => `'${e}`));
      for (const c of cells) expect(c?.startsWith("'")).toBe(true);
    });

    it('leaves harmless cells alone', () => {
      const safe = ['443', '3000-3010', '10.0.0.0/8', 'a=b', 'x-y', "it's", ''];
      const t: CsvTable = { header: ['cell'], rows: safe.map((s) => [s]) };
      expect(parseBack(encodeCsv(t)).slice(1).map((r) => r[0])).toEqual(safe);
    });

    it('neutralises node and zone names, purposes and notes from a plan', () => {
      const evilPlan = PlanSchema.parse({
        type: 'portolan-plan',
        version: 1,
        name: '=evil plan',
        clusters: [{ id: 'main', name: 'c' }],
        zones: [{ id: 'z', name: '@zone' }],
        nodes: [
          { id: 'a', name: "=cmd|' /C calc'!A0", kind: 'client', tools: ['tsh'], zone: 'z' },
          { id: 'b', name: '+1', kind: 'proxy' },
          { id: 'c', name: '-2', kind: 'auth' },
          { id: 'd', name: '@SUM(1)', kind: 'openssh-host' },
        ],
      });
      const result = {
        ...sampleResult(),
        rules: [
          rule({ id: 'a-to-b-443-tcp', source: 'a', sourceZone: 'z', destination: 'b', port: 443, purposes: ['\tx'], notes: ['\rx'], causes: ['-cause'] }),
          rule({ id: 'b-to-c-3025-tcp', source: 'b', destination: 'c', port: 3025 }),
          rule({ id: 'b-to-d-22-tcp', source: 'b', destination: 'd', port: 22 }),
        ],
        findings: [finding({ id: 'x', code: 'X', severity: 'error' })],
      };
      for (const id of ['csv', 'csv-hosts', 'csv-zones']) {
        const cells = parseBack(run(id, evilPlan, result)).flat();
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cells).toContain("'=cmd|' /C calc'!A0");
        expect(cells).toContain("'@SUM(1)");
      }
      const rules = parseBack(run('csv', evilPlan, result));
      const header = rules[0] ?? [];
      const first = rules[1] ?? [];
      expect(first[header.indexOf('source')]).toBe("'=cmd|' /C calc'!A0");
      expect(first[header.indexOf('source_zone')]).toBe("'@zone");
      expect(first[header.indexOf('destination')]).toBe("'+1");
      expect(first[header.indexOf('purpose')]).toBe("'\tx");
      expect(first[header.indexOf('notes')]).toBe("'\rx");
      expect(first[header.indexOf('cause')]).toBe("'-cause");
      expect(rules[2]?.[header.indexOf('destination')]).toBe("'-2");
    });
  });
});
