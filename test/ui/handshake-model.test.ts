/**
 * The Handshake panel's model against the trace of a real STARTTLS session
 * typed in telnet (reference world, seeded): every message, byte and hash it
 * shows is the engine's own event; and the side-by-side comparison of TLS 1.3
 * and TLS 1.2 with the world's certificates.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { webcrypto } from 'node:crypto';
import { toHex } from '../../src/core/bytes/index.ts';
import { createWorld } from '../../src/core/sim/index.ts';
import type { World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import type { TlsEvent } from '../../src/core/tls/index.ts';
import { findField, findFields, leaves } from '../../src/core/tls/annotate/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';
import { eventsOf, tlsSessions } from '../../src/ui/state/tls-sessions.ts';
import { arrow, handshakeSessions, handshakeTimeline } from '../../src/ui/state/handshake-model.ts';
import { compareView } from '../../src/ui/state/compare-model.ts';

async function typedSession(lines: string[]): Promise<World> {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(7), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  const ld = new LineDiscipline({ onOutput: () => {}, newline: '\n' });
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  return w;
}

let world: World;
/** Where the ChangeCipherSpec records of a TLS 1.3 session come (middlebox compatibility, RFC 8446 §D.4). */
const CCS_13 = ['c2s client_hello', 's2c server_hello']; // with a HelloRetryRequest: the server's after it, the client's before its second ClientHello
beforeAll(async () => {
  world = await typedSession(['sendmail -bd', 'telnet localhost 25', 'EHLO client.example.test', 'STARTTLS', 'QUIT', 'exit']);
}, 60000);

describe('handshakeTimeline on a STARTTLS session', () => {
  test('the messages are the trace\'s tls.message events, byte for byte, in flights', () => {
    const [s] = tlsSessions(world.trace.events);
    const t = handshakeTimeline(s!.server);
    const msgs = eventsOf(s!, 'tls.message');
    expect(t.messages.map((m) => toHex(m.raw))).toEqual(msgs.map((m) => toHex(m.raw)));
    // Sendmail's server takes P-256 only: the lab client's x25519 share gets a HelloRetryRequest
    // (a server_hello), then the second ClientHello; two session tickets after the handshake
    expect(t.messages.map((m) => `${arrow(m.dir)} ${m.name} ${m.epoch}`)).toEqual([
      'client → server client_hello plaintext',
      'server → client server_hello plaintext',
      'client → server client_hello plaintext',
      'server → client server_hello plaintext',
      'server → client encrypted_extensions handshake',
      'server → client certificate_request handshake',
      'server → client certificate handshake',
      'server → client certificate_verify handshake',
      'server → client finished handshake',
      'client → server certificate handshake',
      'client → server finished handshake',
      'server → client new_session_ticket application',
      'server → client new_session_ticket application',
    ]);
    expect(t.flights.map((f) => [f.dir, f.messages.length, f.epochs.join('+')])).toEqual([
      ['c2s', 1, 'plaintext'], ['s2c', 1, 'plaintext'], ['c2s', 1, 'plaintext'], ['s2c', 6, 'plaintext+handshake'], ['c2s', 2, 'handshake'], ['s2c', 2, 'application'],
    ]);
    expect(t.version).toBe('TLSv1.3');
    expect(t.roundTrips).toBe(2);
    expect(t.alert).toBeNull();
    // the ChangeCipherSpec records (content type 20) of the trace, each before the next message its way
    expect(t.messages.filter((m) => m.afterChangeCipherSpec).map((m) => `${m.dir} ${m.name}`)).toEqual(CCS_13);
    expect(eventsOf(s!, 'tls.record').filter((r) => r.contentType === 20).length).toBe(CCS_13.length);
    // every message decodes whole; its leaves cover its bytes
    for (const m of t.messages) {
      expect(m.fields.ok, m.name).toBe(true);
      expect(leaves(m.fields).reduce((n, l) => n + l.length, 0)).toBe(m.raw.length);
    }
  });

  test('the transcript hash beside each message is the engine\'s tls.transcript after it', () => {
    const [s] = tlsSessions(world.trace.events);
    const t = handshakeTimeline(s!.server);
    const tr = eventsOf(s!, 'tls.transcript');
    expect(t.messages.filter((m) => m.transcriptHash).map((m) => [m.name, toHex(m.transcriptHash!)])).toEqual(tr.map((e) => [e.after, toHex(e.hash)]));
    expect(tr.length).toBe(11); // two ClientHellos and ServerHellos; the tickets are not in the transcript
    expect(tr[0]!.hash.length).toBe(48); // TLS_AES_256_GCM_SHA384
  });

  test('ClientHello annotated: the key share is the client\'s, the server\'s share in ServerHello is the server\'s', () => {
    const [s] = tlsSessions(world.trace.events);
    const t = handshakeTimeline(s!.server);
    const ks = eventsOf(s!, 'tls.key-share')[0]!;
    const ch = t.messages[2]!.fields; // the second ClientHello: its share is the group the HelloRetryRequest asked for
    expect(findField(ch, 'legacy_version')!.value).toBe('0x0303 (TLS 1.2)');
    expect(findField(findFields(ch, 'key_share')[0]!, 'group')!.value).toBe(`0x0017 ${ks.group}`);
    expect(toHex(findField(ch, 'key_exchange data')!.data as Uint8Array)).toBe(toHex(ks.peer));
    expect(findFields(ch, 'version').map((f) => f.value)).toEqual(['0x0304 (TLS 1.3)', '0x0303 (TLS 1.2)']);
    const sh = t.messages[3]!.fields;
    expect(findField(sh, 'cipher_suite')!.value).toBe('0x1302 TLS_AES_256_GCM_SHA384');
    expect(toHex(findField(sh, 'key_exchange data')!.data as Uint8Array)).toBe(toHex(ks.own.publicKey));
    // Finished's verify_data is what the engine computed for it
    const fin = eventsOf(s!, 'tls.finished').find((f) => f.of === 'server')!;
    expect(toHex(findField(t.messages[8]!.fields, 'verify_data')!.data as Uint8Array)).toBe(toHex(fin.verifyData));
    expect(findField(t.messages[7]!.fields, 'algorithm')!.value).toBe(`0x0804 ${s!.negotiated!.signatureScheme}`);
  });

  test('the session picker lists each connection with TLS', () => {
    const ss = handshakeSessions(tlsSessions(world.trace.events));
    expect(ss.map((x) => x.label)).toEqual([`connection ${ss[0]!.conn} from 127.0.0.1 to port 25, TLSv1.3 TLS_AES_256_GCM_SHA384`]);
  });

  test('two sessions: the picker lists both, each with its own handshake', async () => {
    const w = await typedSession([
      'sendmail -bd',
      'telnet localhost 25', 'EHLO one.example.test', 'STARTTLS', 'QUIT',
      'telnet localhost 25', 'EHLO two.example.test', 'STARTTLS', 'QUIT', 'exit',
    ]);
    const ss = handshakeSessions(tlsSessions(w.trace.events));
    expect(ss.length).toBe(2);
    expect(ss[0]!.conn).toBeLessThan(ss[1]!.conn);
    expect(ss.map((x) => x.label.replace(/^connection \d+ /, ''))).toEqual([
      'from 127.0.0.1 to port 25, TLSv1.3 TLS_AES_256_GCM_SHA384',
      'from 127.0.0.1 to port 25, TLSv1.3 TLS_AES_256_GCM_SHA384',
    ]);
    // fresh randoms each time: the two ClientHellos differ
    const random = (i: number) => toHex(findField(ss[i]!.timeline.messages[0]!.fields, 'random')!.data as Uint8Array);
    expect(random(0)).not.toBe(random(1));
  }, 60000);

  test('a failed handshake ends in the alert', () => {
    const events: TlsEvent[] = [
      { kind: 'tls.message', side: 'server', dir: 'received', type: 1, name: 'client_hello', raw: Uint8Array.of(1, 0, 0, 0), epoch: 'plaintext' },
      { kind: 'tls.alert', side: 'server', dir: 'sent', level: 2, description: 50, name: 'decode_error', reason: 'ClientHello: legacy_version: need 2 bytes, have 0' },
    ];
    const t = handshakeTimeline(events);
    expect(t.alert).toBe('server sent decode_error: ClientHello: legacy_version: need 2 bytes, have 0');
    expect(t.messages[0]!.fields.ok).toBe(false);
    expect(t.roundTrips).toBe(0);
  });
});

describe('compareView: TLS 1.3 and TLS 1.2 with the world\'s certificates', () => {
  test('1 round trip against 2; the same server certificate; aligned flight by flight', async () => {
    const v = await compareView(world, seededRandom(3));
    if (typeof v === 'string') throw new Error(v);
    const [a, b] = v.columns;
    expect(v.serverName).toBe('mail.example.test');
    expect([a.version, a.summary, b.version, b.summary]).toEqual([
      'TLSv1.3', 'TLS_AES_256_GCM_SHA384 256 bits, secp256r1, rsa_pss_rsae_sha256',
      'TLSv1.2', 'ECDHE-RSA-AES256-GCM-SHA384 256 bits, secp256r1, rsa_pss_rsae_sha256',
    ]);
    expect([a.timeline.version, b.timeline.version]).toEqual(['TLSv1.3', 'TLSv1.2']);
    // the comparison's client offers P-256 at once: no HelloRetryRequest, TLS 1.3 takes one round trip
    expect([a.timeline.roundTrips, b.timeline.roundTrips]).toEqual([1, 2]);
    expect(a.timeline.messages.filter((m) => m.name === 'client_hello')).toHaveLength(1);
    // TLS 1.2: each side's ChangeCipherSpec comes right before its Finished
    expect(b.timeline.messages.filter((m) => m.afterChangeCipherSpec).map((m) => `${m.dir} ${m.name}`)).toEqual(['c2s finished', 's2c finished']);
    expect(b.timeline.messages.map((m) => `${m.dir} ${m.name}`)).toEqual([
      'c2s client_hello', 's2c server_hello', 's2c certificate', 's2c server_key_exchange', 's2c certificate_request', 's2c server_hello_done',
      'c2s certificate', 'c2s client_key_exchange', 'c2s finished', 's2c finished',
    ]);
    // TLS 1.3: ClientHello; ServerHello..Finished; the client's Certificate and Finished; the two tickets.
    // TLS 1.2: ClientHello; ServerHello..ServerHelloDone; Certificate, ClientKeyExchange, Finished; ticket, Finished.
    expect(v.rows.map(([x, y]) => [x?.dir ?? null, y?.dir ?? null])).toEqual([['c2s', 'c2s'], ['s2c', 's2c'], ['c2s', 'c2s'], ['s2c', 's2c']]);
    for (const c of v.columns) for (const m of c.timeline.messages) expect(m.fields.ok, `${c.version} ${m.name}`).toBe(true);
    // the same certificate as the STARTTLS session's
    const [s] = tlsSessions(world.trace.events);
    const cert = (t: typeof a.timeline) => findFields(t.messages.find((m) => m.name === 'certificate' && m.dir === 's2c')!.fields, t.version === 'TLSv1.2' ? 'ASN.1Cert data' : 'cert_data data')[0]!.data as Uint8Array;
    expect(toHex(cert(a.timeline))).toBe(toHex(cert(handshakeTimeline(s!.server))));
    expect(toHex(cert(b.timeline))).toBe(toHex(cert(a.timeline)));
    expect(a.bytes.c2s).toBeGreaterThan(0);
    expect(a.error).toBeNull();
  }, 60000);

  test('without sendmail.cf: the reason', async () => {
    const w = await createWorld({ kind: 'reference', clock: steppingClock(0, 0), random: seededRandom(1), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    w.vfs.unlink('/etc/mail/sendmail.cf');
    expect(await compareView(w, seededRandom(1))).toBe('/etc/mail/sendmail.cf cannot be read');
  }, 60000);
});

describe('handshakeTimeline on in-memory pairs (test/tls/pair.ts)', () => {
  test('a HelloRetryRequest: two ClientHellos, 2 round trips, every message decodes', async () => {
    const { pair } = await import('../tls/pair.ts');
    const r = await pair({ server: { groups: ['secp384r1', 'secp256r1'] } });
    const t = handshakeTimeline(r.serverEvents);
    expect(t.messages.slice(0, 3).map((m) => `${m.dir} ${m.name}`)).toEqual(['c2s client_hello', 's2c server_hello', 'c2s client_hello']);
    expect(findField(t.messages[1]!.fields, 'random')!.value).toBe('SHA-256("HelloRetryRequest"): this is a HelloRetryRequest');
    expect(findField(t.messages[1]!.fields, 'selected_group')!.value).toBe('0x0018 secp384r1');
    expect(t.version).toBe('TLSv1.3');
    expect(t.roundTrips).toBe(2);
    for (const m of t.messages) expect(m.fields.ok, m.name).toBe(true);
  });
});
