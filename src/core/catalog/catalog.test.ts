import { describe, expect, it } from 'vitest';
import {
  AGENT_RESOURCES, AGENT_SERVICES, ALL_FLOW_TEMPLATES, CLIENT_TOOLS, DATABASE_ENGINES,
  FINDING_TITLES, FLOW_TEMPLATES, PEER_LISTEN_FIX, PROXY_LISTENERS, RELATIONS, SOURCES, fixStatus, flowTemplate,
} from './index.ts';
import { ALL_FINDINGS } from './findings.ts';

const URL_RE = /^https:\/\/(goteleport\.com\/docs\/|github\.com\/(gravitational\/teleport|golang\/net)\/)/;

describe('catalog integrity', () => {
  it('flow template ids are unique and every template cites sources and docs', () => {
    expect(FLOW_TEMPLATES.size).toBe(ALL_FLOW_TEMPLATES.length);
    for (const t of ALL_FLOW_TEMPLATES) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      expect(t.docs, t.id).toMatch(URL_RE);
      for (const k of t.sources) expect(SOURCES[k], `${t.id} ${k}`).toBeDefined();
    }
  });

  it('every template the catalog refers to exists', () => {
    const refs = [
      ...Object.values(CLIENT_TOOLS).flatMap((t) => [...t.multiplex, ...t.separate].map((n) => n.template)),
      ...Object.values(AGENT_SERVICES).flatMap((s) => (s.listen ? [s.listen.template] : [])),
      ...AGENT_RESOURCES.flatMap((r) => r.flows.map((f) => f.template)),
    ];
    for (const id of refs) expect(() => flowTemplate(id as string)).not.toThrow();
  });

  it('finding codes are unique, with docs URLs and no unknown severity', () => {
    expect(new Set(ALL_FINDINGS.map((f) => f.code)).size).toBe(ALL_FINDINGS.length);
    // Every code has a short title, and no title is left without its code.
    expect(Object.keys(FINDING_TITLES).sort()).toEqual(ALL_FINDINGS.map((f) => f.code).sort());
    for (const title of Object.values(FINDING_TITLES)) expect(title).toMatch(/^\S.{3,80}$/);
    for (const f of ALL_FINDINGS) {
      expect(f.docs, f.code).toMatch(URL_RE);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
  });

  it('source URLs follow the reference rule', () => {
    expect(SOURCES.D1.url).toBe('https://goteleport.com/docs/reference/deployment/networking');
    expect(SOURCES.S1.url).toBe('https://github.com/gravitational/teleport/blob/master/lib/defaults/defaults.go');
    for (const s of Object.values(SOURCES)) expect(s.url, s.key).toMatch(/^https:\/\//);
  });

  it('relations cite sources; listeners and engines carry their ports', () => {
    for (const r of RELATIONS) expect(r.sources.length, r.id).toBeGreaterThan(0);
    expect(PROXY_LISTENERS.tunnel.defaultPort).toBe(3024);
    expect(DATABASE_ENGINES.redis).toMatchObject({ defaultPort: 6379, portRequired: false });
    expect(AGENT_SERVICES.database.listen).toBeUndefined();
    expect(AGENT_SERVICES.app.listen).toBeUndefined();
  });
});

describe('fixes shipped in patch releases', () => {
  it.each([
    [14, 2, 'missing'], [15, 1, 'unknown'], [16, 3, 'missing'], [16, 4, 'unknown'], [16, 5, 'fixed'], [16, undefined, 'unknown'],
    [17, 0, 'unknown'], [17, 1, 'fixed'], [17, undefined, 'unknown'], [18, undefined, 'fixed'], [18, 0, 'fixed'],
  ] as const)('the peer listener fix on %s.%s is %s', (major, minor, status) => {
    expect(fixStatus(PEER_LISTEN_FIX, major, minor)).toBe(status);
  });
});

