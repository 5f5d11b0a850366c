/**
 * The TLS 1.3 messages after the hellos (RFC 8446 §4.3-4.6): EncryptedExtensions,
 * CertificateRequest, Certificate, CertificateVerify, Finished, NewSessionTicket, KeyUpdate.
 */
import { DecodeError, type Reader, Writer } from './cursor.ts';
import { type Extension, readExtensions, writeExtensions } from './extensions.ts';

export function readEncryptedExtensions(r: Reader): Extension[] {
  return readExtensions(r, 'EncryptedExtensions');
}

export function writeEncryptedExtensions(exts: readonly Extension[]): Uint8Array {
  const w = new Writer();
  writeExtensions(w, exts);
  return w.finish();
}

export interface CertificateRequest {
  readonly context: Uint8Array;
  readonly extensions: readonly Extension[];
}

export function readCertificateRequest(r: Reader): CertificateRequest {
  return { context: r.vec(1, 'certificate_request_context'), extensions: readExtensions(r, 'CertificateRequest') };
}

export function writeCertificateRequest(m: CertificateRequest): Uint8Array {
  const w = new Writer().vecBytes(1, m.context);
  writeExtensions(w, m.extensions);
  return w.finish();
}

export interface CertificateEntry {
  readonly certData: Uint8Array;
  readonly extensions: readonly Extension[];
}

export interface CertificateMsg {
  readonly context: Uint8Array;
  readonly entries: readonly CertificateEntry[];
}

export function readCertificate(r: Reader): CertificateMsg {
  const context = r.vec(1, 'certificate_request_context');
  const list = r.sub(3, 'certificate_list');
  const entries: CertificateEntry[] = [];
  while (list.left > 0) {
    const certData = list.vec(3, 'cert_data', 1);
    entries.push({ certData, extensions: readExtensions(list, 'CertificateEntry') });
  }
  return { context, entries };
}

export function writeCertificate(m: CertificateMsg): Uint8Array {
  return new Writer()
    .vecBytes(1, m.context)
    .vec(3, (l) => {
      for (const e of m.entries) {
        l.vecBytes(3, e.certData);
        writeExtensions(l, e.extensions);
      }
    })
    .finish();
}

export interface CertificateVerify {
  readonly scheme: number;
  readonly signature: Uint8Array;
}

export function readCertificateVerify(r: Reader): CertificateVerify {
  return { scheme: r.u16('algorithm'), signature: r.vec(2, 'signature', 1) };
}

export function writeCertificateVerify(m: CertificateVerify): Uint8Array {
  return new Writer().u16(m.scheme).vecBytes(2, m.signature).finish();
}

/** Finished: verify_data of Hash.length bytes. */
export function readFinished(r: Reader, hashLen: number): Uint8Array {
  if (r.left !== hashLen) throw new DecodeError(`Finished: ${r.left} bytes, expected ${hashLen}`);
  return r.bytes(hashLen, 'verify_data');
}

export interface NewSessionTicket {
  readonly lifetime: number;
  readonly ageAdd: number;
  readonly nonce: Uint8Array;
  readonly ticket: Uint8Array;
  readonly extensions: readonly Extension[];
}

export function readNewSessionTicket(r: Reader): NewSessionTicket {
  return {
    lifetime: r.u32('ticket_lifetime'),
    ageAdd: r.u32('ticket_age_add'),
    nonce: r.vec(1, 'ticket_nonce'),
    ticket: r.vec(2, 'ticket', 1),
    extensions: readExtensions(r, 'NewSessionTicket'),
  };
}

export function writeNewSessionTicket(m: NewSessionTicket): Uint8Array {
  const w = new Writer().u32(m.lifetime).u32(m.ageAdd).vecBytes(1, m.nonce).vecBytes(2, m.ticket);
  writeExtensions(w, m.extensions);
  return w.finish();
}

export function readKeyUpdate(r: Reader): number {
  const v = r.u8('request_update');
  if (v > 1) throw new DecodeError(`KeyUpdate: request_update ${v}`, 47);
  return v;
}
