/**
 * swaks in the world's shell against what the real swaks (20201014.0)
 * printed against the lab's bridge (test/fixtures/swaks/bridge/) and against
 * real Sendmail (kit/; capture.sh there), line by line, stdout, stderr and exit status. Normalised, each for
 * a stated reason: the port (the bridge listened on 2611, the world's
 * daemon on 25), the greeting's and Date/Subject's time (clock), the
 * Message-Id (time, pid and host name: checked on its own below), the queue
 * id in Sendmail's 250 (time and pid).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { BufferOutput, StringInput } from '../../src/core/shell/io.ts';
import { swaksData } from '../../src/core/sim/programs/swaks.ts';
import { parseSwaks } from '../../src/core/sim/programs/swaks-options.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'swaks');
const fixture = (set: string, name: string, ext: string): string => readFileSync(join(DIR, set, `${name}.${ext}`), 'latin1');

function normalise(t: string, port: string): string {
  return t
    .replace(new RegExp(`(127\\.0\\.0\\.1|localhost):${port}\\b`, 'g'), '$1:<PORT>')
    .replace(/; \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/gm, '; <DATE>')
    .replace(/^( [~-]> (Date: |Subject: test ))\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000\r$/gm, '$1<DATE>\r')
    .replace(/^( [~-]> Message-Id: <)\d{14}\.\d{6}@[\w.]+>\r$/gm, '$1<ID>>\r')
    .replace(/ 2\.0\.0 [0-9A-Za-x]{8}\d{6} Message accepted/g, ' 2.0.0 <QID> Message accepted');
}

let w: World;
const log: string[] = [];

beforeAll(async () => {
  w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(9), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  w.syslog.subscribe((r) => log.push(rawLine(r)));
  expect(await w.newShell().run('sendmail -bd')).toBe(0);
}, 60000);

async function swaks(args: string, stdin = ''): Promise<{ stdout: string; stderr: string; rc: number }> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const rc = await w.newShell().run(`swaks ${args}`, { stdin: new StringInput(stdin), stdout, stderr });
  return { stdout: stdout.text, stderr: stderr.text, rc };
}

const S = '--server 127.0.0.1 --port 25 --from alice@example.test --to root@example.test --helo client.example.test';
const CASES: [string, string][] = [
  ['plain', S],
  ['tls', `${S} --tls`],
  ['tls-verify', `${S} --tls --tls-verify --tls-ca-path /etc/mail/certs/CAcert.pem`],
  ['tls-verify-fail', `${S} --tls --tls-verify`],
  ['tls-cert', `${S} --tls --tls-cert /etc/mail/certs/mycert.pem --tls-key /etc/mail/certs/mykey.pem`],
  ['quit-rcpt', `${S} --tls --quit-after RCPT`],
  ['quit-tls', `${S} --tls --quit-after TLS`],
  ['body', `${S} --tls --body 'Hello from swaks' --header 'Subject: lab test'`],
  ['unknown-user', '--server 127.0.0.1 --port 25 --from alice@example.test --to nosuch@example.test --helo client.example.test --tls'],
  ['refused', '--server 127.0.0.1 --port 2599 --from alice@example.test --to root@example.test'],
  ['tls-protocol', `${S} --tls --tls-protocol tlsv1_2`],
];

describe('swaks as the real one prints against the same server engine', () => {
  for (const [name, args] of CASES) {
    it(name, async () => {
      const r = await swaks(args);
      const port = name === 'refused' ? '2599' : '2611';
      // the world's client certificate is its server's (the only one its CA signed; the bridge's was client.example.test)
      const want = (ext: string) => normalise(fixture('bridge', name, ext), port).replace('local DN="/C=US/O=Example Org/CN=client.example.test"', 'local DN="/C=US/O=Example Org/CN=mail.example.test"').split('\n');
      const got = (t: string) => normalise(t, name === 'refused' ? '2599' : '25').split('\n');
      expect(got(r.stdout)).toEqual(want('stdout'));
      expect(got(r.stderr)).toEqual(want('stderr'));
      expect(r.rc).toBe(Number(fixture('bridge', name, 'rc').trim()));
      // and what real swaks printed against real Sendmail (the kit's daemon on 2525): the same lines
      const kit = (ext: string) => normalise(fixture('kit', name, ext), name === 'refused' ? '2599' : '2525').replace('local DN="/C=US/O=Example Org/CN=client.example.test"', 'local DN="/C=US/O=Example Org/CN=mail.example.test"').split('\n');
      expect(got(r.stdout)).toEqual(kit('stdout'));
      expect(got(r.stderr)).toEqual(kit('stderr'));
    }, 30000);
  }

  it('--server localhost tries ::1 only, as IO::Socket::INET6 does (the real Sendmail kit: same /etc/hosts)', async () => {
    const r = await swaks('--server localhost --port 25 --from alice@example.test --to root@example.test --tls');
    expect(r.stdout).toBe(normalise(fixture('kit', 'localhost', 'stdout'), '2525').replace(':<PORT>', ':25'));
    expect(r.stderr).toBe(normalise(fixture('kit', 'localhost', 'stderr'), '2525').replaceAll(':<PORT>', ':25'));
    expect(r.rc).toBe(2);
  });

  it("Date and Message-Id come from the world's clock, swaks's pid and the host's name", async () => {
    const r = await swaks(`${S} --tls`);
    const date = /^ ~> Date: (.*)\r$/m.exec(r.stdout)![1];
    expect(date).toMatch(/^Sat, 28 Nov 2026 12:00:\d\d \+0000$/);
    expect(r.stdout).toMatch(/^ ~> Message-Id: <20261128120\d{3}\.\d{6}@mail\.example\.test>\r$/m);
  });

  it('swaks --tls is logged by Sendmail as STARTTLS=server and the message is delivered', async () => {
    log.length = 0;
    await swaks(`${S} --tls`);
    await swaks(`${S} --tls --tls-cert /etc/mail/certs/mycert.pem --tls-key /etc/mail/certs/mykey.pem`);
    await swaks(`${S} --tls --tls-protocol tlsv1_2`);
    expect(log.some((l) => l.includes('STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.3, verify=NO'))).toBe(true);
    expect(log.some((l) => l.includes('STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.3, verify=OK'))).toBe(true);
    expect(log.some((l) => l.includes('version=TLSv1.2, verify=NO, cipher=ECDHE-RSA-AES256-GCM-SHA384'))).toBe(true);
    expect(log.some((l) => /stat=Sent/.test(l))).toBe(true);
  });

  it('a client refusing the certificate: Sendmail logs OpenSSL\'s "tlsv1 alert unknown ca" (alert 48 is a TLS 1.0 alert)', async () => {
    log.length = 0;
    await swaks(`${S} --tls --tls-verify`);
    // the reason string as real OpenSSL 3.0 prints it for the same alert (fixtures/s-client/alert-reason)
    expect(log.filter((l) => l.includes('accept failed')).map((l) => l.replace(/^.*?STARTTLS=server, /, ''))).toEqual([
      'error: accept failed=-1, reason=tlsv1 alert unknown ca, SSL_error=1, errno=0, retry=-1, relay=localhost [127.0.0.1]',
    ]);
  });

  it('--header replaces a header of the template or adds one after X-Mailer; --body lines and dots', () => {
    const o = parseSwaks(['--header', 'Subject: hi', '--header', 'X-Lab: 1', '--body', 'a\\n.b']);
    if (!o.ok) throw new Error('parse');
    expect(swaksData(o.opts, 'f@x', 't@y', 'D', 'M@h')).toBe(
      'Date: D\r\nTo: t@y\r\nFrom: f@x\r\nSubject: hi\r\nMessage-Id: <M@h>\r\nX-Mailer: swaks v20201014.0 jetmore.org/john/code/swaks/\r\nX-Lab: 1\r\n\r\na\r\n..b\r\n\r\n\r\n.',
    );
  });

  it('--tls-cert without --tls-key, and a --tls-ca-path that is not there, as swaks 20201014 says (its source, ptrans 12)', async () => {
    expect(await swaks(`${S} --tls --tls-cert /etc/mail/certs/mycert.pem`)).toEqual({ stdout: '', stderr: '*** --tls-cert and --tls-key require each other.  Exiting\n', rc: 1 });
    expect(await swaks(`${S} --tls --tls-ca-path /nonexistent.pem`)).toEqual({ stdout: '', stderr: '*** --tls-ca-path: /nonexistent.pem is not a valid file or directory.  Exiting.\n', rc: 1 });
  });

  it('unknown options and quit-after points are refused as swaks refuses them', async () => {
    expect(await swaks('--foo')).toEqual({ stdout: '', stderr: 'Unknown option: foo\n', rc: 1 });
    expect(await swaks('--server 127.0.0.1:25 --to root@example.test --quit-after bogus')).toEqual({ stdout: '', stderr: '*** Unknown quit_after value bogus, exiting\n', rc: 1 });
  });
});

describe('swaks --tls when the server does not offer STARTTLS', () => {
  it('says so, QUITs and exits 29, as the real one against the bridge (fixtures/swaks/bridge-notls)', async () => {
    const v = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(8), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    // the world's sendmail.mc without its certificate lines (bridge-notls used the kit's .mc without them)
    const mc = v.vfs.readText('/etc/mail/sendmail.mc').split('\n').filter((l) => !/CERT|confSERVER_|confCLIENT_/.test(l)).join('\n');
    v.vfs.writeFile('/etc/mail/sendmail.mc', new TextEncoder().encode(mc));
    expect(await v.newShell().run('make -C /etc/mail')).toBe(0);
    expect(await v.newShell().run('sendmail -bd')).toBe(0);
    const stdout = new BufferOutput();
    const stderr = new BufferOutput();
    const rc = await v.newShell().run(`swaks ${S} --tls`, { stdout, stderr });
    const want = (ext: string) => normalise(readFileSync(join(DIR, 'bridge-notls', `no-starttls.${ext}`), 'latin1'), '2613').split('\n');
    expect(normalise(stdout.text, '25').split('\n')).toEqual(want('stdout'));
    expect(normalise(stderr.text, '25').split('\n')).toEqual(want('stderr'));
    expect(rc).toBe(29);
  }, 60000);
});
