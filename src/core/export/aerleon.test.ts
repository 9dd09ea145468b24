import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allCases, goldenOf, hostileCase, runExport, scenarioCases } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { AERLEON_FILES, networkToken } from './aerleon.ts';

type Term = { name: string; comment: string; 'source-address'?: string; 'destination-address'?: string; 'destination-port': string; protocol: string; action: string };
type Files = {
  networks: Record<string, { values: { address: string; comment: string }[] }>;
  services: Record<string, { port: number | string; protocol: string }[]>;
  filters: { header: { comment: string; targets: Record<string, string> }; terms: Term[] }[];
};

/** Split the stream into its three files, checking each `# file:` header. */
function files(text: string): Files {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not a stream');
  // After a `---` the parser attaches the leading comment to the document's contents.
  const comment = (d: (typeof docs)[number]) => d.commentBefore ?? (d.contents as { commentBefore?: string | null } | null)?.commentBefore ?? '';
  expect(docs.map((d) => comment(d).split('\n')[0]?.trim())).toEqual(Object.values(AERLEON_FILES).map((f) => `file: ${f}`));
  for (const d of docs) expect(d.errors).toEqual([]);
  const [n, s, p] = docs.map((d) => d.toJS() as Record<string, unknown>);
  return { networks: (n?.networks ?? {}) as Files['networks'], services: (s?.services ?? {}) as Files['services'], filters: (p?.filters ?? []) as Files['filters'] };
}

function checkReferences(c: Case): void {
  const f = files(runExport('aerleon', c));
  const terms = f.filters.flatMap((x) => x.terms);
  expect(terms.map((t) => t.name).sort()).toEqual(c.result.rules.map((r) => r.id).sort());
  for (const x of f.filters) expect(Object.keys(x.header.targets).length).toBeGreaterThan(0);
  for (const t of terms) {
    expect(t.action).toBe('accept');
    expect(['tcp', 'udp']).toContain(t.protocol);
    expect(f.services[t['destination-port']]).toBeDefined();
    for (const side of [t['source-address'], t['destination-address']]) if (side !== undefined) expect(f.networks[side]).toBeDefined();
  }
  for (const [name, def] of Object.entries(f.networks)) {
    expect(name).toMatch(/^[A-Z0-9_]+$/);
    expect(def.values.length).toBeGreaterThan(0);
    for (const v of def.values) expect(v.address).toMatch(/^[0-9a-f.:]+\/\d+$/);
  }
  for (const svc of Object.values(f.services)) for (const s of svc) expect(String(s.port)).toMatch(/^\d+(-\d+)?$/);
}

describe('Aerleon export', () => {
  it('matches the golden file', async () => {
    await expect(goldenOf('aerleon', [allCases()[0] as Case, ...scenarioCases()])).toMatchFileSnapshot('__golden__/scenarios.aerleon.yaml');
  });

  it('defines every network and service its terms use, one term per rule, for every plan', () => {
    for (const c of allCases()) checkReferences(c);
  });

  it('falls back to zone CIDRs for host names and says so', () => {
    const f = files(runExport('aerleon', allCases()[0] as Case));
    expect(f.networks.LB?.values).toEqual([{ address: '10.0.1.0/24', comment: 'resolve: teleport.example.com (Proxy LB); zone DMZ used instead' }]);
    expect(f.services.TCP_3025).toEqual([{ port: '3025', protocol: 'tcp' }]);
    expect(f.filters[0]?.header.targets).toEqual({ srx: 'from-zone ci to-zone dmz' });
  });

  it('names networks after endpoint ids, without collisions', () => {
    expect(networkToken('cloud-tenant:main')).toBe('CLOUD_TENANT_MAIN');
    checkReferences(hostileCase());
  });
});
