/**
 * The tamper experiment of the Cipher panel: change one byte of a recorded
 * record's ciphertext or tag and open it again with the same keys through
 * core/tls's record protection (core/tls/inspect/tamper.ts); the tag check
 * fails and the receiving side answers with a bad_record_mac alert record.
 */
import { WebCryptoProvider } from '../../core/tls/webcrypto-provider.ts';
import { replayContext, replayRecord, type ReplayContext, type ReplayResult } from '../../core/tls/inspect/tamper.ts';
import type { RecordView } from './cipher.ts';
import type { TlsSessionView } from './tls-sessions.ts';

export interface TamperOutcome {
  /** The record as delivered, with the one byte changed (or unchanged). */
  readonly record: Uint8Array;
  /** Offset of the changed byte in the record, or -1 when nothing changed. */
  readonly changedAt: number;
  readonly context: ReplayContext;
  readonly result: ReplayResult;
}

/** The record's bytes with the byte at `offset` set to `value` (a copy). */
export function withByte(record: Uint8Array, offset: number, value: number): Uint8Array {
  const out = Uint8Array.from(record);
  out[offset] = value & 0xff;
  return out;
}

/**
 * Opens `rec` again after setting byte `index` of its ciphertext-and-tag
 * (0 = first ciphertext byte; ciphertext.length = first tag byte) to `value`.
 * Pass `value` = the byte it already has to replay the record unchanged.
 */
export async function tamperRecord(subtle: SubtleCrypto, s: TlsSessionView, rec: RecordView, index: number, value: number): Promise<TamperOutcome> {
  const context = replayContext(s.server, rec.index);
  if (!context) throw new Error(`event ${rec.index} is not a protected record`);
  const span = rec.ciphertext.length + rec.tag.length;
  if (!Number.isInteger(index) || index < 0 || index >= span) throw new RangeError(`byte ${index} is outside the ciphertext and tag (0..${span - 1})`);
  const offset = rec.ciphertextOffset + index;
  const record = withByte(rec.record, offset, value);
  const changedAt = record[offset] === rec.record[offset] ? -1 : offset;
  const result = await replayRecord(new WebCryptoProvider(subtle), context, record);
  return { record, changedAt, context, result };
}
