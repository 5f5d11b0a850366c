/**
 * CryptoProvider over a SubtleCrypto passed in (the page's crypto.subtle,
 * Node's webcrypto.subtle). No global is read here.
 */
import type { Random } from '../trace/index.ts';
import { concat, fromHex } from '../bytes/index.ts';
import type { CryptoProvider, KeyShare, SigningKey } from './crypto-provider.ts';
import { derToP1363, p1363ToDer } from './ecdsa-der.ts';
import { parseRsaPkcs8, rsaPssSign } from './rsa-pss.ts';
import { ecPrivateScalar, ecdsaSign } from './ecdsa-sign.ts';
import type { GroupName, HashName, KeyKind, SignatureAlgorithm } from './suites.ts';

/** PKCS#8 prefixes that wrap a bare private scalar (no public key field). */
const PKCS8_PREFIX: Record<GroupName, Uint8Array> = {
  x25519: fromHex('302e020100300506032b656e04220420'),
  secp256r1: fromHex('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420'),
  secp384r1: fromHex('304e020100301006072a8648ce3d020106052b81040022043730350201010430'),
};
const SCALAR_LEN: Record<GroupName, number> = { x25519: 32, secp256r1: 32, secp384r1: 48 };
const CURVE: Record<GroupName, string> = { x25519: 'X25519', secp256r1: 'P-256', secp384r1: 'P-384' };

function algFor(group: GroupName): AlgorithmIdentifier | EcKeyImportParams {
  return group === 'x25519' ? { name: 'X25519' } : { name: 'ECDH', namedCurve: CURVE[group] };
}

function b64uDecode(s: string): Uint8Array {
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Copy into a fresh ArrayBuffer-backed view (WebCrypto's BufferSource typing). */
const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

interface KeyHandle {
  readonly pkcs8: Uint8Array;
  readonly cache: Map<string, CryptoKey>;
}

export interface WebCryptoProviderOptions {
  /**
   * Sign RSA-PSS in TypeScript with the salt from the session's Random, so a
   * seeded session repeats byte for byte (tests, recorded lessons). Default: WebCrypto.
   */
  readonly seededRsaPss?: boolean;
  /** Likewise ECDSA: the nonce k from the session's Random (TypeScript P-256/P-384 arithmetic). */
  readonly seededEcdsa?: boolean;
}

export class WebCryptoProvider implements CryptoProvider {
  readonly #subtle: SubtleCrypto;
  readonly #seededRsaPss: boolean;
  readonly #seededEcdsa: boolean;

  constructor(subtle: SubtleCrypto, options: WebCryptoProviderOptions = {}) {
    this.#subtle = subtle;
    this.#seededRsaPss = options.seededRsaPss ?? false;
    this.#seededEcdsa = options.seededEcdsa ?? false;
  }

  async hash(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await this.#subtle.digest(hash, buf(data)));
  }

  /**
   * Imported keys by the key bytes' array and use: a secret or traffic key is
   * imported once, not once per HMAC or record (the engine never changes a
   * key's bytes in place).
   */
  readonly #imported = new WeakMap<Uint8Array, Map<string, Promise<CryptoKey>>>();

  #cached(key: Uint8Array, use: string, load: () => Promise<CryptoKey>): Promise<CryptoKey> {
    let m = this.#imported.get(key);
    if (!m) this.#imported.set(key, (m = new Map()));
    let k = m.get(use);
    if (!k) {
      k = load();
      m.set(use, k);
      // a failed import is not kept
      k.catch(() => m.delete(use));
    }
    return k;
  }

  async hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
    // An empty HMAC key equals one zero byte (both pad to a block of zeros); WebCrypto refuses empty keys.
    const k = await this.#cached(key, `HMAC ${hash}`, () =>
      this.#subtle.importKey('raw', buf(key.length ? key : new Uint8Array(1)), { name: 'HMAC', hash }, false, ['sign']),
    );
    return new Uint8Array(await this.#subtle.sign('HMAC', k, buf(data)));
  }

  #aesKey(key: Uint8Array, use: KeyUsage): Promise<CryptoKey> {
    return this.#cached(key, `AES-GCM ${use}`, () => this.#subtle.importKey('raw', buf(key), { name: 'AES-GCM' }, false, [use]));
  }

  async aeadSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
    const k = await this.#aesKey(key, 'encrypt');
    const ct = await this.#subtle.encrypt({ name: 'AES-GCM', iv: buf(nonce), additionalData: buf(aad), tagLength: 128 }, k, buf(plaintext));
    return new Uint8Array(ct);
  }

  async aeadOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null> {
    if (ciphertext.length < 16) return null;
    const k = await this.#aesKey(key, 'decrypt');
    try {
      const pt = await this.#subtle.decrypt({ name: 'AES-GCM', iv: buf(nonce), additionalData: buf(aad), tagLength: 128 }, k, buf(ciphertext));
      return new Uint8Array(pt);
    } catch {
      return null;
    }
  }

  async generateKeyShare(group: GroupName, random: Random): Promise<KeyShare> {
    const scalar = random.bytes(SCALAR_LEN[group]);
    // Keep NIST scalars below the group order n (both orders start 0xffffffff).
    if (group !== 'x25519') scalar[0] &= 0x7f;
    return this.keyShareFromPrivate(group, scalar);
  }

  async keyShareFromPrivate(group: GroupName, privateKey: Uint8Array): Promise<KeyShare> {
    const k = await this.#subtle.importKey('pkcs8', buf(concat([PKCS8_PREFIX[group], privateKey])), algFor(group), true, ['deriveBits']);
    const jwk = await this.#subtle.exportKey('jwk', k);
    const publicKey =
      group === 'x25519' ? b64uDecode(jwk.x ?? '') : concat([Uint8Array.of(4), b64uDecode(jwk.x ?? ''), b64uDecode(jwk.y ?? '')]);
    return { group, publicKey, privateKey: Uint8Array.from(privateKey) };
  }

  async ecdh(own: KeyShare, peerPublic: Uint8Array): Promise<Uint8Array | null> {
    try {
      const alg = algFor(own.group);
      const priv = await this.#subtle.importKey('pkcs8', buf(concat([PKCS8_PREFIX[own.group], own.privateKey])), alg, false, ['deriveBits']);
      const pub = await this.#subtle.importKey('raw', buf(peerPublic), alg, false, []);
      const name = own.group === 'x25519' ? 'X25519' : 'ECDH';
      const bits = await this.#subtle.deriveBits({ name, public: pub }, priv, 8 * SCALAR_LEN[own.group]);
      const secret = new Uint8Array(bits);
      // RFC 8446 §7.4.2: an all-zero X25519 output must be rejected.
      if (secret.every((b) => b === 0)) return null;
      return secret;
    } catch {
      return null;
    }
  }

  async importSigningKey(pkcs8: Uint8Array, kind: KeyKind): Promise<SigningKey> {
    const handle: KeyHandle = { pkcs8: Uint8Array.from(pkcs8), cache: new Map() };
    // Import once now so a bad key fails here, not mid-handshake.
    await this.#signKey(handle, kind === 'rsa' ? { kind: 'rsa-pss', hash: 'SHA-256', saltLength: 32 } : { kind: 'ecdsa', hash: 'SHA-256', curve: kind === 'ecdsa-p256' ? 'P-256' : 'P-384' });
    return { kind, handle };
  }

  async #signKey(h: KeyHandle, alg: SignatureAlgorithm): Promise<CryptoKey> {
    const id = `${alg.kind}/${alg.hash}`;
    let k = h.cache.get(id);
    if (!k) {
      k = await this.#subtle.importKey('pkcs8', buf(h.pkcs8), importAlg(alg), false, ['sign']);
      h.cache.set(id, k);
    }
    return k;
  }

  async sign(alg: SignatureAlgorithm, key: SigningKey, data: Uint8Array, random: Random): Promise<Uint8Array> {
    if (alg.kind === 'rsa-pss' && this.#seededRsaPss) {
      const h = key.handle as KeyHandle;
      return rsaPssSign(parseRsaPkcs8(h.pkcs8), alg.hash, random.bytes(alg.saltLength), data, (hn, d) => this.hash(hn, d));
    }
    // TLS 1.2 does not bind ECDSA schemes to a curve: the key decides.
    if (alg.kind === 'ecdsa') alg = { ...alg, curve: key.kind === 'ecdsa-p384' ? 'P-384' : 'P-256' };
    if (alg.kind === 'ecdsa' && this.#seededEcdsa) {
      const d = ecPrivateScalar((key.handle as KeyHandle).pkcs8);
      return p1363ToDer(await ecdsaSign(alg.curve, d, alg.hash, data, random, (hn, m) => this.hash(hn, m)));
    }
    const k = await this.#signKey(key.handle as KeyHandle, alg);
    const sig = new Uint8Array(await this.#subtle.sign(signAlg(alg), k, buf(data)));
    return alg.kind === 'ecdsa' ? p1363ToDer(sig) : sig;
  }

  async verify(alg: SignatureAlgorithm, spki: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
    try {
      if (alg.kind === 'ecdsa') alg = { ...alg, curve: spkiCurve(spki) };
      const k = await this.#subtle.importKey('spki', buf(spki), importAlg(alg), false, ['verify']);
      const sig = alg.kind === 'ecdsa' ? derToP1363(signature, alg.curve === 'P-256' ? 32 : 48) : signature;
      return await this.#subtle.verify(signAlg(alg), k, buf(sig), buf(data));
    } catch {
      return false;
    }
  }
}

/** The named curve of an EC SubjectPublicKeyInfo: secp384r1's OID in its AlgorithmIdentifier, else P-256. */
function spkiCurve(spki: Uint8Array): 'P-256' | 'P-384' {
  const head = toHexString(spki.subarray(0, 32));
  return head.includes('06052b81040022') ? 'P-384' : 'P-256';
}

const toHexString = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function importAlg(alg: SignatureAlgorithm): RsaHashedImportParams | EcKeyImportParams {
  switch (alg.kind) {
    case 'rsa-pss':
      return { name: 'RSA-PSS', hash: alg.hash };
    case 'rsa-pkcs1':
      return { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash };
    case 'ecdsa':
      return { name: 'ECDSA', namedCurve: alg.curve };
  }
}

function signAlg(alg: SignatureAlgorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  switch (alg.kind) {
    case 'rsa-pss':
      return { name: 'RSA-PSS', saltLength: alg.saltLength };
    case 'rsa-pkcs1':
      return { name: 'RSASSA-PKCS1-v1_5' };
    case 'ecdsa':
      return { name: 'ECDSA', hash: alg.hash };
  }
}
