// openssl s_client typed at the terminal: the learner's lines go inside TLS
// after the report; `QUIT` (a line starting with Q) ends s_client with DONE
// without sending QUIT, as OpenSSL 3.0 does (test/fixtures/s-client/bridge/tls13);
// lower-case `quit` reaches Sendmail, whose 221 and close_notify give "closed".
// Sendmail's two TLS 1.3 session tickets print as they arrive on a terminal.
import { expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';

async function session(lines: string[]): Promise<string> {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(4), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\n' });
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  return screen;
}

it('typed: EHLO inside TLS, then QUIT ends s_client with DONE (QUIT never reaches the server)', async () => {
  const screen = await session(['sendmail -bd', 'openssl s_client -starttls smtp -connect localhost:25 -CAfile /etc/mail/certs/CAcert.pem', 'EHLO client.example.test', 'QUIT', 'echo status=$?', 'exit']);
  const after = screen.slice(screen.indexOf('Verify return code: 0 (ok)'));
  // on a terminal bio_c_out is line-buffered: the two tickets' blocks show at once (kit/tls13.stdout has them at exit)
  expect(after).toMatch(/^Verify return code: 0 \(ok\)\n---\n250 HELP\r?\n(?:---\nPost-Handshake New Session Ticket arrived:\nSSL-Session:\n[^]*?\n---\nread R BLOCK\n){2}EHLO client\.example\.test\n250-mail\.example\.test Hello localhost \[127\.0\.0\.1\], pleased to meet you\r?\n/);
  expect(after).toMatch(/250 HELP\r?\nQUIT\nDONE\n/);
  expect(after).not.toContain('221 2.0.0');
  expect(after).toContain('status=0');
}, 60000);

it('typed: lower-case quit reaches Sendmail: 221, then "closed" for its close_notify', async () => {
  const screen = await session(['sendmail -bd', 'openssl s_client -starttls smtp -connect localhost:25 -crlf', 'quit', 'echo status=$?', 'exit']);
  expect(screen).toMatch(/\nquit\n221 2\.0\.0 mail\.example\.test closing connection\r?\nclosed\n/);
  expect(screen).toContain('status=0');
}, 60000);
