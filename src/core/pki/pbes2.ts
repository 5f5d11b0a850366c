/**
 * Passphrase-encrypted PKCS#8 (EncryptedPrivateKeyInfo, RFC 5958/8018) as
 * OpenSSL 3.0 writes it: PBES2 with PBKDF2-HMAC-SHA256, an 8-byte salt, 2048
 * iterations and AES-256-CBC (checked with `openssl asn1parse` on keys of
 * `genpkey -aes256` and `genrsa -aes256`). Decryption also takes AES-128/192
 * and HMAC-SHA1/384/512. Everything through WebCrypto; never throws.
 *
 * SIMPLIFIED: `openssl req` without -nodes encrypts with des-ede3-cbc in
 * OpenSSL 3.0; WebCrypto has no Triple DES, so the lab's `req` writes
 * AES-256-CBC, which real OpenSSL reads just the same (tested).
 */
import type { Random } from '../trace/index.ts';
import { children, intValue, octets, oid, oidToString, readWhole, seq, int, nullDer, type Tlv } from './der.ts';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const AES: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 128,
  '2.16.840.1.101.3.4.1.22': 192,
  '2.16.840.1.101.3.4.1.42': 256,
};
export const DES_EDE3_CBC = '1.2.840.113549.3.7';

export type DecryptResult =
  | { ok: true; pkcs8: Uint8Array<ArrayBuffer> }
  /** 'format': not an EncryptedPrivateKeyInfo; 'unsupported': a scheme the lab lacks; 'bad-decrypt': wrong passphrase. */
  | { ok: false; why: 'format' | 'unsupported' | 'bad-decrypt' };

interface Params {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  hash: string;
  cipherOid: string;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

const copy = (v: Uint8Array): Uint8Array<ArrayBuffer> => Uint8Array.from(v);
const oidOf = (t: Tlv | undefined): string | null => (t && t.tag === 0x06 ? oidToString(t.value) : null);

function parse(der: Uint8Array): Params | 'format' | 'unsupported' {
  const top = readWhole(der);
  const k = top && children(top);
  if (!k || k.length !== 2 || k[1].tag !== 0x04) return 'format';
  const alg = children(k[0]);
  if (!alg || alg.length !== 2) return 'format';
  if (oidOf(alg[0]) !== PBES2) return 'unsupported';
  const p = children(alg[1]);
  if (!p || p.length !== 2) return 'format';
  const kdf = children(p[0]);
  const enc = children(p[1]);
  if (!kdf || kdf.length !== 2 || !enc || enc.length !== 2) return 'format';
  if (oidOf(kdf[0]) !== PBKDF2) return 'unsupported';
  const kp = children(kdf[1]);
  if (!kp || kp.length < 2 || kp[0].tag !== 0x04 || kp[1].tag !== 0x02) return 'format';
  const iterations = intValue(kp[1].value);
  if (iterations === null || iterations < 1) return 'format';
  let hash = 'SHA-1';
  for (const extra of kp.slice(2)) {
    if (extra.tag === 0x02) continue; // keyLength
    const prf = children(extra);
    const name = prf && PRF[oidOf(prf[0]) ?? ''];
    if (!name) return 'unsupported';
    hash = name;
  }
  const cipherOid = oidOf(enc[0]);
  if (!cipherOid) return 'format';
  if (!AES[cipherOid]) return 'unsupported';
  if (enc[1].tag !== 0x04 || enc[1].value.length !== 16) return 'format';
  return { salt: copy(kp[0].value), iterations, hash, cipherOid, iv: copy(enc[1].value), data: copy(k[1].value) };
}

async function deriveKey(subtle: SubtleCrypto, pass: string, salt: Uint8Array<ArrayBuffer>, iterations: number, hash: string, bits: number): Promise<CryptoKey> {
  const base = await subtle.importKey('raw', new TextEncoder().encode(pass), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash }, base, { name: 'AES-CBC', length: bits }, false, ['encrypt', 'decrypt']);
}

export async function decryptPkcs8(subtle: SubtleCrypto, der: Uint8Array, pass: string): Promise<DecryptResult> {
  const p = parse(der);
  if (p === 'format' || p === 'unsupported') return { ok: false, why: p };
  if (p.iterations > 10_000_000) return { ok: false, why: 'unsupported' };
  try {
    const key = await deriveKey(subtle, pass, p.salt, p.iterations, p.hash, AES[p.cipherOid]);
    const plain = new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: p.iv }, key, p.data));
    // Padding that happens to look right still leaves garbage: OpenSSL then fails to decode it.
    const inner = readWhole(plain);
    if (!inner || inner.tag !== 0x30) return { ok: false, why: 'bad-decrypt' };
    return { ok: true, pkcs8: plain };
  } catch {
    return { ok: false, why: 'bad-decrypt' };
  }
}

export async function encryptPkcs8(subtle: SubtleCrypto, random: Random, pkcs8: Uint8Array, pass: string): Promise<Uint8Array<ArrayBuffer>> {
  const salt = copy(random.bytes(8));
  const iv = copy(random.bytes(16));
  const iterations = 2048;
  const key = await deriveKey(subtle, pass, salt, iterations, 'SHA-256', 256);
  const data = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, key, copy(pkcs8)));
  const kdf = seq(oid(PBKDF2), seq(octets(salt), int(iterations), seq(oid('1.2.840.113549.2.9'), nullDer())));
  const enc = seq(oid('2.16.840.1.101.3.4.1.42'), octets(iv));
  return seq(seq(oid(PBES2), seq(kdf, enc)), octets(data));
}
