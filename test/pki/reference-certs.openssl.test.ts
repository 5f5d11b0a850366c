// The reference world's certificates, made with WebCrypto, checked by real
// OpenSSL (`openssl verify`, `openssl x509`, `openssl pkey`): something nobody
// here wrote must accept them.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { makeReferenceCerts } from '../../src/core/pki/reference-certs.ts';
import { seededRandom } from '../../src/core/trace/index.ts';

const openssl = (...args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8' });

describe('reference certificates in real OpenSSL', () => {
  it('verify against the CA, carry the SANs and EKUs of mkcerts.sh, and the key matches', async () => {
    const now = Date.UTC(2026, 10, 28, 12, 0, 0);
    const pems = await makeReferenceCerts(webcrypto.subtle as unknown as SubtleCrypto, seededRandom(7), now);
    const dir = mkdtempSync(join(tmpdir(), 'lab-pki-'));
    for (const [name, pem] of Object.entries(pems)) writeFileSync(join(dir, `${name}.pem`), pem);
    const ca = join(dir, 'caCertPem.pem');
    const cert = join(dir, 'certPem.pem');
    const key = join(dir, 'keyPem.pem');
    expect(openssl('verify', '-attime', String(now / 1000 + 60), '-CAfile', ca, '-verify_hostname', 'mail.example.test', cert)).toBe(`${cert}: OK\n`);
    expect(openssl('x509', '-in', cert, '-noout', '-subject', '-issuer')).toBe(
      'subject=C = US, O = Example Org, CN = mail.example.test\nissuer=C = US, O = Example Org, CN = Example Test CA\n',
    );
    expect(openssl('x509', '-in', cert, '-noout', '-ext', 'subjectAltName,extendedKeyUsage')).toBe(
      'X509v3 Subject Alternative Name: \n    DNS:mail.example.test, DNS:localhost, IP Address:127.0.0.1\n' +
        'X509v3 Extended Key Usage: \n    TLS Web Server Authentication, TLS Web Client Authentication\n',
    );
    expect(openssl('x509', '-in', ca, '-noout', '-ext', 'basicConstraints')).toBe('X509v3 Basic Constraints: critical\n    CA:TRUE\n');
    expect(openssl('x509', '-in', cert, '-noout', '-dates')).toBe('notBefore=Nov 28 12:00:00 2026 GMT\nnotAfter=Nov 25 12:00:00 2036 GMT\n');
    expect(openssl('x509', '-in', cert, '-noout', '-text')).toContain('Public-Key: (2048 bit)');
    const certPub = openssl('x509', '-in', cert, '-noout', '-pubkey');
    const keyPub = openssl('pkey', '-in', key, '-pubout');
    expect(keyPub).toBe(certPub);
    expect(pems.keyPem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
  }, 60000);
});
