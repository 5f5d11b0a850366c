// STARTTLS on the bridge with real clients: OpenSSL's s_client (TLS 1.3, TLS 1.2,
// a forced AES-128 suite, client certificates from the CA and from a rogue CA),
// swaks --tls and Python's smtplib.starttls(). The certificates are made by the
// reference kit's mkcerts.sh (a copy in test/fixtures/bridge/) with the real
// openssl and laid over /etc/mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, type Bridge } from './bridge-helper.ts';

const MKCERTS = join(import.meta.dirname, '..', 'fixtures', 'bridge', 'mkcerts.sh');
let bridge: Bridge;
let etc: string;
let client: string;

beforeAll(async () => {
  etc = mkdtempSync(join(tmpdir(), 'lab-tls-etc-'));
  client = mkdtempSync(join(tmpdir(), 'lab-tls-client-'));
  execFileSync('bash', [MKCERTS, join(etc, 'certs'), client], { stdio: 'ignore' });
  bridge = await startBridge(['--etc-mail', etc]);
}, 120000);
afterAll(async () => {
  await bridge?.stop();
});

/** s_client with `args`; the SMTP lines go after the handshake. */
function sClient(args: string[], smtp = 'EHLO client.example.test\nquit\n'): string {
  const r = spawnSync('openssl', ['s_client', '-starttls', 'smtp', '-connect', `127.0.0.1:${bridge.port}`, '-crlf', '-brief', '-ign_eof', ...args], { input: smtp, encoding: 'utf8', timeout: 30000 });
  return r.stdout + r.stderr;
}

const starttlsLines = (): string[] => bridge.log().filter((l) => l.includes('STARTTLS=server')).map((l) => l.replace(/^<22>\w{3} [ \d]\d \d\d:\d\d:\d\d sm-mta\[\d+\]: /, ''));

describe('STARTTLS with real clients on the bridge', () => {
  it('openssl s_client completes TLS 1.3 and verifies mail.example.test against the CA', () => {
    const out = sClient(['-tls1_3', '-CAfile', join(client, 'CAcert.pem'), '-verify_hostname', 'mail.example.test']);
    expect(out).toContain('Verification: OK\n');
    expect(out).toContain('Protocol version: TLSv1.3\n');
    expect(out).toContain('Ciphersuite: TLS_AES_256_GCM_SHA384\n');
    expect(out).toContain('Peer certificate: C = US, O = Example Org, CN = mail.example.test\n');
    expect(out).toContain('250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you\r\n250-ENHANCEDSTATUSCODES\r\n');
    expect(out).toContain('250 HELP\r\n221 2.0.0 mail.example.test closing connection\r\n');
    expect(out).not.toContain('250-STARTTLS');
    expect(starttlsLines().at(-1)).toBe('STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256');
  }, 60000);

  it('TLS 1.2 negotiates ECDHE-RSA-AES256-GCM-SHA384, and AES-128 when forced', () => {
    expect(sClient(['-tls1_2', '-CAfile', join(client, 'CAcert.pem'), '-verify_hostname', 'mail.example.test'])).toContain('Verification: OK\n');
    expect(starttlsLines().at(-1)).toBe('STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.2, verify=NO, cipher=ECDHE-RSA-AES256-GCM-SHA384, bits=256/256');
    expect(sClient(['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256', '-CAfile', join(client, 'CAcert.pem')])).toContain('Ciphersuite: ECDHE-RSA-AES128-GCM-SHA256\n');
    expect(starttlsLines().at(-1)).toBe('STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.2, verify=NO, cipher=ECDHE-RSA-AES128-GCM-SHA256, bits=128/128');
  }, 60000);

  it('a client certificate from the CA gives verify=OK, one from another CA verify=FAIL', () => {
    sClient(['-cert', join(client, 'client-cert.pem'), '-key', join(client, 'client-key.pem'), '-CAfile', join(client, 'CAcert.pem')]);
    expect(starttlsLines().at(-1)).toMatch(/, verify=OK, cipher=TLS_AES_256_GCM_SHA384, bits=256\/256$/);
    sClient(['-cert', join(client, 'rogue-cert.pem'), '-key', join(client, 'rogue-key.pem'), '-CAfile', join(client, 'CAcert.pem')]);
    expect(starttlsLines().at(-1)).toMatch(/, verify=FAIL, cipher=TLS_AES_256_GCM_SHA384, bits=256\/256$/);
  }, 60000);

  it('swaks --tls delivers a message', () => {
    const out = execFileSync('swaks', ['--server', `127.0.0.1:${bridge.port}`, '--tls', '--from', 'alice@example.test', '--to', 'root@example.test', '--helo', 'client.example.test'], { encoding: 'utf8' });
    expect(out).toContain('<-  220 2.0.0 Ready to start TLS\n');
    expect(out).toContain('=== TLS started with cipher TLSv1.3:TLS_AES_256_GCM_SHA384:256\n');
    expect(out).toMatch(/<~ {2}250 2\.0\.0 [0-9A-Za-x]{8}\d{6} Message accepted for delivery\n/);
  }, 60000);

  it("Python's smtplib.starttls() delivers a message, logged proto=ESMTPS", () => {
    const script = [
      'import smtplib, ssl',
      `s = smtplib.SMTP("127.0.0.1", ${bridge.port})`,
      's.ehlo("client.example.test")',
      `ctx = ssl.create_default_context(cafile=${JSON.stringify(join(client, 'CAcert.pem'))})`,
      'ctx.check_hostname = False',
      'print(s.starttls(context=ctx)[0])',
      'print(s.ehlo("client.example.test")[0])',
      'print(s.sendmail("alice@example.test", ["root@example.test"], "Subject: tls\\r\\n\\r\\nhi\\r\\n"))',
      'print(s.quit()[0])',
    ].join('\n');
    expect(execFileSync('python3', ['-c', script], { encoding: 'utf8' })).toBe('220\n250\n{}\n221\n');
    expect(bridge.log().some((l) => /from=<alice@example\.test>, size=\d+, class=0, nrcpts=1, msgid=<[^>]+>, proto=ESMTPS, daemon=MTA, relay=localhost \[127\.0\.0\.1\]$/.test(l))).toBe(true);
  }, 60000);
});
