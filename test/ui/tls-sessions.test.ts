/**
 * tlsSessions groups a world's trace by connection: a real STARTTLS session
 * typed in telnet in the reference world (the lab's TLS client takes over).
 */
import { describe, expect, test } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';
import { tlsSessions, eventsOf } from '../../src/ui/state/tls-sessions.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('tlsSessions', () => {
  test('one session per connection with TLS, the server view in order, the wire both ways', async () => {
    const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(7), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    const ld = new LineDiscipline({ onOutput: () => {}, newline: '\n' });
    const lines = ['sendmail -bd', 'telnet localhost 25', 'EHLO client.example.test', 'STARTTLS', 'QUIT', 'exit'];
    const tty = scriptTerminal(ld, lines);
    await w.runTerminal(tty);

    const [s, ...rest] = tlsSessions(w.trace.events);
    expect(rest).toEqual([]);
    expect(s!.from).toBe('127.0.0.1');
    expect(s!.port).toBe(25);
    expect(s!.negotiated?.version).toBe('TLSv1.3');
    expect(s!.negotiated?.cipher).toBe('TLS_AES_256_GCM_SHA384');
    expect(eventsOf(s!, 'tls.message').map((m) => `${m.dir} ${m.name}`)).toEqual([
      'received client_hello',
      'sent server_hello', // HelloRetryRequest: Sendmail's server takes P-256 only
      'received client_hello',
      'sent server_hello',
      'sent encrypted_extensions',
      // Sendmail asks every client for a certificate; the lab's client sends an empty one
      'sent certificate_request',
      'sent certificate',
      'sent certificate_verify',
      'sent finished',
      'received certificate',
      'received finished',
      // OpenSSL's two TLS 1.3 session tickets, as real Sendmail sends them
      'sent new_session_ticket',
      'sent new_session_ticket',
    ]);
    expect(text(s!.wire[0]!.bytes)).toBe('220 mail.example.test ESMTP Sendmail 8.17.1.9/8.17.1.9/Debian-2+deb12u2; Sat, 28 Nov 2026 12:00:00 GMT\r\n');
    expect(text(s!.wire[1]!.bytes)).toBe('EHLO client.example.test\r\n');
    // after STARTTLS's 220 only TLS records: content type 22 (handshake) opens the client's next flight
    const i = s!.wire.findIndex((x) => text(x.bytes) === '220 2.0.0 Ready to start TLS\r\n');
    expect(s!.wire[i + 1]!.dir).toBe('c2s');
    expect(s!.wire[i + 1]!.bytes[0]).toBe(22);
  }, 60000);
});
