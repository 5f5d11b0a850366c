/**
 * The Cipher panel's tamper experiment: a recorded protected record, with one
 * byte changed, is opened again by a record-layer reader built from the
 * logged keys (core/tls's own RecordProtection13 / RecordProtection12Gcm),
 * and when the tag check fails the alert the engine would send back is sealed
 * with the detecting side's write state, as TlsConnection does (#fail ->
 * #sendAlert -> #writeRecord). Nothing here reimplements AES-GCM or alerts.
 *
 * `replayContext` reconstructs, from one side's ordered events (the server's
 * view the panels use), the reader of a record and the write state of the
 * side that would detect the change: the server for records it received, the
 * client for records the server sent (its write state being that of the last
 * record the server received from it).
 */
import { AlertDescription, AlertLevel, alertName } from '../alerts.ts';
import type { CryptoProvider } from '../crypto-provider.ts';
import type { TlsEvent } from '../events.ts';
import { ContentType, RecordDeframer, frameRecord } from '../record/deframer.ts';
import { RecordProtection12Gcm } from '../record/protection12.ts';
import { RecordProtection13, type ProtectedRecord } from '../record/protection13.ts';

/** One direction's record protection state: keys and the next sequence number. */
export interface RecordKeys {
  readonly version: 'tls13' | 'tls12';
  readonly key: Uint8Array;
  /** TLS 1.3 write_iv (12 bytes); TLS 1.2 the 4-byte implicit salt. */
  readonly iv: Uint8Array;
  readonly seq: bigint;
  /** TLS 1.2: the explicit nonce of sequence number 0. */
  readonly explicitBase?: bigint;
}

export interface ReplayContext {
  /** Who opens the record (the receiver) and so would detect a change. */
  readonly detector: 'client' | 'server';
  /** The receiver's reader for this record. */
  readonly read: RecordKeys;
  /** The receiver's write state when the record arrived; null: it had no write keys yet (alerts go in clear). */
  readonly write: RecordKeys | null;
}

export type ReplayResult =
  | { readonly ok: true; readonly value: ProtectedRecord }
  | {
      readonly ok: false;
      readonly alert: number;
      readonly alertName: string;
      readonly reason: string;
      /** The alert record as the detecting engine writes it (protected when it has write keys). */
      readonly alertRecord: Uint8Array;
      readonly alertProtection: ProtectedRecord | null;
    };

function protector(p: CryptoProvider, k: RecordKeys) {
  return k.version === 'tls13'
    ? new RecordProtection13(p, { secret: new Uint8Array(0), key: k.key, iv: k.iv }, k.seq)
    : new RecordProtection12Gcm(p, k.key, k.iv, k.seq, k.explicitBase ?? 0n);
}

/** Opens `recordBytes` (one whole record) with the context's reader; on failure, the alert the engine sends. */
export async function replayRecord(p: CryptoProvider, cx: ReplayContext, recordBytes: Uint8Array): Promise<ReplayResult> {
  const d = new RecordDeframer();
  d.push(recordBytes);
  const r = d.next();
  let failure: { alert: number; reason: string };
  if (r.kind === 'record' && d.buffered === 0) {
    const opened = await protector(p, cx.read).open(r.record);
    if (opened.ok) return opened;
    failure = opened;
  } else if (r.kind === 'error') failure = r;
  else failure = { alert: AlertDescription.decode_error, reason: 'not exactly one record' };
  const content = Uint8Array.of(AlertLevel.fatal, failure.alert);
  let alertRecord: Uint8Array;
  let alertProtection: ProtectedRecord | null = null;
  if (cx.write) {
    alertProtection = await protector(p, cx.write).seal(ContentType.alert, content);
    alertRecord = alertProtection.record;
  } else alertRecord = frameRecord(ContentType.alert, 0x0303, content);
  return { ok: false, alert: failure.alert, alertName: alertName(failure.alert), reason: failure.reason, alertRecord, alertProtection };
}

type KeysEvent = Extract<TlsEvent, { kind: 'tls.traffic-keys' }>;
type RecordEvent = Extract<TlsEvent, { kind: 'tls.record' }>;

function explicitOf(nonce: Uint8Array): bigint {
  let v = 0n;
  for (const b of nonce.subarray(4, 12)) v = (v << 8n) | BigInt(b);
  return v;
}

function keysFrom(version: 'tls13' | 'tls12', k: KeysEvent, seq: bigint, last: ProtectedRecord | undefined): RecordKeys {
  const explicitBase = version === 'tls12' && last ? (explicitOf(last.nonce) - last.seq) & 0xffffffffffffffffn : 0n;
  return { version, key: k.key, iv: k.iv, seq, explicitBase };
}

/**
 * The reader and the detector's write state for the protected record at
 * `index` in `events` (one side's events, in order). Null when that event is
 * not a protected record.
 */
export function replayContext(events: readonly TlsEvent[], index: number): ReplayContext | null {
  const target = events[index];
  if (target?.kind !== 'tls.record' || !target.protection) return null;
  const self = target.side;
  const other = self === 'client' ? 'server' : 'client';
  const keys: { read?: KeysEvent; write?: KeysEvent; readApp?: KeysEvent } = {};
  let version: 'tls13' | 'tls12' = 'tls13';
  // Last protected record of each direction since its keys were installed.
  let lastSent: RecordEvent | undefined;
  let lastReceived: RecordEvent | undefined;
  // The key in force for the last received record (the peer's write key then).
  let lastReceivedKeys: KeysEvent | undefined;
  for (let i = 0; i < index; i++) {
    const e = events[i]!;
    if (e.kind === 'tls.negotiated') version = e.negotiated.version === 'TLSv1.2' ? 'tls12' : 'tls13';
    else if (e.kind === 'tls.traffic-keys') {
      if (e.use === 'write') {
        keys.write = e;
        lastSent = undefined;
      } else {
        keys.read = e;
        if (e.epoch === 'application') keys.readApp = e;
      }
    } else if (e.kind === 'tls.record' && e.protection) {
      if (e.dir === 'sent') lastSent = e;
      else {
        lastReceived = e;
        lastReceivedKeys = keys.read;
      }
    }
  }
  // The version: TLS 1.2 records carry an 8-byte explicit nonce, TLS 1.3 records' AAD is the 5-byte header.
  if (target.protection.aad.length === 13) version = 'tls12';
  else if (target.protection.aad.length === 5) version = 'tls13';
  if (target.dir === 'received') {
    // The detector is this side: its reader is its read key; its write state is its own last write.
    const read = keys.read!;
    const write = keys.write ? keysFrom(version, keys.write, lastSent ? lastSent.protection!.seq + 1n : 0n, lastSent?.protection) : null;
    return { detector: self, read: keysFrom(version, read, target.protection.seq, undefined), write };
  }
  // A record this side sent: the peer reads it with this side's write key; the peer's write state is
  // that of the last record this side received from it (none yet: the peer writes in clear).
  const read = keysFrom(version, keys.write!, target.protection.seq, target.protection);
  let write: RecordKeys | null = null;
  if (lastReceived && lastReceivedKeys) {
    const p = lastReceived.protection!;
    // TLS 1.3: right after its Finished the peer writes with its application keys (RFC 8446 §7.2).
    const finished = version === 'tls13' && p.contentType === ContentType.handshake && p.plaintext[0] === 20;
    if (finished && keys.readApp && keys.readApp !== lastReceivedKeys) write = keysFrom(version, keys.readApp, 0n, undefined);
    else write = keysFrom(version, lastReceivedKeys, p.seq + 1n, p);
  }
  return { detector: other, read, write };
}
