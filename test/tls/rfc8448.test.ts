// RFC 8448 §3 (Simple 1-RTT Handshake), byte for byte: every secret of the key
// schedule, the traffic keys and IVs, both Finished values, and every record.
import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { fromHex, toHex, concat } from '../../src/core/bytes/index.ts';
import { WebCryptoProvider } from '../../src/core/tls/webcrypto-provider.ts';
import { EarlySecret, finishedKey, finishedVerifyData, hkdfLabel, trafficKeys } from '../../src/core/tls/key-schedule.ts';
import { TLS_AES_128_GCM_SHA256 } from '../../src/core/tls/suites.ts';
import { RecordDeframer } from '../../src/core/tls/record/deframer.ts';
import { RecordProtection13 } from '../../src/core/tls/record/protection13.ts';
import v from '../fixtures/tls/rfc8448-simple.json' with { type: 'json' };

const p = new WebCryptoProvider(webcrypto.subtle as SubtleCrypto);
const suite = TLS_AES_128_GCM_SHA256;
const h = (s: string) => fromHex(s);
const ks = v.key_schedule;
const m = v.messages;

async function thash(...msgs: string[]): Promise<string> {
  return toHex(await p.hash('SHA-256', concat(msgs.map(h))));
}

describe('RFC 8448 §3 key schedule', () => {
  it('x25519 key shares and shared secret', async () => {
    const c = await p.keyShareFromPrivate('x25519', h(v.client_ephemeral_x25519.private));
    const s = await p.keyShareFromPrivate('x25519', h(v.server_ephemeral_x25519.private));
    expect(toHex(c.publicKey)).toBe(v.client_ephemeral_x25519.public);
    expect(toHex(s.publicKey)).toBe(v.server_ephemeral_x25519.public);
    expect(toHex((await p.ecdh(c, s.publicKey))!)).toBe(ks.ecdhe_shared_secret);
    expect(toHex((await p.ecdh(s, c.publicKey))!)).toBe(ks.ecdhe_shared_secret);
  });

  it('HkdfLabel structures', () => {
    const ex = v.hkdf_labels_info_examples;
    expect(toHex(hkdfLabel('derived', h(ks.empty_hash), 32))).toBe(ex.derived_empty_hash_info);
    expect(toHex(hkdfLabel('c hs traffic', h(ks.transcript_hash_ch_sh), 32))).toBe(ex.c_hs_traffic_info);
    expect(toHex(hkdfLabel('key', new Uint8Array(0), 16))).toBe(ex.key_info_16);
    expect(toHex(hkdfLabel('iv', new Uint8Array(0), 12))).toBe(ex.iv_info_12);
    expect(toHex(hkdfLabel('finished', new Uint8Array(0), 32))).toBe(ex.finished_info_32);
  });

  it('every stage, traffic key, IV and Finished value', async () => {
    expect(await thash(m.client_hello, m.server_hello)).toBe(ks.transcript_hash_ch_sh);
    const early = await EarlySecret.create(p, suite);
    expect(toHex(early.secret)).toBe(ks.early_secret);
    const hs = await early.handshake(h(ks.ecdhe_shared_secret));
    expect(toHex(hs.trace.derivedForHandshake!)).toBe(ks.derived_for_handshake);
    expect(toHex(hs.secret)).toBe(ks.handshake_secret);
    const hsTraffic = await hs.trafficSecrets(h(ks.transcript_hash_ch_sh));
    expect(toHex(hsTraffic.client.secret)).toBe(ks.client_handshake_traffic_secret);
    expect(toHex(hsTraffic.server.secret)).toBe(ks.server_handshake_traffic_secret);
    expect(toHex(hsTraffic.server.key)).toBe(v.traffic_keys.server_handshake.key);
    expect(toHex(hsTraffic.server.iv)).toBe(v.traffic_keys.server_handshake.iv);
    expect(toHex(hsTraffic.client.key)).toBe(v.traffic_keys.client_handshake.key);
    expect(toHex(hsTraffic.client.iv)).toBe(v.traffic_keys.client_handshake.iv);

    const serverFinishedHashInput = [m.client_hello, m.server_hello, m.encrypted_extensions, m.certificate, m.certificate_verify];
    expect(toHex(await finishedKey(p, suite, hsTraffic.server.secret))).toBe(v.finished.server_finished_key);
    const sfin = await finishedVerifyData(p, suite, hsTraffic.server.secret, h(await thash(...serverFinishedHashInput)));
    expect(toHex(sfin)).toBe(v.finished.server_verify_data);
    expect(m.server_finished).toBe('14000020' + v.finished.server_verify_data);

    const master = await hs.master();
    expect(toHex(master.trace.derivedForMaster!)).toBe(ks.derived_for_master);
    expect(toHex(master.secret)).toBe(ks.master_secret);
    expect(await thash(...serverFinishedHashInput, m.server_finished)).toBe(ks.transcript_hash_ch_to_server_finished);
    const app = await master.applicationSecrets(h(ks.transcript_hash_ch_to_server_finished));
    expect(toHex(app.client.secret)).toBe(ks.client_application_traffic_secret_0);
    expect(toHex(app.server.secret)).toBe(ks.server_application_traffic_secret_0);
    expect(toHex(app.exporter)).toBe(ks.exporter_master_secret);
    expect(toHex(app.server.key)).toBe(v.traffic_keys.server_application.key);
    expect(toHex(app.server.iv)).toBe(v.traffic_keys.server_application.iv);
    expect(toHex(app.client.key)).toBe(v.traffic_keys.client_application.key);
    expect(toHex(app.client.iv)).toBe(v.traffic_keys.client_application.iv);

    expect(toHex(await finishedKey(p, suite, hsTraffic.client.secret))).toBe(v.finished.client_finished_key);
    const cfin = await finishedVerifyData(p, suite, hsTraffic.client.secret, h(ks.transcript_hash_ch_to_server_finished));
    expect(toHex(cfin)).toBe(v.finished.client_verify_data);
    expect(await thash(...serverFinishedHashInput, m.server_finished, m.client_finished)).toBe(ks.transcript_hash_ch_to_client_finished);
    expect(toHex(await master.resumption(h(ks.transcript_hash_ch_to_client_finished)))).toBe(ks.resumption_master_secret);
  });
});

describe('RFC 8448 §3 records', () => {
  const keysOf = async (name: keyof typeof v.traffic_keys) => {
    const secret = {
      server_handshake: ks.server_handshake_traffic_secret,
      client_handshake: ks.client_handshake_traffic_secret,
      server_application: ks.server_application_traffic_secret_0,
      client_application: ks.client_application_traffic_secret_0,
    }[name];
    return trafficKeys(p, suite, h(secret));
  };
  const payload = h(m.application_data_payload);
  const plaintexts: Record<string, Uint8Array> = {
    server_encrypted_flight: h(m.encrypted_extensions + m.certificate + m.certificate_verify + m.server_finished),
    client_finished: h(m.client_finished),
    server_new_session_ticket: h(m.new_session_ticket),
    client_application_data: payload,
    server_application_data: payload,
    client_alert_close_notify: h('0100'),
    server_alert_close_notify: h('0100'),
  };
  const protectedRecords = Object.entries(v.records).filter(([, r]) => typeof r !== 'string') as [string, { record: string; key: keyof typeof v.traffic_keys; seq: number; inner_content_type: number }][];

  it('the plaintext hellos frame as records', () => {
    const d = new RecordDeframer();
    d.push(h(v.records.client_hello + v.records.server_hello));
    const { records, error } = d.drain();
    expect(error).toBeUndefined();
    expect(records.map((r) => toHex(r.fragment))).toEqual([m.client_hello, m.server_hello]);
  });

  it.each(protectedRecords)('%s opens and re-seals byte for byte', async (name, r) => {
    const keys = await keysOf(r.key);
    const sealer = new RecordProtection13(p, keys, BigInt(r.seq));
    const d = new RecordDeframer();
    d.push(h(r.record));
    const { records } = d.drain();
    expect(records).toHaveLength(1);
    const o = await new RecordProtection13(p, keys, BigInt(r.seq)).open(records[0]);
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.value.contentType).toBe(r.inner_content_type);
    expect(toHex(o.value.plaintext)).toBe(toHex(plaintexts[name]));
    const sealed = await sealer.seal(r.inner_content_type, plaintexts[name]);
    expect(sealed.seq).toBe(BigInt(r.seq));
    expect(toHex(sealed.record)).toBe(r.record);
  });

  it('a flipped ciphertext bit fails with bad_record_mac', async () => {
    const r = v.records.client_finished;
    const bytes = h(r.record);
    bytes[10] ^= 1;
    const d = new RecordDeframer();
    d.push(bytes);
    const o = await new RecordProtection13(p, await keysOf('client_handshake')).open(d.drain().records[0]);
    expect(o).toEqual({ ok: false, alert: 20, reason: 'record authentication failed' });
  });
});
