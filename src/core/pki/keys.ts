/**
 * Private keys as OpenSSL 3.0 makes, writes and reads them: RSA (2048 bits
 * by default) and EC (P-256, P-384) generated with WebCrypto; PKCS#8 PEM
 * (`BEGIN PRIVATE KEY`, what genpkey, genrsa, req, rsa and pkey write),
 * encrypted PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`), and the traditional
 * forms `BEGIN RSA PRIVATE KEY` (PKCS#1, rsa -traditional) and
 * `BEGIN EC PRIVATE KEY` (SEC1, ecparam -genkey). Never throws on input.
 */
import type { Random } from '../trace/index.ts';
import { children, oid, oidToString, octets, readWhole, seq, int, nullDer, tlv } from './der.ts';
import { readPem, toPem } from './pem.ts';
import { decryptPkcs8, encryptPkcs8 } from './pbes2.ts';

export type Curve = 'P-256' | 'P-384';
export interface KeySpec {
  kind: 'rsa' | 'ec';
  bits?: number; // RSA
  curve?: Curve; // EC
}

/** A private key: its PKCS#8 DER and what it is. */
export interface PrivateKey {
  kind: 'rsa' | 'ec';
  bits: number;
  curve?: Curve;
  pkcs8: Uint8Array<ArrayBuffer>;
}

const RSA_OID = '1.2.840.113549.1.1.1';
const EC_OID = '1.2.840.10045.2.1';
export const CURVE_OID: Record<Curve, string> = { 'P-256': '1.2.840.10045.3.1.7', 'P-384': '1.3.132.0.34' };
export const CURVE_NAME: Record<Curve, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1' };

export function signAlgorithm(key: { kind: 'rsa' | 'ec'; curve?: Curve }): RsaHashedImportParams | EcKeyImportParams {
  return key.kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: key.curve ?? 'P-256' };
}

export async function generateKey(subtle: SubtleCrypto, spec: KeySpec): Promise<PrivateKey> {
  if (spec.kind === 'rsa') {
    const bits = spec.bits ?? 2048;
    const pair = (await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    return { kind: 'rsa', bits, pkcs8: new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey)) };
  }
  const curve = spec.curve ?? 'P-256';
  const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { kind: 'ec', bits: curve === 'P-256' ? 256 : 384, curve, pkcs8: new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey)) };
}

/** What a PKCS#8 PrivateKeyInfo holds, read without WebCrypto; null when it is not one. */
export function describePkcs8(der: Uint8Array): { kind: 'rsa' | 'ec'; curve?: Curve; inner: Uint8Array } | null {
  const top = readWhole(der);
  const k = top && children(top);
  if (!k || k.length < 3 || k[0].tag !== 0x02 || k[2].tag !== 0x04) return null;
  const alg = children(k[1]);
  if (!alg || alg[0]?.tag !== 0x06) return null;
  const algOid = oidToString(alg[0].value);
  if (algOid === RSA_OID) return { kind: 'rsa', inner: k[2].value };
  if (algOid === EC_OID && alg[1]?.tag === 0x06) {
    const c = oidToString(alg[1].value);
    const curve = (Object.keys(CURVE_OID) as Curve[]).find((n) => CURVE_OID[n] === c);
    return curve ? { kind: 'ec', curve, inner: k[2].value } : null;
  }
  return null;
}

/** The key as WebCrypto sees it, checking it really is a key (null otherwise). */
export async function importPkcs8(subtle: SubtleCrypto, der: Uint8Array<ArrayBuffer>): Promise<{ key: PrivateKey; crypto: CryptoKey } | null> {
  const d = describePkcs8(der);
  if (!d) return null;
  try {
    const crypto = await subtle.importKey('pkcs8', der, signAlgorithm(d), true, ['sign']);
    const alg = crypto.algorithm as RsaHashedKeyAlgorithm;
    const bits = d.kind === 'rsa' ? alg.modulusLength : d.curve === 'P-384' ? 384 : 256;
    return { key: { kind: d.kind, bits, curve: d.curve, pkcs8: der }, crypto };
  } catch {
    return null;
  }
}

/** The public key (SubjectPublicKeyInfo DER) and a verifying CryptoKey of a private key. */
export async function publicOf(subtle: SubtleCrypto, key: PrivateKey): Promise<{ spki: Uint8Array<ArrayBuffer>; crypto: CryptoKey }> {
  const alg = signAlgorithm(key);
  const priv = await subtle.importKey('pkcs8', key.pkcs8, alg, true, ['sign']);
  const jwk = await subtle.exportKey('jwk', priv);
  const pub: JsonWebKey = jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  const crypto = await subtle.importKey('jwk', pub, alg, true, ['verify']);
  return { spki: new Uint8Array(await subtle.exportKey('spki', crypto)), crypto };
}

export async function signingKey(subtle: SubtleCrypto, key: PrivateKey): Promise<CryptoKey> {
  return subtle.importKey('pkcs8', key.pkcs8, signAlgorithm(key), false, ['sign']);
}

// ---- writing ------------------------------------------------------------

export function pkcs8Pem(key: PrivateKey): string {
  return toPem('PRIVATE KEY', key.pkcs8);
}

export async function encryptedPem(subtle: SubtleCrypto, random: Random, key: PrivateKey, pass: string): Promise<string> {
  return toPem('ENCRYPTED PRIVATE KEY', await encryptPkcs8(subtle, random, key.pkcs8, pass));
}

/** `BEGIN RSA PRIVATE KEY` / `BEGIN EC PRIVATE KEY` (with the curve inside, as OpenSSL writes SEC1). */
export function traditionalPem(key: PrivateKey): string {
  const d = describePkcs8(key.pkcs8)!;
  return toPem(d.kind === 'rsa' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY', traditionalDer(key));
}

/** The PKCS#1 RSAPrivateKey or SEC1 ECPrivateKey DER of a key. */
export function traditionalDer(key: PrivateKey): Uint8Array<ArrayBuffer> {
  const d = describePkcs8(key.pkcs8)!;
  if (d.kind === 'rsa') return Uint8Array.from(d.inner);
  const ec = readWhole(d.inner);
  const parts = (ec && children(ec)) ?? [];
  const has0 = parts.some((p) => p.tag === 0xa0);
  const rebuilt = has0
    ? d.inner
    : seq(...parts.slice(0, 2).map((p) => tlv(p.tag, p.value)), tlv(0xa0, oid(CURVE_OID[d.curve!])), ...parts.slice(2).map((p) => tlv(p.tag, p.value)));
  return Uint8Array.from(rebuilt);
}

// ---- reading ------------------------------------------------------------

export type LoadResult =
  | { ok: true; key: PrivateKey; crypto: CryptoKey; encrypted: boolean }
  /** 'none': no key in the text; 'bad-decrypt': wrong passphrase; 'unsupported': an encryption the lab lacks; 'no-pass': a passphrase was needed and none given. */
  | { ok: false; why: 'none' | 'bad-decrypt' | 'unsupported' | 'no-pass' };

function wrapTraditional(label: string, der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (label === 'RSA PRIVATE KEY') return seq(int(0), seq(oid(RSA_OID), nullDer()), octets(der));
  const ec = readWhole(der);
  const parts = ec && children(ec);
  const params = parts?.find((p) => p.tag === 0xa0);
  const curveOid = params && readWhole(params.value);
  if (!curveOid || curveOid.tag !== 0x06) return null;
  // PKCS#8 carries the curve in the algorithm; OpenSSL drops it from the inner ECPrivateKey.
  const inner = seq(...parts!.filter((p) => p.tag !== 0xa0).map((p) => tlv(p.tag, p.value)));
  return seq(int(0), seq(oid(EC_OID), tlv(0x06, curveOid.value)), octets(inner));
}

/**
 * The first private key in `text` (PEM, or DER when `der` is given).
 * `passphrase` is asked only for an encrypted key; null means none available.
 */
export async function loadPrivateKey(subtle: SubtleCrypto, text: string | Uint8Array, passphrase: () => Promise<string | null>): Promise<LoadResult> {
  const candidates: { der: Uint8Array<ArrayBuffer>; encrypted: boolean }[] = [];
  if (typeof text !== 'string') {
    // DER: PKCS#8, or the traditional PKCS#1 / SEC1 structures
    candidates.push({ der: Uint8Array.from(text), encrypted: false });
    for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY']) {
      const w = wrapTraditional(label, text);
      if (w) candidates.push({ der: w, encrypted: false });
    }
  } else {
    for (const b of readPem(text).blocks) {
      if (b.headers['Proc-Type']?.includes('ENCRYPTED')) return { ok: false, why: 'unsupported' }; // SIMPLIFIED: legacy PEM encryption
      if (b.label === 'PRIVATE KEY') candidates.push({ der: b.der, encrypted: false });
      else if (b.label === 'ENCRYPTED PRIVATE KEY') candidates.push({ der: b.der, encrypted: true });
      else if (b.label === 'RSA PRIVATE KEY' || b.label === 'EC PRIVATE KEY') {
        const w = wrapTraditional(b.label, b.der);
        if (w) candidates.push({ der: w, encrypted: false });
      }
      if (candidates.length) break;
    }
  }
  if (typeof text !== 'string') {
    for (const c of candidates) {
      const imported = await importPkcs8(subtle, c.der);
      if (imported) return { ok: true, key: imported.key, crypto: imported.crypto, encrypted: false };
    }
    return { ok: false, why: 'none' };
  }
  const first = candidates[0];
  if (!first) return { ok: false, why: 'none' };
  let der = first.der;
  if (first.encrypted) {
    const pass = await passphrase();
    if (pass === null) return { ok: false, why: 'no-pass' };
    const r = await decryptPkcs8(subtle, der, pass);
    if (!r.ok) return { ok: false, why: r.why === 'format' ? 'none' : r.why };
    der = r.pkcs8;
  }
  const imported = await importPkcs8(subtle, der);
  if (!imported) return { ok: false, why: first.encrypted ? 'bad-decrypt' : 'none' };
  return { ok: true, key: imported.key, crypto: imported.crypto, encrypted: first.encrypted };
}

/**
 * The PKCS#8 DER of the first unencrypted private key in `text`, traditional
 * forms converted (what a server needs to import its key); null when there
 * is none or it is encrypted.
 */
export function plainPkcs8(text: string): Uint8Array<ArrayBuffer> | null {
  for (const b of readPem(text).blocks) {
    if (b.headers['Proc-Type']) return null;
    if (b.label === 'PRIVATE KEY') return b.der;
    if (b.label === 'ENCRYPTED PRIVATE KEY') return null;
    if (b.label === 'RSA PRIVATE KEY' || b.label === 'EC PRIVATE KEY') return wrapTraditional(b.label, b.der);
  }
  return null;
}
