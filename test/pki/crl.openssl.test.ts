// CRLs the lab builds (buildCrl) must load and verify in real OpenSSL
// (`openssl crl -verify -CAfile`), and the lab reads them back as written.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { makeReferenceCerts } from '../../src/core/pki/reference-certs.ts';
import { buildCrl, crlPemBlocks, crlSignedBy, parseCrlDer } from '../../src/core/pki/crl.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';
import { seededRandom } from '../../src/core/trace/index.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const run = (...args: string[]): { out: string; err: string } => {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr };
};

async function importKey(pem: string): Promise<CryptoKey> {
  const [der] = pemBlocks(pem, 'PRIVATE KEY');
  return subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}

describe('buildCrl in real OpenSSL', () => {
  it('verifies with openssl crl -verify -CAfile, lists the revoked serials, and reads back', async () => {
    const now = Date.UTC(2026, 10, 28, 12, 0, 0);
    const pems = await makeReferenceCerts(subtle, seededRandom(11), now);
    const pem = await buildCrl({
      issuerCertPem: pems.caCertPem,
      issuerKey: await importKey(pems.caKeyPem),
      entries: [
        { serial: '1001', revoked: new Date(Date.UTC(2026, 10, 28, 12, 30, 0)) },
        { serial: '0ABC', revoked: new Date(Date.UTC(2026, 10, 28, 13, 0, 0)), reason: 'keyCompromise' },
      ],
      thisUpdate: new Date(Date.UTC(2026, 10, 28, 14, 0, 0)),
      nextUpdate: new Date(Date.UTC(2026, 11, 28, 14, 0, 0)),
      crlNumber: 4096,
      subtle,
    });
    expect(pem.startsWith('-----BEGIN X509 CRL-----\n')).toBe(true);
    expect(pem.endsWith('-----END X509 CRL-----\n')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'lab-crl-'));
    writeFileSync(join(dir, 'ca.pem'), pems.caCertPem);
    writeFileSync(join(dir, 'crl.pem'), pem);
    const v = run('crl', '-in', join(dir, 'crl.pem'), '-noout', '-verify', '-CAfile', join(dir, 'ca.pem'));
    expect(v.err).toBe('verify OK\n');
    const text = run('crl', '-in', join(dir, 'crl.pem'), '-noout', '-text').out;
    expect(text).toContain('Issuer: C = US, O = Example Org, CN = Example Test CA\n');
    expect(text).toContain('Last Update: Nov 28 14:00:00 2026 GMT\n');
    expect(text).toContain('Next Update: Dec 28 14:00:00 2026 GMT\n');
    expect(text).toContain('X509v3 CRL Number: \n                4096\n');
    expect(text).toContain('Serial Number: 1001\n        Revocation Date: Nov 28 12:30:00 2026 GMT\n');
    expect(text).toContain('Serial Number: 0ABC\n        Revocation Date: Nov 28 13:00:00 2026 GMT\n');
    expect(text).toContain('X509v3 CRL Reason Code: \n                Key Compromise\n');

    const facts = parseCrlDer(crlPemBlocks(pem)[0]);
    expect(facts?.issuer).toBe('C = US, O = Example Org, CN = Example Test CA');
    expect(facts?.crlNumber).toBe(4096n);
    expect(facts?.entries.map((e) => [e.serial, e.reason])).toEqual([['1001', undefined], ['0ABC', 1]]);
    expect(await crlSignedBy(facts!, pemBlocks(pems.caCertPem)[0], subtle)).toBe(true);
    expect(await crlSignedBy(facts!, pemBlocks(pems.certPem)[0], subtle)).toBe(false);
  }, 60000);

  it('an OpenSSL-made CRL is read: a broken one is null, never an exception', () => {
    expect(parseCrlDer(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toBeNull();
    expect(crlPemBlocks('nothing here')).toEqual([]);
  });
});
