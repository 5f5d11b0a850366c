/**
 * Does a private key belong to a certificate? What OpenSSL's
 * SSL_CTX_check_private_key() answers when Sendmail loads its TLS files:
 * the public half of the key must be the certificate's SubjectPublicKeyInfo.
 * Keys are read as OpenSSL reads them (PKCS#8, or the traditional
 * `RSA PRIVATE KEY` / `EC PRIVATE KEY`); an encrypted key is 'bad-key', as
 * the daemon cannot ask for its pass phrase.
 */
import { firstPem } from './pem.ts';
import { parseCert } from './certs.ts';
import { loadPrivateKey, publicOf } from './keys.ts';

/** 'unchecked' is no longer produced (traditional keys are read); kept for callers that name it. */
export type KeyPairCheck = 'match' | 'mismatch' | 'bad-certificate' | 'bad-key' | 'unchecked';

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export async function checkKeyPair(subtle: SubtleCrypto, certPem: string, keyPem: string): Promise<KeyPairCheck> {
  const block = firstPem(certPem, 'CERTIFICATE', 'TRUSTED CERTIFICATE');
  const cert = block && parseCert(block.der);
  if (!cert) return 'bad-certificate';
  const key = await loadPrivateKey(subtle, keyPem, async () => null);
  if (!key.ok) return 'bad-key';
  try {
    const { spki } = await publicOf(subtle, key.key);
    return equal(spki, cert.spki) ? 'match' : 'mismatch';
  } catch {
    return 'bad-key';
  }
}
