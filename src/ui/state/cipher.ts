/**
 * The Cipher panel's model of one TLS session (a TlsSessionView, the
 * server's view): the key exchange, the key schedule (TLS 1.3 HKDF ladder
 * with the labels of RFC 8446 §7.1, or the TLS 1.2 PRF), the traffic keys
 * and IVs, and each protected record. Every byte array is one the engine
 * reported in its events (no value is computed here). Pure; tested in Node.
 */
import type { TlsEvent } from '../../core/tls/events.ts';
import { eventsOf, type TlsSessionView } from './tls-sessions.ts';

export interface KeyExchangeView {
  readonly group: string;
  /** The server's own public share (the server's KeyShare / ServerKeyExchange point). */
  readonly serverPublic: Uint8Array;
  /** The client's public share as received. */
  readonly clientPublic: Uint8Array;
  /** The (EC)DHE shared secret both sides computed. */
  readonly shared: Uint8Array;
}

/** One rung of the key-schedule ladder. */
export interface ScheduleStep {
  /** The engine's name of the value (tls.secret name, or a key-block part). */
  readonly id: string;
  /** The name the RFC gives the value. */
  readonly title: string;
  /** How it is derived, in the RFC's notation (with its label). */
  readonly derivation: string;
  readonly value: Uint8Array;
}

export interface TrafficKeysView {
  /** Which way the keys protect: the server's write keys protect server → client. */
  readonly direction: 'client → server' | 'server → client';
  readonly epoch: string;
  readonly secret: Uint8Array;
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

export const CONTENT_TYPES: Readonly<Record<number, string>> = { 20: 'change_cipher_spec', 21: 'alert', 22: 'handshake', 23: 'application_data' };

export interface RecordView {
  /** Index of the record's event in session.server (the tamper helper's handle). */
  readonly index: number;
  readonly direction: 'client → server' | 'server → client';
  readonly seq: bigint;
  /** The key and IV in force for this record (TLS 1.2: the 4-byte implicit salt), from tls.traffic-keys. */
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  /** The sequence number as the 8 bytes XORed into the IV (TLS 1.3) or put in the AAD (TLS 1.2). */
  readonly seqBytes: Uint8Array;
  readonly nonce: Uint8Array;
  readonly aad: Uint8Array;
  /** The (inner, for TLS 1.3) content type and its name. */
  readonly contentType: number;
  readonly contentTypeName: string;
  readonly plaintext: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
  /** The whole record as on the wire. */
  readonly record: Uint8Array;
  /** Where the ciphertext starts in `record` (5, or 13 after TLS 1.2's explicit nonce). */
  readonly ciphertextOffset: number;
}

export interface CipherModel {
  readonly version: 'TLSv1.3' | 'TLSv1.2' | null;
  readonly cipher: string | null;
  readonly keyExchange: KeyExchangeView | null;
  readonly schedule: readonly ScheduleStep[];
  readonly trafficKeys: readonly TrafficKeysView[];
  readonly records: readonly RecordView[];
}

/** RFC 8446 §7.1, in the order of the figure. */
const LADDER_13: readonly { id: string; title: string; derivation: string }[] = [
  { id: 'earlySecret', title: 'Early Secret', derivation: 'HKDF-Extract(salt = 0, IKM = PSK = 0)' },
  { id: 'derivedForHandshake', title: 'derived (salt of the Handshake Secret)', derivation: 'Derive-Secret(Early Secret, "derived", "")' },
  { id: 'sharedSecret', title: '(EC)DHE shared secret', derivation: 'ECDH(own private key, peer key_share)' },
  { id: 'handshakeSecret', title: 'Handshake Secret', derivation: 'HKDF-Extract(salt = derived, IKM = (EC)DHE)' },
  { id: 'clientHandshakeTrafficSecret', title: 'client_handshake_traffic_secret', derivation: 'Derive-Secret(Handshake Secret, "c hs traffic", ClientHello...ServerHello)' },
  { id: 'serverHandshakeTrafficSecret', title: 'server_handshake_traffic_secret', derivation: 'Derive-Secret(Handshake Secret, "s hs traffic", ClientHello...ServerHello)' },
  { id: 'derivedForMaster', title: 'derived (salt of the Master Secret)', derivation: 'Derive-Secret(Handshake Secret, "derived", "")' },
  { id: 'masterSecret', title: 'Master Secret', derivation: 'HKDF-Extract(salt = derived, IKM = 0)' },
  { id: 'clientApplicationTrafficSecret0', title: 'client_application_traffic_secret_0', derivation: 'Derive-Secret(Master Secret, "c ap traffic", ClientHello...server Finished)' },
  { id: 'serverApplicationTrafficSecret0', title: 'server_application_traffic_secret_0', derivation: 'Derive-Secret(Master Secret, "s ap traffic", ClientHello...server Finished)' },
  { id: 'exporterMasterSecret', title: 'exporter_master_secret', derivation: 'Derive-Secret(Master Secret, "exp master", ClientHello...server Finished)' },
  { id: 'resumptionMasterSecret', title: 'resumption_master_secret', derivation: 'Derive-Secret(Master Secret, "res master", ClientHello...client Finished)' },
];

function direction(e: { use: 'read' | 'write' } | { dir: 'sent' | 'received' }): 'client → server' | 'server → client' {
  const toClient = 'use' in e ? e.use === 'write' : e.dir === 'sent';
  return toClient ? 'server → client' : 'client → server';
}

function schedule12(s: TlsSessionView, secrets: Map<string, Uint8Array>): ScheduleStep[] {
  const out: ScheduleStep[] = [];
  const ems = s.negotiated?.extendedMasterSecret ?? secrets.has('sessionHash');
  const pms = secrets.get('preMasterSecret');
  if (pms) out.push({ id: 'preMasterSecret', title: 'pre_master_secret', derivation: 'the ECDHE shared secret (RFC 8422 §5.10: the x coordinate)', value: pms });
  const sh = secrets.get('sessionHash');
  if (sh) out.push({ id: 'sessionHash', title: 'session_hash', derivation: 'Hash(ClientHello ... ClientKeyExchange) (RFC 7627 §3)', value: sh });
  const ms = secrets.get('masterSecret');
  if (ms) {
    out.push({
      id: 'masterSecret', title: 'master_secret',
      derivation: ems
        ? 'PRF(pre_master_secret, "extended master secret", session_hash)[0..47] (RFC 7627 §4)'
        : 'PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]',
      value: ms,
    });
  }
  // The key block (RFC 5246 §6.3), as the engine cut it: the keys it installed.
  const kb = 'PRF(master_secret, "key expansion", server_random + client_random)';
  for (const k of eventsOf(s, 'tls.traffic-keys')) {
    const who = k.use === 'read' ? 'client' : 'server';
    out.push({ id: `${who}WriteKey`, title: `${who}_write_key`, derivation: `key_block: ${kb}`, value: k.key });
    out.push({ id: `${who}WriteIv`, title: `${who}_write_IV`, derivation: 'key_block: the 4-byte implicit nonce (salt) (RFC 5288 §3)', value: k.iv });
  }
  return out;
}

export function cipherModel(s: TlsSessionView): CipherModel {
  const version = s.negotiated?.version ?? (s.server.some((e) => e.kind === 'tls.secret' && e.name === 'preMasterSecret') ? 'TLSv1.2' : s.server.some((e) => e.kind === 'tls.secret') ? 'TLSv1.3' : null);
  const ks = eventsOf(s, 'tls.key-share').at(-1);
  const keyExchange = ks ? { group: ks.group, serverPublic: ks.own.publicKey, clientPublic: ks.peer, shared: ks.shared } : null;
  const secrets = new Map(eventsOf(s, 'tls.secret').map((e) => [e.name, e.value]));
  const schedule =
    version === 'TLSv1.2'
      ? schedule12(s, secrets)
      : LADDER_13.flatMap((r) => {
          const value = secrets.get(r.id);
          return value ? [{ ...r, value }] : [];
        });
  const trafficKeys = eventsOf(s, 'tls.traffic-keys').map((k) => ({ direction: direction(k), epoch: k.epoch, secret: k.secret, key: k.key, iv: k.iv }));
  const records: RecordView[] = [];
  const inForce: { read?: Uint8Array[]; write?: Uint8Array[] } = {};
  s.server.forEach((e: TlsEvent, index) => {
    if (e.kind === 'tls.traffic-keys') inForce[e.use] = [e.key, e.iv];
    if (e.kind !== 'tls.record' || !e.protection) return;
    const p = e.protection;
    const [key, iv] = inForce[e.dir === 'sent' ? 'write' : 'read'] ?? [new Uint8Array(0), new Uint8Array(0)];
    const seqBytes = new Uint8Array(8);
    new DataView(seqBytes.buffer).setBigUint64(0, p.seq);
    records.push({
      index, direction: direction(e), seq: p.seq, key: key!, iv: iv!, seqBytes, nonce: p.nonce, aad: p.aad,
      contentType: p.contentType, contentTypeName: CONTENT_TYPES[p.contentType] ?? `unknown(${p.contentType})`,
      plaintext: p.plaintext, ciphertext: p.ciphertext, tag: p.tag, record: p.record,
      ciphertextOffset: p.record.length - p.tag.length - p.ciphertext.length,
    });
  });
  return { version, cipher: s.negotiated?.cipher ?? null, keyExchange, schedule, trafficKeys, records };
}
