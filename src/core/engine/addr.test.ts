import { describe, expect, it } from 'vitest';
import { ipv4ToNumber } from './addr.ts';

describe('ipv4ToNumber', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.0.1.11', 167772427],
    ['255.255.255.255', 4294967295],
    ['192.168.0.1', 3232235521],
  ])('%s is %d', (text, value) => {
    expect(ipv4ToNumber(text)).toBe(value);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.300', '01.2.3.4', '1.2.3.04', '1..2.3', '.1.2.3', '1.2.3.', 'a.b.c.d', '1.2.3.4:80', ' 1.2.3.4', '::1', 'teleport.example.com'])('%j is not an IPv4 literal', (text) => {
    expect(ipv4ToNumber(text)).toBeUndefined();
  });
});
