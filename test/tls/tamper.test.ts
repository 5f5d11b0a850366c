/**
 * core/tls/inspect/tamper: a recorded record opened again with the logged
 * keys gives back its plaintext; with any one byte of its ciphertext or tag
 * changed the tag check fails, and the alert record predicted from the logged
 * state is byte for byte the one the real engine sends when the same change
 * is made in flight (same seeds, TLS 1.3 and TLS 1.2, both directions).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { concat, equalBytes } from '../../src/core/bytes/index.ts';
import type { TlsEvent } from '../../src/core/tls/index.ts';
import { replayContext, replayRecord } from '../../src/core/tls/inspect/tamper.ts';
import { pair, seededProvider, type PairResult } from './pair.ts';

type Rec = Extract<TlsEvent, { kind: 'tls.record' }>;
const protectedRecords = (events: readonly TlsEvent[]) =>
  events.flatMap((e, i) => (e.kind === 'tls.record' && e.protection ? [{ e: e as Rec, i }] : []));

const VERSIONS = [['TLSv1.3'], ['TLSv1.2']] as const;

/** A handshake, then one line of application data each way (server first, then client, as SMTP). */
async function session(version: 'TLSv1.3' | 'TLSv1.2', tamper?: { from: 'client' | 'server'; at: (b: Uint8Array) => number }) {
  const r = await pair({ client: { versions: [version] }, server: { versions: [version] }, seed: 11 });
  const flip = (from: 'client' | 'server', b: Uint8Array) => {
    if (tamper?.from !== from) return b;
    const c = Uint8Array.from(b);
    c[tamper.at(b)]! ^= 0x01;
    return c;
  };
  const s = await r.server.send(new TextEncoder().encode('220 mail.example.test ESMTP\r\n'));
  const atClient = await r.client.receive(flip('server', s.send));
  if (atClient.status === 'failed') return { r, atClient, atServer: null, serverSent: s.send, clientSent: null };
  const c = await r.client.send(new TextEncoder().encode('EHLO client.example.test\r\n'));
  const atServer = await r.server.receive(flip('client', c.send));
  return { r, atClient, atServer, serverSent: s.send, clientSent: c.send };
}

describe.each(VERSIONS)('%s', (version) => {
  test('every recorded protected record opens again to its plaintext with the logged keys', async () => {
    const { r } = await session(version);
    const recs = protectedRecords(r.serverEvents);
    expect(recs.length).toBeGreaterThan(3);
    for (const { e, i } of recs) {
      const cx = replayContext(r.serverEvents, i)!;
      expect(cx.detector).toBe(e.dir === 'received' ? 'server' : 'client');
      const res = await replayRecord(seededProvider, cx, e.bytes);
      expect(res.ok).toBe(true);
      if (res.ok) {
        expect(res.value.plaintext).toEqual(e.protection!.plaintext);
        expect(res.value.contentType).toBe(e.protection!.contentType);
        expect(res.value.nonce).toEqual(e.protection!.nonce);
      }
    }
  });

  test('any single-byte change of ciphertext or tag fails with bad_record_mac (property)', async () => {
    const { r } = await session(version);
    const recs = protectedRecords(r.serverEvents);
    await fc.assert(
      fc.asyncProperty(fc.nat(recs.length - 1), fc.nat(100000), fc.integer({ min: 1, max: 255 }), async (k, pos, delta) => {
        const { e, i } = recs[k]!;
        const p = e.protection!;
        const span = p.ciphertext.length + p.tag.length;
        const at = e.bytes.length - span + (pos % span);
        const bad = Uint8Array.from(e.bytes);
        bad[at] = (bad[at]! + delta) & 0xff;
        const res = await replayRecord(seededProvider, replayContext(r.serverEvents, i)!, bad);
        expect(res.ok).toBe(false);
        if (!res.ok) {
          expect(res.alert).toBe(20);
          expect(res.alertName).toBe('bad_record_mac');
          expect(res.reason).toBe('record authentication failed');
        }
      }),
      { numRuns: 200 },
    );
  });

  test('client → server: the predicted alert record is the one the server engine sends', async () => {
    const clean = await session(version);
    const last = (at: (b: Uint8Array) => number) => session(version, { from: 'client', at });
    const recs = protectedRecords(clean.r.serverEvents).filter(({ e }) => e.dir === 'received');
    const { e, i } = recs.at(-1)!;
    expect(equalBytes(e.bytes, clean.clientSent!)).toBe(true);
    for (const at of [e.bytes.length - 1, e.bytes.length - 17, e.bytes.length - 16 - e.protection!.ciphertext.length]) {
      const bad = Uint8Array.from(e.bytes);
      bad[at]! ^= 0x01;
      const predicted = await replayRecord(seededProvider, replayContext(clean.r.serverEvents, i)!, bad);
      const real = await last(() => at);
      expect(real.atServer!.status).toBe('failed');
      expect(real.atServer!.error?.name).toBe('bad_record_mac');
      expect(predicted.ok).toBe(false);
      if (!predicted.ok) {
        expect(predicted.alertRecord).toEqual(real.atServer!.send);
        expect(predicted.alertProtection?.plaintext).toEqual(Uint8Array.of(2, 20));
        expect(predicted.alertProtection?.contentType).toBe(21);
      }
    }
  });

  test('server → client: the predicted alert record is the one the client engine sends', async () => {
    const clean = await session(version);
    const recs = protectedRecords(clean.r.serverEvents).filter(({ e }) => e.dir === 'sent');
    const { e, i } = recs.at(-1)!;
    expect(equalBytes(e.bytes, clean.serverSent)).toBe(true);
    const at = e.bytes.length - 5;
    const bad = Uint8Array.from(e.bytes);
    bad[at]! ^= 0x01;
    const predicted = await replayRecord(seededProvider, replayContext(clean.r.serverEvents, i)!, bad);
    const real = await session(version, { from: 'server', at: () => at });
    expect(real.atClient.error?.name).toBe('bad_record_mac');
    expect(predicted.ok).toBe(false);
    if (!predicted.ok) expect(predicted.alertRecord).toEqual(real.atClient.send);
  });
});

test('TLS 1.3: a changed byte in the server\'s encrypted handshake flight: the client answers in clear (no write keys yet)', async () => {
  const clean = await pair({ client: { versions: ['TLSv1.3'] }, server: { versions: ['TLSv1.3'] }, seed: 11 });
  const recs = protectedRecords(clean.serverEvents).filter(({ e }) => e.dir === 'sent');
  const { e, i } = recs[0]!; // EncryptedExtensions
  const flight = concat(clean.wire.filter((w) => w.from === 'server').slice(0, 1).map((w) => w.bytes));
  const start = indexOf(flight, e.bytes);
  expect(start).toBeGreaterThan(0);
  const at = e.bytes.length - 3;
  const bad = Uint8Array.from(e.bytes);
  bad[at]! ^= 0x80;
  const predicted = await replayRecord(seededProvider, replayContext(clean.serverEvents, i)!, bad);
  const real: PairResult = await pair({
    client: { versions: ['TLSv1.3'] }, server: { versions: ['TLSv1.3'] }, seed: 11,
    tamper: (n, from, b) => {
      if (n !== 1 || from !== 'server') return b;
      const c = Uint8Array.from(b);
      c[start + at]! ^= 0x80;
      return c;
    },
  });
  expect(real.last.client?.error?.name).toBe('bad_record_mac');
  expect(predicted.ok).toBe(false);
  if (!predicted.ok) {
    expect(predicted.alertProtection).toBeNull();
    expect(predicted.alertRecord).toEqual(Uint8Array.of(21, 3, 3, 0, 2, 2, 20));
    expect(predicted.alertRecord).toEqual(real.last.client!.send);
  }
});

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

test('TLS 1.2: a changed byte in the client\'s Finished: the server answers in clear (its ChangeCipherSpec not sent yet)', async () => {
  const opts = { client: { versions: ['TLSv1.2' as const] }, server: { versions: ['TLSv1.2' as const] }, seed: 11 };
  const clean = await pair(opts);
  const { e, i } = protectedRecords(clean.serverEvents).find(({ e }) => e.dir === 'received')!; // client Finished
  const n = clean.wire.findIndex((w) => w.from === 'client' && indexOf(w.bytes, e.bytes) >= 0);
  const start = indexOf(clean.wire[n]!.bytes, e.bytes);
  const at = e.bytes.length - 20;
  const bad = Uint8Array.from(e.bytes);
  bad[at]! ^= 0x10;
  const predicted = await replayRecord(seededProvider, replayContext(clean.serverEvents, i)!, bad);
  const real = await pair({
    ...opts,
    tamper: (k, from, b) => {
      if (k !== n || from !== 'client') return b;
      const c = Uint8Array.from(b);
      c[start + at]! ^= 0x10;
      return c;
    },
  });
  expect(real.last.server?.error?.name).toBe('bad_record_mac');
  expect(predicted.ok).toBe(false);
  if (!predicted.ok) {
    expect(predicted.alertProtection).toBeNull();
    expect(predicted.alertRecord).toEqual(real.last.server!.send);
  }
});
