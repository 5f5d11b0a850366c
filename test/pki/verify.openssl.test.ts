// `openssl verify` and `openssl crl` in the lab against real OpenSSL 3.0:
// every case of test/fixtures/pki-verify/cases.txt, captured by make.sh there,
// must come out byte for byte (stdout, stderr, exit status). The thread id
// OpenSSL puts before its error-stack lines differs per run: it is normalized.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { runVerify } from '../../src/core/sim/programs/openssl-verify.ts';
import { runCrl } from '../../src/core/sim/programs/openssl-crl.ts';
import type { FileAccess } from '../../src/core/sim/programs/openssl-crl-io.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const dir = join(__dirname, '../fixtures/pki-verify');
const certs = join(dir, 'certs');
const expected = (name: string, ext: string): string => {
  const p = join(dir, 'expected', `${name}.${ext}`);
  return existsSync(p) ? readFileSync(p, 'utf8') : ext === 'rc' ? '0\n' : '';
};
const thread = (s: string): string => s.replace(/^[0-9A-F]{16}:error:/gm, 'THREAD:error:');

const fixtureFiles: FileAccess = {
  read(path) {
    const p = join(certs, path);
    return existsSync(p) && statSync(p).isFile() ? new Uint8Array(readFileSync(p)) : null;
  },
  list(d) {
    const p = join(certs, d);
    return existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null;
  },
};
// OpenSSL's default store was made empty for the capture (SSL_CERT_DIR/FILE=/nonexistent).
const files: FileAccess = {
  read: (p) => (p.startsWith('/usr/lib/ssl') ? null : fixtureFiles.read(p)),
  list: (d) => (d.startsWith('/usr/lib/ssl') ? null : fixtureFiles.list(d)),
};

const cases = readFileSync(join(dir, 'cases.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split('|') as [string, string]);

describe('openssl verify: the catalogue against real OpenSSL 3.0', () => {
  it('has the failure cases the lab teaches', () => {
    const names = cases.map(([n]) => n);
    for (const n of ['expired', 'not-yet-valid', 'wrong-host', 'unknown-ca', 'missing-intermediate', 'issuer-not-ca', 'pathlen-exceeded', 'no-keycertsign', 'revoked', 'crl-absent', 'bad-signature']) {
      expect(names).toContain(n);
    }
  });
  for (const [name, args] of cases) {
    it(`${name}: openssl verify -attime 1893456000 ${args}`, async () => {
      const argv = ['-attime', '1893456000', ...args.split(' ')];
      const r = await runVerify(argv, files, subtle, 0);
      expect(thread(r.err)).toBe(thread(expected(name, 'err')));
      expect(r.out).toBe(expected(name, 'out'));
      expect(`${r.rc}\n`).toBe(expected(name, 'rc'));
    }, 30000);
  }
});

describe('openssl crl against real OpenSSL 3.0', () => {
  const crlCases: [string, string[], string?][] = [
    ['crl-text', ['-in', 'inter.crl.pem', '-noout', '-text']],
    ['crl-pem', ['-in', 'inter.crl.pem']],
    ['crl-noout', ['-in', 'inter.crl.pem', '-noout']],
    ['crl-fields', ['-in', 'inter.crl.pem', '-noout', '-issuer', '-lastupdate', '-nextupdate', '-crlnumber', '-fingerprint']],
    ['crl-fields-text', ['-in', 'inter.crl.pem', '-noout', '-crlnumber', '-issuer', '-text']],
    ['crl-der-text', ['-in', 'inter.crl.der', '-inform', 'DER', '-noout', '-text']],
  ];
  for (const [name, argv] of crlCases) {
    it(`${name}: openssl crl ${argv.join(' ')}`, async () => {
      const r = await runCrl(argv, files, subtle);
      expect(r.out + r.err).toBe(expected(name, 'out'));
      expect(r.rc).toBe(0);
    });
  }
  const errCases: [string, string[]][] = [
    ['crl-verify-ok', ['-in', 'inter.crl.pem', '-noout', '-verify', '-CAfile', 'untrusted.pem']],
    ['crl-verify-bad', ['-in', 'inter.crl.pem', '-noout', '-verify', '-CAfile', 'cafile.pem']],
    ['crl-missing', ['-in', 'nosuch.pem']],
    ['crl-not-crl', ['-in', 'good.pem']],
    ['crl-garbage', ['-in', 'garbage.pem']],
    ['crl-verify-badsig', ['-in', 'badsig.crl.der', '-inform', 'DER', '-noout', '-verify', '-CAfile', 'untrusted.pem']],
    ['crl-cafile-missing', ['-in', 'inter.crl.pem', '-noout', '-verify', '-CAfile', 'nosuch.pem']],
  ];
  for (const [name, argv] of errCases) {
    it(`${name}: openssl crl ${argv.join(' ')}`, async () => {
      const r = await runCrl(argv, files, subtle);
      expect(thread(r.err)).toBe(thread(expected(name, 'err')));
      expect(r.out).toBe(expected(name, 'out'));
      expect(`${r.rc}\n`).toBe(expected(name, 'rc'));
    });
  }
});

describe('stdin, as real OpenSSL reads it without a file', () => {
  const stdinOf = (name: string) => async (): Promise<Uint8Array> => new Uint8Array(readFileSync(join(certs, name)));
  const at = ['-attime', '1893456000'];
  const verifyCases: [string, string[], string][] = [
    ['stdin-ok', [...at, '-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem'], 'good.pem'],
    ['stdin-fail', [...at, '-CAfile', 'cafile.pem'], 'expired.pem'],
    ['stdin-junk', ['-CAfile', 'cafile.pem'], 'garbage.pem'],
  ];
  for (const [name, argv, input] of verifyCases) {
    it(`${name}: openssl verify ${argv.join(' ')} < ${input}`, async () => {
      const r = await runVerify(argv, files, subtle, 0, stdinOf(input));
      expect(r.err).toBe(expected(name, 'err'));
      expect(r.out).toBe(expected(name, 'out'));
      expect(`${r.rc}\n`).toBe(expected(name, 'rc'));
    });
  }
  it('crl-stdin: openssl crl -noout -text < inter.crl.pem', async () => {
    const r = await runCrl(['-noout', '-text'], files, subtle, stdinOf('inter.crl.pem'));
    expect(r.out + r.err).toBe(expected('crl-stdin', 'out'));
  });
  it('crl-stdin-junk: openssl crl < garbage.pem', async () => {
    const r = await runCrl([], files, subtle, stdinOf('garbage.pem'));
    expect(r.err).toBe(expected('crl-stdin-junk', 'err'));
    expect(`${r.rc}\n`).toBe(expected('crl-stdin-junk', 'rc'));
  });
});
