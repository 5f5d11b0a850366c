/**
 * `openssl s_client` in the world's shell against what the real OpenSSL 3.0
 * s_client printed against the lab's bridge (test/fixtures/s-client/bridge/,
 * same TLS server engine, same stdin lines; capture.sh there). stdout, stderr
 * and the exit status must be equal line by line after this normalisation,
 * each item of which is a value that differs from run to run or between the
 * two programs for a stated reason:
 *  - the certificates' PEM bodies and dates (other keys, other clock); the
 *    lab's PEM is checked against the world's own certificate file instead;
 *  - Session-ID, Master-Key, Resumption PSK and the session tickets' bytes
 *    (random), Start Time (clock);
 *  - the thread id in front of OpenSSL's error lines;
 *  - "written N bytes": SIMPLIFIED, the lab's ClientHello carries fewer
 *    extensions than OpenSSL's (its own count is asserted exactly below).
 * The bytes read are compared exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { BufferOutput, StringInput } from '../../src/core/shell/io.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 's-client');
const fixture = (set: string, name: string, ext: string): string => readFileSync(join(DIR, set, `${name}.${ext}`), 'latin1');

const PEM = /-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+?-----END CERTIFICATE-----\n/g;
export function normalise(t: string): string {
  return t
    .replace(PEM, '<PEM>\n')
    .replace(/v:NotBefore: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT; NotAfter: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT/g, 'v:<DATES>')
    .replace(/^( {4}(Session-ID|Master-Key|Resumption PSK): )[0-9A-F]+$/gm, '$1<HEX>')
    .replace(/^( {4}[0-9a-f]{4} - )(?:[0-9a-f]{2}[ -]){16} {2}.{16}$/gm, '$1<TICKET BYTES>')
    .replace(/^( {4}Start Time: )\d+$/gm, '$1<TIME>')
    .replace(/^80[0-9A-F]{8}7[0-9A-F]0000:error:/gm, '<TID>:error:')
    .replace(/^(SSL handshake has read \d+ bytes and written )\d+( bytes)$/m, '$1<N>$2');
}

let w: World;
const log: string[] = [];
let rogue = '';

beforeAll(async () => {
  w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(7), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  w.syslog.subscribe((r) => log.push(rawLine(r)));
  expect(await w.newShell().run('sendmail -bd')).toBe(0);
  // A client certificate from another CA (made by the real openssl), for verify=FAIL.
  rogue = mkdtempSync(join(tmpdir(), 'lab-s-client-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/C=US/O=Rogue Org/CN=rogue.example.test', '-keyout', join(rogue, 'k.pem'), '-out', join(rogue, 'c.pem')], { stdio: 'ignore' });
  w.vfs.writeFile('/root/rogue-cert.pem', new Uint8Array(readFileSync(join(rogue, 'c.pem'))));
  w.vfs.writeFile('/root/rogue-key.pem', new Uint8Array(readFileSync(join(rogue, 'k.pem'))));
}, 60000);

async function sClient(args: string, stdin: string[]): Promise<{ stdout: string; stderr: string; rc: number }> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const rc = await w.newShell().run(`openssl s_client ${args}`, { stdin: new StringInput(stdin.map((l) => l + '\n').join('')), stdout, stderr });
  return { stdout: stdout.text, stderr: stderr.text, rc };
}

const C = '-starttls smtp -connect localhost:25';
const CA = '-CAfile /etc/mail/certs/CAcert.pem';
const EHLO = 'EHLO client.example.test';
// fixture name -> the lab's arguments and stdin (capture.sh's cases, with the world's paths and port)
const CASES: [string, string, string[]][] = [
  ['tls13', `${C} ${CA}`, [EHLO, 'QUIT']],
  ['tls12', `${C} -tls1_2 ${CA}`, [EHLO, 'QUIT']],
  ['no-cafile', C, [EHLO]],
  ['crlf', `${C} -crlf ${CA}`, [EHLO, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<root@example.test>', 'quit']],
  ['client-cert', `${C} -crlf ${CA} -cert /etc/mail/certs/mycert.pem -key /etc/mail/certs/mykey.pem`, [EHLO, 'quit']],
  ['rogue-cert', `${C} -crlf ${CA} -cert /root/rogue-cert.pem -key /root/rogue-key.pem`, [EHLO, 'quit']],
  ['brief', `${C} -crlf -brief ${CA}`, [EHLO, 'quit']],
  ['brief12', `${C} -crlf -brief -tls1_2`, ['quit']],
  ['brief12-hostname', `${C} -crlf -brief -tls1_2 -verify_hostname mail.example.test ${CA}`, ['quit']],
  ['showcerts', `${C} -crlf -showcerts ${CA}`, ['quit']],
  ['verify-hostname', `${C} -crlf ${CA} -verify_hostname mail.example.test`, ['quit']],
  ['wrong-hostname', `${C} -crlf ${CA} -verify_hostname www.example.test`, ['quit']],
  ['servername', `${C} -crlf -servername mail.example.test ${CA}`, ['quit']],
  ['quiet', `${C} -crlf -quiet ${CA}`, [EHLO, 'quit']],
  ['eof', `${C} -crlf ${CA}`, [EHLO]],
  ['cipher12', `${C} -crlf -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 ${CA}`, ['quit']],
  ['ciphersuites13', `${C} -crlf -ciphersuites TLS_AES_128_GCM_SHA256 ${CA}`, ['quit']],
  ['no-starttls-option', '-connect localhost:25', ['quit']],
  ['unknown-option', `${C} -foo`, []],
  ['no-starttls-arg', '-starttls', []],
  ['bad-starttls', '-starttls imapx -connect localhost:25', []],
  ['missing-cafile', `${C} -CAfile /nonexistent.pem`, []],
  ['missing-cert', `${C} -cert /nonexistent.pem -key /etc/mail/certs/mykey.pem`, ['quit']],
  ['groups-x25519', `${C} -groups X25519 ${CA}`, ['quit']],
];

describe('openssl s_client -starttls smtp as the real one prints against the same server engine', () => {
  for (const [name, args, stdin] of CASES) {
    it(name, async () => {
      const r = await sClient(args, stdin);
      expect(normalise(r.stdout).split('\n')).toEqual(normalise(fixture('bridge', name, 'stdout')).split('\n'));
      expect(normalise(r.stderr).split('\n')).toEqual(normalise(fixture('bridge', name, 'stderr')).split('\n'));
      expect(r.rc).toBe(Number(fixture('bridge', name, 'rc').trim()));
    }, 30000);
  }

  it('prints the server certificate as the world has it, and its own byte counts', async () => {
    const r = await sClient(`${C} ${CA}`, ['QUIT']);
    expect(r.stdout).toContain(`Server certificate\n${w.vfs.readText('/etc/mail/certs/mycert.pem')}subject=`);
    expect(r.stdout).toContain('   v:NotBefore: Nov 28 12:00:00 2026 GMT; NotAfter: Nov 25 12:00:00 2036 GMT\n');
    // read: as real Sendmail (kit/tls13.stdout, 2974: HelloRetryRequest, P-256). Written: the lab
    // client's own bytes, EHLO mail.example.com and STARTTLS (33) then its TLS records (two ClientHellos)
    expect(r.stdout).toMatch(/^SSL handshake has read 2974 bytes and written 574 bytes$/m);
  }, 30000);

  it('-verify N says "verify depth is N" first, and goes on after errors (captured against the bridge)', async () => {
    const r = await sClient(`${C} -verify 2`, ['quit']);
    expect(r.stderr).toMatch(/^verify depth is 2\nCan't use SSL_get_servername\ndepth=1 C = US, O = Example Org, CN = Example Test CA\nverify error:num=19:self-signed certificate in certificate chain\nverify return:1\n/);
    expect(r.rc).toBe(0);
  });

  it('-help prints the real help text', async () => {
    const r = await sClient('-help', []);
    expect(r).toEqual({ stdout: '', stderr: fixture('kit', 'help', 'stderr'), rc: 0 });
  });

  it('a connection refused (no daemon on the port) prints what OpenSSL prints for each address of localhost', async () => {
    const r = await sClient('-starttls smtp -connect localhost:2599', []);
    expect(normalise(r.stderr)).toBe(normalise(fixture('kit', 'refused', 'stderr')));
    expect(r.stdout).toBe('');
    expect(r.rc).toBe(1);
  });

  it('Sendmail logs verify=OK for a client certificate from its CA and verify=FAIL for another', async () => {
    log.length = 0;
    for (const name of ['client-cert', 'rogue-cert', 'tls12']) {
      const [, args, stdin] = CASES.find(([n]) => n === name)!;
      await sClient(args, stdin);
    }
    const lines = log.filter((l) => l.includes('STARTTLS=server')).map((l) => l.replace(/^.*?: STARTTLS=server, /, ''));
    expect(lines).toContain('relay=localhost [127.0.0.1], version=TLSv1.3, verify=OK, cipher=TLS_AES_256_GCM_SHA384, bits=256/256');
    expect(lines).toContain('relay=localhost [127.0.0.1], version=TLSv1.3, verify=FAIL, cipher=TLS_AES_256_GCM_SHA384, bits=256/256');
    expect(lines).toContain('relay=localhost [127.0.0.1], version=TLSv1.2, verify=NO, cipher=ECDHE-RSA-AES256-GCM-SHA384, bits=256/256');
  });

  it('an X25519-only client: Sendmail logs "no suitable key share" as real Sendmail (kit/groups-x25519.maillog)', async () => {
    log.length = 0;
    await sClient(`${C} -groups X25519`, ['quit']);
    const want = readFileSync(join(DIR, 'kit', 'groups-x25519.maillog'), 'latin1').split('\n')[0]!.replace(/^.*?STARTTLS=server, /, '');
    expect(log.filter((l) => l.includes('STARTTLS=server')).map((l) => l.replace(/^.*?STARTTLS=server, /, ''))).toEqual([want]);
  });

  it("the client's TLS events go into the trace under the daemon's connection number", async () => {
    await sClient(`${C} ${CA}`, ['QUIT']);
    const tls = w.trace.of('tls.event');
    const clientConns = new Set(tls.filter((e) => (e.event as { side?: string }).side === 'client').map((e) => e.conn));
    const serverConns = new Set(tls.filter((e) => (e.event as { side?: string }).side === 'server').map((e) => e.conn));
    const daemonConns = new Set(w.trace.of('net.connect').map((e) => e.conn));
    expect(clientConns.size).toBeGreaterThan(0);
    // every client event is under a connection the daemon numbered (never 0); after STARTTLS both sides share it
    expect([...clientConns].every((c) => daemonConns.has(c))).toBe(true);
    expect([...clientConns].filter((c) => serverConns.has(c)).length).toBeGreaterThan(0);
  });
});

describe('openssl s_client when the server does not offer STARTTLS', () => {
  it('says so, sends STARTTLS anyway, and fails on the plain-text reply as the real one (fixtures/s-client/bridge-notls)', async () => {
    const v = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(8), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    // the world's sendmail.mc without its certificate lines (as bridge-notls/sendmail.mc is the kit's)
    const mc = v.vfs.readText('/etc/mail/sendmail.mc').split('\n').filter((l) => !/CERT|confSERVER_|confCLIENT_/.test(l)).join('\n');
    v.vfs.writeFile('/etc/mail/sendmail.mc', new TextEncoder().encode(mc));
    expect(await v.newShell().run('make -C /etc/mail')).toBe(0);
    expect(await v.newShell().run('sendmail -bd')).toBe(0);
    const stdout = new BufferOutput();
    const stderr = new BufferOutput();
    const rc = await v.newShell().run('openssl s_client -starttls smtp -connect localhost:25', { stdin: new StringInput('quit\n'), stdout, stderr });
    const want = (ext: string) => normalise(readFileSync(join(DIR, 'bridge-notls', `no-starttls.${ext}`), 'latin1'));
    expect(normalise(stdout.text)).toBe(want('stdout'));
    expect(normalise(stderr.text)).toBe(want('stderr'));
    expect(rc).toBe(1);
    // -brief: the same error, no report (bio_c_out is null under -quiet/-brief)
    const out2 = new BufferOutput();
    const err2 = new BufferOutput();
    expect(await v.newShell().run('openssl s_client -starttls smtp -connect localhost:25 -brief', { stdin: new StringInput('quit\n'), stdout: out2, stderr: err2 })).toBe(1);
    expect(out2.text).toBe('');
    expect(normalise(err2.text)).toBe(normalise(readFileSync(join(DIR, 'bridge-notls', 'no-starttls-brief.stderr'), 'latin1')));
  }, 60000);
});

describe('openssl s_client when Sendmail sends its certificate alone (no CACertFile)', () => {
  for (const [name, args] of [['leaf-only', ''], ['leaf-only-cafile', ' -CAfile /etc/mail/certs/CAcert.pem']] as const) {
    it(`${name}: as the real one against the bridge with the same .mc (fixtures/s-client/bridge-leaf)`, async () => {
      const v = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(8), subtle: webcrypto.subtle as unknown as SubtleCrypto });
      const mc = v.vfs.readText('/etc/mail/sendmail.mc').split('\n').filter((l) => !l.startsWith("define(`confCACERT'")).join('\n');
      v.vfs.writeFile('/etc/mail/sendmail.mc', new TextEncoder().encode(mc));
      expect(await v.newShell().run('make -C /etc/mail')).toBe(0);
      expect(await v.newShell().run('sendmail -bd')).toBe(0);
      const stdout = new BufferOutput();
      const stderr = new BufferOutput();
      const rc = await v.newShell().run(`openssl s_client -starttls smtp -connect localhost:25${args}`, { stdin: new StringInput('quit\n'), stdout, stderr });
      const want = (ext: string) => normalise(readFileSync(join(DIR, 'bridge-leaf', `${name}.${ext}`), 'latin1')).split('\n');
      expect(normalise(stdout.text).split('\n')).toEqual(want('stdout'));
      expect(normalise(stderr.text).split('\n')).toEqual(want('stderr'));
      expect(rc).toBe(0);
    }, 60000);
  }
});

/**
 * The same sessions against real Sendmail (fixtures/s-client/kit/): equal,
 * the bytes read included, once normalised as above: the server engine makes
 * Sendmail's choices (P-256 via a HelloRetryRequest, OpenSSL's default
 * CertificateRequest lists, two TLS 1.3 tickets, a TLS 1.2 ticket).
 */
describe('openssl s_client as the real one prints against real Sendmail', () => {
  for (const name of ['tls13', 'tls12', 'no-cafile', 'crlf', 'brief', 'showcerts', 'verify-hostname', 'wrong-hostname', 'quiet', 'eof', 'brief12-hostname', 'servername', 'groups-x25519']) {
    it(name, async () => {
      const [, args, stdin] = CASES.find(([n]) => n === name)!;
      const r = await sClient(args, stdin);
      expect(normalise(r.stdout).split('\n')).toEqual(normalise(fixture('kit', name, 'stdout')).split('\n'));
      expect(normalise(r.stderr).split('\n')).toEqual(normalise(fixture('kit', name, 'stderr')).split('\n'));
      expect(r.rc).toBe(Number(fixture('kit', name, 'rc').trim()));
    }, 30000);
  }
});
