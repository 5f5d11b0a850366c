/**
 * The Cipher panel's model against the trace of a real STARTTLS session in
 * the reference world (telnet, the lab's TLS client taking over): every value
 * it shows is the engine's event bytes; the client's own events agree (both
 * sides derived the same shared secret and keys); the tamper helper replays
 * records unchanged and fails every changed one with bad_record_mac.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { TlsEvent } from '../../src/core/tls/events.ts';
import type { TraceEvent } from '../../src/core/trace/index.ts';
import { nonceFor } from '../../src/core/tls/record/protection13.ts';
import { tlsSessions, eventsOf, type TlsSessionView } from '../../src/ui/state/tls-sessions.ts';
import { cipherModel, type CipherModel } from '../../src/ui/state/cipher.ts';
import { tamperRecord, withByte } from '../../src/ui/state/cipher-tamper.ts';
import { runSession, subtle } from './cipher-wire/session.ts';
import { pair } from '../tls/pair.ts';

let events: readonly TraceEvent[];
let s: TlsSessionView;
let m: CipherModel;
let client: TlsEvent[];

beforeAll(async () => {
  ({ events } = await runSession());
  [s] = tlsSessions(events) as [TlsSessionView];
  m = cipherModel(s);
  client = events.flatMap((e) => (e.kind === 'tls.event' && (e.event as TlsEvent).side === 'client' ? [e.event as TlsEvent] : []));
}, 60000);

describe('cipherModel on a TLS 1.3 STARTTLS session', () => {
  test('version, cipher and the key exchange are the engine\'s', () => {
    expect(m.version).toBe('TLSv1.3');
    expect(m.cipher).toBe('TLS_AES_256_GCM_SHA384');
    const ks = eventsOf(s, 'tls.key-share')[0]!;
    // Sendmail's P-256 (after a HelloRetryRequest): an uncompressed point
    expect(m.keyExchange).toEqual({ group: 'secp256r1', serverPublic: ks.own.publicKey, clientPublic: ks.peer, shared: ks.shared });
    expect(m.keyExchange!.serverPublic.length).toBe(65);
    // the client computed the same secret from the other halves
    const cks = client.find((e) => e.kind === 'tls.key-share')! as Extract<TlsEvent, { kind: 'tls.key-share' }>;
    expect(cks.own.publicKey).toEqual(m.keyExchange!.clientPublic);
    expect(cks.peer).toEqual(m.keyExchange!.serverPublic);
    expect(cks.shared).toEqual(m.keyExchange!.shared);
  });

  test('the key schedule ladder: RFC 8446 §7.1 order and labels, values from tls.secret', () => {
    expect(m.schedule.map((x) => x.id)).toEqual([
      'earlySecret', 'derivedForHandshake', 'sharedSecret', 'handshakeSecret',
      'clientHandshakeTrafficSecret', 'serverHandshakeTrafficSecret', 'derivedForMaster', 'masterSecret',
      'clientApplicationTrafficSecret0', 'serverApplicationTrafficSecret0', 'exporterMasterSecret', 'resumptionMasterSecret',
    ]);
    const secrets = eventsOf(s, 'tls.secret');
    for (const step of m.schedule) expect(step.value).toBe(secrets.find((x) => x.name === step.id)!.value);
    expect(m.schedule.find((x) => x.id === 'clientHandshakeTrafficSecret')!.derivation).toBe('Derive-Secret(Handshake Secret, "c hs traffic", ClientHello...ServerHello)');
    expect(m.schedule.find((x) => x.id === 'serverApplicationTrafficSecret0')!.derivation).toBe('Derive-Secret(Master Secret, "s ap traffic", ClientHello...server Finished)');
    expect(m.schedule.filter((x) => x.value.length !== 48).map((x) => x.id)).toEqual(['sharedSecret']); // SHA-384; x25519 gives 32
    expect(m.schedule.find((x) => x.id === 'sharedSecret')!.value).toBe(m.keyExchange!.shared);
    // the traffic secrets are the ones the keys came from
    const chs = m.schedule.find((x) => x.id === 'clientHandshakeTrafficSecret')!.value;
    expect(m.trafficKeys.find((k) => k.direction === 'client → server' && k.epoch === 'handshake')!.secret).toEqual(chs);
  });

  test('traffic keys and IVs: one per epoch and direction, the engine\'s, the same as the client\'s', () => {
    const tk = eventsOf(s, 'tls.traffic-keys');
    expect(m.trafficKeys.map((k) => `${k.direction} ${k.epoch}`)).toEqual([
      'server → client handshake', 'client → server handshake', 'server → client application', 'client → server application',
    ]);
    m.trafficKeys.forEach((k, i) => {
      expect(k.key).toBe(tk[i]!.key);
      expect(k.iv).toBe(tk[i]!.iv);
      expect(k.key.length).toBe(32);
      expect(k.iv.length).toBe(12);
      const mine = client.filter((e): e is Extract<TlsEvent, { kind: 'tls.traffic-keys' }> => e.kind === 'tls.traffic-keys' && e.epoch === k.epoch && e.use === (k.direction === 'client → server' ? 'write' : 'read'));
      expect(mine.map((x) => x.key)).toEqual([k.key]);
    });
  });

  test('each protected record: seq, nonce = iv XOR seq, AAD = header, plaintext and inner type, ciphertext, tag', () => {
    const recs = s.server.filter((e): e is Extract<TlsEvent, { kind: 'tls.record' }> => e.kind === 'tls.record' && e.protection !== undefined);
    expect(m.records.length).toBe(recs.length);
    expect(m.records.length).toBeGreaterThan(10);
    const appIv = (dir: string) => m.trafficKeys.find((k) => k.direction === dir && k.epoch === 'application')!.iv;
    m.records.forEach((r, i) => {
      const p = recs[i]!.protection!;
      expect(r).toMatchObject({ seq: p.seq, nonce: p.nonce, aad: p.aad, contentType: p.contentType, plaintext: p.plaintext, ciphertext: p.ciphertext, tag: p.tag, record: p.record });
      expect(s.server[r.index]).toBe(recs[i]);
      expect(r.aad).toEqual(r.record.subarray(0, 5));
      expect(r.ciphertextOffset).toBe(5);
      expect([...r.record.subarray(5)]).toEqual([...r.ciphertext, ...r.tag]);
      if (r.contentType === 23) expect(r.iv).toEqual(appIv(r.direction));
      expect(r.nonce).toEqual(nonceFor(r.iv, r.seq));
      expect(m.trafficKeys.some((k) => k.key === r.key && k.iv === r.iv && k.direction === r.direction)).toBe(true);
      expect(r.seqBytes).toEqual(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, Number(r.seq)));
    });
    // the EHLO sent inside TLS, in the clear only in the Cipher panel
    const ehlo = m.records.find((r) => r.direction === 'client → server' && r.contentTypeName === 'application_data')!;
    expect(new TextDecoder().decode(ehlo.plaintext)).toBe('EHLO client.example.test\r\n');
    expect(ehlo.seq).toBe(0n);
  });
});

describe('tamper on the world session', () => {
  test('unchanged, every record decrypts to the original', async () => {
    for (const r of m.records) {
      const out = await tamperRecord(subtle, s, r, 0, r.ciphertext[0] ?? r.tag[0]!);
      expect(out.changedAt).toBe(-1);
      expect(out.result.ok).toBe(true);
      if (out.result.ok) expect(out.result.value.plaintext).toEqual(r.plaintext);
    }
  });

  test('every single-byte change of ciphertext or tag: bad_record_mac and its alert record (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(m.records.length - 1), fc.nat(1 << 20), fc.integer({ min: 1, max: 255 }), async (k, pos, delta) => {
        const r = m.records[k]!;
        const span = r.ciphertext.length + r.tag.length;
        const idx = pos % span;
        const old = r.record[r.ciphertextOffset + idx]!;
        const out = await tamperRecord(subtle, s, r, idx, old ^ delta);
        expect(out.changedAt).toBe(r.ciphertextOffset + idx);
        expect(out.record).toEqual(withByte(r.record, out.changedAt, old ^ delta));
        expect(out.result.ok).toBe(false);
        if (!out.result.ok) {
          expect(out.result.alertName).toBe('bad_record_mac');
          expect(out.result.alertRecord[0]).toBe(out.result.alertProtection ? 23 : 21);
          if (out.result.alertProtection) expect(out.result.alertProtection.plaintext).toEqual(Uint8Array.of(2, 20));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a byte outside ciphertext and tag is refused', async () => {
    const r = m.records[0]!;
    await expect(tamperRecord(subtle, s, r, r.ciphertext.length + 16, 0)).rejects.toThrow(RangeError);
  });
});

describe('cipherModel on a TLS 1.2 session', () => {
  test('the PRF: pre-master, session hash, extended master secret, key block split into keys and IVs', async () => {
    const r = await pair({ client: { versions: ['TLSv1.2'] }, server: { versions: ['TLSv1.2'] }, seed: 3 });
    const neg = r.serverEvents.find((e) => e.kind === 'tls.negotiated')!;
    const view: TlsSessionView = { conn: 1, from: '127.0.0.1', port: 25, server: r.serverEvents, negotiated: neg.kind === 'tls.negotiated' ? neg.negotiated : null, wire: [] };
    const m12 = cipherModel(view);
    expect(m12.version).toBe('TLSv1.2');
    expect(m12.schedule.map((x) => x.title)).toEqual(['pre_master_secret', 'session_hash', 'master_secret', 'client_write_key', 'client_write_IV', 'server_write_key', 'server_write_IV']);
    expect(m12.schedule.find((x) => x.id === 'masterSecret')!.derivation).toBe('PRF(pre_master_secret, "extended master secret", session_hash)[0..47] (RFC 7627 §4)');
    const secret = (n: string) => (r.serverEvents.find((e) => e.kind === 'tls.secret' && e.name === n) as Extract<TlsEvent, { kind: 'tls.secret' }>).value;
    expect(m12.schedule[0]!.value).toBe(secret('preMasterSecret'));
    expect(m12.schedule[0]!.value).toEqual(m12.keyExchange!.shared);
    expect(m12.schedule[2]!.value.length).toBe(48);
    const ck = r.clientEvents.find((e) => e.kind === 'tls.traffic-keys' && e.use === 'write') as Extract<TlsEvent, { kind: 'tls.traffic-keys' }>;
    expect(m12.schedule[3]!.value).toEqual(ck.key);
    expect(m12.schedule[4]!.value).toEqual(ck.iv);
    expect(m12.schedule[4]!.value.length).toBe(4);
    for (const rec of m12.records) {
      expect(rec.aad.length).toBe(13);
      expect(rec.ciphertextOffset).toBe(13);
      expect(rec.nonce.subarray(4)).toEqual(rec.record.subarray(5, 13));
      expect(rec.nonce.subarray(0, 4)).toEqual(rec.iv);
      expect(rec.aad.subarray(0, 8)).toEqual(rec.seqBytes);
    }
  });
});

describe('a TLS 1.2 STARTTLS session in the world (openssl s_client -tls1_2)', () => {
  test('PRF steps and key block from the events; every record replays, every change fails with bad_record_mac', async () => {
    const run = await runSession(['sendmail -bd', 'openssl s_client -starttls smtp -connect localhost:25 -tls1_2 -brief', 'EHLO x.example', 'QUIT', 'exit']);
    expect(run.screen).toContain('Protocol version: TLSv1.2');
    const [s12] = tlsSessions(run.events) as [TlsSessionView];
    const m12 = cipherModel(s12);
    expect([m12.version, m12.cipher]).toEqual(['TLSv1.2', 'ECDHE-RSA-AES256-GCM-SHA384']);
    expect(m12.schedule.map((x) => `${x.title} ${x.value.length}`)).toEqual([
      'pre_master_secret 32', 'session_hash 48', 'master_secret 48', 'client_write_key 32', 'client_write_IV 4', 'server_write_key 32', 'server_write_IV 4',
    ]);
    const tk = eventsOf(s12, 'tls.traffic-keys');
    expect(m12.schedule[3]!.value).toBe(tk.find((k) => k.use === 'read')!.key);
    expect(m12.schedule[6]!.value).toBe(tk.find((k) => k.use === 'write')!.iv);
    const ehlo = m12.records.find((r) => r.direction === 'client → server' && r.contentType === 23)!;
    expect(new TextDecoder().decode(ehlo.plaintext)).toBe('EHLO x.example\n'); // s_client without -crlf sends LF, as the real one
    for (const r of m12.records) {
      const same = await tamperRecord(subtle, s12, r, 0, r.ciphertext[0] ?? r.tag[0]!);
      expect(same.result.ok && same.result.value.plaintext).toEqual(r.plaintext);
    }
    await fc.assert(
      fc.asyncProperty(fc.nat(m12.records.length - 1), fc.nat(1 << 20), fc.integer({ min: 1, max: 255 }), async (k, pos, delta) => {
        const r = m12.records[k]!;
        const idx = pos % (r.ciphertext.length + r.tag.length);
        const out = await tamperRecord(subtle, s12, r, idx, r.record[r.ciphertextOffset + idx]! ^ delta);
        expect(out.result.ok).toBe(false);
        if (!out.result.ok) {
          expect(out.result.alertName).toBe('bad_record_mac');
          if (r.direction === 'client → server' && r.contentType === 22) {
            // the client's Finished: the server has not sent its ChangeCipherSpec yet, so its alert goes in clear
            expect(out.result.alertRecord).toEqual(Uint8Array.of(21, 3, 3, 0, 2, 2, 20));
          } else {
            // TLS 1.2 protects the alert itself: type 21 in the header, 8-byte explicit nonce + 2 + 16-byte tag
            expect([...out.result.alertRecord.subarray(0, 5)]).toEqual([21, 3, 3, 0, 26]);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 60000);
});
