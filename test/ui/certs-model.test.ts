/**
 * The Certificates panel's model: a certificate's facts equal what real
 * `openssl x509` prints for it; the reference world's chain verifies and the
 * latest STARTTLS session's server chain is the one in /etc/mail/certs; the
 * catalogue's verdicts and lines equal the lab's `openssl verify` (itself
 * checked against real OpenSSL in test/pki); Sendmail's {verify} follows.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto, createHash } from 'node:crypto';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';
import { asn1Line, crlRows, crlsOf, describeCert, hexRows, sendmailVerify, verifyInput } from '../../src/ui/state/certs-model.ts';
import { catalogueSource, referenceSource, sessionSource } from '../../src/ui/state/certs-sources.ts';
import { CATALOGUE_TIME, makeCatalogue } from '../../src/core/pki/verify-catalogue.ts';
import { runVerify } from '../../src/core/sim/programs/openssl-verify.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const fixtures = join(__dirname, '../fixtures/pki-verify');
const NOW = Date.UTC(2026, 10, 28, 12);

async function typedSession(lines: string[]): Promise<World> {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(NOW, 0), random: seededRandom(11), subtle });
  const ld = new LineDiscipline({ onOutput: () => {}, newline: '\n' });
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  return w;
}

describe('describeCert', () => {
  test('DN fields, serial, dates, extensions and fingerprint as openssl x509 shows them', async () => {
    const file = join(fixtures, 'certs', 'good.pem');
    const [der] = pemBlocks(readFileSync(file, 'utf8'));
    const v = (await describeCert(der, subtle))!;
    expect(v.subject.map((r) => `${r.key}=${r.value}`)).toEqual([
      'CN=mail.example.test', 'O=Example Org', 'OU=Mail', 'L=Example City', 'ST=Example State', 'C=US', 'emailAddress=postmaster@example.test',
    ]);
    expect(v.issuer.map((r) => `${r.key}=${r.value}`)).toEqual(['CN=Example Mail CA', 'O=Example Org', 'OU=Mail', 'C=US']);
    const x = (...a: string[]): string => execFileSync('openssl', ['x509', '-in', file, '-noout', ...a], { encoding: 'utf8' });
    expect(`sha256 Fingerprint=${v.fingerprint}\n`).toBe(x('-fingerprint', '-sha256'));
    expect(`serial=${v.serial.replace(/:/g, '')}\n`).toBe(x('-serial'));
    expect(x('-dates')).toBe('notBefore=Jan  1 00:00:00 2025 GMT\nnotAfter=Jan  1 00:00:00 2035 GMT\n');
    expect([v.notBefore, v.notAfter]).toEqual(['2025-01-01T00:00:00Z', '2035-01-01T00:00:00Z']);
    expect(v.publicKey).toBe('RSA 2048');
    const ext = Object.fromEntries(v.extensions.map((e) => [e.name, `${e.critical ? 'critical ' : ''}${e.text}`]));
    const real = x('-ext', 'subjectAltName,keyUsage,basicConstraints,extendedKeyUsage');
    expect(real).toContain(`    ${ext['X509v3 Subject Alternative Name']}\n`);
    expect(real).toContain(`    ${ext['X509v3 Extended Key Usage']}\n`);
    expect(ext['X509v3 Key Usage']).toBe('critical Digital Signature, Key Encipherment');
    expect(real).toContain('X509v3 Key Usage: critical\n    Digital Signature, Key Encipherment\n');
    expect(ext['X509v3 Basic Constraints']).toBe('CA:FALSE');
    expect(createHash('sha256').update(der).digest('hex').toUpperCase()).toBe(v.fingerprint.replace(/:/g, ''));
    expect(v.pem).toBe(readFileSync(file, 'utf8'));
    const asn1 = readFileSync(join(fixtures, 'expected', 'asn1parse-good.out'), 'utf8').split('\n');
    expect(asn1Line(v.asn1[1])).toBe(asn1[1].replace(/d=1 +/, 'd=1 ').replace(/cons: +/, 'cons: ').trimEnd());
    expect(hexRows(der).length).toBe(Math.ceil(der.length / 16));
    expect(await describeCert(new Uint8Array([0x30, 0x00]), subtle)).toBeNull();
  });
});

describe('sendmailVerify', () => {
  test('NONE, NO, OK, FAIL with the reason', async () => {
    expect(sendmailVerify(null, false, false).value).toBe('NONE');
    expect(sendmailVerify(null, false).value).toBe('NO');
    const cases = await makeCatalogue(subtle, seededRandom(3));
    const ok = await verifyInput(catalogueSource(cases[0], CATALOGUE_TIME), subtle);
    expect(sendmailVerify(ok!.result, true)).toEqual({ value: 'OK', why: 'The chain verified against the trusted CA certificates (CACertFile / CACertPath).' });
    const exp = await verifyInput(catalogueSource(cases[1], CATALOGUE_TIME), subtle);
    expect(sendmailVerify(exp!.result, true)).toEqual({ value: 'FAIL', why: 'OpenSSL: error 10 at depth 0: certificate has expired.' });
  });
});

describe('chain sources', () => {
  let world: World;
  beforeAll(async () => {
    world = await typedSession(['sendmail -bd', 'telnet localhost 25', 'EHLO client.example.test', 'STARTTLS', 'QUIT', 'exit']);
  }, 60000);

  test('the reference world: mycert.pem verifies against CAcert.pem, {verify} OK', async () => {
    const src = referenceSource(world.vfs, NOW + 60_000)!;
    expect(src.chain).toHaveLength(1);
    expect(src.trusted).toHaveLength(1);
    const v = (await verifyInput(src, subtle))!;
    expect(v.out).toBe('cert.pem: OK\n');
    expect(v.result.steps.map((s) => [s.subject, s.signatureValid])).toEqual([
      ['C = US, O = Example Org, CN = mail.example.test', true],
      ['C = US, O = Example Org, CN = Example Test CA', true],
    ]);
    expect(sendmailVerify(v.result, true).value).toBe('OK');
  });

  test('the latest STARTTLS session: the server sent mycert.pem and the CA certificate', async () => {
    const src = sessionSource(world.trace.events, world.vfs, NOW + 60_000)!;
    const mine = [...pemBlocks(world.vfs.readText('/etc/mail/certs/mycert.pem')), ...pemBlocks(world.vfs.readText('/etc/mail/certs/CAcert.pem'))];
    expect(src.chain.map((d) => Buffer.from(d).toString('hex'))).toEqual(mine.map((d) => Buffer.from(d).toString('hex')));
    expect((await verifyInput(src, subtle))!.result.ok).toBe(true);
    expect(sessionSource(world.trace.events, world.vfs, NOW, 'client')!.chain).toEqual([]);
  });

  test('a CRL in /etc/mail/certs is read and its revoked serials listed', async () => {
    const crl = readFileSync(join(fixtures, 'certs', 'inter.crl.pem'), 'utf8');
    const rows = crlRows(crlsOf(crl)[0]);
    expect(rows).toHaveLength(1);
    expect(rows[0].reason).toBe('Key Compromise');
    expect(rows[0].serial).toBe('1004');
  });
});

describe('failure catalogue in the panel', () => {
  test('each case: the panel lines equal the lab openssl verify on the same files', async () => {
    const cases = await makeCatalogue(subtle, seededRandom(3));
    for (const c of cases) {
      const src = catalogueSource(c, CATALOGUE_TIME);
      const v = (await verifyInput(src, subtle))!;
      const cmd = await runVerify(['-attime', String(CATALOGUE_TIME / 1000), ...c.args], { read: (p) => (c.files[p] ? new TextEncoder().encode(c.files[p]) : null), list: () => null }, subtle, 0);
      expect({ id: c.id, out: v.out, err: v.err }).toEqual({ id: c.id, out: cmd.out, err: cmd.err });
      expect(src.command).toBe(`openssl verify -attime 1893456000 ${c.args.join(' ')}`);
    }
  }, 30000);
});
