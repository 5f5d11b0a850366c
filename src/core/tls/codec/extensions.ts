/**
 * Extensions (RFC 8446 §4.2): a list of (type, opaque data) with no
 * duplicates; the bodies of the ones this engine reads, each strict.
 */
import { AlertDescription } from '../alerts.ts';
import { DecodeError, Reader, Writer, decodeAll } from './cursor.ts';

export const ExtensionType = {
  server_name: 0,
  supported_groups: 10,
  ec_point_formats: 11,
  signature_algorithms: 13,
  alpn: 16,
  encrypt_then_mac: 22,
  extended_master_secret: 23,
  session_ticket: 35,
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  certificate_authorities: 47,
  post_handshake_auth: 49,
  signature_algorithms_cert: 50,
  key_share: 51,
  renegotiation_info: 0xff01,
} as const;

const EXT_NAMES = new Map<number, string>(Object.entries(ExtensionType).map(([k, v]) => [v, k]));
export function extensionName(type: number): string {
  return EXT_NAMES.get(type) ?? `unknown(${type})`;
}

export interface Extension {
  readonly type: number;
  readonly data: Uint8Array;
}

/** extensions<lo..2^16-1>; a repeated type is illegal_parameter (§4.2). */
export function readExtensions(r: Reader, what: string): Extension[] {
  const list = r.sub(2, `${what} extensions`);
  const out: Extension[] = [];
  const seen = new Set<number>();
  while (list.left > 0) {
    const type = list.u16('extension type');
    const data = list.vec(2, `extension ${extensionName(type)}`);
    if (seen.has(type)) throw new DecodeError(`${what}: duplicate extension ${extensionName(type)}`, AlertDescription.illegal_parameter);
    seen.add(type);
    out.push({ type, data });
  }
  return out;
}

export function writeExtensions(w: Writer, exts: readonly Extension[]): void {
  w.vec(2, (l) => {
    for (const e of exts) l.u16(e.type).vecBytes(2, e.data);
  });
}

export function findExtension(exts: readonly Extension[], type: number): Uint8Array | undefined {
  return exts.find((e) => e.type === type)?.data;
}

export interface KeyShareEntry {
  readonly group: number;
  readonly keyExchange: Uint8Array;
}

function readKeyShareEntry(r: Reader): KeyShareEntry {
  return { group: r.u16('key share group'), keyExchange: r.vec(2, 'key_exchange', 1) };
}

function readU16List(data: Uint8Array, what: string, width: 1 | 2, lo: number): number[] {
  return decodeAll(data, what, (r) => {
    const l = r.sub(width, what, lo);
    if (l.left % 2 !== 0) throw new DecodeError(`${what}: odd length`);
    const out: number[] = [];
    while (l.left > 0) out.push(l.u16(what));
    return out;
  });
}

export const ext = {
  /** ClientHello supported_versions: versions<2..254>. */
  decodeVersionsList: (d: Uint8Array) => readU16List(d, 'supported_versions', 1, 2),
  encodeVersionsList: (vs: readonly number[]) => new Writer().vec(1, (w) => vs.forEach((v) => w.u16(v))).finish(),
  /** ServerHello supported_versions: selected_version. */
  decodeSelectedVersion: (d: Uint8Array) => decodeAll(d, 'supported_versions', (r) => r.u16('selected_version')),
  encodeSelectedVersion: (v: number) => new Writer().u16(v).finish(),
  /** NamedGroupList named_group_list<2..2^16-1>. */
  decodeGroups: (d: Uint8Array) => readU16List(d, 'supported_groups', 2, 2),
  encodeGroups: (gs: readonly number[]) => new Writer().vec(2, (w) => gs.forEach((g) => w.u16(g))).finish(),
  /** SignatureSchemeList supported_signature_algorithms<2..2^16-2>. */
  decodeSchemes: (d: Uint8Array) => readU16List(d, 'signature_algorithms', 2, 2),
  encodeSchemes: (ss: readonly number[]) => new Writer().vec(2, (w) => ss.forEach((s) => w.u16(s))).finish(),
  /** KeyShareClientHello client_shares<0..2^16-1>. */
  decodeClientShares: (d: Uint8Array) =>
    decodeAll(d, 'key_share', (r) => {
      const l = r.sub(2, 'client_shares');
      const out: KeyShareEntry[] = [];
      while (l.left > 0) out.push(readKeyShareEntry(l));
      return out;
    }),
  encodeClientShares: (ks: readonly KeyShareEntry[]) =>
    new Writer().vec(2, (w) => ks.forEach((k) => w.u16(k.group).vecBytes(2, k.keyExchange))).finish(),
  /** KeyShareServerHello server_share. */
  decodeServerShare: (d: Uint8Array) => decodeAll(d, 'key_share', readKeyShareEntry),
  encodeServerShare: (k: KeyShareEntry) => new Writer().u16(k.group).vecBytes(2, k.keyExchange).finish(),
  /** KeyShareHelloRetryRequest selected_group. */
  decodeSelectedGroup: (d: Uint8Array) => decodeAll(d, 'key_share', (r) => r.u16('selected_group')),
  encodeSelectedGroup: (g: number) => new Writer().u16(g).finish(),
  /** Cookie cookie<1..2^16-1>. */
  decodeCookie: (d: Uint8Array) => decodeAll(d, 'cookie', (r) => r.vec(2, 'cookie', 1)),
  encodeCookie: (c: Uint8Array) => new Writer().vecBytes(2, c).finish(),
  /** ServerNameList (RFC 6066 §3): the host_name entry, if any. */
  decodeServerName: (d: Uint8Array) =>
    decodeAll(d, 'server_name', (r) => {
      const l = r.sub(2, 'server_name_list', 1);
      let host: string | undefined;
      while (l.left > 0) {
        const type = l.u8('name_type');
        const name = l.vec(2, 'host_name', 1);
        if (type === 0) host = String.fromCharCode(...name);
      }
      return host;
    }),
  encodeServerName: (host: string) =>
    new Writer().vec(2, (w) => w.u8(0).vecBytes(2, Uint8Array.from(host, (c) => c.charCodeAt(0) & 0xff))).finish(),
};
