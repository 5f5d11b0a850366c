/**
 * The reference world's certificates, made at start with WebCrypto as
 * ../shared/reference/real-sendmail/mkcerts.sh makes them with OpenSSL:
 * RSA-2048 keys, SHA-256 signatures, ten years of validity;
 *   CA      C=US, O=Example Org, CN=Example Test CA (self-signed, CA:TRUE)
 *   server  C=US, O=Example Org, CN=mail.example.test, signed by the CA,
 *           SAN DNS:mail.example.test, DNS:localhost, IP:127.0.0.1,
 *           EKU serverAuth, clientAuth.
 * Keys come out as PKCS#8 PEM (`BEGIN PRIVATE KEY`), as OpenSSL 3 writes them.
 */
import { cryptoFrom } from './crypto.ts';
import * as x509 from '@peculiar/x509';
import type { Random } from '../trace/index.ts';

export interface PemFiles {
  caCertPem: string;
  caKeyPem: string;
  certPem: string;
  keyPem: string;
}

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

const DAY = 86_400_000;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = x509.PemConverter.encode(der, label);
  return b64.replace(/\r\n/g, '\n') + (b64.endsWith('\n') ? '' : '\n');
}

function serial(random: Random): string {
  const b = random.bytes(20);
  b[0] &= 0x7f;
  if (b[0] === 0) b[0] = 0x10;
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** A fresh RSA-2048 private key as PKCS#8 PEM, as `openssl genpkey` writes it. */
export async function makeRsaKeyPem(subtle: SubtleCrypto): Promise<string> {
  const keys = (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  return pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey));
}

export async function makeReferenceCerts(subtle: SubtleCrypto, random: Random, now: number): Promise<PemFiles> {
  const crypto = cryptoFrom(subtle, random);
  const notBefore = new Date(Math.floor(now / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + 3650 * DAY);

  const caKeys = (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caName = 'C=US, O=Example Org, CN=Example Test CA';
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial(random),
      name: caName,
      notBefore,
      notAfter,
      keys: caKeys,
      signingAlgorithm: RSA,
      extensions: [
        await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
        new x509.BasicConstraintsExtension(true, undefined, true),
      ],
    },
    crypto,
  );

  const keys = (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial(random),
      subject: 'C=US, O=Example Org, CN=mail.example.test',
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: RSA,
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          { type: 'dns', value: 'mail.example.test' },
          { type: 'dns', value: 'localhost' },
          { type: 'ip', value: '127.0.0.1' },
        ]),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );

  return {
    caCertPem: pem('CERTIFICATE', ca.rawData),
    caKeyPem: pem('PRIVATE KEY', await subtle.exportKey('pkcs8', caKeys.privateKey)),
    certPem: pem('CERTIFICATE', cert.rawData),
    keyPem: pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)),
  };
}
