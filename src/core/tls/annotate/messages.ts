/**
 * Handshake message bodies, annotated field by field (RFC 8446 §4, RFC 5246
 * §7.4, RFC 8422 §5.4): the same fields in the same order as core/tls's
 * decoders (codec/hello.ts, messages13.ts, messages12.ts) read them.
 */
import { equalBytes, fromLatin1 } from '../../bytes/index.ts';
import { DecodeError } from '../codec/cursor.ts';
import { HRR_RANDOM } from '../codec/hello.ts';
import { HandshakeType } from '../codec/handshake.ts';
import { AlertDescription } from '../alerts.ts';
import { groupName, suiteName } from '../suites.ts';
import { extensions } from './extensions.ts';
import { groupText, schemeText, versionText } from './extensions.ts';
import { type Walk, byteCount, hex4, plural, shortHex } from './field.ts';

export interface AnnotateContext {
  /** The negotiated version: Certificate and CertificateRequest differ (default TLS 1.3). */
  readonly version?: 'TLSv1.3' | 'TLSv1.2';
  /** The hash length of the suite: a Finished must be exactly that long (TLS 1.3). */
  readonly hashLength?: number;
}

const suiteText = (s: number): string => `${hex4(s)} ${suiteName(s)}`;

function clientHello(w: Walk): void {
  w.u16('legacy_version', versionText);
  w.bytes(32, 'random');
  w.vec(1, 'legacy_session_id', { hi: 32, summary: (b) => (b.length ? byteCount(b.length) : 'empty') });
  const suites: number[] = [];
  w.vec(2, 'cipher_suites', {
    lo: 2,
    hi: 65534,
    inner: (l) => {
      if (l.left % 2) throw new DecodeError('cipher_suites: odd length');
      while (l.left > 0) suites.push(l.u16('CipherSuite', suiteText));
    },
    summary: () => plural(suites.length, 'suite'),
  });
  w.vec(1, 'legacy_compression_methods', { lo: 1, inner: (l) => { while (l.left > 0) l.u8('CompressionMethod', (v) => (v === 0 ? '0 (null)' : String(v))); } });
  // RFC 5246 §7.4.1.2: a ClientHello may end without the extensions block
  if (w.left > 0) extensions(w, 'client_hello');
}

function serverHello(w: Walk): void {
  w.u16('legacy_version', versionText);
  const random = w.bytes(32, 'random');
  const hrr = equalBytes(random, HRR_RANDOM);
  if (hrr) w.describeLast('SHA-256("HelloRetryRequest"): this is a HelloRetryRequest');
  w.vec(1, 'legacy_session_id_echo', { hi: 32, summary: (b) => (b.length ? byteCount(b.length) : 'empty') });
  w.u16('cipher_suite', suiteText);
  const cm = w.u8('legacy_compression_method', (v) => (v === 0 ? '0 (null)' : String(v)));
  if (cm !== 0) throw new DecodeError('ServerHello: compression method not null', AlertDescription.illegal_parameter);
  if (w.left > 0) extensions(w, hrr ? 'hello_retry_request' : 'server_hello');
}

function certificate13(w: Walk): void {
  w.vec(1, 'certificate_request_context', { summary: (b) => (b.length ? byteCount(b.length) : 'empty') });
  let n = 0;
  w.vec(3, 'certificate_list', {
    inner: (l) => {
      while (l.left > 0)
        l.group(`CertificateEntry ${n}`, (e) => {
          const der = e.vec(3, 'cert_data', { lo: 1, summary: (b) => `X.509 certificate (DER), ${byteCount(b.length)}` });
          extensions(e, 'certificate_entry');
          return `${n++ === 0 ? 'end-entity' : 'CA'} certificate, ${byteCount(der.length)}`;
        });
    },
    summary: () => (n === 0 ? 'empty: no certificate' : plural(n, 'certificate')),
  });
}

function certificate12(w: Walk): void {
  let n = 0;
  w.vec(3, 'certificate_list', {
    inner: (l) => {
      while (l.left > 0) {
        l.vec(3, 'ASN.1Cert', { lo: 1, summary: (b) => `${n === 0 ? 'end-entity' : 'CA'} certificate (DER), ${byteCount(b.length)}` });
        n++;
      }
    },
    summary: () => (n === 0 ? 'empty: no certificate' : plural(n, 'certificate')),
  });
}

function certificateRequest12(w: Walk): void {
  const TYPES: Record<number, string> = { 1: 'rsa_sign', 64: 'ecdsa_sign' };
  w.vec(1, 'certificate_types', { lo: 1, inner: (l) => { while (l.left > 0) l.u8('ClientCertificateType', (v) => `${v} (${TYPES[v] ?? 'other'})`); } });
  w.vec(2, 'supported_signature_algorithms', {
    lo: 2,
    inner: (l) => {
      if (l.left % 2) throw new DecodeError('supported_signature_algorithms: odd length');
      while (l.left > 0) l.u16('SignatureAndHashAlgorithm', schemeText);
    },
  });
  w.vec(2, 'certificate_authorities', { inner: (l) => { while (l.left > 0) l.vec(2, 'DistinguishedName', { lo: 1 }); } });
}

function serverKeyExchange(w: Walk): void {
  const ct = w.u8('curve_type', (v) => (v === 3 ? '3 (named_curve)' : String(v)));
  if (ct !== 3) throw new DecodeError('ServerKeyExchange: not a named curve', 47);
  const g = w.u16('named_curve', groupText);
  w.vec(1, 'public', { lo: 1, summary: (b) => `the server's ephemeral ${groupName(g)} public key, ${byteCount(b.length)}` });
  w.u16('signature algorithm', schemeText);
  w.vec(2, 'signature', { lo: 1, summary: (b) => `over client_random + server_random + params, ${byteCount(b.length)}` });
}

function finished(w: Walk, ctx: AnnotateContext): void {
  if (ctx.hashLength !== undefined && w.left !== ctx.hashLength) throw new DecodeError(`Finished: ${w.left} bytes, expected ${ctx.hashLength}`);
  w.rest('verify_data', (b) => shortHex(b, 64));
}

/** Reads the body of a message of `type` (offsets absolute: the body starts at 4). */
export function messageBody(w: Walk, type: number, ctx: AnnotateContext): void {
  const T = HandshakeType;
  const v12 = ctx.version === 'TLSv1.2';
  switch (type) {
    case T.client_hello:
      return clientHello(w);
    case T.server_hello:
      return serverHello(w);
    case T.encrypted_extensions:
      extensions(w, 'encrypted_extensions');
      return;
    case T.certificate:
      return v12 ? certificate12(w) : certificate13(w);
    case T.certificate_request:
      if (v12) return certificateRequest12(w);
      w.vec(1, 'certificate_request_context', { summary: (b) => (b.length ? byteCount(b.length) : 'empty') });
      extensions(w, 'certificate_request');
      return;
    case T.certificate_verify:
      w.u16('algorithm', schemeText);
      w.vec(2, 'signature', { lo: 1, summary: (b) => `over the transcript hash, ${byteCount(b.length)}` });
      return;
    case T.finished:
      return finished(w, ctx);
    case T.server_key_exchange:
      return serverKeyExchange(w);
    case T.server_hello_done:
      return;
    case T.client_key_exchange:
      w.vec(1, 'ecdh_Yc', { lo: 1, summary: (b) => `the client's ephemeral public key, ${byteCount(b.length)}` });
      return;
    case T.new_session_ticket:
      w.u32('ticket_lifetime', (v) => `${v} seconds`);
      w.u32('ticket_age_add');
      w.vec(1, 'ticket_nonce');
      w.vec(2, 'ticket', { lo: 1 });
      extensions(w, 'new_session_ticket');
      return;
    case T.key_update:
      w.u8('request_update', (v) => (v === 0 ? '0 (update_not_requested)' : v === 1 ? '1 (update_requested)' : String(v)));
      return;
    default:
      w.rest('body', (b) => (b.every((c) => c >= 0x20 && c < 0x7f) ? fromLatin1(b) : shortHex(b)));
  }
}
