/**
 * The daemon's TLS set-up in the reference world (../shared/reference/sendmail.md,
 * "TLS set-up errors"): each mistake is logged once at start with <20> and the
 * daemon runs without STARTTLS; fixing it and restarting brings STARTTLS back.
 */
import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { makeRsaKeyPem } from '../../src/core/pki/reference-certs.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { BufferOutput } from '../../src/core/shell/io.ts';
import { fromLatin1, latin1 } from '../../src/core/bytes/index.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const KEY = '/etc/mail/certs/mykey.pem';

async function reference(): Promise<World> {
  return createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(9), subtle });
}

/** Starts the daemon as Debian does; returns its log lines and whether EHLO offers STARTTLS. */
async function start(w: World): Promise<{ log: string[]; starttls: boolean }> {
  const log: string[] = [];
  const off = w.syslog.subscribe((r) => log.push(rawLine(r).replace(/^<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d sm-mta\[\d+\]: /, '<$1>')));
  expect(await w.newShell().run('/usr/sbin/sendmail -L sm-mta -bd -q30m', { stderr: new BufferOutput() })).toBe(0);
  const sock = w.net.connect('127.0.0.1', { addr: '127.0.0.1', port: 25 })!;
  let got = '';
  sock.attach({ onData: (b) => (got += fromLatin1(b)), onClose: () => {} });
  sock.send(latin1('EHLO client.example.test\r\n'));
  off();
  sock.close();
  return { log, starttls: got.includes('250-STARTTLS\r\n') };
}

describe('TLS set-up when sendmail -bd starts', () => {
  it('offers STARTTLS with the files of mkcerts.sh', async () => {
    expect(await start(await reference())).toEqual({ log: ['<22>starting daemon (8.17.1.9): SMTP+queueing@00:30:00'], starttls: true });
  });

  it('refuses a group-readable key, then offers STARTTLS after chmod -R go-rwx and a restart', async () => {
    const w = await reference();
    w.vfs.chmod(KEY, 0o640);
    expect(await start(w)).toEqual({
      log: ['<22>starting daemon (8.17.1.9): SMTP+queueing@00:30:00', `<20>STARTTLS=server: file ${KEY} unsafe: Group readable file`],
      starttls: false,
    });
    const sh = w.newShell();
    expect(await sh.run('chmod -R go-rwx /etc/mail/certs && /etc/init.d/sendmail restart', { stdout: new BufferOutput() })).toBe(0);
    expect(w.mta.tlsUsable).toBe(true);
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const w = await reference();
    w.vfs.writeFile(KEY, await makeRsaKeyPem(subtle));
    expect(await start(w)).toEqual({
      log: ['<22>starting daemon (8.17.1.9): SMTP+queueing@00:30:00', `<20>STARTTLS=server, error: SSL_CTX_check_private_key failed(${KEY}): 0`],
      starttls: false,
    });
  });

  it('refuses a passphrase-encrypted key without asking for the passphrase', async () => {
    const w = await reference();
    w.vfs.writeFile(KEY, '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n');
    expect(await start(w)).toEqual({
      log: ['<22>starting daemon (8.17.1.9): SMTP+queueing@00:30:00', `<20>STARTTLS=server, error: SSL_CTX_use_PrivateKey_file(${KEY}) failed`],
      starttls: false,
    });
  });
});
