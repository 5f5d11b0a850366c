// The cursors and the record deframer, tested whole, byte by byte and with trailing data (h11 style).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/core/bytes/index.ts';
import { DecodeError, Reader, Writer, tryDecode } from '../../src/core/tls/codec/cursor.ts';
import { RecordDeframer, frameRecord } from '../../src/core/tls/record/deframer.ts';
import { nonceFor } from '../../src/core/tls/record/protection13.ts';
import { alertName } from '../../src/core/tls/alerts.ts';
import v from '../fixtures/tls/rfc8448-simple.json' with { type: 'json' };

describe('Reader / Writer', () => {
  it('writes and reads length-prefixed vectors', () => {
    const b = new Writer().u8(1).u16(0x0203).u24(0x040506).vecBytes(2, fromHex('aabb')).finish();
    expect(toHex(b)).toBe('010203040506' + '0002aabb');
    const r = new Reader(b);
    expect([r.u8(), r.u16(), r.u24()]).toEqual([1, 0x0203, 0x040506]);
    expect(toHex(r.vec(2, 'v'))).toBe('aabb');
    r.end('x');
  });

  it('rejects leftovers, short reads and out-of-range lengths with DecodeError', () => {
    expect(tryDecode(fromHex('0102'), 'one byte', (r) => r.u8())).toEqual({ ok: false, error: new DecodeError('one byte: 1 leftover bytes') });
    const short = tryDecode(fromHex('0003aabb'), 'vec', (r) => r.vec(2, 'vec'));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.message).toBe('vec: need 3 bytes, have 2');
    const range = tryDecode(fromHex('00'), 'nonempty', (r) => r.vec(1, 'nonempty', 1));
    if (!range.ok) expect(range.error.message).toBe('nonempty: length 0 outside 1..255');
    expect(range.ok).toBe(false);
  });
});

describe('RecordDeframer', () => {
  const stream = fromHex(v.records.client_hello + v.records.server_hello + v.records.client_finished.record);

  it('gives the same records however the bytes are chunked', () => {
    for (const size of [1, 2, 3, 5, 7, 64, stream.length]) {
      const d = new RecordDeframer();
      const got: string[] = [];
      for (let i = 0; i < stream.length; i += size) {
        d.push(stream.subarray(i, i + size));
        const { records, error } = d.drain();
        expect(error).toBeUndefined();
        got.push(...records.map((r) => toHex(r.header) + toHex(r.fragment)));
      }
      expect(got).toEqual([v.records.client_hello, v.records.server_hello, v.records.client_finished.record]);
      expect(d.buffered).toBe(0);
    }
  });

  it('keeps a trailing partial record', () => {
    const d = new RecordDeframer();
    d.push(stream.subarray(0, 210));
    expect(d.drain().records).toHaveLength(1);
    expect(d.buffered).toBe(210 - 201);
  });

  it('says "wrong version number" to plain text (an SMTP line after the 220)', () => {
    const d = new RecordDeframer();
    d.push(new TextEncoder().encode('EHLO client\r\n'));
    const r = d.next();
    expect(r).toEqual({ kind: 'error', alert: 70, reason: 'wrong version number' });
    expect(d.next()).toEqual(r);
  });

  it('waits for a whole header before judging it, then refuses an unknown type', () => {
    const d = new RecordDeframer();
    d.push(fromHex('18030300'));
    expect(d.next()).toEqual({ kind: 'need-more' });
    d.push(fromHex('01'));
    expect(d.next()).toEqual({ kind: 'error', alert: 10, reason: 'unknown record type 24' });
  });

  it('refuses a record longer than 2^14 + 256 with record_overflow', () => {
    const d = new RecordDeframer();
    d.push(fromHex('1703034101'));
    const r = d.next();
    expect(r.kind === 'error' && alertName(r.alert)).toBe('record_overflow');
  });

  it('frames records', () => {
    expect(toHex(frameRecord(21, 0x0303, fromHex('0100')))).toBe('15030300020100');
  });

  it('xors the sequence number into the IV (RFC 8446 §5.3)', () => {
    expect(toHex(nonceFor(fromHex('5d313eb2671276ee13000b30'), 0x0102n))).toBe('5d313eb2671276ee13000a32');
  });
});
