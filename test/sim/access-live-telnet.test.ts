// The learner's path: an access-map rule written in /etc/mail/access, `makemap`, then
// `telnet localhost 25` with STARTTLS: the lab's TLS client takes over, and tls_client
// refuses every MAIL and RCPT as real Sendmail does (access-live/tlsclt-localhost-nocert).
import { expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';

it('TLS_Clt:localhost VERIFY, telnet without a client certificate: 454 4.7.0 not authenticated after STARTTLS', async () => {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(5), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\n' });
  const lines = [
    'echo "TLS_Clt:localhost VERIFY" >> /etc/mail/access',
    'makemap hash /etc/mail/access < /etc/mail/access',
    'sendmail -bd',
    'telnet localhost 25',
    'EHLO localhost',
    'STARTTLS',
    'EHLO localhost',
    'MAIL FROM:<alice@example.test>',
    'RCPT TO:<root@example.test>',
    'QUIT',
    'exit',
  ];
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  const afterTls = screen.slice(screen.indexOf('Type EHLO again.\n') + 'Type EHLO again.\n'.length);
  expect(afterTls).toBe(
    'EHLO localhost\n250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you\n250 ENHANCEDSTATUSCODES\n' +
      'MAIL FROM:<alice@example.test>\n454 4.7.0 not authenticated\n' +
      'RCPT TO:<root@example.test>\n454 4.7.0 not authenticated\n' +
      'QUIT\n221 2.0.0 mail.example.test closing connection\nConnection closed by foreign host.\nroot@mail:~# exit\nlogout\n',
  );
  expect(w.vfs.readText('/var/log/mail.log')).toMatch(
    / sendmail\[\d+\]: ruleset=tls_client, arg1=NO, arg2=STARTTLS, relay=localhost \[127\.0\.0\.1\], reject=454 4\.7\.0 not authenticated\n/,
  );
}, 60000);
