import { describe, expect, it } from 'vitest';
import { AccessMap, compileMap, describeTlsValue, DEFAULT_FEATURES, tlsClient } from '../../src/core/access/index.ts';

describe('describeTlsValue agrees with tls_client', () => {
  const values = ['VERIFY', 'VERIFY:128', 'ENCR:112', 'PERM+VERIFY', 'TEMP+ENCR:256', 'VERIFY+CN', 'PERM+VERIFY+CN:a.test++CS:/CN=a',
    'encr:112', 'perm+VERIFY', 'ENCR', 'OK', 'REJECT', 'VERIFY:abc', 'ENCR:112 junk', 'ENCR:1+CI:/CN=x'];
  for (const v of values) {
    it(v, () => {
      const m = describeTlsValue(v);
      const map = new AccessMap(compileMap(`TLS_Clt:\t${v}\n`, 'access').entries);
      // with no TLS at all ({verify} NONE, 0 bits) a requirement fails, unless it needs nothing
      const d = tlsClient({ map, features: DEFAULT_FEATURES, macros: { client_addr: '192.0.2.1', verify: 'NONE' } }, 'NONE');
      if (!m.requirement) expect(d.kind).toBe('ok');
      else if (m.kind === 'ENCR' && (m.bits === '0' || !/^\d+$/.test(m.bits) || Number(m.bits) <= 0)) expect(d.kind).toBe('ok');
      else {
        expect(d.kind).toBe('error');
        expect(d.reply.startsWith(m.code)).toBe(true);
      }
    });
  }
  it('explains values read as no requirement', () => {
    expect(describeTlsValue('ENCR').note).toContain('no requirement');
    expect(describeTlsValue('OK').requirement).toBe(false);
    expect(describeTlsValue('encr:112')).toMatchObject({ requirement: true, kind: 'ENCR', bits: '112' });
    expect(describeTlsValue('PERM+VERIFY+CN:a.test++CS:/CN=a').extensions).toEqual(['CN:a.test', 'CS:/CN=a']);
  });
});
