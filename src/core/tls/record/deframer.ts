/**
 * Record framing (RFC 8446 §5.1, RFC 5246 §6.2.1): bytes arrive in any
 * chunking; complete TLSPlaintext/TLSCiphertext records come out. Errors are
 * values (an alert to send), never exceptions; after one, the deframer stays failed.
 */
import { concat } from '../../bytes/index.ts';
import { AlertDescription } from '../alerts.ts';

export const ContentType = { change_cipher_spec: 20, alert: 21, handshake: 22, application_data: 23 } as const;

export interface TlsRecord {
  readonly type: number;
  readonly version: number;
  readonly fragment: Uint8Array;
  /** The 5-byte header as received (the AEAD additional data in TLS 1.3). */
  readonly header: Uint8Array;
}

/** RFC 8446 §5.2: a TLSCiphertext fragment may not exceed 2^14 + 256 bytes. */
export const MAX_CIPHERTEXT = 16384 + 256;

export type DeframeResult =
  | { kind: 'record'; record: TlsRecord }
  | { kind: 'need-more' }
  | { kind: 'error'; alert: number; reason: string };

export class RecordDeframer {
  #buf: Uint8Array = new Uint8Array(0);
  #failed: { alert: number; reason: string } | null = null;

  push(chunk: Uint8Array): void {
    if (this.#failed || chunk.length === 0) return;
    this.#buf = this.#buf.length ? concat([this.#buf, chunk]) : Uint8Array.from(chunk);
  }

  /** Bytes held that do not yet form a whole record. */
  get buffered(): number {
    return this.#buf.length;
  }

  next(): DeframeResult {
    if (this.#failed) return { kind: 'error', ...this.#failed };
    const b = this.#buf;
    if (b.length < 5) return { kind: 'need-more' };
    // As OpenSSL (ssl/record/ssl3_record.c): the major version first ("wrong version number"), then the type.
    if (b[1] !== 3) return this.#fail(AlertDescription.protocol_version, 'wrong version number');
    if (b[0] < 20 || b[0] > 23) return this.#fail(AlertDescription.unexpected_message, `unknown record type ${b[0]}`);
    const len = (b[3] << 8) | b[4];
    if (len > MAX_CIPHERTEXT) return this.#fail(AlertDescription.record_overflow, `record length ${len} > ${MAX_CIPHERTEXT}`);
    if (b.length < 5 + len) return { kind: 'need-more' };
    const record: TlsRecord = { type: b[0], version: (b[1] << 8) | b[2], header: b.slice(0, 5), fragment: b.slice(5, 5 + len) };
    this.#buf = b.slice(5 + len);
    return { kind: 'record', record };
  }

  /** All complete records now available, then need-more or the error. */
  drain(): { records: TlsRecord[]; error?: { alert: number; reason: string } } {
    const records: TlsRecord[] = [];
    for (;;) {
      const r = this.next();
      if (r.kind === 'record') records.push(r.record);
      else if (r.kind === 'error') return { records, error: { alert: r.alert, reason: r.reason } };
      else return { records };
    }
  }

  #fail(alert: number, reason: string): DeframeResult {
    this.#failed = { alert, reason };
    this.#buf = new Uint8Array(0);
    return { kind: 'error', alert, reason };
  }
}

/** One record: header (type, legacy version, length) and fragment. */
export function frameRecord(type: number, version: number, fragment: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + fragment.length);
  out[0] = type;
  out[1] = version >> 8;
  out[2] = version & 0xff;
  out[3] = fragment.length >> 8;
  out[4] = fragment.length & 0xff;
  out.set(fragment, 5);
  return out;
}

/** Split plaintext into records of at most 2^14 bytes (RFC 8446 §5.1). */
export function fragment(data: Uint8Array, max = 16384): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += max) out.push(data.subarray(i, i + max));
  return out.length ? out : [data];
}
