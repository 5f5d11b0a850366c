/**
 * The mail submission program's relay: `sendmail -bs` (submit.cf) does not
 * deliver itself but passes each message over SMTP to the MTA on
 * [127.0.0.1]:25, a real SMTP client dialogue over the world's network
 * (Sendmail's `relay` mailer). When nothing listens there the message is
 * deferred and waits in /var/spool/mqueue-client
 * (test/fixtures/sendmail/commands/sendmail-bs-mail.log).
 */
import { fromLatin1, latin1 } from '../bytes/index.ts';
import type { Network } from './network.ts';

export type RelayResult = { ok: true; reply: string } | { ok: false; reason: string };

/**
 * Sends one message; the world's network answers synchronously, so each
 * command's reply is in hand when send() returns.
 */
export function relaySmtp(net: Network, from: string, rcpts: readonly string[], data: Uint8Array, helo: string): RelayResult {
  const sock = net.connect('127.0.0.1', { addr: '127.0.0.1', port: 25 });
  if (!sock) return { ok: false, reason: 'Connection refused by [127.0.0.1]' };
  let buffer = '';
  let closed = false;
  sock.attach({ onData: (b) => (buffer += fromLatin1(b)), onClose: () => (closed = true) });
  /** Sends `line` (none for the greeting) and returns the last line of the reply. */
  const exchange = (line: string | null): string => {
    if (line !== null && !closed) sock.send(latin1(line));
    const lines = buffer.split('\r\n').filter(Boolean);
    buffer = '';
    return lines[lines.length - 1] ?? 'Connection reset by [127.0.0.1]';
  };
  const body = fromLatin1(data).replace(/^\./gm, '..');
  const script: [string | null, string][] = [
    [null, '220'],
    [`EHLO ${helo}\r\n`, '250'],
    [`MAIL FROM:<${from}>\r\n`, '250'],
    ...rcpts.map((r): [string, string] => [`RCPT TO:${r}\r\n`, '250']),
    ['DATA\r\n', '354'],
    [`${body}${body.endsWith('\r\n') || body === '' ? '' : '\r\n'}.\r\n`, '250'],
  ];
  let reply = '';
  for (const [line, want] of script) {
    reply = exchange(line);
    if (!reply.startsWith(want)) {
      exchange('QUIT\r\n');
      sock.close();
      return { ok: false, reason: reply };
    }
  }
  exchange('QUIT\r\n');
  sock.close();
  return { ok: true, reply: reply.replace(/^250 \d\.\d\.\d /, '') };
}
