// STARTTLS typed in telnet: after Sendmail's 220 the lab's TLS client takes
// over (said in one line), a real TLS 1.3 handshake runs against the daemon,
// and EHLO inside TLS no longer offers STARTTLS; Sendmail logs STARTTLS=server.
import { expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';

it('telnet localhost 25, EHLO, STARTTLS, EHLO inside TLS, QUIT', async () => {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(4), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\n' });
  const lines = ['sendmail -bd', 'telnet localhost 25', 'EHLO client.example.test', 'STARTTLS', 'EHLO client.example.test', 'QUIT', 'exit'];
  // one line per read, as `npm run lab` feeds a script
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  const afterTls = screen.slice(screen.indexOf('220 2.0.0 Ready to start TLS\n'));
  expect(afterTls).toMatch(/^220 2\.0\.0 Ready to start TLS\nlab: telnet cannot speak TLS; the lab's TLS client took over: TLSv1\.3, TLS_AES_256_GCM_SHA384, 256 bits\. Type EHLO again\.\nEHLO client\.example\.test\n250-mail\.example\.test Hello localhost \[127\.0\.0\.1\], pleased to meet you\n/);
  expect(afterTls).toContain('250-DELIVERBY\n250 HELP\nQUIT\n221 2.0.0 mail.example.test closing connection\nConnection closed by foreign host.\n');
  expect(afterTls).not.toContain('250-STARTTLS');
  expect(w.vfs.readText('/var/log/mail.log')).toMatch(/ sendmail\[\d+\]: STARTTLS=server, relay=localhost \[127\.0\.0\.1\], version=TLSv1\.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256\/256\n/);
}, 60000);
