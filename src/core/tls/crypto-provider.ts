/**
 * The only door from the TLS engine to cryptography (rustls `crypto/mod.rs`).
 * The engine never touches WebCrypto or a global; `webcrypto-provider.ts`
 * implements this over a SubtleCrypto handed in by the caller.
 */
import type { Random } from '../trace/index.ts';
import type { GroupName, HashName, KeyKind, SignatureAlgorithm } from './suites.ts';

/** An ephemeral (EC)DH key pair for one group; `publicKey` is the key_exchange bytes. */
export interface KeyShare {
  readonly group: GroupName;
  readonly publicKey: Uint8Array;
  /** The private scalar, kept for the Cipher panel (the lab shows both sides). */
  readonly privateKey: Uint8Array;
}

/** A private key ready to sign (opaque to the engine). */
export interface SigningKey {
  readonly kind: KeyKind;
  readonly handle: unknown;
}

export interface CryptoProvider {
  hash(hash: HashName, data: Uint8Array): Promise<Uint8Array>;
  hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** AES-GCM: returns ciphertext || 16-byte tag. */
  aeadSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array>;
  /** AES-GCM open; null when the tag does not verify (the caller sends bad_record_mac). */
  aeadOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null>;
  /** A key pair from `random` (deterministic under a seeded Random). */
  generateKeyShare(group: GroupName, random: Random): Promise<KeyShare>;
  /** A key pair from a known private key (test vectors). */
  keyShareFromPrivate(group: GroupName, privateKey: Uint8Array): Promise<KeyShare>;
  /** The shared secret; null when the peer's share is not a valid point. */
  ecdh(own: KeyShare, peerPublic: Uint8Array): Promise<Uint8Array | null>;
  /** Import a PKCS#8 private key for signing. */
  importSigningKey(pkcs8: Uint8Array, kind: KeyKind): Promise<SigningKey>;
  /** Sign `data`; ECDSA signatures come out DER-encoded as TLS carries them. */
  sign(alg: SignatureAlgorithm, key: SigningKey, data: Uint8Array, random: Random): Promise<Uint8Array>;
  /** Verify with a SubjectPublicKeyInfo (DER); ECDSA signatures are DER. False on any failure. */
  verify(alg: SignatureAlgorithm, spki: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
