// X509_NAME_hash against real `openssl x509 -hash` / `-issuer_hash`: the
// fixture certificates, and names whose canonical form differs from their
// bytes (case, runs of spaces, non-ASCII UTF-8, a multi-valued RDN).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { nameHash } from '../../src/core/pki/verify-hash.ts';
import { readCert } from '../../src/core/pki/verify.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const certs = join(__dirname, '../fixtures/pki-verify/certs');
const x509 = (file: string, opt: string): string => execFileSync('openssl', ['x509', '-in', file, '-noout', opt], { encoding: 'utf8' }).trim();

describe('X509_NAME_hash', () => {
  it('equals openssl x509 -hash and -issuer_hash on every fixture certificate', async () => {
    const files = readdirSync(certs).filter((f) => /^[a-z0-9-]+\.pem$/.test(f) && pemBlocks(readFileSync(join(certs, f), 'utf8')).length === 1);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const c = readCert(pemBlocks(readFileSync(join(certs, f), 'utf8'))[0]);
      if (!c) continue;
      expect({ f, h: await nameHash(c.subjectDer, subtle) }).toEqual({ f, h: x509(join(certs, f), '-hash') });
      expect({ f, h: await nameHash(c.issuerDer, subtle) }).toEqual({ f, h: x509(join(certs, f), '-issuer_hash') });
    }
  });

  it('canonical form: case, spaces, UTF-8 and multi-valued RDNs hash as in OpenSSL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-hash-'));
    const key = join(dir, 'k.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    const subjects: [string, string[]][] = [
      ['/C=us/O=  Example    ORG /CN=Mail.Example.TEST', []],
      ['/CN=Ünïcode Naïve/O=x', ['-utf8']],
      ['/CN=a+OU=b/O=multi valued', ['-multivalue-rdn']],
    ];
    for (const [subj, extra] of subjects) {
      const out = join(dir, 'c.pem');
      execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-subj', subj, ...extra, '-days', '1', '-out', out]);
      const c = readCert(pemBlocks(readFileSync(out, 'utf8'))[0])!;
      expect({ subj, h: await nameHash(c.subjectDer, subtle) }).toEqual({ subj, h: x509(out, '-hash') });
    }
  }, 30000);
});
