import { describe, expect, it } from 'vitest';
import { AccessMap, checkRcpt, checkRelay, DEFAULT_FEATURES, tlsClient, tlsRcpt } from '../../src/core/access/index.ts';

/** The map with `n` unrelated entries plus the ones under test. */
function mapOf(n: number): AccessMap {
  const m = new Map<string, string>([['tls_clt:example.org', 'ENCR:112'], ['connect:10.1', 'REJECT'], ['to:example.org', 'RELAY']]);
  for (let i = 0; i < n; i++) m.set(`connect:172.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'OK');
  return new AccessMap(m);
}

describe('the work of a decision does not depend on the size of the map', () => {
  const small = mapOf(10);
  const large = mapOf(100_000);
  const macros = { client_name: 'a.b.mx.example.org', client_addr: '10.1.2.3', verify: 'NO', cipher_bits: '256' };
  const cases = [
    (map: AccessMap) => tlsClient({ map, features: DEFAULT_FEATURES, macros }, 'NO'),
    (map: AccessMap) => checkRelay({ map, features: DEFAULT_FEATURES, macros }, 'a.b.mx.example.org', '10.1.2.3'),
    (map: AccessMap) => checkRcpt({ map, features: DEFAULT_FEATURES, macros }, 'u+d@x.y.example.org'),
    (map: AccessMap) => tlsRcpt({ map, features: DEFAULT_FEATURES, macros }, 'u+d@x.y.example.net'),
  ];
  for (const [i, run] of cases.entries()) {
    it(`case ${i}: the same keys, one hash lookup each, with 10 or 100,000 entries`, () => {
      const a = run(small);
      const b = run(large);
      expect(b.lookups).toEqual(a.lookups);
      expect(a.lookups.length).toBeGreaterThan(2);
      expect(b.returns).toEqual(a.returns);
    });
  }
});
