import { describe, expect, it } from 'vitest';
import { parseNoProxy, shouldProxy, unmatchableEntries, useProxy } from './no-proxy.ts';
import { proxyUrlFor } from './forward.ts';
import type { PlanNode } from '../schema/index.ts';

// [NO_PROXY, target host:port, proxied?] — Go's golang.org/x/net/http/httpproxy semantics.
const TABLE: [string, string, boolean][] = [
  ['', 'teleport.example.com:443', true],
  ['*', 'teleport.example.com:443', false],
  ['*', '10.0.0.1:3024', false],
  // domain matches itself and subdomains
  ['example.com', 'example.com:443', false],
  ['example.com', 'teleport.example.com:443', false],
  ['example.com', 'badexample.com:443', true],
  // .domain and *.domain match subdomains only
  ['.example.com', 'example.com:443', true],
  ['.example.com', 'teleport.example.com:443', false],
  ['*.example.com', 'example.com:443', true],
  ['*.example.com', 'a.b.example.com:3080', false],
  // host:port entries only match that port
  ['teleportproxy.example.com:3024', 'teleportproxy.example.com:3024', false],
  ['teleportproxy.example.com:3024', 'teleportproxy.example.com:3080', true],
  ['example.com:3024', 'teleport.example.com:3024', false],
  ['.example.com:443', 'teleport.example.com:3024', true],
  // case-insensitive, spaces trimmed, empty entries ignored
  [' Example.COM , ', 'TELEPORT.example.com:443', false],
  [',,', 'teleport.example.com:443', true],
  // CIDR only matches IP literals
  ['10.0.0.0/8', '10.1.2.3:3024', false],
  ['10.0.0.0/8', '11.1.2.3:3024', true],
  ['10.0.0.0/8', 'teleport.internal:3024', true],
  ['fd00::/8', '[fd12::1]:443', false],
  // IP entries, with and without port
  ['10.0.1.11', '10.0.1.11:3080', false],
  ['10.0.1.11:3024', '10.0.1.11:3080', true],
  ['10.0.1.11:3024', '10.0.1.11:3024', false],
  ['[fd00::1]:443', '[fd00::1]:443', false],
  ['fd00::1', '[fd00::1]:3080', false],
  // domain entries never match IP literals
  ['10.0.1.11.example.com', '10.0.1.11:443', true],
  ['example.com', '93.184.216.34:443', true],
  // loopback is never proxied, whatever NO_PROXY says
  ['', 'localhost:3080', false],
  ['', '127.0.0.1:3080', false],
  ['', '127.9.9.9:3080', false],
  ['', '[::1]:3080', false],
  // an entry with an empty host is ignored
  [':3024', 'teleport.example.com:3024', true],
];

describe('NO_PROXY matcher (Go semantics)', () => {
  it.each(TABLE)('NO_PROXY=%j, target %s → proxied %s', (noProxy, target, proxied) => {
    expect(shouldProxy(noProxy, target)).toBe(proxied);
  });

  it('parses once, decides many times', () => {
    const np = parseNoProxy('.internal,10.0.0.0/8');
    expect(useProxy(np, 'auth.internal', 3025)).toBe(false);
    expect(useProxy(np, 'teleport.example.com', 443)).toBe(true);
  });

  it('reports entries whose type can never match the target (L-H5)', () => {
    const np = parseNoProxy('10.0.0.0/8,.example.com');
    expect(unmatchableEntries(np, 'teleport.example.com')).toEqual(['10.0.0.0/8']);
    expect(unmatchableEntries(np, '10.1.1.1')).toEqual(['.example.com']);
  });
});

describe('which variable applies', () => {
  const node = (env: Record<string, string>) => ({ id: 'a', kind: 'agent', env }) as unknown as PlanNode;
  const TABLE2: [Record<string, string>, 'https' | 'tunnel' | 'never', string | undefined][] = [
    [{ httpsProxy: 'http://s:1', httpProxy: 'http://p:2' }, 'tunnel', 'http://s:1'],
    [{ httpProxy: 'http://p:2' }, 'tunnel', 'http://p:2'],
    [{ httpProxy: 'http://p:2' }, 'https', undefined],
    [{ httpsProxy: 'http://s:1' }, 'https', 'http://s:1'],
    [{ httpsProxy: '', httpProxy: 'http://p:2' }, 'tunnel', 'http://p:2'],
    [{ httpsProxy: 'http://s:1' }, 'never', undefined],
  ];
  it.each(TABLE2)('env %j for %s dials → %s', (env, use, want) => {
    expect(proxyUrlFor(node(env), use)).toBe(want);
  });
});
