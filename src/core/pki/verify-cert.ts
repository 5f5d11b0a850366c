/**
 * One certificate as the chain verifier sees it: the facts OpenSSL 3.0
 * caches (ossl_x509v3_cache_extensions) — names, validity, basicConstraints,
 * keyUsage, SAN, SKI/AKI, self-issued / self-signed — read once with
 * @peculiar/x509, plus the texts the panel and `openssl verify` print.
 */
import './crypto.ts';
import * as x509 from '@peculiar/x509';
import { onelineName } from './crl.ts';
import { firstObject } from './asn1-tree.ts';

export const KU = {
  digitalSignature: 1,
  nonRepudiation: 2,
  keyEncipherment: 4,
  dataEncipherment: 8,
  keyAgreement: 16,
  keyCertSign: 32,
  cRLSign: 64,
  encipherOnly: 128,
  decipherOnly: 256,
} as const;

export interface CertFacts {
  der: Uint8Array<ArrayBuffer>;
  /** OpenSSL's one-line DN (`C = US, O = Example Org, CN = x`). */
  subject: string;
  issuer: string;
  subjectDer: Uint8Array<ArrayBuffer>;
  issuerDer: Uint8Array<ArrayBuffer>;
  /** Comparable names (X509_NAME_cmp works on a canonical form: SIMPLIFIED to case and space folding of the one-line form). */
  subjectKey: string;
  issuerKey: string;
  notBefore: number;
  notAfter: number;
  /** Hex, upper case. */
  serial: string;
  /** basicConstraints, when present. */
  bc?: { ca: boolean; pathLen?: number; critical: boolean };
  /** keyUsage bits (KU), when present. */
  ku?: number;
  ski?: string;
  akiKeyId?: string;
  sanDns: string[];
  sanIp: Uint8Array[];
  sanEmail: string[];
  /** A critical extension OpenSSL does not handle (X509_supported_extension): error 34. */
  unhandledCritical: boolean;
  /** 1 for a v1 certificate (no [0] version in the TBS), else 3 (or 2). */
  version: number;
  /** Subject CN values. */
  cn: string[];
  /** Subject and issuer names are equal. */
  selfIssued: boolean;
  /** Self-issued and its AKI (if any) matches its own SKI (OpenSSL's EXFLAG_SS). */
  selfSigned: boolean;
  /** e.g. 'RSA 2048', 'EC P-256'. */
  keyText: string;
  keyAlgorithm: string;
  signatureAlgorithm: string;
  readonly raw: x509.X509Certificate;
}

/** The extensions OpenSSL 3.0 handles when critical (v3_purp.c, X509_supported_extension). */
const SUPPORTED = new Set([
  '2.16.840.1.113730.1.1', '2.5.29.15', '2.5.29.17', '2.5.29.19', '2.5.29.32', '2.5.29.31', '2.5.29.37', '1.3.6.1.5.5.7.1.7',
  '1.3.6.1.5.5.7.1.8', '1.3.6.1.5.5.7.48.1.5', '2.5.29.36', '1.3.6.1.5.5.7.1.14', '2.5.29.30', '2.5.29.33', '2.5.29.54',
]);

const hex = (b: ArrayBuffer | Uint8Array): string => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

function nameKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Parses a DER certificate; null when it is not one. Never throws. */
export function readCert(input: Uint8Array): CertFacts | null {
  const der = firstObject(input);
  if (!der) return null;
  let c: x509.X509Certificate;
  try {
    c = new x509.X509Certificate(Uint8Array.from(der));
  } catch {
    return null;
  }
  try {
    const subject = onelineName(c.subjectName);
    const issuer = onelineName(c.issuerName);
    const f: CertFacts = {
      der: Uint8Array.from(der),
      subject,
      issuer,
      subjectDer: new Uint8Array(c.subjectName.toArrayBuffer()),
      issuerDer: new Uint8Array(c.issuerName.toArrayBuffer()),
      subjectKey: nameKey(subject),
      issuerKey: nameKey(issuer),
      notBefore: c.notBefore.getTime(),
      notAfter: c.notAfter.getTime(),
      serial: c.serialNumber.toUpperCase(),
      sanDns: [],
      sanIp: [],
      sanEmail: [],
      cn: c.subjectName.getField('CN'),
      version: tbsVersion(der),
      unhandledCritical: c.extensions.some((e) => e.critical && !SUPPORTED.has(e.type)),
      selfIssued: false,
      selfSigned: false,
      keyText: '',
      keyAlgorithm: '',
      signatureAlgorithm: sigName(c.signatureAlgorithm as { name: string; hash?: Algorithm }),
      raw: c,
    };
    const bc = c.getExtension(x509.BasicConstraintsExtension);
    if (bc) f.bc = { ca: bc.ca, pathLen: bc.pathLength, critical: bc.critical };
    const ku = c.getExtension(x509.KeyUsagesExtension);
    if (ku) f.ku = ku.usages;
    const ski = c.getExtension(x509.SubjectKeyIdentifierExtension);
    if (ski) f.ski = ski.keyId.toLowerCase();
    const aki = c.getExtension(x509.AuthorityKeyIdentifierExtension);
    if (aki?.keyId) f.akiKeyId = aki.keyId.toLowerCase();
    const san = c.getExtension(x509.SubjectAlternativeNameExtension);
    if (san) {
      for (const n of san.names.items) {
        if (n.type === 'dns') f.sanDns.push(n.value);
        else if (n.type === 'email') f.sanEmail.push(n.value);
        else if (n.type === 'ip') {
          const ip = parseIp(n.value);
          if (ip) f.sanIp.push(ip);
        }
      }
    }
    f.selfIssued = f.subjectKey === f.issuerKey;
    f.selfSigned = f.selfIssued && (f.akiKeyId === undefined || f.ski === undefined || f.akiKeyId === f.ski);
    const alg = c.publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
    if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
      f.keyAlgorithm = 'id-ecPublicKey';
      f.keyText = `EC ${alg.namedCurve ?? ''}`.trim();
    } else {
      f.keyAlgorithm = 'rsaEncryption';
      f.keyText = `RSA ${rsaBits(c) ?? ''}`.trim();
    }
    return f;
  } catch {
    return null;
  }
}

/** OpenSSL's name of the signature algorithm (sha256WithRSAEncryption, ecdsa-with-SHA256, ...). */
function sigName(a: { name: string; hash?: Algorithm }): string {
  const h = (a.hash?.name ?? '').replace('SHA-', '');
  if (a.name === 'RSASSA-PKCS1-v1_5') return h === '1' ? 'sha1WithRSAEncryption' : `sha${h}WithRSAEncryption`;
  if (a.name === 'ECDSA') return h === '1' ? 'ecdsa-with-SHA1' : `ecdsa-with-SHA${h}`;
  if (a.name === 'RSA-PSS') return 'rsassaPss';
  return a.name;
}

function tbsVersion(der: Uint8Array): number {
  // Certificate SEQUENCE header, then TBSCertificate SEQUENCE header, then [0] version or not.
  const skip = (i: number): number => (der[i + 1] & 0x80 ? i + 2 + (der[i + 1] & 0x7f) : i + 2);
  const tbs = skip(0);
  const first = skip(tbs);
  return der[first] === 0xa0 ? (der[first + 4] ?? 2) + 1 : 1;
}

function rsaBits(c: x509.X509Certificate): number | null {
  // SubjectPublicKeyInfo -> BIT STRING -> SEQUENCE { INTEGER n, INTEGER e }: n's length in bits.
  const spki = new Uint8Array(c.publicKey.rawData);
  for (let i = 0; i + 4 < spki.length; i++) {
    if (spki[i] === 0x02 && spki[i + 1] === 0x82) {
      let len = (spki[i + 2] << 8) | spki[i + 3];
      let j = i + 4;
      if (spki[j] === 0) {
        j++;
        len--;
      }
      return len * 8 - Math.clz32(spki[j]) + 24;
    }
  }
  return null;
}

/** IPv4 dotted quad or IPv6 text to bytes; null when it is neither. */
export function parseIp(text: string): Uint8Array | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    return b.every((x) => x <= 255) ? Uint8Array.from(b) : null;
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const [head, tail, extra] = text.split('::');
  if (extra !== undefined) return null;
  const groups = (s: string | undefined): number[] | null => {
    if (!s) return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return null;
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0 || (tail === undefined && h.length !== 8)) return null;
  const all = [...h, ...new Array<number>(fill).fill(0), ...t];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

/** SHA-256 of the DER, as `openssl x509 -fingerprint -sha256` prints it (AB:CD:...). */
export async function fingerprint256(der: Uint8Array, subtle: SubtleCrypto): Promise<string> {
  const d = new Uint8Array(await subtle.digest('SHA-256', Uint8Array.from(der)));
  return [...d].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** True when `cert` carries a valid signature by `issuer`'s key (WebCrypto). Never throws. */
export async function signedBy(cert: CertFacts, issuer: CertFacts, subtle: SubtleCrypto): Promise<boolean> {
  try {
    return await cert.raw.verify({ publicKey: issuer.raw.publicKey, signatureOnly: true }, { subtle } as Crypto);
  } catch {
    return false;
  }
}

export { hex };
