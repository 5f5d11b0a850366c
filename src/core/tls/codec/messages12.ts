/**
 * TLS 1.2 handshake messages (RFC 5246 §7.4, RFC 8422 §5): Certificate,
 * ServerKeyExchange (ECDHE), CertificateRequest, ClientKeyExchange, Finished.
 */
import { DecodeError, type Reader, Writer } from './cursor.ts';

export function readCertificate12(r: Reader): Uint8Array[] {
  const list = r.sub(3, 'certificate_list');
  const out: Uint8Array[] = [];
  while (list.left > 0) out.push(list.vec(3, 'ASN.1Cert', 1));
  return out;
}

export function writeCertificate12(chain: readonly Uint8Array[]): Uint8Array {
  return new Writer().vec(3, (l) => chain.forEach((c) => l.vecBytes(3, c))).finish();
}

/** ServerECDHParams: curve_type named_curve (3), the group, the public point. */
export interface EcdheParams {
  readonly group: number;
  readonly publicKey: Uint8Array;
}

export function writeEcdheParams(p: EcdheParams): Uint8Array {
  return new Writer().u8(3).u16(p.group).vecBytes(1, p.publicKey).finish();
}

export interface ServerKeyExchange {
  readonly params: EcdheParams;
  /** The exact params bytes (what is signed). */
  readonly paramsRaw: Uint8Array;
  readonly scheme: number;
  readonly signature: Uint8Array;
}

export function readServerKeyExchange(r: Reader): ServerKeyExchange {
  if (r.u8('curve_type') !== 3) throw new DecodeError('ServerKeyExchange: not a named curve', 47);
  const group = r.u16('named_curve');
  const publicKey = r.vec(1, 'public', 1);
  const paramsRaw = writeEcdheParams({ group, publicKey });
  return { params: { group, publicKey }, paramsRaw, scheme: r.u16('signature algorithm'), signature: r.vec(2, 'signature', 1) };
}

export function writeServerKeyExchange(paramsRaw: Uint8Array, scheme: number, signature: Uint8Array): Uint8Array {
  return new Writer().bytes(paramsRaw).u16(scheme).vecBytes(2, signature).finish();
}

export interface CertificateRequest12 {
  readonly certificateTypes: Uint8Array;
  readonly schemes: readonly number[];
  readonly authorities: readonly Uint8Array[];
}

export function readCertificateRequest12(r: Reader): CertificateRequest12 {
  const certificateTypes = r.vec(1, 'certificate_types', 1);
  const s = r.sub(2, 'supported_signature_algorithms', 2);
  if (s.left % 2) throw new DecodeError('supported_signature_algorithms: odd length');
  const schemes: number[] = [];
  while (s.left > 0) schemes.push(s.u16());
  const a = r.sub(2, 'certificate_authorities');
  const authorities: Uint8Array[] = [];
  while (a.left > 0) authorities.push(a.vec(2, 'DistinguishedName', 1));
  return { certificateTypes, schemes, authorities };
}

export function writeCertificateRequest12(m: CertificateRequest12): Uint8Array {
  return new Writer()
    .vecBytes(1, m.certificateTypes)
    .vec(2, (w) => m.schemes.forEach((x) => w.u16(x)))
    .vec(2, (w) => m.authorities.forEach((n) => w.vecBytes(2, n)))
    .finish();
}

/** ClientECDiffieHellmanPublic: the client's point. */
export function readClientKeyExchange(r: Reader): Uint8Array {
  return r.vec(1, 'ecdh_Yc', 1);
}

export function writeClientKeyExchange(publicKey: Uint8Array): Uint8Array {
  return new Writer().vecBytes(1, publicKey).finish();
}

/** RFC 5077 §3.3 NewSessionTicket: ticket_lifetime_hint, opaque ticket<0..2^16-1>. */
export interface NewSessionTicket12 {
  readonly lifetimeHint: number;
  readonly ticket: Uint8Array;
}

export function readNewSessionTicket12(r: Reader): NewSessionTicket12 {
  return { lifetimeHint: r.u32('ticket_lifetime_hint'), ticket: r.vec(2, 'ticket') };
}

export function writeNewSessionTicket12(m: NewSessionTicket12): Uint8Array {
  return new Writer().u32(m.lifetimeHint).vecBytes(2, m.ticket).finish();
}
