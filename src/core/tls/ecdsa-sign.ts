/**
 * ECDSA signing on P-256 / P-384 in plain TypeScript (SEC 1 §4.1.3, FIPS 186-4)
 * with the nonce k drawn from the injected Random, so a seeded session signs
 * the same bytes every run. The page signs with WebCrypto; this is opt-in.
 */
import { DecodeError, Reader } from './codec/cursor.ts';
import type { HashName } from './suites.ts';

interface Curve {
  readonly p: bigint;
  readonly n: bigint;
  readonly b: bigint;
  readonly g: readonly [bigint, bigint];
  readonly size: number;
}

const h = (s: string): bigint => BigInt(`0x${s}`);

export const CURVES: Record<'P-256' | 'P-384', Curve> = {
  'P-256': {
    p: h('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff'),
    n: h('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
    b: h('5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b'),
    g: [h('6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'), h('4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5')],
    size: 32,
  },
  'P-384': {
    p: h('fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff'),
    n: h('ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973'),
    b: h('b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef'),
    g: [
      h('aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7'),
      h('3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f'),
    ],
    size: 48,
  },
};

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** Jacobian coordinates on y^2 = x^3 - 3x + b. */
type Jac = [bigint, bigint, bigint];

function double(c: Curve, [x, y, z]: Jac): Jac {
  if (y === 0n || z === 0n) return [0n, 1n, 0n];
  const p = c.p;
  const ysq = mod(y * y, p);
  const s = mod(4n * x * ysq, p);
  const zsq = mod(z * z, p);
  const m = mod(3n * (x - zsq) * (x + zsq), p);
  const nx = mod(m * m - 2n * s, p);
  const ny = mod(m * (s - nx) - 8n * ysq * ysq, p);
  const nz = mod(2n * y * z, p);
  return [nx, ny, nz];
}

function add(c: Curve, a: Jac, b: Jac): Jac {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const p = c.p;
  const z1z1 = mod(a[2] * a[2], p);
  const z2z2 = mod(b[2] * b[2], p);
  const u1 = mod(a[0] * z2z2, p);
  const u2 = mod(b[0] * z1z1, p);
  const s1 = mod(a[1] * b[2] * z2z2, p);
  const s2 = mod(b[1] * a[2] * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(c, a) : [0n, 1n, 0n];
  const hh = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const h2 = mod(hh * hh, p);
  const h3 = mod(h2 * hh, p);
  const nx = mod(r * r - h3 - 2n * u1 * h2, p);
  const ny = mod(r * (u1 * h2 - nx) - s1 * h3, p);
  const nz = mod(hh * a[2] * b[2], p);
  return [nx, ny, nz];
}

/** k·G in affine coordinates. */
export function multiplyG(c: Curve, k: bigint): [bigint, bigint] {
  let acc: Jac = [0n, 1n, 0n];
  let base: Jac = [c.g[0], c.g[1], 1n];
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) acc = add(c, acc, base);
    base = double(c, base);
  }
  const zi = inv(acc[2], c.p);
  const zi2 = mod(zi * zi, c.p);
  return [mod(acc[0] * zi2, c.p), mod(acc[1] * zi2 * zi, c.p)];
}

const toBig = (b: Uint8Array): bigint => b.reduce((v, x) => (v << 8n) | BigInt(x), 0n);

function toBytes(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** The private scalar of a PKCS#8 EC key (RFC 5915 ECPrivateKey inside PrivateKeyInfo). */
export function ecPrivateScalar(pkcs8: Uint8Array): bigint {
  const tlv = (r: Reader) => {
    const tag = r.u8('DER tag');
    let len = r.u8('DER length');
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 3) throw new DecodeError('DER: unsupported length');
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + r.u8('DER length');
    }
    return { tag, body: r.bytes(len, 'DER value') };
  };
  const info = new Reader(tlv(new Reader(pkcs8)).body);
  tlv(info); // version
  tlv(info); // algorithm
  const ecKey = new Reader(tlv(new Reader(tlv(info).body)).body);
  tlv(ecKey); // version 1
  return toBig(tlv(ecKey).body);
}

/** r || s (P1363) over Hash(message); `random` supplies k (retried while out of range). */
export async function ecdsaSign(
  curve: 'P-256' | 'P-384', d: bigint, hash: HashName, message: Uint8Array, random: { bytes(n: number): Uint8Array },
  digest: (h: HashName, m: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const c = CURVES[curve];
  const e = await digest(hash, message);
  // SEC 1 §4.1.3 step 5: the leftmost log2(n) bits of the hash.
  let z = toBig(e);
  const excess = e.length * 8 - c.size * 8;
  if (excess > 0) z >>= BigInt(excess);
  for (;;) {
    const k = toBig(random.bytes(c.size));
    if (k === 0n || k >= c.n) continue;
    const r = mod(multiplyG(c, k)[0], c.n);
    if (r === 0n) continue;
    const s = mod(inv(k, c.n) * (z + r * d), c.n);
    if (s === 0n) continue;
    const out = new Uint8Array(2 * c.size);
    out.set(toBytes(r, c.size));
    out.set(toBytes(s, c.size), c.size);
    return out;
  }
}
