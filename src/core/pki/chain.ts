/**
 * What the world needs of certificates for STARTTLS until the PKI issue's
 * full chain verifier exists: PEM blocks to DER, the subject DER of a
 * certificate, the kind of its key, and whether a certificate was signed by
 * one of the CA certificates Sendmail trusts (CACertFile / CACertPath).
 * SIMPLIFIED: signature and validity period only (no path length, key usage,
 * CRLs): enough for Sendmail's {verify} OK / FAIL of a client certificate.
 */
import './crypto.ts';
import * as x509 from '@peculiar/x509';

/** The DER of each `-----BEGIN label-----` block in `pem`, in order. */
export function pemBlocks(pem: string, label = 'CERTIFICATE'): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  const re = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g');
  for (const m of pem.matchAll(re)) {
    try {
      out.push(Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
    } catch {
      // not base64: not a block
    }
  }
  return out;
}

export type KeyKind = 'rsa' | 'ecdsa-p256' | 'ecdsa-p384';

export function certificateFacts(der: Uint8Array): { subjectDer: Uint8Array; keyKind: KeyKind } | null {
  try {
    const cert = new x509.X509Certificate(Uint8Array.from(der));
    const alg = cert.publicKey.algorithm as { name: string; namedCurve?: string };
    const keyKind: KeyKind = alg.name === 'ECDSA' || alg.name === 'ECDH' ? (alg.namedCurve === 'P-384' ? 'ecdsa-p384' : 'ecdsa-p256') : 'rsa';
    return { subjectDer: new Uint8Array(cert.subjectName.toArrayBuffer()), keyKind };
  } catch {
    return null;
  }
}

/** True when `leaf` is signed by one of `cas` and valid at `now`. */
export async function issuedByOneOf(subtle: SubtleCrypto, leaf: Uint8Array, cas: readonly Uint8Array[], now: number): Promise<boolean> {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(Uint8Array.from(leaf));
  } catch {
    return false;
  }
  if (now < cert.notBefore.getTime() || now > cert.notAfter.getTime()) return false;
  const crypto = { subtle } as Crypto;
  for (const der of cas) {
    try {
      const ca = new x509.X509Certificate(Uint8Array.from(der));
      if (ca.subject !== cert.issuer) continue;
      if (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }, crypto)) return true;
    } catch {
      // an unreadable CA file is skipped, as OpenSSL skips it
    }
  }
  return false;
}
