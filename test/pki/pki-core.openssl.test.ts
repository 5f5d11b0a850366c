// What core/pki writes, read by real OpenSSL 3.0: keys (PKCS#8, encrypted
// PKCS#8, traditional), requests, certificates; and `-text` printed as
// OpenSSL prints it, line for line.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { generateKey, pkcs8Pem, encryptedPem, traditionalPem, publicOf, loadPrivateKey, type PrivateKey } from '../../src/core/pki/keys.ts';
import { makeCsr, parseCsr, issueCert, parseCert } from '../../src/core/pki/certs.ts';
import { encodeDn, type Dn } from '../../src/core/pki/names.ts';
import { makeExt } from '../../src/core/pki/extensions.ts';
import { certText, csrText } from '../../src/core/pki/text.ts';
import { toPem, firstPem } from '../../src/core/pki/pem.ts';
import { seededRandom } from '../../src/core/trace/index.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const dir = mkdtempSync(join(tmpdir(), 'lab-pki-core-'));
const openssl = (...args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

async function exts(lines: [string, string][], spki: Uint8Array, issuerSpki: Uint8Array) {
  const out = [];
  for (const [n, v] of lines) {
    const e = await makeExt(n, v, { subtle, subjectSpki: spki, issuerSpki });
    if (e && !('error' in e)) out.push(e);
  }
  return out;
}

async function chain(spec: { kind: 'rsa' | 'ec'; curve?: 'P-256' | 'P-384' }) {
  const caKey = await generateKey(subtle, spec);
  const caPub = await publicOf(subtle, caKey);
  const caDn: Dn = [{ short: 'C', value: 'US' }, { short: 'O', value: 'Example Org' }, { short: 'CN', value: 'Example Test CA' }, { short: 'emailAddress', value: 'ca@example.test' }];
  const caDer = await issueCert(subtle, {
    serialHex: '7FA3B7896565BFA2FF31438C340026CA5AE7239E', subjectDer: encodeDn(caDn), issuerDer: encodeDn(caDn), notBefore: NOW, notAfter: NOW + 1095 * 86400e3,
    spki: caPub.spki, signer: caKey,
    extensions: await exts([['subjectKeyIdentifier', 'hash'], ['authorityKeyIdentifier', 'keyid:always,issuer'], ['basicConstraints', 'critical,CA:true']], caPub.spki, caPub.spki),
  });
  const key = await generateKey(subtle, spec);
  const pub = await publicOf(subtle, key);
  const dn: Dn = [{ short: 'C', value: 'US' }, { short: 'ST', value: 'California' }, { short: 'L', value: 'San Francisco' }, { short: 'O', value: 'Example Org' }, { short: 'OU', value: 'IT' }, { short: 'CN', value: 'mail.example.test' }];
  const csr = await makeCsr(subtle, key, pub.spki, dn);
  const leaf = await issueCert(subtle, {
    serialHex: '01', subjectDer: encodeDn(dn), issuerDer: encodeDn(caDn), notBefore: NOW, notAfter: NOW + 365 * 86400e3, spki: pub.spki, signer: caKey,
    extensions: await exts([['basicConstraints', 'CA:FALSE'], ['subjectKeyIdentifier', 'hash'], ['authorityKeyIdentifier', 'keyid,issuer'], ['subjectAltName', 'DNS:mail.example.test, IP:127.0.0.1'], ['keyUsage', 'critical, digitalSignature, keyEncipherment'], ['extendedKeyUsage', 'serverAuth, clientAuth']], pub.spki, caPub.spki),
  });
  return { caKey, caDer, key, csr, leaf };
}

for (const spec of [{ kind: 'rsa' as const }, { kind: 'ec' as const, curve: 'P-256' as const }, { kind: 'ec' as const, curve: 'P-384' as const }]) {
  describe(`${spec.kind} ${spec.curve ?? ''}`, () => {
    it('certificates verify, requests verify, -text as OpenSSL prints it', async () => {
      const c = await chain(spec);
      const ca = file('ca.pem', toPem('CERTIFICATE', c.caDer));
      const leaf = file('leaf.pem', toPem('CERTIFICATE', c.leaf));
      const req = file('req.pem', toPem('CERTIFICATE REQUEST', c.csr));
      expect(openssl('verify', '-attime', String(NOW / 1000 + 60), '-CAfile', ca, '-verify_hostname', 'mail.example.test', leaf)).toBe(`${leaf}: OK\n`);
      expect(openssl('req', '-in', req, '-noout', '-verify')).toBe('');
      expect(certText(parseCert(c.leaf)!)).toBe(openssl('x509', '-in', leaf, '-noout', '-text'));
      expect(certText(parseCert(c.caDer)!)).toBe(openssl('x509', '-in', ca, '-noout', '-text'));
      expect(csrText(parseCsr(c.csr)!)).toBe(openssl('req', '-in', req, '-noout', '-text'));
      expect(openssl('x509', '-in', leaf, '-noout', '-serial')).toBe('serial=01\n');
    }, 60000);

    it('keys: PKCS#8, encrypted PKCS#8 (PBES2, AES-256-CBC) and traditional load in OpenSSL and back', async () => {
      const key: PrivateKey = await generateKey(subtle, spec);
      const plain = file('k.pem', pkcs8Pem(key));
      const enc = file('k-enc.pem', await encryptedPem(subtle, seededRandom(3), key, 'secret'));
      const trad = file('k-trad.pem', traditionalPem(key));
      const want = openssl('pkey', '-in', plain);
      expect(want).toBe(pkcs8Pem(key));
      expect(openssl('pkey', '-in', enc, '-passin', 'pass:secret')).toBe(want);
      expect(openssl('pkey', '-in', trad)).toBe(want);
      expect(openssl('asn1parse', '-in', enc)).toMatch(/PBES2[\s\S]*PBKDF2[\s\S]*INTEGER +:0800[\s\S]*hmacWithSHA256[\s\S]*aes-256-cbc/);
      // and OpenSSL's own encrypted key, read by the lab
      const theirs = file('k-theirs.pem', '');
      openssl('pkey', '-in', plain, '-aes256', '-passout', 'pass:s3cret', '-out', theirs);
      const got = await loadPrivateKey(subtle, readFileSync(theirs, 'utf8'), async () => 's3cret');
      expect(got.ok && pkcs8Pem(got.key)).toBe(want);
      const bad = await loadPrivateKey(subtle, readFileSync(theirs, 'utf8'), async () => 'wrong');
      expect(bad).toEqual({ ok: false, why: 'bad-decrypt' });
      const tradBack = await loadPrivateKey(subtle, readFileSync(trad, 'utf8'), async () => null);
      expect(tradBack.ok && pkcs8Pem(tradBack.key)).toBe(want);
      expect(firstPem(readFileSync(enc, 'utf8'), 'ENCRYPTED PRIVATE KEY')).not.toBeNull();
    }, 60000);
  });
}
