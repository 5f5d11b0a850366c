/**
 * Just enough DER to take the SubjectPublicKeyInfo out of an X.509
 * certificate (RFC 5280 §4.1), so CertificateVerify can be checked without
 * a certificate library. Chain validation is the caller's (injected) job.
 */
import { DecodeError, Reader } from './cursor.ts';

function tlv(r: Reader): { tag: number; body: Uint8Array } {
  const tag = r.u8('DER tag');
  let len = r.u8('DER length');
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3) throw new DecodeError('DER: unsupported length form');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + r.u8('DER length');
  }
  const body = r.bytes(len, 'DER value');
  return { tag, body };
}

export type PublicKeyKind = 'rsa' | 'ec-p256' | 'ec-p384' | 'other';

const OID_RSA = '2a864886f70d010101';
const OID_EC = '2a8648ce3d0201';
const OID_P256 = '2a8648ce3d030107';
const OID_P384 = '2b81040022';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The DER SubjectPublicKeyInfo and its key kind; DecodeError when the certificate is malformed. */
export function certificatePublicKey(cert: Uint8Array): { spki: Uint8Array; kind: PublicKeyKind } {
  const outer = new Reader(cert);
  const certSeq = tlv(outer);
  if (certSeq.tag !== 0x30) throw new DecodeError('certificate: not a SEQUENCE', 42);
  const c = new Reader(certSeq.body);
  const tbs = tlv(c);
  if (tbs.tag !== 0x30) throw new DecodeError('tbsCertificate: not a SEQUENCE', 42);
  const t = new Reader(tbs.body);
  // [0] version is optional; without it the first field is the serial number.
  if (tlv(t).tag === 0xa0) tlv(t); // serialNumber
  tlv(t); // signature
  tlv(t); // issuer
  tlv(t); // validity
  tlv(t); // subject
  const spkiStart = t.offset;
  const spki = tlv(t);
  if (spki.tag !== 0x30) throw new DecodeError('subjectPublicKeyInfo: not a SEQUENCE', 42);
  const whole = tbs.body.slice(spkiStart, t.offset);
  const alg = tlv(new Reader(spki.body));
  const a = new Reader(alg.body);
  const oid = tlv(a);
  const param = a.left > 0 ? tlv(a) : undefined;
  const o = hex(oid.body);
  let kind: PublicKeyKind = 'other';
  if (o === OID_RSA) kind = 'rsa';
  else if (o === OID_EC && param?.tag === 0x06) kind = hex(param.body) === OID_P256 ? 'ec-p256' : hex(param.body) === OID_P384 ? 'ec-p384' : 'other';
  return { spki: whole, kind };
}
