/**
 * Extension bodies, annotated (RFC 8446 §4.2, RFC 6066, RFC 7627, RFC 5746,
 * RFC 8422, RFC 8449). What an extension holds depends on the message it is
 * in: key_share is a list in a ClientHello, one share in a ServerHello and a
 * group in a HelloRetryRequest. Names come from core/tls's tables.
 */
import { fromLatin1 } from '../../bytes/index.ts';
import { DecodeError } from '../codec/cursor.ts';
import { ExtensionType, extensionName } from '../codec/extensions.ts';
import { AlertDescription } from '../alerts.ts';
import { ProtocolVersion, groupName, schemeName } from '../suites.ts';
import { type Walk, byteCount, hex4, plural } from './field.ts';

/** Where a list of extensions sits. */
export type ExtensionContext = 'client_hello' | 'server_hello' | 'hello_retry_request' | 'encrypted_extensions' | 'certificate_request' | 'certificate_entry' | 'new_session_ticket';

/** IANA names of extensions core/tls does not itself read (shown so the learner sees a name). */
const OTHER_EXTENSIONS = new Map<number, string>([
  [5, 'status_request'],
  [18, 'signed_certificate_timestamp'],
  [21, 'padding'],
  [28, 'record_size_limit'],
]);

export function extensionLabel(type: number): string {
  const name = extensionName(type);
  return name.startsWith('unknown(') ? (OTHER_EXTENSIONS.get(type) ?? name) : name;
}

const VERSION_NAMES = new Map<number, string>([
  [ProtocolVersion.TLS13, 'TLS 1.3'],
  [ProtocolVersion.TLS12, 'TLS 1.2'],
  [0x0302, 'TLS 1.1'],
  [ProtocolVersion.TLS10, 'TLS 1.0'],
]);

export function versionText(v: number): string {
  const name = VERSION_NAMES.get(v);
  return name ? `${hex4(v)} (${name})` : hex4(v);
}

export const groupText = (g: number): string => `${hex4(g)} ${groupName(g)}`;
export const schemeText = (s: number): string => `${hex4(s)} ${schemeName(s)}`;

/** A vector of u16 code points, each its own leaf. */
export function u16List(w: Walk, width: 1 | 2, label: string, item: string, show: (v: number) => string, lo = 2): number[] {
  const out: number[] = [];
  w.vec(width, label, {
    lo,
    inner: (l) => {
      if (l.left % 2) throw new DecodeError(`${label}: odd length`);
      while (l.left > 0) out.push(l.u16(item, show));
    },
    summary: () => plural(out.length, item),
  });
  return out;
}

function keyShareEntry(l: Walk): void {
  l.group('KeyShareEntry', (e) => {
    const g = e.u16('group', groupText);
    const key = e.vec(2, 'key_exchange', { lo: 1 });
    return `${groupName(g)}, ${byteCount(key.length)} public key`;
  });
}

const PSK_MODES = ['psk_ke', 'psk_dhe_ke'];
const POINT_FORMATS = ['uncompressed', 'ansiX962_compressed_prime', 'ansiX962_compressed_char2'];

function body(w: Walk, type: number, where: ExtensionContext): void {
  const T = ExtensionType;
  switch (type) {
    case T.server_name:
      if (w.left === 0) return; // the server's acknowledgement is empty
      w.vec(2, 'server_name_list', {
        lo: 1,
        inner: (l) => {
          while (l.left > 0)
            l.group('ServerName', (e) => {
              const t = e.u8('name_type', (v) => (v === 0 ? '0 (host_name)' : String(v)));
              const name = e.vec(2, 'host_name', { lo: 1, show: (b) => fromLatin1(b) });
              return t === 0 ? fromLatin1(name) : `type ${t}`;
            });
        },
        summary: (b) => byteCount(b.length),
      });
      return;
    case T.supported_groups:
      u16List(w, 2, 'named_group_list', 'group', groupText);
      return;
    case T.ec_point_formats:
      w.vec(1, 'ec_point_format_list', { lo: 1, inner: (l) => { while (l.left > 0) l.u8('ec_point_format', (v) => `${v} (${POINT_FORMATS[v] ?? 'unknown'})`); } });
      return;
    case T.signature_algorithms:
    case T.signature_algorithms_cert:
      u16List(w, 2, 'supported_signature_algorithms', 'scheme', schemeText);
      return;
    case T.alpn:
      w.vec(2, 'protocol_name_list', { lo: 2, inner: (l) => { while (l.left > 0) l.vec(1, 'ProtocolName', { lo: 1, show: (b) => fromLatin1(b) }); } });
      return;
    case T.supported_versions:
      if (where === 'client_hello') u16List(w, 1, 'versions', 'version', versionText);
      else w.u16('selected_version', versionText);
      return;
    case T.key_share:
      if (where === 'client_hello') w.vec(2, 'client_shares', { inner: (l) => { while (l.left > 0) keyShareEntry(l); } });
      else if (where === 'hello_retry_request') w.u16('selected_group', groupText);
      else keyShareEntry(w);
      return;
    case T.psk_key_exchange_modes:
      w.vec(1, 'ke_modes', { lo: 1, inner: (l) => { while (l.left > 0) l.u8('PskKeyExchangeMode', (v) => `${v} (${PSK_MODES[v] ?? 'unknown'})`); } });
      return;
    case T.renegotiation_info:
      w.vec(1, 'renegotiated_connection', { summary: (b) => (b.length ? byteCount(b.length) : 'empty (initial handshake)') });
      return;
    case T.cookie:
      w.vec(2, 'cookie', { lo: 1 });
      return;
    case T.certificate_authorities:
      w.vec(2, 'authorities', { lo: 3, inner: (l) => { while (l.left > 0) l.vec(2, 'DistinguishedName', { lo: 1 }); } });
      return;
    case 28: // record_size_limit (RFC 8449)
      w.u16('record_size_limit', String);
      return;
    case T.extended_master_secret:
    case T.encrypt_then_mac:
    case T.post_handshake_auth:
      return; // empty: its presence says it all
    default:
      w.rest('extension_data');
  }
}

const MEANING: Partial<Record<number, string>> = {
  [ExtensionType.extended_master_secret]: 'extended master secret (RFC 7627)',
  [ExtensionType.encrypt_then_mac]: 'encrypt-then-MAC (RFC 7366)',
  [ExtensionType.post_handshake_auth]: 'will answer a post-handshake CertificateRequest',
  [ExtensionType.session_ticket]: 'session tickets (RFC 5077)',
};

/** extensions<0..2^16-1>: each an extension_type and its extension_data, named and read. */
export function extensions(w: Walk, where: ExtensionContext): number[] {
  const types: number[] = [];
  w.vec(2, 'extensions', {
    inner: (l) => {
      while (l.left > 0)
        l.group('Extension', (e) => {
          const type = e.u16('extension_type', (t) => `${hex4(t)} ${extensionLabel(t)}`);
          if (types.includes(type)) throw new DecodeError(`duplicate extension ${extensionLabel(type)}`, AlertDescription.illegal_parameter);
          types.push(type);
          const data = e.vec(2, 'extension_data', { inner: (d) => body(d, type, where) });
          return { label: extensionLabel(type), value: data.length === 0 ? (MEANING[type] ?? 'empty') : (MEANING[type] ?? byteCount(data.length)) };
        });
    },
    summary: () => plural(types.length, 'extension'),
  });
  return types;
}
