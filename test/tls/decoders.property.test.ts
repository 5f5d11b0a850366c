// Bad input never throws anything but DecodeError and never hangs (issue 3, item 7):
// random bytes and mutations of real messages (RFC 8448 §3) into the record
// deframer, every handshake decoder, and a server connection.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from '../../src/core/bytes/index.ts';
import { DecodeError, Reader, decodeAll } from '../../src/core/tls/codec/cursor.ts';
import { ext } from '../../src/core/tls/codec/extensions.ts';
import { HandshakeJoiner } from '../../src/core/tls/codec/handshake.ts';
import { readClientHello, readServerHello } from '../../src/core/tls/codec/hello.ts';
import {
  readCertificate, readCertificateRequest, readCertificateVerify, readEncryptedExtensions, readFinished, readKeyUpdate, readNewSessionTicket,
} from '../../src/core/tls/codec/messages13.ts';
import { certificatePublicKey } from '../../src/core/tls/codec/spki.ts';
import { writeCertificate12, readCertificate12, readCertificateRequest12, readClientKeyExchange, readServerKeyExchange } from '../../src/core/tls/codec/messages12.ts';
import { derToP1363 } from '../../src/core/tls/ecdsa-der.ts';
import { RecordDeframer } from '../../src/core/tls/record/deframer.ts';
import { TlsConnection } from '../../src/core/tls/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { acceptAll, certified, pair, provider, seededProvider } from './pair.ts';
import v from '../fixtures/tls/rfc8448-simple.json' with { type: 'json' };

const RUNS = 10_000;
const body = (hex: string) => fromHex(hex).subarray(4);
const m = v.messages;

/** A real input, then flipped, truncated, extended or spliced. */
function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
      const c = Uint8Array.from(seed);
      c[i] ^= x;
      return c;
    }),
    fc.nat(seed.length).map((n) => seed.slice(0, n)),
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((t) => Uint8Array.from([...seed, ...t])),
    fc.tuple(fc.nat(seed.length), fc.uint8Array({ maxLength: 6 })).map(([i, ins]) => Uint8Array.from([...seed.subarray(0, i), ...ins, ...seed.subarray(i)])),
  );
}

function onlyDecodeErrors(read: (r: Reader) => unknown, input: Uint8Array): void {
  try {
    decodeAll(input, 'x', read);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw new Error(`threw ${(e as Error).name}: ${(e as Error).message}`);
  }
}

const decoders: [string, (r: Reader) => unknown, Uint8Array][] = [
  ['ClientHello', readClientHello, body(m.client_hello)],
  ['ServerHello', readServerHello, body(m.server_hello)],
  ['EncryptedExtensions', readEncryptedExtensions, body(m.encrypted_extensions)],
  ['Certificate', readCertificate, body(m.certificate)],
  ['CertificateRequest', readCertificateRequest, fromHex('000008000d000400020403')],
  ['CertificateVerify', readCertificateVerify, body(m.certificate_verify)],
  ['Finished', (r) => readFinished(r, 32), body(m.server_finished)],
  ['NewSessionTicket', readNewSessionTicket, body(m.new_session_ticket)],
  ['KeyUpdate', readKeyUpdate, fromHex('01')],
  ['key_share (client)', (r) => ext.decodeClientShares(r.rest()), fromHex('0024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c')],
  ['supported_groups', (r) => ext.decodeGroups(r.rest()), fromHex('0012001d00170018001901000101010201030104')],
  ['supported_versions', (r) => ext.decodeVersionsList(r.rest()), fromHex('020304')],
  ['server_name', (r) => ext.decodeServerName(r.rest()), fromHex('0009000006736572766572')],
  ['Certificate (TLS 1.2)', readCertificate12, writeCertificate12([body(m.certificate).subarray(7, 7 + 0x1b0)])],
  ['ServerKeyExchange (TLS 1.2)', readServerKeyExchange, fromHex('03001d2099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c04030004aabbccdd')],
  ['CertificateRequest (TLS 1.2)', readCertificateRequest12, fromHex('0201400004040308040000')],
  ['ClientKeyExchange (TLS 1.2)', readClientKeyExchange, fromHex('2099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c')],
  ['certificate SPKI', (r) => certificatePublicKey(r.rest()), body(m.certificate).subarray(7, 7 + 0x1b0)],
  ['ECDSA DER signature', (r) => derToP1363(r.rest(), 32), fromHex('3006020101020102')],
];

describe('handshake decoders on bad input', () => {
  it('the seeds decode', () => {
    for (const [name, read, seed] of decoders) expect(() => decodeAll(seed, name, read)).not.toThrow();
  });

  it.each(decoders)('%s: only DecodeError, %#', (_name, read, seed) => {
    fc.assert(fc.property(mutated(seed), (input) => onlyDecodeErrors(read, input)), { numRuns: RUNS });
  });

  it('HandshakeJoiner returns messages or a DecodeError', () => {
    fc.assert(
      fc.property(fc.array(mutated(fromHex(m.encrypted_extensions + m.server_finished)), { maxLength: 4 }), (chunks) => {
        const j = new HandshakeJoiner();
        for (const c of chunks) {
          const r = j.push(c);
          if (!(r instanceof DecodeError)) expect(Array.isArray(r)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('record deframer on bad input', () => {
  const stream = fromHex(v.records.client_hello + v.records.server_hello);
  it('gives records, need-more or an alert; never throws or loops', () => {
    fc.assert(
      fc.property(mutated(stream), fc.integer({ min: 1, max: 50 }), (input, chunk) => {
        const d = new RecordDeframer();
        let steps = 0;
        for (let i = 0; i < input.length; i += chunk) {
          d.push(input.subarray(i, i + chunk));
          for (;;) {
            const r = d.next();
            if (++steps > 1000) throw new Error('deframer loops');
            if (r.kind !== 'record') {
              if (r.kind === 'error' && !(r.alert > 0)) throw new Error('error without an alert');
              break;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a client connection on bad input', () => {
  it.each(['TLSv1.3', 'TLSv1.2'] as const)('a mutated %s server flight gives an alert or a wait, never a rejection', async (version) => {
    const r = await pair({ client: { versions: [version] }, seed: 21 });
    const flight = r.wire[1].bytes;
    await fc.assert(
      fc.asyncProperty(mutated(flight), async (input) => {
        const c = TlsConnection.client({ verifyServer: acceptAll, versions: [version] }, { provider: seededProvider, random: seededRandom(21) });
        await c.start();
        const out = await c.receive(input);
        expect(['handshaking', 'failed', 'connected']).toContain(out.status);
        if (out.status === 'failed') expect(out.error).toBeDefined();
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('a server connection on bad input', () => {
  it('answers with an alert or waits; the promise never rejects', async () => {
    const key = await certified('server-p256');
    await fc.assert(
      fc.asyncProperty(mutated(fromHex(v.records.client_hello)), async (input) => {
        const s = TlsConnection.server({ certified: key }, { provider, random: seededRandom(1) });
        const out = await s.receive(input);
        expect(['handshaking', 'failed']).toContain(out.status);
        if (out.status === 'failed') {
          expect(out.error).toBeDefined();
          // only a first record that is not TLS at all goes without an alert (as OpenSSL)
          if (out.send.length === 0) expect(out.error?.reason).toBe('wrong version number');
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
