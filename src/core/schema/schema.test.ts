import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../examples/example-plan.ts';
import {
  CURRENT_VERSION,
  READABLE_VERSIONS,
  describeIssues,
  isCidr,
  isHostPort,
  parsePlan,
  parsePlanText,
  planJsonSchema,
} from './index.ts';
import type { Plan } from './index.ts';
import { Address, Cidr, HostPort, dottedQuadProblem } from './common.ts';
import { derive } from '../engine/index.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/plans');
const read = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');

describe('valid v1 fixtures', () => {
  const files = readdirSync(join(FIXTURES, 'v1/valid'));
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)('%s parses', (file) => {
    const result = parsePlanText(read(`v1/valid/${file}`));
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  });

  it('fills defaults: a minimal plan is self-hosted, config v3, multiplex, agent mesh', () => {
    const result = parsePlanText(read('v1/valid/minimal.portolan.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.plan.clusters[0]).toMatchObject({
      deployment: 'self-hosted',
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'agent_mesh',
      edition: 'oss',
    });
    expect(result.plan.nodes).toEqual([]);
    expect(result.plan.links).toEqual([]);
  });

  it('keeps every field of the every-kind fixture through a JSON round trip', () => {
    const first = parsePlanText(read('v1/valid/every-kind.portolan.json'));
    if (!first.ok) throw new Error(first.error.message);
    const second = parsePlan(JSON.parse(JSON.stringify(first.plan)));
    if (!second.ok) throw new Error(second.error.message);
    expect(second.plan).toEqual(first.plan);
    expect(new Set(first.plan.nodes.map((n) => n.kind)).size).toBe(14);
  });

  it('keeps every field of the second every-kind fixture (relay, monitoring, tcp_ports) through a JSON round trip', () => {
    const first = parsePlanText(read('v1/valid/every-kind-2.portolan.json'));
    if (!first.ok) throw new Error(first.error.message);
    const second = parsePlan(JSON.parse(JSON.stringify(first.plan)));
    if (!second.ok) throw new Error(second.error.message);
    expect(second.plan).toEqual(first.plan);
    expect(new Set(first.plan.nodes.map((n) => n.kind)).size).toBe(15);
    const relay = first.plan.nodes.find((n) => n.kind === 'relay');
    expect(relay).toMatchObject({ relayGroup: 'edge', peerPublicAddr: '10.0.10.41:3041', transportProxyProtocol: true });
    expect(first.plan.nodes.find((n) => n.id === 'multi-port-app')).toMatchObject({ tcpPorts: [{ port: 5432 }, { port: 8000, endPort: 8010 }] });
  });

  // The fixtures of the fields added to v1 since every-kind-2: each survives a JSON round trip, and
  // every key the file writes survives parsing (a misspelt field would be dropped silently).
  it.each([
    ['every-field-3', (plan: Plan) => {
      expect(plan.nodes.find((n) => n.id === 'agent')).toMatchObject({ joinAddr: 'root.example.com:443' });
      expect(plan.clusters.find((c) => c.id === 'leaf')).toMatchObject({ trustWebProxyAddr: 'root.example.com:443', trustTunnelAddr: 'root.example.com:443' });
    }],
    ['every-field-4', (plan: Plan) => {
      expect(plan.nodes.find((n) => n.id === 'auth')).toMatchObject({ proxyProtocol: 'on' });
      expect(plan.nodes.find((n) => n.id === 'tbot')).toMatchObject({ joinAddr: 'teleport.example.com' });
      expect(plan.assertions[0]).toMatchObject({ ports: [3025], udpPorts: [3021] });
    }],
  ] as const)('keeps every field of %s through a JSON round trip, and drops no key of the file', (name, expectFields) => {
    const text = read(`v1/valid/${name}.portolan.json`);
    const first = parsePlanText(text);
    if (!first.ok) throw new Error(first.error.message);
    const second = parsePlan(JSON.parse(JSON.stringify(first.plan)));
    if (!second.ok) throw new Error(second.error.message);
    expect(second.plan).toEqual(first.plan);
    const keys = (value: unknown, path = ''): string[] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [Array.isArray(value) ? path : `${path}.${k}`, ...keys(v, Array.isArray(value) ? path : `${path}.${k}`)])
        : [];
    const parsed = new Set(keys(first.plan));
    expect(keys(JSON.parse(text)).filter((k) => !parsed.has(k))).toEqual([]);
    expectFields(first.plan);
  });

  it('the example plan equals its frozen fixture', () => {
    const frozen = parsePlanText(read('v1/valid/example.portolan.json'));
    if (!frozen.ok) throw new Error(frozen.error.message);
    expect(examplePlan()).toEqual(frozen.plan);
  });
});

describe('invalid v1 fixtures name the exact field and reason', () => {
  const cases: [file: string, kind: string, path: string | null, message: RegExp][] = [
    ['bad-port.portolan.json', 'invalid', 'nodes[3].port', /expected a port number 1–65535/],
    ['unknown-kind.portolan.json', 'invalid', 'nodes[0].kind', /unknown kind; expected one of auth, proxy/],
    ['dangling-link.portolan.json', 'invalid', 'links[0].target', /no node with id "nope"/],
    ['duplicate-id.portolan.json', 'invalid', 'nodes[1].id', /id "a" is already used by nodes\[0\]\.id/],
    ['too-new.portolan.json', 'too-new', null, /made by a newer Portolan \(format version 99\)/],
    ['not-a-plan.portolan.json', 'not-a-plan', 'type', /not a Portolan plan/],
    ['bad-cidr.portolan.json', 'invalid', 'zones[0].cidrs[0]', /10\.0\.0\.0\/33: the CIDR prefix \/33 is out of range 0–32/],
    ['missing-zone.portolan.json', 'invalid', 'nodes[0].zone', /no zone with id "nowhere"/],
    ['missing-name.portolan.json', 'invalid', 'clusters[0].name', /is required/],
    ['bad-public-addr.portolan.json', 'invalid', 'nodes[0].publicAddr[0]', /expected host:port/],
    ['agent-no-services.portolan.json', 'invalid', 'nodes[0].services', /at least one service/],
    ['truncated.portolan.json', 'not-json', null, /cut off/],
  ];

  it('covers every invalid fixture', () => {
    expect(readdirSync(join(FIXTURES, 'v1/invalid')).sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  it.each(cases)('%s → %s at %s', (file, kind, path, message) => {
    const result = parsePlanText(read(`v1/invalid/${file}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toMatch(message);
    if (path !== null) {
      expect(result.error.issues.map((i) => i.path)).toContain(path);
      expect(result.error.message).toContain(path === 'type' ? 'type' : `field ${path}`);
    }
  });
});

describe('parse door edge cases', () => {
  it.each([
    [null, 'not-a-plan'],
    [[], 'not-a-plan'],
    ['text', 'not-a-plan'],
    [{ type: 'portolan-plan' }, 'unknown-version'],
    [{ type: 'portolan-plan', version: 0 }, 'unknown-version'],
    [{ type: 'portolan-plan', version: 1.5 }, 'unknown-version'],
    [{ type: 'portolan-plan', version: '1' }, 'unknown-version'],
  ])('%j → %s', (input, kind) => {
    const result = parsePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  it("a forward proxy's CONNECT ports are listed once each", () => {
    const plan = (connectPorts: number[]) => ({ type: 'portolan-plan', version: 1, name: 'x', clusters: [{ id: 'main', name: 'c' }], nodes: [{ id: 'fwd', name: 'Squid', kind: 'http-proxy', connectPorts }] });
    expect(parsePlan(plan([443, 8443])).ok).toBe(true);
    const twice = parsePlan(plan([443, 443]));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.issues).toEqual([{ path: 'nodes[0].connectPorts', message: 'each port at most once' }]);
  });

  it('trusted_cluster addresses belong to a leaf cluster', () => {
    const plan = (leaf: Record<string, unknown>) => ({ type: 'portolan-plan', version: 1, name: 'x', clusters: [{ id: 'root', name: 'r' }, { id: 'leaf', name: 'l', trustWebProxyAddr: 'root.example.com:443', ...leaf }] });
    expect(parsePlan(plan({ trustedRoot: 'root' })).ok).toBe(true);
    const orphan = parsePlan(plan({ trustTunnelAddr: 'root.example.com:443' }));
    expect(orphan.ok).toBe(false);
    if (!orphan.ok) {
      expect(orphan.error.issues).toEqual([
        { path: 'clusters[1].trustWebProxyAddr', message: 'only a leaf cluster (one that trusts a root) has trusted_cluster addresses' },
        { path: 'clusters[1].trustTunnelAddr', message: 'only a leaf cluster (one that trusts a root) has trusted_cluster addresses' },
      ]);
    }
  });

  it('refuses text over the size cap without parsing it', () => {
    const result = parsePlanText('x'.repeat(101), 100);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('too-large');
  });

  it('says an empty input is empty', () => {
    const result = parsePlanText('   ');
    expect(!result.ok && result.error.message).toMatch(/empty/);
  });

  it('does not let prototype keys through', () => {
    const text = '{"type":"portolan-plan","version":1,"name":"x","clusters":[{"id":"main","name":"c","__proto__":{"polluted":true}}]}';
    const result = parsePlanText(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists many issues with a cap', () => {
    const issues = Array.from({ length: 25 }, (_, i) => ({ path: `nodes[${i}].port`, message: 'bad' }));
    const text = describeIssues(issues);
    expect(text.split('\n')).toHaveLength(21);
    expect(text).toMatch(/… and 5 more/);
  });
});

describe('address validators', () => {
  it.each([
    ['teleport.example.com:443', true],
    ['0.0.0.0:3080', true],
    ['[::]:3080', true],
    ['localhost', true],
    ['10.0.0.1', true],
    ['host:0', false],
    ['host:65536', false],
    ['bad host', false],
    ['a:b:c', true], // bare IPv6 literal
    ['', false],
  ])('isHostPort(%j) = %s', (text, ok) => expect(isHostPort(text)).toBe(ok));

  it.each([
    ['10.0.0.0/8', true],
    ['0.0.0.0/0', true],
    ['fd00::/64', true],
    ['10.0.0.0/33', false],
    ['10.0.0.0', false],
    ['300.0.0.0/8', false],
  ])('isCidr(%j) = %s', (text, ok) => expect(isCidr(text)).toBe(ok));

  it.each([
    // Impossible dotted quads still pass as host names (no saved plan may stop opening); PL-BAD-IP reports them.
    ['300.1.1.1', true],
    ['10.0.1.999', true],
    ['10.0.1.256:443', true],
    ['010.0.0.1', true],
    ['255.255.255.255', true],
    ['0.0.0.0:3080', true],
    ['10.0.1', true], // three parts: a (strange) hostname, not a dotted quad
    ['1.2.3.example.com', true],
  ])('isHostPort(%j) = %s', (text, ok) => expect(isHostPort(text)).toBe(ok));
});

describe('impossible IPv4 addresses', () => {
  it.each([
    ['300.1.1.1', '300.1.1.1: octet 300 is out of range 0–255'],
    ['10.0.1.999', '10.0.1.999: octet 999 is out of range 0–255'],
    ['10.0.1.999:443', '10.0.1.999: octet 999 is out of range 0–255'],
    ['10.0.0.256/24', '10.0.0.256: octet 256 is out of range 0–255'],
    ['10.0.0.0/33', '10.0.0.0/33: the CIDR prefix /33 is out of range 0–32'],
    ['10.01.0.1', '10.01.0.1: octet 01 has a leading zero (write 1)'],
  ])('dottedQuadProblem(%j) explains it', (text, message) => expect(dottedQuadProblem(text)).toBe(message));

  it.each(['10.0.0.1', '10.0.0.1:443', '10.0.0.0/8', '0.0.0.0/0', 'teleport.example.com', '[::1]:443', 'fd00::/64'])(
    'dottedQuadProblem(%j) is undefined',
    (text) => expect(dottedQuadProblem(text)).toBeUndefined(),
  );

  const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

  it('accepts them in addresses and host:port fields (the engine reports them); an impossible CIDR is refused with the reason', () => {
    expect(Address.safeParse(' 300.1.1.1 ').success).toBe(true);
    expect(HostPort.safeParse('10.0.1.999:3080').success).toBe(true);
    expect(messageOf(Address.safeParse('10.0.1.999/24'))).toBe('10.0.1.999: octet 999 is out of range 0–255');
    expect(messageOf(Cidr.safeParse('10.0.0.0/40'))).toBe('10.0.0.0/40: the CIDR prefix /40 is out of range 0–32');
    // Other mistakes keep the general message.
    expect(messageOf(Address.safeParse('bad host'))).toMatch(/^expected a hostname/);
    expect(messageOf(HostPort.safeParse('10.0.1.99:0'))).toMatch(/^expected host:port/);
    expect(Address.safeParse('10.0.1.99').success).toBe(true);
  });

  it('a plan holding them still opens, and the engine names each field (PL-BAD-IP)', () => {
    const plan = examplePlan() as unknown as { nodes: Record<string, unknown>[] };
    const proxy = plan.nodes.find((n) => n.kind === 'proxy');
    const auth = plan.nodes.find((n) => n.kind === 'auth');
    if (proxy === undefined || auth === undefined) throw new Error('example has no proxy/auth');
    proxy.addresses = ['300.1.1.1'];
    proxy.publicAddr = ['10.0.1.999:443'];
    auth.listenAddr = '256.0.0.0:3025';
    const result = parsePlan(plan);
    if (!result.ok) throw new Error(`expected the plan to open: ${result.error.message}`);
    const bad = derive(result.plan).findings.filter((f) => f.code === 'PL-BAD-IP').map((f) => f.message);
    expect(bad).toEqual(
      expect.arrayContaining([
        expect.stringContaining('addresses: 300.1.1.1: octet 300 is out of range 0–255'),
        expect.stringContaining('publicAddr: 10.0.1.999: octet 999 is out of range 0–255'),
        expect.stringContaining('listenAddr: 256.0.0.0: octet 256 is out of range 0–255'),
      ]),
    );
    expect(bad).toHaveLength(3);
  });
});

describe('versions and JSON Schema', () => {
  it('has a frozen fixture folder for every readable version', () => {
    for (const v of READABLE_VERSIONS) expect(readdirSync(join(FIXTURES, `v${v}/valid`)).length).toBeGreaterThan(0);
    expect(READABLE_VERSIONS).toContain(CURRENT_VERSION);
  });

  it('emits a JSON Schema that knows every node kind and the envelope', () => {
    const schema = planJsonSchema();
    const text = JSON.stringify(schema);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['type', 'version', 'name', 'clusters']));
    for (const kind of ['auth', 'proxy', 'agent', 'tbot', 'client', 'load-balancer', 'http-proxy', 'openssh-host', 'kube-api', 'database', 'windows-host', 'domain-controller', 'app', 'cloud-api']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});
