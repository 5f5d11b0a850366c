/**
 * TLS 1.2 AES-GCM record protection (RFC 5288 §3, RFC 5246 §6.2.3.3):
 * nonce = 4-byte implicit salt || 8-byte explicit nonce sent in the record;
 * additional_data = seq_num || type || version || length. The explicit part is
 * `explicitBase + seq`: OpenSSL starts it at a random value and counts up.
 */
import { AlertDescription } from '../alerts.ts';
import type { CryptoProvider } from '../crypto-provider.ts';
import { frameRecord, type TlsRecord } from './deframer.ts';
import type { OpenResult, ProtectedRecord } from './protection13.ts';


function u64(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v);
  return out;
}

function aadFor(seq: bigint, type: number, version: number, length: number): Uint8Array {
  const aad = new Uint8Array(13);
  aad.set(u64(seq));
  aad[8] = type;
  aad[9] = version >> 8;
  aad[10] = version & 0xff;
  aad[11] = length >> 8;
  aad[12] = length & 0xff;
  return aad;
}

export class RecordProtection12Gcm {
  readonly version = 'tls12' as const;
  #seq: bigint;

  constructor(
    private readonly p: CryptoProvider,
    readonly key: Uint8Array,
    /** The 4-byte implicit part (client_write_IV / server_write_IV). */
    readonly salt: Uint8Array,
    seq = 0n,
    /** The explicit nonce of sequence number 0 (0 unless imitating OpenSSL's random start). */
    readonly explicitBase = 0n,
  ) {
    this.#seq = seq;
  }

  async seal(type: number, plaintext: Uint8Array, version = 0x0303): Promise<ProtectedRecord> {
    const seq = this.#seq++;
    const explicit = u64((this.explicitBase + seq) & 0xffffffffffffffffn);
    const nonce = new Uint8Array([...this.salt, ...explicit]);
    const aad = aadFor(seq, type, version, plaintext.length);
    const sealed = await this.p.aeadSeal(this.key, nonce, aad, plaintext);
    return {
      seq, nonce, aad, contentType: type, plaintext, ciphertext: sealed.slice(0, -16), tag: sealed.slice(-16),
      record: frameRecord(type, version, new Uint8Array([...explicit, ...sealed])),
    };
  }

  async open(rec: TlsRecord): Promise<OpenResult> {
    if (rec.fragment.length < 8 + 16) return { ok: false, alert: AlertDescription.bad_record_mac, reason: 'record too short' };
    const seq = this.#seq;
    const nonce = new Uint8Array([...this.salt, ...rec.fragment.subarray(0, 8)]);
    const ciphertext = rec.fragment.subarray(8);
    const aad = aadFor(seq, rec.type, rec.version, ciphertext.length - 16);
    const plaintext = await this.p.aeadOpen(this.key, nonce, aad, ciphertext);
    if (!plaintext) return { ok: false, alert: AlertDescription.bad_record_mac, reason: 'record authentication failed' };
    this.#seq++;
    return {
      ok: true,
      value: {
        seq, nonce, aad, contentType: rec.type, plaintext, ciphertext: ciphertext.slice(0, -16), tag: ciphertext.slice(-16),
        record: frameRecord(rec.type, rec.version, rec.fragment),
      },
    };
  }
}
