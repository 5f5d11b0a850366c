/** Pieces both TLS 1.3 handshakes use: strict decoding into alerts, CertificateVerify, Finished. */
import { equalBytes, utf8 } from '../../bytes/index.ts';
import { AlertDescription, TlsAlert, alertError } from '../alerts.ts';
import { DecodeError, type Reader, decodeAll } from '../codec/cursor.ts';
import { type HandshakeMessage, handshakeName } from '../codec/handshake.ts';
import { finishedKey, type HandshakeSecret, type MasterSecret } from '../key-schedule.ts';
import type { CipherSuite13 } from '../suites.ts';
import type { Context } from './context.ts';

/** Decode a message body strictly; a DecodeError becomes its alert. */
export function decodeBody<T>(msg: HandshakeMessage, read: (r: Reader) => T): T {
  try {
    return decodeAll(msg.body, handshakeName(msg.type), read);
  } catch (e) {
    if (e instanceof DecodeError) throw new TlsAlert(e.alert, e.message);
    throw new TlsAlert(AlertDescription.decode_error, `${handshakeName(msg.type)}: ${(e as Error).message}`);
  }
}

/** RFC 8446 §4: a message out of order is unexpected_message. */
export function expectType(msg: HandshakeMessage, ...types: number[]): void {
  if (!types.includes(msg.type)) throw alertError('unexpected_message', `got ${handshakeName(msg.type)}, expected ${types.map(handshakeName).join(' or ')}`);
}

/** RFC 8446 §4.4.3: 64 spaces, the context string, a zero byte, the transcript hash. */
export function certificateVerifyContent(side: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array {
  const label = utf8(`TLS 1.3, ${side} CertificateVerify`);
  const out = new Uint8Array(64 + label.length + 1 + transcriptHash.length);
  out.fill(0x20, 0, 64);
  out.set(label, 64);
  out.set(transcriptHash, 64 + label.length + 1);
  return out;
}

/** Compute a Finished (RFC 8446 §4.4.4) over the transcript so far and report it. */
export async function computeFinished(cx: Context, suite: CipherSuite13, baseKey: Uint8Array, of: 'client' | 'server'): Promise<Uint8Array> {
  const transcriptHash = await cx.transcript.hash();
  const fk = await finishedKey(cx.provider, suite, baseKey);
  const verifyData = await cx.provider.hmac(suite.hash, fk, transcriptHash);
  cx.emit({ kind: 'tls.finished', side: cx.side, of, finishedKey: fk, transcriptHash, verifyData });
  return verifyData;
}

/** Check the peer's Finished; a mismatch is decrypt_error (§4.4.4). Call before adding it to the transcript. */
export async function checkFinished(cx: Context, suite: CipherSuite13, baseKey: Uint8Array, of: 'client' | 'server', received: Uint8Array): Promise<void> {
  const expected = await computeFinished(cx, suite, baseKey, of);
  if (!equalBytes(expected, received)) throw alertError('decrypt_error', `${of} Finished does not verify`);
}

/** Record the received message in the transcript and report the hash after it. */
export async function received(cx: Context, msg: HandshakeMessage): Promise<void> {
  cx.transcript.add(msg.raw);
  cx.emit({ kind: 'tls.transcript', side: cx.side, after: handshakeName(msg.type), hash: await cx.transcript.hash() });
}

/** Report the key-schedule values a stage holds (the connection drops repeats). */
export function emitSecrets(cx: Context, stage: HandshakeSecret | MasterSecret): void {
  for (const [name, value] of Object.entries(stage.trace)) {
    if (value) cx.emit({ kind: 'tls.secret', side: cx.side, name, value });
  }
}
