/**
 * TLS 1.3 record protection (RFC 8446 §5.2-5.4): TLSInnerPlaintext =
 * content || type || zeros; nonce = write_iv XOR padded sequence number;
 * additional_data = the record header (opaque_type 23, 0x0303, length).
 */
import { AlertDescription } from '../alerts.ts';
import type { CryptoProvider } from '../crypto-provider.ts';
import type { TrafficKeys } from '../key-schedule.ts';
import { ContentType, frameRecord, type TlsRecord } from './deframer.ts';

/** What one protected record carried: every value the Cipher panel shows. */
export interface ProtectedRecord {
  readonly seq: bigint;
  readonly nonce: Uint8Array;
  readonly aad: Uint8Array;
  readonly contentType: number;
  readonly plaintext: Uint8Array;
  /** Encrypted inner plaintext, without the tag. */
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
  readonly record: Uint8Array;
}

export type OpenResult =
  | { ok: true; value: ProtectedRecord }
  | { ok: false; alert: number; reason: string };

export function nonceFor(iv: Uint8Array, seq: bigint): Uint8Array {
  const nonce = Uint8Array.from(iv);
  let s = seq;
  for (let i = nonce.length - 1; i >= nonce.length - 8; i--) {
    nonce[i] ^= Number(s & 0xffn);
    s >>= 8n;
  }
  return nonce;
}

/** One direction's protection state: keys and the 64-bit sequence number. */
export class RecordProtection13 {
  readonly version = 'tls13' as const;
  #seq: bigint;

  constructor(
    private readonly p: CryptoProvider,
    readonly keys: TrafficKeys,
    /** The first sequence number (0 for a fresh key; tests start elsewhere). */
    seq = 0n,
  ) {
    this.#seq = seq;
  }

  get seq(): bigint {
    return this.#seq;
  }

  async seal(contentType: number, content: Uint8Array, padding = 0): Promise<ProtectedRecord> {
    const inner = new Uint8Array(content.length + 1 + padding);
    inner.set(content);
    inner[content.length] = contentType;
    const seq = this.#seq++;
    const nonce = nonceFor(this.keys.iv, seq);
    const len = inner.length + 16;
    const aad = Uint8Array.of(ContentType.application_data, 3, 3, len >> 8, len & 0xff);
    const sealed = await this.p.aeadSeal(this.keys.key, nonce, aad, inner);
    return {
      seq, nonce, aad, contentType, plaintext: content,
      ciphertext: sealed.slice(0, -16), tag: sealed.slice(-16),
      record: frameRecord(ContentType.application_data, 0x0303, sealed),
    };
  }

  async open(rec: TlsRecord): Promise<OpenResult> {
    if (rec.type !== ContentType.application_data) return { ok: false, alert: AlertDescription.unexpected_message, reason: `protected record of type ${rec.type}` };
    // §5.2: the ciphertext may exceed 2^14 by at most 256 bytes.
    if (rec.fragment.length > 16384 + 256) return { ok: false, alert: AlertDescription.record_overflow, reason: 'ciphertext too long' };
    const seq = this.#seq;
    const nonce = nonceFor(this.keys.iv, seq);
    const inner = await this.p.aeadOpen(this.keys.key, nonce, rec.header, rec.fragment);
    if (!inner) return { ok: false, alert: AlertDescription.bad_record_mac, reason: 'record authentication failed' };
    this.#seq++;
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    if (end < 0) return { ok: false, alert: AlertDescription.unexpected_message, reason: 'no content type in TLSInnerPlaintext' };
    if (end > 16384) return { ok: false, alert: AlertDescription.record_overflow, reason: 'plaintext too long' };
    return {
      ok: true,
      value: {
        seq, nonce, aad: rec.header, contentType: inner[end], plaintext: inner.slice(0, end),
        ciphertext: rec.fragment.slice(0, -16), tag: rec.fragment.slice(-16),
        record: frameRecord(rec.type, rec.version, rec.fragment),
      },
    };
  }
}
