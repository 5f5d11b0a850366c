// Real SMTP clients against `npm run bridge`: swaks, Python's smtplib and a
// raw socket from 127.0.0.2 (client.example.test, which may not relay).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { dialogue, startBridge, type Bridge } from './bridge-helper.ts';

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge();
}, 60000);
afterAll(async () => {
  await bridge?.stop();
});

describe('the bridge with real clients', () => {
  it('prints the ready line once', () => {
    expect(bridge.stdout()).toBe(`listening on 127.0.0.1:${bridge.port}\n`);
  });

  it('delivers a message from swaks', () => {
    const out = execFileSync('swaks', ['--server', `127.0.0.1:${bridge.port}`, '--from', 'alice@example.test', '--to', 'root@example.test', '--helo', 'client.example.test', '--header', 'Subject: from swaks', '--body', 'hello from swaks'], { encoding: 'utf8' });
    expect(out).toMatch(/<- {2}220 mail\.example\.test ESMTP Sendmail 8\.17\.1\.9\/8\.17\.1\.9\/Debian-2\+deb12u2; /);
    expect(out).toContain('<-  250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you\n');
    expect(out).toContain('<-  250 2.1.0 <alice@example.test>... Sender ok\n');
    expect(out).toContain('<-  250 2.1.5 <root@example.test>... Recipient ok\n');
    expect(out).toMatch(/<- {2}250 2\.0\.0 [0-9A-Za-x]{8}\d{6} Message accepted for delivery\n/);
    expect(out).toContain('<-  221 2.0.0 mail.example.test closing connection\n');
  }, 30000);

  it('delivers a message from Python smtplib, with the from= and to= log lines', () => {
    const script = [
      'import smtplib, sys',
      `s = smtplib.SMTP("127.0.0.1", ${bridge.port})`,
      'print(s.ehlo("client.example.test")[0])',
      'print(s.sendmail("alice@example.test", ["staff@example.test"], "Subject: py\\r\\n\\r\\nhi\\r\\n"))',
      'print(s.quit()[0])',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(out).toBe('250\n{}\n221\n');
    const log = bridge.log();
    expect(log.some((l) => /^<22>\w{3} [ \d]\d \d\d:\d\d:\d\d sm-mta\[\d+\]: [0-9A-Za-x]{8}\d{6}: from=<alice@example\.test>, size=\d+, class=0, nrcpts=1, msgid=</.test(l))).toBe(true);
  }, 30000);

  it('names 127.0.0.2 client.example.test and denies it relaying', async () => {
    const got = await dialogue(bridge.port, '127.0.0.2', ['EHLO client.example.test\r\n', 'MAIL FROM:<alice@example.test>\r\n', 'RCPT TO:<someone@remote.example>\r\n', 'QUIT\r\n']);
    expect(got).toContain('250-mail.example.test Hello client.example.test [127.0.0.2], pleased to meet you\r\n');
    expect(got).toContain('550 5.7.1 <someone@remote.example>... Relaying denied\r\n');
    expect(got.endsWith('221 2.0.0 mail.example.test closing connection\r\n')).toBe(true);
  }, 30000);

  it('never dies on arbitrary bytes', async () => {
    const got = await dialogue(bridge.port, '127.0.0.1', ['\x00\xff\x16\x03\x01garbage\r\n', 'QUIT\r\n']);
    expect(got).toMatch(/^220 /);
    const again = await dialogue(bridge.port, '127.0.0.1', ['QUIT\r\n']);
    expect(again).toMatch(/221 2\.0\.0 mail\.example\.test closing connection\r\n$/);
  }, 30000);
});
