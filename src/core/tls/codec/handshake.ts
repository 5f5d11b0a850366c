/**
 * Handshake framing (RFC 8446 §4): msg_type, uint24 length, body. Messages
 * may span records and records may carry several; the joiner reassembles.
 */
import { concat } from '../../bytes/index.ts';
import { DecodeError, Writer } from './cursor.ts';

export const HandshakeType = {
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  end_of_early_data: 5,
  encrypted_extensions: 8,
  certificate: 11,
  server_key_exchange: 12,
  certificate_request: 13,
  server_hello_done: 14,
  certificate_verify: 15,
  client_key_exchange: 16,
  finished: 20,
  key_update: 24,
  message_hash: 254,
} as const;

const NAMES = new Map<number, string>(Object.entries(HandshakeType).map(([k, v]) => [v, k]));
export function handshakeName(type: number): string {
  return NAMES.get(type) ?? `unknown(${type})`;
}

/** One whole handshake message: `raw` is header + body, as hashed into the transcript. */
export interface HandshakeMessage {
  readonly type: number;
  readonly body: Uint8Array;
  readonly raw: Uint8Array;
}

export function encodeHandshake(type: number, body: Uint8Array): Uint8Array {
  return new Writer().u8(type).u24(body.length).bytes(body).finish();
}

/** Largest handshake message accepted (a certificate chain fits well inside). */
export const MAX_HANDSHAKE = 65536 + 16384;

export class HandshakeJoiner {
  #buf: Uint8Array = new Uint8Array(0);

  /** Whether a partial message is waiting (a key change must not happen then, §5.1). */
  get pending(): boolean {
    return this.#buf.length > 0;
  }

  /** Add one record's fragment; returns the complete messages, or a DecodeError. */
  push(fragment: Uint8Array): HandshakeMessage[] | DecodeError {
    if (fragment.length === 0) return new DecodeError('empty handshake record', 10);
    this.#buf = this.#buf.length ? concat([this.#buf, fragment]) : Uint8Array.from(fragment);
    const out: HandshakeMessage[] = [];
    for (;;) {
      const b = this.#buf;
      if (b.length < 4) break;
      const len = (b[1] << 16) | (b[2] << 8) | b[3];
      if (len > MAX_HANDSHAKE) return new DecodeError(`handshake message of ${len} bytes is too long`);
      if (b.length < 4 + len) break;
      out.push({ type: b[0], body: b.slice(4, 4 + len), raw: b.slice(0, 4 + len) });
      this.#buf = b.slice(4 + len);
    }
    return out;
  }
}
