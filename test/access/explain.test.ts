import { describe, expect, it } from 'vitest';
import { AccessMap, checkRelay, compileMap, DEFAULT_FEATURES, explain, matchedLookup, tlsClient } from '../../src/core/access/index.ts';

const map = new AccessMap(compileMap('TLS_Clt:example.org\tENCR:112\nConnect:10.1\tREJECT\n', 'access').entries);

describe('the trace of a decision', () => {
  it('lists the keys in Sendmail order and marks the one that decides', () => {
    const d = tlsClient({ map, features: DEFAULT_FEATURES, macros: { client_name: 'mx.example.org', client_addr: '10.1.2.3', verify: 'NO' } }, 'NO');
    expect(matchedLookup(d)).toEqual({ key: 'TLS_Clt:example.org', value: 'ENCR:112' });
    expect(explain(d)).toEqual([
      'TLS_Clt:mx.example.org: not in the map',
      'TLS_Clt:example.org: ENCR:112   <- this entry decides',
      'rule: bits 0 < 112',
      'tls_client returns: $# error $@ 4 . 7 . 0 $: 454 " encryption too weak " 0 " less than " 112',
      'reply: 454 4.7.0 encryption too weak 0 less than 112',
    ]);
  });
  it('Connect: tries the tagged and the untagged key of each name and address prefix', () => {
    const d = checkRelay({ map, features: DEFAULT_FEATURES, macros: {} }, 'a.b', '10.1.2.3');
    expect(d.lookups.map((l) => l.key)).toEqual(['Connect:a.b', 'a.b', 'Connect:b', 'b', 'Connect:10.1.2.3', '10.1.2.3', 'Connect:10.1.2', '10.1.2', 'Connect:10.1']);
    expect(d.reply).toBe('550 5.7.1 Access denied');
  });
});
