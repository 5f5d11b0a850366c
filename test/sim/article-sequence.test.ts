/**
 * The article's sequence in the fresh world, typed on the lab's terminal:
 * a CA with CA.pl -newca, a request with CA.pl -newreq (pass phrase, so an
 * encrypted key), CA.pl -sign, the files copied to /etc/mail/certs, the TLS
 * defines added to sendmail.mc, m4, sendmail -bd. Then both classic
 * mistakes and their fixes, with the exact lines the daemon logs
 * (../shared/reference/sendmail.md, "TLS set-up errors"; the same texts the
 * real Sendmail 8.17.1.9 logs, see test/sim/tls-setup-world.test.ts):
 *   1. the key is encrypted -> SSL_CTX_use_PrivateKey_file(...) failed;
 *      fixed with CA.pl -newreq-nodes (after revoking the first certificate,
 *      as unique_subject asks) and -sign;
 *   2. the key is readable by group and others (here after a `chmod -R a+r`:
 *      OpenSSL 3.0 itself creates keys 0600) -> unsafe: Group readable file;
 *      fixed with chmod -R go-rwx /etc/mail/certs.
 * After each start, EHLO shows whether STARTTLS is offered.
 */
import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { fromLatin1, latin1 } from '../../src/core/bytes/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';

const CA_PL = '/usr/lib/ssl/misc/CA.pl';
const KEY = '/etc/mail/certs/newkey.pem';
const DN = ['US', 'California', 'San Francisco', 'Example Org', 'IT'];

/** Types `lines` on a fresh login shell; returns the screen (CR removed). */
async function type(w: World, lines: string[]): Promise<string> {
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (s) => (screen += s), newline: '\r\n' });
  const done = w.runTerminal(ld);
  for (const l of [...lines, 'exit']) ld.input(`${l}\r`);
  await done;
  return screen.replace(/\r/g, '');
}

async function ehloOffersStarttls(w: World): Promise<boolean> {
  const sock = w.net.connect('127.0.0.1', { addr: '127.0.0.1', port: 25 });
  if (!sock) return false;
  let got = '';
  sock.attach({ onData: (b) => (got += fromLatin1(b)), onClose: () => {} });
  sock.send(latin1('EHLO client.example.test\r\n'));
  await w.settle();
  sock.close();
  expect(got).toContain('250-mail.example.test Hello');
  return got.includes('250-STARTTLS\r\n');
}

describe("the article's sequence, with both mistakes and both fixes", () => {
  it('CA.pl, /etc/mail/certs, sendmail.mc, m4, sendmail -bd', async () => {
    let t = Date.UTC(2026, 10, 28, 16, 0, 0);
    const w = await createWorld({ kind: 'fresh', clock: { now: () => (t += 7) }, random: seededRandom(21), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    const log: string[] = [];
    w.syslog.subscribe((r) => log.push(rawLine(r).replace(/^<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d (\S+)\[\d+\]: /, '<$1>$2: ')));
    const tls = (): string[] => log.filter((l) => l.includes('STARTTLS'));

    // The CA and an encrypted key with its certificate.
    const made = await type(w, [
      `${CA_PL} -newca`, '', 'capass', 'capass', ...DN, 'Example Test CA', 'ca@example.test', '', '', 'capass',
      `${CA_PL} -newreq`, 'keypass', 'keypass', ...DN, 'mail.example.test', 'postmaster@example.test', '', '',
      `${CA_PL} -sign`, 'capass', 'y', 'y',
    ]);
    expect(made).toContain('CA certificate is in ./demoCA/cacert.pem\n');
    expect(made).toContain('Request is in newreq.pem, private key is in newkey.pem\n');
    expect(made).toContain('Signed certificate is in newcert.pem\n');
    expect(made).not.toContain('keypass'); // pass phrases are not echoed
    expect(w.vfs.readText('/root/newkey.pem')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);

    // Copy to /etc/mail/certs, add the defines before the mailers, rebuild sendmail.cf, start.
    const conf = await type(w, [
      'mkdir /etc/mail/certs',
      'cp demoCA/cacert.pem newcert.pem newkey.pem /etc/mail/certs/',
      'cd /etc/mail',
      'head -n 101 sendmail.mc > sendmail.mc.new',
      "cat >> sendmail.mc.new <<'EOF'",
      "define(`confCACERT_PATH', `/etc/mail/certs')dnl",
      "define(`confCACERT', `/etc/mail/certs/cacert.pem')dnl",
      "define(`confSERVER_CERT', `/etc/mail/certs/newcert.pem')dnl",
      "define(`confSERVER_KEY', `/etc/mail/certs/newkey.pem')dnl",
      'EOF',
      'tail -n 3 sendmail.mc >> sendmail.mc.new',
      'mv sendmail.mc.new sendmail.mc',
      'm4 sendmail.mc > sendmail.cf',
      'grep -E "^O (CACertPath|CACertFile|ServerCertFile|ServerKeyFile)=" sendmail.cf',
      'sendmail -bd',
    ]);
    expect(conf).toContain(
      'O CACertPath=/etc/mail/certs\nO CACertFile=/etc/mail/certs/cacert.pem\nO ServerCertFile=/etc/mail/certs/newcert.pem\nO ServerKeyFile=/etc/mail/certs/newkey.pem\n',
    );
    // Mistake 1: the key is encrypted; the daemon cannot ask for its pass phrase.
    expect(tls()).toEqual([`<20>sendmail: STARTTLS=server, error: SSL_CTX_use_PrivateKey_file(${KEY}) failed`]);
    expect(await ehloOffersStarttls(w)).toBe(false);

    // Fix 1: a key without pass phrase (-newreq-nodes), after revoking the first certificate.
    log.length = 0;
    const fix1 = await type(w, [
      `${CA_PL} -revoke newcert.pem`, 'capass',
      `${CA_PL} -newreq-nodes`, ...DN, 'mail.example.test', 'postmaster@example.test', '', '',
      `${CA_PL} -sign`, 'capass', 'y', 'y',
      'cp newcert.pem newkey.pem /etc/mail/certs/',
      'head -n 1 /etc/mail/certs/newkey.pem',
      // Mistake 2: someone makes the files readable for the daemon's sake.
      'chmod -R a+r /etc/mail/certs',
      '/etc/init.d/sendmail restart',
    ]);
    expect(fix1).toContain('Revoking Certificate ');
    expect(fix1).toContain('Signed certificate is in newcert.pem\n');
    expect(fix1).toContain('head -n 1 /etc/mail/certs/newkey.pem\n-----BEGIN PRIVATE KEY-----\n');
    expect(tls()).toEqual([`<20>sm-mta: STARTTLS=server: file ${KEY} unsafe: Group readable file`]);
    expect(await ehloOffersStarttls(w)).toBe(false);

    // Fix 2: the article's chmod, then a restart: STARTTLS at last.
    log.length = 0;
    await type(w, ['chmod -R go-rwx /etc/mail/certs', '/etc/init.d/sendmail restart']);
    expect(tls()).toEqual([]);
    expect(log.some((l) => l.includes('starting daemon (8.17.1.9)'))).toBe(true);
    expect(await ehloOffersStarttls(w)).toBe(true);
    expect(w.vfs.stat(KEY).mode & 0o777).toBe(0o600);
  }, 120000);
});
