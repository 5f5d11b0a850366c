/**
 * Does a private key belong to a certificate? What OpenSSL's
 * SSL_CTX_check_private_key() answers when Sendmail loads its TLS files:
 * the public half of the key (RSA n/e, EC x/y, rebuilt through JWK) must be
 * the certificate's SubjectPublicKeyInfo.
 */
import './crypto.ts';
import * as x509 from '@peculiar/x509';
import { pemBlocks } from './chain.ts';

/** 'unchecked': a PKCS#1 or SEC1 key (`RSA/EC PRIVATE KEY`), which this check does not read yet. */
export type KeyPairCheck = 'match' | 'mismatch' | 'bad-certificate' | 'bad-key' | 'unchecked';

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export async function checkKeyPair(subtle: SubtleCrypto, certPem: string, keyPem: string): Promise<KeyPairCheck> {
  let spki: Uint8Array;
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  try {
    const cert = new x509.X509Certificate(certPem);
    spki = new Uint8Array(cert.publicKey.rawData);
    const alg = cert.publicKey.algorithm as { name: string; namedCurve?: string };
    algorithm = alg.name === 'ECDSA' || alg.name === 'ECDH' ? { name: 'ECDSA', namedCurve: alg.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  } catch {
    return 'bad-certificate';
  }
  const der = pemBlocks(keyPem, 'PRIVATE KEY')[0];
  if (!der) return /-----BEGIN (RSA|EC) PRIVATE KEY-----/.test(keyPem) ? 'unchecked' : 'bad-key';
  try {
    const priv = await subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', priv);
    const pub: JsonWebKey = jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
    const pubKey = await subtle.importKey('jwk', pub, algorithm, true, ['verify']);
    const mine = new Uint8Array(await subtle.exportKey('spki', pubKey));
    return equal(mine, spki) ? 'match' : 'mismatch';
  } catch {
    return 'bad-key';
  }
}
