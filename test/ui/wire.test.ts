/**
 * The Wire panel's model against the trace of a real STARTTLS session: SMTP
 * in clear before STARTTLS with the EHLO name and envelope addresses marked,
 * then only TLS records whose split gives back the exact bytes sent; the
 * ClientHello's SNI in clear; the commands sent inside TLS listed as hidden.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { concat } from '../../src/core/bytes/index.ts';
import type { TraceEvent } from '../../src/core/trace/index.ts';
import type { TlsEvent } from '../../src/core/tls/events.ts';
import { splitRecords } from '../../src/core/tls/inspect/records.ts';
import { joinDirection, wireConnections, type WireConnection, type WireItem } from '../../src/ui/state/wire.ts';
import { hexDump, parseHexColumn } from '../../src/ui/state/wire-dump.ts';
import { runSession } from './cipher-wire/session.ts';

let events: readonly TraceEvent[];
let c: WireConnection;

beforeAll(async () => {
  ({ events } = await runSession());
  const all = wireConnections(events);
  expect(all.length).toBe(1);
  c = all[0]!;
}, 60000);

const sent = (dir: 'c2s' | 's2c') => concat(events.flatMap((e) => (e.kind === 'net.data' && e.dir === dir ? [e.bytes] : [])));

describe('wireConnections on a STARTTLS session', () => {
  test('the connection, TLS started, SNI in clear', () => {
    expect(c).toMatchObject({ conn: 1, from: '127.0.0.1', to: '127.0.0.1', port: 25, tls: true, serverName: 'localhost' });
  });

  test('before STARTTLS: the dialogue in clear, EHLO name and envelope addresses exposed', () => {
    const lines = c.items.filter((i): i is Extract<WireItem, { kind: 'line' }> => i.kind === 'line');
    expect(lines.filter((l) => l.dir === 'c2s').map((l) => l.text)).toEqual([
      'EHLO client.example.test', 'MAIL FROM:<alice@example.test>', 'RCPT TO:<root@mail.example.test>', 'RSET', 'STARTTLS',
    ]);
    expect(lines.at(-1)!.text).toBe('220 2.0.0 Ready to start TLS');
    expect(lines.flatMap((l) => l.exposures.map((x) => `${x.what} ${x.value} ${l.text.slice(x.start, x.end)}`))).toEqual([
      'EHLO client.example.test client.example.test',
      'MAIL FROM <alice@example.test> <alice@example.test>',
      'RCPT TO <root@mail.example.test> <root@mail.example.test>',
    ]);
    // no line after the 220: everything else is records
    const i220 = c.items.indexOf(lines.at(-1)!);
    expect(c.items.slice(i220 + 1).every((i) => i.kind === 'record')).toBe(true);
  });

  test('after STARTTLS: records only; their split gives back the exact bytes, both ways', () => {
    for (const dir of ['c2s', 's2c'] as const) {
      expect(joinDirection(c, dir)).toEqual(sent(dir));
      const recs = c.items.filter((i): i is Extract<WireItem, { kind: 'record' }> => i.kind === 'record' && i.dir === dir);
      for (const r of recs) {
        expect(r.bytes).toEqual(sent(dir).subarray(r.offset, r.offset + r.bytes.length));
        expect(r.record.length).toBe(r.bytes.length - 5);
        // 0x0301 on the first ClientHello only (the second, after the HelloRetryRequest, has 0x0303)
        expect(r.record.version).toBe(r === recs[0] && dir === 'c2s' ? 0x0301 : 0x0303);
      }
    }
    const types = c.items.filter((i) => i.kind === 'record').map((i) => (i.kind === 'record' ? `${i.dir} ${i.record.typeName}` : ''));
    // ClientHello, HelloRetryRequest and the server's CCS, the client's CCS and second ClientHello, ServerHello
    expect(types.slice(0, 6)).toEqual(['c2s handshake', 's2c handshake', 's2c change_cipher_spec', 'c2s change_cipher_spec', 'c2s handshake', 's2c handshake']);
    expect(types.slice(6).every((t) => t.endsWith('application_data') || t.endsWith('change_cipher_spec'))).toBe(true);
    // the records are the ones the TLS engine logged
    const engine = events.flatMap((e) => {
      if (e.kind !== 'tls.event') return [];
      const ev = e.event as TlsEvent;
      return ev.side === 'server' && ev.kind === 'tls.record' ? [ev] : [];
    });
    expect(c.items.filter((i) => i.kind === 'record' && i.dir === 's2c').map((i) => i.bytes)).toEqual(engine.filter((e) => e.dir === 'sent').map((e) => e.bytes));
    expect(c.items.filter((i) => i.kind === 'record' && i.dir === 'c2s').map((i) => i.bytes)).toEqual(engine.filter((e) => e.dir === 'received').map((e) => e.bytes));
  });

  test('the envelope sent inside TLS is hidden from the wire', () => {
    expect(c.hidden).toEqual(['EHLO client.example.test', 'MAIL FROM:<secret-sender@example.test>', 'RCPT TO:<secret-rcpt@mail.example.test>', 'QUIT']);
    const text = new TextDecoder('latin1').decode(sent('c2s'));
    expect(text).not.toContain('secret-sender');
    expect(text).toContain('alice@example.test');
  });

  test('a session without STARTTLS stays text', async () => {
    const plain = await runSession(['sendmail -bd', 'telnet localhost 25', 'EHLO a.example', 'QUIT', 'exit']);
    const [p] = wireConnections(plain.events);
    expect(p!.tls).toBe(false);
    expect(p!.items.every((i) => i.kind === 'line')).toBe(true);
    expect(p!.hidden).toEqual([]);
  }, 60000);
});

describe('splitRecords and hexDump', () => {
  test('any cut of the stream: records then rest give back the bytes (property)', () => {
    const stream = sent('s2c').subarray(c.items.find((i) => i.kind === 'record' && i.dir === 's2c')!.offset);
    fc.assert(
      fc.property(fc.nat(stream.length), (n) => {
        const { records, rest } = splitRecords(stream.subarray(0, n));
        expect(concat([...records.map((r) => r.bytes), rest])).toEqual(stream.subarray(0, n));
        expect(rest.length < 5 + 16389).toBe(true);
      }),
    );
  });

  test('hex + ASCII rows with offsets, as hexdump -C', () => {
    const rows = hexDump(new TextEncoder().encode('EHLO client.example.test\r\n'), 0x10);
    expect(rows.map((r) => `${r.offset}  ${r.hex.padEnd(48)}  |${r.ascii}|`)).toEqual([
      '00000010  45 48 4c 4f 20 63 6c 69  65 6e 74 2e 65 78 61 6d  |EHLO client.exam|',
      '00000020  70 6c 65 2e 74 65 73 74  0d 0a                    |ple.test..|',
    ]);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      expect(concat(hexDump(b).map((r) => parseHexColumn(r.hex)))).toEqual(b);
    }));
  });
});
