/**
 * What s_client and swaks print of a certificate (tls-client-cert.ts) against
 * the real openssl on certificates it makes: the one-line name
 * (`-nameopt oneline`, s_client's subject= and chain lines, with its quotes
 * and escapes), X509_NAME_oneline (`-nameopt compat`, swaks's "TLS peer DN"),
 * the dates, and the key and signature names of s_client's `a:PKEY:` line
 * (`id-ecPublicKey, 256 (bit); sigalg: ecdsa-with-SHA256` seen in a real
 * s_client session against an ECDSA certificate).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certInfo, opensslTime } from '../../src/core/sim/programs/tls-client-cert.ts';

const dir = mkdtempSync(join(tmpdir(), 'lab-cert-names-'));

function make(subject: string, key: string[]): { der: Uint8Array; pem: string } {
  const pem = join(dir, 'c.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', ...key, '-nodes', '-days', '30', '-utf8', '-subj', subject, '-keyout', join(dir, 'k.pem'), '-out', pem], { stdio: 'ignore' });
  execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', join(dir, 'c.der')]);
  return { der: new Uint8Array(readFileSync(join(dir, 'c.der'))), pem };
}

const x509 = (pem: string, ...args: string[]): string => execFileSync('openssl', ['x509', '-in', pem, '-noout', ...args], { encoding: 'utf8' }).replace(/\n$/, '');

const EC = ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
const SUBJECTS = ['/C=US/O=Example Org/CN=mail.example.test', '/C=US/O=Org, Inc./CN=a.example', '/CN=#hash/O= lead', '/O=Zürich AG/CN=b', '/O=quo"te/CN=back\\slash', '/CN=trail ', '/C=DE/ST=Bayern/L=München/OU=IT/CN=x.example/emailAddress=root@x.example'];

describe('certificate names and facts as openssl prints them', () => {
  for (const subject of SUBJECTS) {
    it(subject, () => {
      const { der, pem } = make(subject, EC);
      const c = certInfo(der)!;
      expect(`subject=${c.subject}`).toBe(x509(pem, '-subject', '-nameopt', 'oneline'));
      expect(`issuer=${c.issuer}`).toBe(x509(pem, '-issuer', '-nameopt', 'oneline'));
      expect(`subject=${c.subjectSlash}`).toBe(x509(pem, '-subject', '-nameopt', 'compat'));
      expect(`notBefore=${opensslTime(c.notBefore)}\nnotAfter=${opensslTime(c.notAfter)}`).toBe(x509(pem, '-dates'));
    });
  }

  it('an ECDSA P-256 and an RSA-2048 key, their signature algorithms', () => {
    const ec = certInfo(make('/CN=ec', EC).der)!;
    expect([ec.keyType, ec.keyBits, ec.sigalg]).toEqual(['id-ecPublicKey', 256, 'ecdsa-with-SHA256']);
    const rsa = certInfo(make('/CN=rsa', ['rsa:2048', '-sha384']).der)!;
    expect([rsa.keyType, rsa.keyBits, rsa.sigalg]).toEqual(['rsaEncryption', 2048, 'RSA-SHA384']);
  });

  it('subjectAltName DNS names and IP addresses', () => {
    const pem = join(dir, 's.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', ...EC, '-nodes', '-days', '1', '-subj', '/CN=s', '-addext', 'subjectAltName=DNS:mail.example.test,DNS:*.example.test,IP:127.0.0.1', '-keyout', join(dir, 'k.pem'), '-out', pem], { stdio: 'ignore' });
    execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', join(dir, 's.der')]);
    const c = certInfo(new Uint8Array(readFileSync(join(dir, 's.der'))))!;
    expect(c.dnsNames).toEqual(['mail.example.test', '*.example.test']);
    expect(c.ipAddresses).toEqual(['127.0.0.1']);
  });

  it('not a certificate: null', () => {
    expect(certInfo(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toBeNull();
    expect(certInfo(new Uint8Array(0))).toBeNull();
  });
});
