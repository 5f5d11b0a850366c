/** ClientHello and ServerHello / HelloRetryRequest (RFC 8446 §4.1.2-4.1.4). */
import { equalBytes, fromHex } from '../../bytes/index.ts';
import { AlertDescription } from '../alerts.ts';
import { DecodeError, type Reader, Writer } from './cursor.ts';
import { type Extension, readExtensions, writeExtensions } from './extensions.ts';

export interface ClientHello {
  readonly legacyVersion: number;
  readonly random: Uint8Array;
  readonly sessionId: Uint8Array;
  readonly cipherSuites: readonly number[];
  readonly compressionMethods: Uint8Array;
  readonly extensions: readonly Extension[];
}

export function readClientHello(r: Reader): ClientHello {
  const legacyVersion = r.u16('legacy_version');
  const random = r.bytes(32, 'random');
  const sessionId = r.vec(1, 'legacy_session_id', 0, 32);
  const suites = r.sub(2, 'cipher_suites', 2, 65534);
  if (suites.left % 2 !== 0) throw new DecodeError('cipher_suites: odd length');
  const cipherSuites: number[] = [];
  while (suites.left > 0) cipherSuites.push(suites.u16('cipher suite'));
  const compressionMethods = r.vec(1, 'legacy_compression_methods', 1);
  // RFC 5246 §7.4.1.2: a ClientHello may end without the extensions block.
  const extensions = r.left === 0 ? [] : readExtensions(r, 'ClientHello');
  return { legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions };
}

export function writeClientHello(ch: ClientHello): Uint8Array {
  const w = new Writer().u16(ch.legacyVersion).bytes(ch.random).vecBytes(1, ch.sessionId);
  w.vec(2, (l) => ch.cipherSuites.forEach((s) => l.u16(s)));
  w.vecBytes(1, ch.compressionMethods);
  writeExtensions(w, ch.extensions);
  return w.finish();
}

/** SHA-256("HelloRetryRequest"): the random of a HelloRetryRequest (§4.1.3). */
export const HRR_RANDOM = fromHex('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c');

export interface ServerHello {
  readonly legacyVersion: number;
  readonly random: Uint8Array;
  readonly sessionIdEcho: Uint8Array;
  readonly cipherSuite: number;
  readonly compressionMethod: number;
  readonly extensions: readonly Extension[];
}

export function isHelloRetryRequest(sh: ServerHello): boolean {
  return equalBytes(sh.random, HRR_RANDOM);
}

export function readServerHello(r: Reader): ServerHello {
  const legacyVersion = r.u16('legacy_version');
  const random = r.bytes(32, 'random');
  const sessionIdEcho = r.vec(1, 'legacy_session_id_echo', 0, 32);
  const cipherSuite = r.u16('cipher_suite');
  const compressionMethod = r.u8('legacy_compression_method');
  if (compressionMethod !== 0) throw new DecodeError('ServerHello: compression method not null', AlertDescription.illegal_parameter);
  const extensions = r.left === 0 ? [] : readExtensions(r, 'ServerHello');
  return { legacyVersion, random, sessionIdEcho, cipherSuite, compressionMethod, extensions };
}

export function writeServerHello(sh: ServerHello): Uint8Array {
  const w = new Writer().u16(sh.legacyVersion).bytes(sh.random).vecBytes(1, sh.sessionIdEcho).u16(sh.cipherSuite).u8(sh.compressionMethod);
  writeExtensions(w, sh.extensions);
  return w.finish();
}
