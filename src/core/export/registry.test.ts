import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { EXPORTERS, exportFileName, exporterForView, findExporter } from './registry.ts';
import { sampleResult } from './__fixtures__/sample-result.ts';

describe('export registry', () => {
  it('lists each format once, with everything the UI and CLI show', () => {
    const ids = EXPORTERS.map((e) => e.id);
    expect(ids).toEqual(['csv', 'csv-hosts', 'csv-zones', 'md', 'json', 'nftables', 'iptables', 'ip6tables', 'terraform', 'gcp-firewall', 'azure-nsg', 'k8s-netpol', 'aerleon', 'teleport-config', 'teleport-env', 'trusted-cluster', 'verify', 'drawio']);
    for (const e of EXPORTERS) {
      expect(e.id).toMatch(/^[a-z0-9-]+$/);
      expect(e.label).not.toBe('');
      expect(e.description).toMatch(/\.$|\)$/);
      expect(e.fileExtension).toMatch(/^[a-z0-9]+$/);
      expect(e.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      if (e.perHost) expect(e.acceptsHost).toBe(true);
    }
  });

  it('finds exporters by id', () => {
    expect(findExporter('csv')?.label).toBe('CSV: rules');
    expect(findExporter('nope')).toBeUndefined();
  });

  it('is deterministic: same input, same bytes, for every format', () => {
    for (const e of EXPORTERS) {
      const plan = examplePlan();
      for (const result of [sampleResult(), derive(plan)]) {
        const a = e.run(plan, result, {});
        expect(typeof a).toBe('string');
        expect(e.run(examplePlan(), structuredClone(result), {})).toBe(a);
      }
    }
  });

  it('maps rules --format/--view to exporters', () => {
    expect(exporterForView('csv', undefined)?.id).toBe('csv');
    expect(exporterForView('csv', 'zones')?.id).toBe('csv-zones');
    expect(exporterForView('csv', 'hosts')?.id).toBe('csv-hosts');
    expect(exporterForView('md', 'zones')?.id).toBe('md');
    expect(exporterForView('md', 'hosts')).toBeUndefined();
    expect(exporterForView('json', undefined)?.id).toBe('json');
    expect(exporterForView('json', 'zones')).toBeUndefined();
  });

  it('suggests file names', () => {
    const plan = examplePlan();
    const name = (id: string, host?: string) => exportFileName(plan, findExporter(id) ?? EXPORTERS[0]!, host ? { host } : {});
    expect(name('csv')).toBe('example-self-hosted-ha-cluster-rules.csv');
    expect(name('csv-hosts', 'proxy-1')).toBe('example-self-hosted-ha-cluster-proxy-1-hosts.csv');
    expect(name('md')).toBe('example-self-hosted-ha-cluster-rules.md');
    expect(name('json')).toBe('example-self-hosted-ha-cluster-rules.json');
    expect(name('nftables', 'proxy-1')).toBe('example-self-hosted-ha-cluster-proxy-1-nftables.nft');
  });

  it('names a format once when its id is its extension (drawio, and the PNG and SVG diagrams)', () => {
    const plan = examplePlan();
    const drawio = findExporter('drawio');
    if (!drawio) throw new Error('no drawio exporter');
    expect(exportFileName(plan, drawio)).toBe('example-self-hosted-ha-cluster.drawio');
    for (const ext of ['png', 'svg']) {
      const diagram = { ...drawio, id: ext, fileExtension: ext };
      expect(exportFileName(plan, diagram)).toBe(`example-self-hosted-ha-cluster.${ext}`);
      expect(exportFileName({ ...plan, name: '!!!' }, diagram)).toBe(`plan.${ext}`);
    }
  });
});

describe('export README', () => {
  it('documents every CSV column', async () => {
    const { readFileSync } = await import('node:fs');
    const { RULE_COLUMNS, HOST_COLUMNS, ZONE_PAIR_COLUMNS } = await import('./csv.ts');
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const c of [...RULE_COLUMNS, ...HOST_COLUMNS, ...ZONE_PAIR_COLUMNS]) expect(readme).toContain(`| \`${c.name}\` | ${c.doc.replace(/\|/g, '\\|')} |`);
    for (const e of EXPORTERS) expect(readme).toContain(`| \`${e.id}\` |`);
  });
});
