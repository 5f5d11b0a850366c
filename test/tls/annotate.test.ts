// The illustrated handshake (src/core/tls/annotate): every message of RFC 8448 §3
// and of a real TLS 1.2 session annotated so that the leaves cover every byte
// exactly once and the values are the ones core/tls's decoders read; random and
// mutated bytes never throw and end in a "malformed at offset N" node.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, toHex } from '../../src/core/bytes/index.ts';
import { tryDecode } from '../../src/core/tls/codec/cursor.ts';
import { ext } from '../../src/core/tls/codec/extensions.ts';
import { readClientHello, readServerHello } from '../../src/core/tls/codec/hello.ts';
import { readCertificate, readCertificateVerify, readEncryptedExtensions, readNewSessionTicket } from '../../src/core/tls/codec/messages13.ts';
import { readCertificate12, readClientKeyExchange, readServerKeyExchange } from '../../src/core/tls/codec/messages12.ts';
import { type Field, annotateHandshake, findField, findFields, leaves } from '../../src/core/tls/annotate/index.ts';
import type { TlsEvent } from '../../src/core/tls/index.ts';
import { pair } from './pair.ts';
import v from '../fixtures/tls/rfc8448-simple.json' with { type: 'json' };

const m = v.messages;
const RFC8448: [string, string][] = [
  ['client_hello', m.client_hello], ['server_hello', m.server_hello], ['encrypted_extensions', m.encrypted_extensions],
  ['certificate', m.certificate], ['certificate_verify', m.certificate_verify], ['finished', m.server_finished],
  ['finished', m.client_finished], ['new_session_ticket', m.new_session_ticket],
];

/** Each node's children are contiguous and cover it exactly; the leaves cover the message. */
function expectPartition(f: Field, total: number): void {
  const check = (n: Field): void => {
    if (n.children.length === 0) return;
    let at = n.offset;
    for (const c of n.children) {
      expect(c.offset, `${n.label} > ${c.label}`).toBe(at);
      at += c.length;
      check(c);
    }
    expect(at, `end of ${n.label}`).toBe(n.offset + n.length);
  };
  expect(f.offset).toBe(0);
  expect(f.length).toBe(total);
  check(f);
  const ls = leaves(f);
  expect(ls.reduce((s, l) => s + l.length, 0)).toBe(total);
}

const data = (f: Field | undefined): unknown => {
  if (!f) return undefined;
  return f.data instanceof Uint8Array ? toHex(f.data) : f.data;
};
const body = (f: Field | undefined, label = ''): string => toHex((findField(f!, `${label} data`) ?? findField(f!, 'extension_data data'))?.data as Uint8Array);
const ext13 = (tree: Field, name: string): Field => findFields(tree, name).find((x) => x.children[0]?.label === 'extension_type')!;
const bytesOf = (raw: Uint8Array, f: Field): string => toHex(raw.subarray(f.offset, f.offset + f.length));

describe('annotateHandshake on RFC 8448 §3', () => {
  it.each(RFC8448)('%s: leaves cover every byte exactly once, nothing malformed', (name, hex) => {
    const raw = fromHex(hex);
    const t = annotateHandshake(raw, { version: 'TLSv1.3', hashLength: 32 });
    expect(t.label).toBe(name);
    expect(t.ok).toBe(true);
    expectPartition(t, raw.length);
    expect(t.children.slice(0, 2).map((c) => [c.label, c.offset, c.length])).toEqual([['msg_type', 0, 1], ['length', 1, 3]]);
  });

  it('ClientHello: the values are the decoded message\'s', () => {
    const raw = fromHex(m.client_hello);
    const t = annotateHandshake(raw);
    const ch = tryDecode(raw.subarray(4), 'ClientHello', readClientHello);
    if (!ch.ok) throw ch.error;
    expect(data(findField(t, 'legacy_version'))).toBe(ch.value.legacyVersion);
    expect(findField(t, 'legacy_version')!.value).toBe('0x0303 (TLS 1.2)');
    expect(data(findField(t, 'random'))).toBe(toHex(ch.value.random));
    expect(findFields(t, 'CipherSuite').map((f) => f.data)).toEqual(ch.value.cipherSuites);
    expect(findFields(t, 'CipherSuite').map((f) => f.value)).toEqual(['0x1301 TLS_AES_128_GCM_SHA256', '0x1303 TLS_CHACHA20_POLY1305_SHA256', '0x1302 TLS_AES_256_GCM_SHA384']);
    expect(findFields(t, 'extension_type').map((f) => f.data)).toEqual(ch.value.extensions.map((e) => e.type));
    // each extension's data is the decoder's, byte for byte
    const exts = findFields(t, 'extension_data');
    expect(exts.map((f) => toHex(raw.subarray(f.offset + 2, f.offset + f.length)))).toEqual(ch.value.extensions.map((e) => toHex(e.data)));
    expect(findFields(t, 'Extension').length).toBe(0); // each is labelled by its name
    expect(findFields(t, 'extension_type').map((f) => f.value)).toEqual([
      '0x0000 server_name', '0xff01 renegotiation_info', '0x000a supported_groups', '0x0023 session_ticket', '0x0033 key_share',
      '0x002b supported_versions', '0x000d signature_algorithms', '0x002d psk_key_exchange_modes', '0x001c record_size_limit',
    ]);
    const find = (type: number) => ch.value.extensions.find((e) => e.type === type)!.data;
    const shares = ext.decodeClientShares(find(51));
    expect(findFields(t, 'KeyShareEntry').map((e) => [data(findField(e, 'group')), body(findField(e, 'key_exchange'), 'key_exchange')])).toEqual(
      shares.map((s) => [s.group, toHex(s.keyExchange)]),
    );
    expect(findField(ext13(t, 'key_share'), 'group')!.value).toBe('0x001d x25519');
    expect(findFields(ext13(t, 'supported_versions'), 'version').map((f) => f.data)).toEqual(ext.decodeVersionsList(find(43)));
    expect(findFields(ext13(t, 'supported_groups'), 'group').map((f) => f.data)).toEqual(ext.decodeGroups(find(10)));
    expect(findFields(ext13(t, 'signature_algorithms'), 'scheme').map((f) => f.data)).toEqual(ext.decodeSchemes(find(13)));
    expect(findField(ext13(t, 'signature_algorithms'), 'scheme')!.value).toBe('0x0403 ecdsa_secp256r1_sha256');
    expect(findField(t, 'host_name')!.value).toBe(ext.decodeServerName(find(0)));
    expect(findField(t, 'host_name')!.value).toBe('server');
  });

  it('ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished, NewSessionTicket: the decoded values', () => {
    let raw = fromHex(m.server_hello);
    let t = annotateHandshake(raw);
    const sh = tryDecode(raw.subarray(4), 'ServerHello', readServerHello);
    if (!sh.ok) throw sh.error;
    expect(data(findField(t, 'cipher_suite'))).toBe(sh.value.cipherSuite);
    expect(data(findField(t, 'random'))).toBe(toHex(sh.value.random));
    expect(findField(ext13(t, 'supported_versions'), 'selected_version')!.value).toBe('0x0304 (TLS 1.3)');
    const share = ext.decodeServerShare(sh.value.extensions.find((e) => e.type === 51)!.data);
    expect(body(findField(t, 'key_exchange'), 'key_exchange')).toBe(toHex(share.keyExchange));
    expect(body(findField(t, 'key_exchange'), 'key_exchange')).toBe(v.server_ephemeral_x25519.public);

    raw = fromHex(m.encrypted_extensions);
    t = annotateHandshake(raw);
    const ee = tryDecode(raw.subarray(4), 'EE', readEncryptedExtensions);
    if (!ee.ok) throw ee.error;
    expect(findFields(t, 'extension_type').map((f) => f.data)).toEqual(ee.value.map((e) => e.type));

    raw = fromHex(m.certificate);
    t = annotateHandshake(raw);
    const c = tryDecode(raw.subarray(4), 'Certificate', readCertificate);
    if (!c.ok) throw c.error;
    const entries = findFields(t, 'cert_data');
    expect(entries.map((f) => toHex(raw.subarray(f.offset + 3, f.offset + f.length)))).toEqual(c.value.entries.map((e) => toHex(e.certData)));
    expect(findField(t, 'CertificateEntry 0')!.value).toBe(`end-entity certificate, ${c.value.entries[0]!.certData.length} bytes`);

    raw = fromHex(m.certificate_verify);
    t = annotateHandshake(raw);
    const cv = tryDecode(raw.subarray(4), 'CV', readCertificateVerify);
    if (!cv.ok) throw cv.error;
    expect(findField(t, 'algorithm')!.value).toBe('0x0804 rsa_pss_rsae_sha256');
    expect(body(findField(t, 'signature'), 'signature')).toBe(toHex(cv.value.signature));

    raw = fromHex(m.server_finished);
    t = annotateHandshake(raw, { hashLength: 32 });
    expect(data(findField(t, 'verify_data'))).toBe(v.finished.server_verify_data);
    expect(annotateHandshake(raw, { hashLength: 48 }).ok).toBe(false);

    raw = fromHex(m.new_session_ticket);
    t = annotateHandshake(raw);
    const nst = tryDecode(raw.subarray(4), 'NST', readNewSessionTicket);
    if (!nst.ok) throw nst.error;
    expect(data(findField(t, 'ticket_lifetime'))).toBe(nst.value.lifetime);
    expect(data(findField(t, 'ticket_age_add'))).toBe(nst.value.ageAdd);
  });
});

describe('annotateHandshake on a TLS 1.2 session (our client and server, ECDHE-RSA)', () => {
  it('every message covers its bytes; ServerKeyExchange, Certificate, ClientKeyExchange values are the decoders\'', async () => {
    const r = await pair({ client: { versions: ['TLSv1.2'] } });
    const msgs = r.serverEvents.filter((e): e is Extract<TlsEvent, { kind: 'tls.message' }> => e.kind === 'tls.message');
    expect(msgs.map((x) => x.name)).toEqual(['client_hello', 'server_hello', 'certificate', 'server_key_exchange', 'server_hello_done', 'client_key_exchange', 'finished', 'finished']);
    for (const x of msgs) {
      const t = annotateHandshake(x.raw, { version: 'TLSv1.2' });
      expect(t.ok, x.name).toBe(true);
      expectPartition(t, x.raw.length);
    }
    const raw = (name: string) => msgs.find((x) => x.name === name)!.raw;
    const ske = tryDecode(raw('server_key_exchange').subarray(4), 'SKE', readServerKeyExchange);
    if (!ske.ok) throw ske.error;
    const t = annotateHandshake(raw('server_key_exchange'), { version: 'TLSv1.2' });
    expect(data(findField(t, 'named_curve'))).toBe(ske.value.params.group);
    expect(body(findField(t, 'public'), 'public')).toBe(toHex(ske.value.params.publicKey));
    expect(data(findField(t, 'signature algorithm'))).toBe(ske.value.scheme);
    const cert = tryDecode(raw('certificate').subarray(4), 'Certificate', readCertificate12);
    if (!cert.ok) throw cert.error;
    const ct = annotateHandshake(raw('certificate'), { version: 'TLSv1.2' });
    expect(findFields(ct, 'ASN.1Cert').map((f) => toHex(raw('certificate').subarray(f.offset + 3, f.offset + f.length)))).toEqual(cert.value.map(toHex));
    const cke = tryDecode(raw('client_key_exchange').subarray(4), 'CKE', readClientKeyExchange);
    if (!cke.ok) throw cke.error;
    expect(body(findField(annotateHandshake(raw('client_key_exchange'), { version: 'TLSv1.2' }), 'ecdh_Yc'), 'ecdh_Yc')).toBe(toHex(cke.value));
    expect(findField(annotateHandshake(raw('finished'), { version: 'TLSv1.2' }), 'verify_data')!.length).toBe(12);
  });
});

describe('bad input', () => {
  const seeds = RFC8448.map(([, h]) => fromHex(h));
  const mutated = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.tuple(fc.nat(seeds.length - 1), fc.nat(5000), fc.integer({ min: 1, max: 255 })).map(([s, i, x]) => {
      const c = Uint8Array.from(seeds[s]!);
      c[i % c.length] ^= x;
      return c;
    }),
    fc.tuple(fc.nat(seeds.length - 1), fc.nat(5000)).map(([s, n]) => seeds[s]!.slice(0, n % (seeds[s]!.length + 1))),
    fc.tuple(fc.nat(seeds.length - 1), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([s, t]) => Uint8Array.from([...seeds[s]!, ...t])),
  );
  const ctx = fc.constantFrom({}, { version: 'TLSv1.2' as const }, { version: 'TLSv1.3' as const, hashLength: 32 });

  it('random and mutated messages never throw; the leaves still cover every byte; a malformed node says where', () => {
    fc.assert(
      fc.property(mutated, ctx, (raw, c) => {
        const t = annotateHandshake(raw, c);
        expectPartition(t, raw.length);
        const bad = leaves(t).filter((l) => l.malformed);
        expect(t.ok).toBe(bad.length === 0);
        for (const b of bad) expect(b.value).toMatch(new RegExp(`^malformed at offset ${b.offset}: `));
      }),
      { numRuns: 10_000 },
    );
  });

  it('what the annotator accepts, core/tls\'s decoder accepts too (hellos, CertificateVerify)', () => {
    const decoders = { 1: readClientHello, 2: readServerHello, 15: readCertificateVerify } as const;
    fc.assert(
      fc.property(mutated, (raw) => {
        const read = decoders[raw[0] as 1 | 2 | 15];
        if (!read || raw.length < 4) return;
        if (annotateHandshake(raw).ok) expect(tryDecode(raw.subarray(4), 'm', read as never).ok).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('a truncated ClientHello: malformed from the first byte it could not read', () => {
    const raw = fromHex(m.client_hello).slice(0, 20);
    const t = annotateHandshake(raw);
    expect(t.ok).toBe(false);
    expect(t.children.at(-1)).toMatchObject({ offset: 4, length: 16, label: 'malformed', value: 'malformed at offset 4: length says 192 bytes but 16 bytes follow' });
    const cut = fromHex(m.client_hello);
    cut[1 + 3 + 2 + 32] = 40; // legacy_session_id length over 32
    expect(findField(annotateHandshake(cut), 'malformed')!.value).toBe('malformed at offset 38: legacy_session_id: length 40 outside 0..32');
  });
});

describe('empty bodies', () => {
  it('ServerHelloDone is header only; an empty ClientHello is malformed at offset 4', () => {
    const shd = annotateHandshake(Uint8Array.of(14, 0, 0, 0), { version: 'TLSv1.2' });
    expect(shd.ok).toBe(true);
    expect(shd.children.map((c) => c.label)).toEqual(['msg_type', 'length']);
    const ch = annotateHandshake(Uint8Array.of(1, 0, 0, 0));
    expect(ch.ok).toBe(false);
    expect(ch.children.at(-1)).toMatchObject({ offset: 4, length: 0, value: 'malformed at offset 4: legacy_version: need 2 bytes, have 0' });
  });
});
