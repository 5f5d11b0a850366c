/**
 * What an eavesdropper can parse out of a TLS byte stream without any key:
 * the record headers (type, version, length) and, in the one handshake
 * record sent in clear that matters for privacy, the ClientHello's SNI.
 * Tolerant: a stream cut in the middle of a record leaves `rest`.
 */
import { tryDecode } from '../codec/cursor.ts';
import { ExtensionType, ext, findExtension } from '../codec/extensions.ts';
import { readClientHello } from '../codec/hello.ts';

export const CONTENT_TYPE_NAMES: Readonly<Record<number, string>> = {
  20: 'change_cipher_spec',
  21: 'alert',
  22: 'handshake',
  23: 'application_data',
};

export interface WireRecord {
  /** Offset of the record in the stream it was cut from. */
  readonly offset: number;
  readonly type: number;
  readonly typeName: string;
  readonly version: number;
  /** The length field of the header (= fragment length). */
  readonly length: number;
  /** Header and fragment, exactly as on the wire. */
  readonly bytes: Uint8Array;
  readonly fragment: Uint8Array;
}

/** Cuts a stream into records by their 5-byte headers; what does not form a whole record is `rest`. */
export function splitRecords(stream: Uint8Array): { records: WireRecord[]; rest: Uint8Array } {
  const records: WireRecord[] = [];
  let o = 0;
  while (stream.length - o >= 5) {
    const len = (stream[o + 3]! << 8) | stream[o + 4]!;
    if (stream.length - o < 5 + len) break;
    const type = stream[o]!;
    records.push({
      offset: o, type, typeName: CONTENT_TYPE_NAMES[type] ?? `unknown(${type})`,
      version: (stream[o + 1]! << 8) | stream[o + 2]!, length: len,
      bytes: stream.subarray(o, o + 5 + len), fragment: stream.subarray(o + 5, o + 5 + len),
    });
    o += 5 + len;
  }
  return { records, rest: stream.subarray(o) };
}

export interface ClientHelloView {
  /** The server_name extension's host_name, in clear on the wire (RFC 6066 §3). */
  readonly serverName?: string;
  readonly cipherSuites: readonly number[];
}

/**
 * The ClientHello in a plaintext handshake record fragment (handshake header
 * type 1 then the body), or null when the fragment is not one.
 */
export function clientHelloOf(fragment: Uint8Array): ClientHelloView | null {
  if (fragment.length < 4 || fragment[0] !== 1) return null;
  const len = (fragment[1]! << 16) | (fragment[2]! << 8) | fragment[3]!;
  if (fragment.length < 4 + len) return null;
  const ch = tryDecode(fragment.subarray(4, 4 + len), 'ClientHello', readClientHello);
  if (!ch.ok) return null;
  const sni = findExtension(ch.value.extensions, ExtensionType.server_name);
  let serverName: string | undefined;
  if (sni) {
    try {
      serverName = ext.decodeServerName(sni);
    } catch {
      /* a malformed server_name: nothing to show */
    }
  }
  return { serverName, cipherSuites: ch.value.cipherSuites };
}
