// Session tickets as Sendmail's OpenSSL 3.0 sends them (test/fixtures/s-client/kit):
// two TLS 1.3 NewSessionTickets after the handshake, outside the transcript; in
// TLS 1.2 (RFC 5077) one NewSessionTicket before the server's ChangeCipherSpec,
// inside the transcript, with an empty session id when the server keeps no cache.
import { describe, expect, it } from 'vitest';
import type { TlsEvent } from '../../src/core/tls/index.ts';
import { pair } from './pair.ts';

const POLICY = { count: 2, lifetime: 1, ticketLength: 208, ticketLength12: 176 };
const messages = (ev: TlsEvent[]) => ev.flatMap((e) => (e.kind === 'tls.message' ? [`${e.dir} ${e.name} ${e.raw.length}`] : []));
const transcript = (ev: TlsEvent[]) => ev.flatMap((e) => (e.kind === 'tls.transcript' ? [e.after] : []));

describe('TLS 1.3 tickets', () => {
  it('two NewSessionTickets of 233 bytes (lifetime, age_add, 8-byte nonce, 208-byte ticket), not in the transcript', async () => {
    const r = await pair({ server: { sessionTickets: POLICY } });
    expect(r.client.status).toBe('connected');
    const sent = messages(r.serverEvents).filter((m) => m.includes('new_session_ticket'));
    expect(sent).toEqual(['sent new_session_ticket 233', 'sent new_session_ticket 233']);
    expect(messages(r.clientEvents).filter((m) => m.includes('new_session_ticket'))).toEqual(['received new_session_ticket 233', 'received new_session_ticket 233']);
    expect(transcript(r.serverEvents)).not.toContain('new_session_ticket');
  });
});

describe('TLS 1.2 tickets (RFC 5077)', () => {
  const v12 = { versions: ['TLSv1.2' as const] };

  it('offered and sent: the ticket comes before the server ChangeCipherSpec, in the transcript; the session id is empty without a cache', async () => {
    const r = await pair({ client: { ...v12, sessionTicket: true }, server: { sessionTickets: POLICY, sessionCache: false } });
    expect(r.client.status).toBe('connected');
    expect(r.server.status).toBe('connected');
    const got = messages(r.clientEvents).filter((m) => m.startsWith('received'));
    expect(got).toEqual([
      'received server_hello 65', 'received certificate ' + got[1]!.split(' ')[2], 'received server_key_exchange ' + got[2]!.split(' ')[2],
      'received server_hello_done 4', 'received new_session_ticket 186', 'received finished 16',
    ]);
    expect(transcript(r.clientEvents)).toContain('new_session_ticket');
    const sh = r.clientEvents.find((e) => e.kind === 'tls.message' && e.name === 'server_hello');
    expect(sh && sh.kind === 'tls.message' ? sh.raw[4 + 2 + 32] : -1).toBe(0); // legacy_session_id length
  });

  it('a client that does not offer session_ticket gets no ticket and a 32-byte session id by default', async () => {
    const r = await pair({ client: v12, server: { sessionTickets: POLICY } });
    expect(r.client.status).toBe('connected');
    expect(messages(r.clientEvents).some((m) => m.includes('new_session_ticket'))).toBe(false);
    const sh = r.clientEvents.find((e) => e.kind === 'tls.message' && e.name === 'server_hello');
    expect(sh && sh.kind === 'tls.message' ? sh.raw[4 + 2 + 32] : -1).toBe(32);
  });

  it('a server that promised a ticket and sends ChangeCipherSpec instead: unexpected_message', async () => {
    // drop the NewSessionTicket record (the first record of the server's last flight) in flight
    const r = await pair({
      client: { ...v12, sessionTicket: true }, server: { sessionTickets: POLICY },
      tamper: (i, from, b) => (from === 'server' && i > 1 && b[0] === 22 && b[5] === 4 ? b.subarray(5 + ((b[3]! << 8) | b[4]!)) : b),
    });
    expect(r.client.status).toBe('failed');
    expect(r.last.client?.error?.name).toBe('unexpected_message');
  });
});
