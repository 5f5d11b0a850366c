/**
 * RSASSA-PSS signing in plain TypeScript (RFC 8017 §8.1.1, §9.1.1, B.2.1) with
 * the salt taken from the injected Random, so a seeded session signs the same
 * bytes every run. WebCrypto draws its PSS salt itself; the page uses WebCrypto.
 */
import { DecodeError, Reader } from './codec/cursor.ts';
import type { HashName } from './suites.ts';

interface RsaPrivate {
  n: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
  bits: number;
}

function derTlv(r: Reader): { tag: number; body: Uint8Array } {
  const tag = r.u8('DER tag');
  let len = r.u8('DER length');
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3) throw new DecodeError('DER: unsupported length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + r.u8('DER length');
  }
  return { tag, body: r.bytes(len, 'DER value') };
}

const toBig = (b: Uint8Array): bigint => {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
};

/** PKCS#8 PrivateKeyInfo holding an RSAPrivateKey (RFC 5208, RFC 8017 A.1.2). */
export function parseRsaPkcs8(pkcs8: Uint8Array): RsaPrivate {
  const info = new Reader(derTlv(new Reader(pkcs8)).body);
  derTlv(info); // version
  derTlv(info); // algorithm
  const octets = derTlv(info);
  if (octets.tag !== 0x04) throw new DecodeError('PKCS#8: no privateKey OCTET STRING');
  const k = new Reader(derTlv(new Reader(octets.body)).body);
  const ints: bigint[] = [];
  while (k.left > 0 && ints.length < 9) ints.push(toBig(derTlv(k).body));
  const [, n, , , p, q, dp, dq, qinv] = ints;
  return { n, p, q, dp, dq, qinv, bits: n.toString(2).length };
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

type HashFn = (h: HashName, data: Uint8Array) => Promise<Uint8Array>;

async function mgf1(hash: HashFn, h: HashName, seed: Uint8Array, len: number): Promise<Uint8Array> {
  const out = new Uint8Array(len);
  for (let counter = 0, o = 0; o < len; counter++) {
    const input = new Uint8Array(seed.length + 4);
    input.set(seed);
    new DataView(input.buffer).setUint32(seed.length, counter);
    const t = await hash(h, input);
    out.set(t.subarray(0, Math.min(t.length, len - o)), o);
    o += t.length;
  }
  return out;
}

/** RSASSA-PSS-SIGN with MGF1 over the same hash and the given salt. */
export async function rsaPssSign(key: RsaPrivate, h: HashName, salt: Uint8Array, message: Uint8Array, hash: HashFn): Promise<Uint8Array> {
  const emBits = key.bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const mHash = await hash(h, message);
  const hLen = mHash.length;
  const mPrime = new Uint8Array(8 + hLen + salt.length);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + hLen);
  const H = await hash(h, mPrime);
  const db = new Uint8Array(emLen - hLen - 1);
  db[emLen - salt.length - hLen - 2] = 0x01;
  db.set(salt, emLen - salt.length - hLen - 1);
  const mask = await mgf1(hash, h, H, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0xff >> (8 * emLen - emBits);
  const em = new Uint8Array(emLen);
  em.set(db);
  em.set(H, db.length);
  em[emLen - 1] = 0xbc;
  // RSASP1 with the Chinese remainder theorem.
  const m = toBig(em);
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  const hh = (key.qinv * (((m1 - m2) % key.p) + key.p)) % key.p;
  let s = m2 + hh * key.q;
  const k = Math.ceil(key.bits / 8);
  const out = new Uint8Array(k);
  for (let i = k - 1; i >= 0; i--) {
    out[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return out;
}
