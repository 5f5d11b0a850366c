/**
 * Data tables: versions, cipher suites, named groups, signature schemes
 * (RFC 8446 §4.1.2, §4.2.3, §4.2.7, §B.4; IANA TLS parameters). OpenSSL names
 * are the ones `openssl ciphers` and Sendmail's log print.
 */

export const ProtocolVersion = { TLS10: 0x0301, TLS12: 0x0303, TLS13: 0x0304 } as const;

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface CipherSuite13 {
  readonly id: number;
  readonly name: string;
  /** The name OpenSSL prints (same as the IANA one for TLS 1.3). */
  readonly openssl: string;
  readonly hash: HashName;
  readonly hashLen: number;
  readonly keyLen: number;
  readonly ivLen: number;
  /** Symmetric strength as Sendmail logs it: bits=N/N. */
  readonly bits: number;
}

export const TLS_AES_128_GCM_SHA256: CipherSuite13 = {
  id: 0x1301, name: 'TLS_AES_128_GCM_SHA256', openssl: 'TLS_AES_128_GCM_SHA256',
  hash: 'SHA-256', hashLen: 32, keyLen: 16, ivLen: 12, bits: 128,
};
export const TLS_AES_256_GCM_SHA384: CipherSuite13 = {
  id: 0x1302, name: 'TLS_AES_256_GCM_SHA384', openssl: 'TLS_AES_256_GCM_SHA384',
  hash: 'SHA-384', hashLen: 48, keyLen: 32, ivLen: 12, bits: 256,
};

/** Suites this engine implements, keyed by code point. */
export const SUITES_13: ReadonlyMap<number, CipherSuite13> = new Map([
  [TLS_AES_128_GCM_SHA256.id, TLS_AES_128_GCM_SHA256],
  [TLS_AES_256_GCM_SHA384.id, TLS_AES_256_GCM_SHA384],
]);

/** Code points we know by name but do not implement (for trace text). */
export const OTHER_SUITE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x1303, 'TLS_CHACHA20_POLY1305_SHA256'],
  [0x00ff, 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV'],
  [0xc02c, 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  [0xc030, 'ECDHE-RSA-AES256-GCM-SHA384'],
  [0xc02b, 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  [0xc02f, 'ECDHE-RSA-AES128-GCM-SHA256'],
]);

export function suiteName(id: number): string {
  return SUITES_13.get(id)?.name ?? OTHER_SUITE_NAMES.get(id) ?? `0x${id.toString(16).padStart(4, '0')}`;
}

/**
 * OpenSSL 3.0's server order for TLS 1.3 (ssl/ssl_ciph.c TLS_DEFAULT_CIPHERSUITES:
 * "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256")
 * with SSL_OP_CIPHER_SERVER_PREFERENCE, which Sendmail sets by default
 * (ServerSSLOptions +SSL_OP_CIPHER_SERVER_PREFERENCE). ChaCha20 is skipped: WebCrypto lacks it.
 */
export const SERVER_PREFERENCE_13: readonly CipherSuite13[] = [TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256];

/** The client's offer, in OpenSSL's default order minus ChaCha20. */
export const CLIENT_OFFER_13: readonly CipherSuite13[] = [TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256];

export type GroupName = 'x25519' | 'secp256r1' | 'secp384r1';

export interface NamedGroup {
  readonly id: number;
  readonly name: GroupName;
  /** Length of the key_exchange field (RFC 8446 §4.2.8.2): 32, or 1+2*coord for uncompressed points. */
  readonly keyShareLen: number;
}

export const GROUPS: ReadonlyMap<number, NamedGroup> = new Map<number, NamedGroup>([
  [0x001d, { id: 0x001d, name: 'x25519', keyShareLen: 32 }],
  [0x0017, { id: 0x0017, name: 'secp256r1', keyShareLen: 65 }],
  [0x0018, { id: 0x0018, name: 'secp384r1', keyShareLen: 97 }],
]);

export function groupByName(name: GroupName): NamedGroup {
  for (const g of GROUPS.values()) if (g.name === name) return g;
  throw new Error(`unknown group ${name}`);
}

/** OpenSSL 3.0's default group order (x25519 first; x448 and secp521r1 not offered here). */
export const GROUP_PREFERENCE: readonly GroupName[] = ['x25519', 'secp256r1', 'secp384r1'];

export type SignatureAlgorithm =
  | { kind: 'rsa-pss'; hash: HashName; saltLength: number }
  | { kind: 'rsa-pkcs1'; hash: HashName | 'SHA-1' }
  | { kind: 'ecdsa'; hash: HashName; curve: 'P-256' | 'P-384' };

export interface SignatureScheme {
  readonly id: number;
  readonly name: string;
  readonly alg: SignatureAlgorithm;
  /** Allowed in TLS 1.3 CertificateVerify (RFC 8446 §4.2.3: not rsa_pkcs1). */
  readonly inCertificateVerify13: boolean;
}

const scheme = (id: number, name: string, alg: SignatureAlgorithm, cv = true): [number, SignatureScheme] => [
  id,
  { id, name, alg, inCertificateVerify13: cv },
];

export const SIGNATURE_SCHEMES: ReadonlyMap<number, SignatureScheme> = new Map([
  scheme(0x0403, 'ecdsa_secp256r1_sha256', { kind: 'ecdsa', hash: 'SHA-256', curve: 'P-256' }),
  scheme(0x0503, 'ecdsa_secp384r1_sha384', { kind: 'ecdsa', hash: 'SHA-384', curve: 'P-384' }),
  scheme(0x0804, 'rsa_pss_rsae_sha256', { kind: 'rsa-pss', hash: 'SHA-256', saltLength: 32 }),
  scheme(0x0805, 'rsa_pss_rsae_sha384', { kind: 'rsa-pss', hash: 'SHA-384', saltLength: 48 }),
  scheme(0x0401, 'rsa_pkcs1_sha256', { kind: 'rsa-pkcs1', hash: 'SHA-256' }, false),
  scheme(0x0501, 'rsa_pkcs1_sha384', { kind: 'rsa-pkcs1', hash: 'SHA-384' }, false),
  scheme(0x0601, 'rsa_pkcs1_sha512', { kind: 'rsa-pkcs1', hash: 'SHA-512' }, false),
  scheme(0x0201, 'rsa_pkcs1_sha1', { kind: 'rsa-pkcs1', hash: 'SHA-1' }, false),
]);

/** What our client offers in signature_algorithms, in order. */
export const CLIENT_SIGNATURE_SCHEMES: readonly number[] = [0x0403, 0x0503, 0x0804, 0x0805, 0x0401, 0x0501, 0x0601];

export function schemeName(id: number): string {
  return SIGNATURE_SCHEMES.get(id)?.name ?? `0x${id.toString(16).padStart(4, '0')}`;
}

export function groupName(id: number): string {
  return GROUPS.get(id)?.name ?? `0x${id.toString(16).padStart(4, '0')}`;
}

/** Server signing key kinds: what the certificate's key is. */
export type KeyKind = 'rsa' | 'ecdsa-p256' | 'ecdsa-p384';

/** Schemes a key of `kind` can produce in TLS 1.3, best first (OpenSSL order). */
export function schemesForKey(kind: KeyKind): readonly number[] {
  switch (kind) {
    case 'rsa':
      return [0x0804, 0x0805];
    case 'ecdsa-p256':
      return [0x0403];
    case 'ecdsa-p384':
      return [0x0503];
  }
}

/** TLS 1.2 ECDHE suites with AES-GCM (RFC 5289), named as OpenSSL names them. */
export interface CipherSuite12 {
  readonly id: number;
  readonly name: string;
  readonly openssl: string;
  /** The PRF and transcript hash. */
  readonly hash: HashName;
  readonly keyLen: number;
  readonly bits: number;
  readonly auth: 'rsa' | 'ecdsa';
}

const suite12 = (id: number, name: string, openssl: string, hash: HashName, keyLen: number, auth: 'rsa' | 'ecdsa'): CipherSuite12 => ({
  id, name, openssl, hash, keyLen, bits: keyLen * 8, auth,
});

export const SUITES_12: ReadonlyMap<number, CipherSuite12> = new Map(
  [
    suite12(0xc02c, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'SHA-384', 32, 'ecdsa'),
    suite12(0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'SHA-384', 32, 'rsa'),
    suite12(0xc02b, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'SHA-256', 16, 'ecdsa'),
    suite12(0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'SHA-256', 16, 'rsa'),
  ].map((s) => [s.id, s]),
);

/** OpenSSL 3.0's DEFAULT order for these (AES-256 before AES-128, ECDSA before RSA), server preference. */
export const SERVER_PREFERENCE_12: readonly CipherSuite12[] = [0xc02c, 0xc030, 0xc02b, 0xc02f].map((id) => SUITES_12.get(id)!);

/** Signature schemes a key can use in TLS 1.2 ServerKeyExchange / CertificateVerify, best first. */
export function schemesForKey12(kind: KeyKind): readonly number[] {
  switch (kind) {
    case 'rsa':
      return [0x0804, 0x0805, 0x0401, 0x0501, 0x0601];
    case 'ecdsa-p256':
      return [0x0403, 0x0503];
    case 'ecdsa-p384':
      return [0x0503, 0x0403];
  }
}
