/**
 * A catalogue of verification failures to try, made with WebCrypto on a fixed
 * clock (2030-01-01, validity dates fixed too) so that the verdicts never rot:
 * the same shapes as test/fixtures/pki-verify (made there by real OpenSSL),
 * with ECDSA P-256 keys so the browser makes them in a blink.
 *
 *   Example Root CA ─► Example Mail CA ─► mail.example.test   (the good chain)
 */
import { cryptoFrom } from './crypto.ts';
import * as x509 from '@peculiar/x509';
import { buildCrl } from './crl.ts';
import type { Random } from '../trace/index.ts';

/** The catalogue's clock: 2030-01-01T00:00:00Z (`-attime 1893456000`). */
export const CATALOGUE_TIME = Date.UTC(2030, 0, 1);

export interface CatalogueCase {
  id: string;
  label: string;
  /** What it teaches, one sentence. */
  about: string;
  /** PEM files by name, as `openssl verify` would read them. */
  files: Record<string, string>;
  /** `openssl verify` arguments after `-attime 1893456000`. */
  args: string[];
}

const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIG = { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams;
const D = (y: number): Date => new Date(Date.UTC(y, 0, 1));

function pem(label: string, der: ArrayBuffer): string {
  const b64 = x509.PemConverter.encode(der, label);
  return b64.replace(/\r\n/g, '\n') + (b64.endsWith('\n') ? '' : '\n');
}

interface Made {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
}

/** Makes the catalogue's certificates and CRL. */
export async function makeCatalogue(subtle: SubtleCrypto, random: Random): Promise<CatalogueCase[]> {
  const crypto = cryptoFrom(subtle, random);
  let serial = 0x1000;
  const keys = async (): Promise<CryptoKeyPair> => (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const make = async (
    subject: string,
    issuer: Made | null,
    from: number,
    to: number,
    kind: 'ca' | 'ca0' | 'server' | 'notca',
    host = 'mail.example.test',
  ): Promise<Made> => {
    const k = await keys();
    const ext: x509.Extension[] = [];
    if (kind === 'ca' || kind === 'ca0') {
      ext.push(new x509.BasicConstraintsExtension(true, kind === 'ca0' ? 0 : undefined, true));
      ext.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
    } else {
      ext.push(new x509.BasicConstraintsExtension(false, undefined, false));
      if (kind === 'server') {
        ext.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true));
        ext.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]));
      }
      ext.push(new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: host }]));
    }
    ext.push(await x509.SubjectKeyIdentifierExtension.create(k.publicKey, false, crypto));
    if (issuer) ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert, false, crypto));
    const cert = await x509.X509CertificateGenerator.create(
      {
        serialNumber: (serial++).toString(16),
        subject: subject,
        issuer: issuer ? issuer.cert.subjectName : subject,
        notBefore: D(from),
        notAfter: D(to),
        signingAlgorithm: SIG,
        publicKey: k.publicKey,
        signingKey: issuer ? issuer.keys.privateKey : k.privateKey,
        extensions: ext,
      },
      crypto,
    );
    return { cert, keys: k, pem: pem('CERTIFICATE', cert.rawData) };
  };

  const root = await make('C=US, O=Example Org, CN=Example Root CA', null, 2020, 2040, 'ca');
  const inter = await make('C=US, O=Example Org, OU=Mail, CN=Example Mail CA', root, 2020, 2040, 'ca');
  const good = await make('C=US, O=Example Org, CN=mail.example.test', inter, 2025, 2035, 'server');
  const expired = await make('C=US, O=Example Org, CN=old.example.test', inter, 2020, 2025, 'server', 'old.example.test');
  const notyet = await make('C=US, O=Example Org, CN=new.example.test', inter, 2035, 2040, 'server', 'new.example.test');
  const other = await make('C=ZZ, O=Elsewhere, CN=Other Root CA', null, 2020, 2040, 'ca');
  const unknown = await make('C=ZZ, O=Elsewhere, CN=mail.elsewhere.test', other, 2025, 2035, 'server', 'mail.elsewhere.test');
  const notca = await make('C=US, O=Example Org, CN=notca.example.test', root, 2025, 2035, 'notca', 'notca.example.test');
  const victim = await make('C=US, O=Example Org, CN=victim.example.test', notca, 2025, 2035, 'server', 'victim.example.test');
  const revoked = await make('C=US, O=Example Org, CN=revoked.example.test', inter, 2025, 2035, 'server', 'revoked.example.test');
  const crl = await buildCrl({
    issuerCertPem: inter.pem,
    issuerKey: inter.keys.privateKey,
    entries: [{ serial: revoked.cert.serialNumber, revoked: D(2026), reason: 'keyCompromise' }],
    thisUpdate: D(2026),
    nextUpdate: D(2040),
    crlNumber: 1,
    subtle,
  });

  const base = { 'cafile.pem': root.pem, 'untrusted.pem': inter.pem };
  return [
    { id: 'ok', label: 'Good chain', about: 'Root in the CA file, the intermediate sent along (-untrusted): every check passes.', files: { ...base, 'cert.pem': good.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', '-verify_hostname', 'mail.example.test', 'cert.pem'] },
    { id: 'expired', label: 'Expired', about: 'notAfter (2025-01-01) is before the clock (2030-01-01).', files: { ...base, 'cert.pem': expired.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', 'cert.pem'] },
    { id: 'not-yet-valid', label: 'Not yet valid', about: 'notBefore (2035-01-01) is after the clock.', files: { ...base, 'cert.pem': notyet.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', 'cert.pem'] },
    { id: 'wrong-host', label: 'Wrong host', about: 'The name asked for is not among the SAN DNS names.', files: { ...base, 'cert.pem': good.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', '-verify_hostname', 'www.example.test', 'cert.pem'] },
    { id: 'unknown-ca', label: 'Unknown CA', about: 'Signed by a root that is not in the CA file.', files: { 'cafile.pem': root.pem, 'cert.pem': unknown.pem }, args: ['-CAfile', 'cafile.pem', 'cert.pem'] },
    { id: 'missing-intermediate', label: 'Missing intermediate', about: 'The intermediate CA is not given: no issuer is found for the leaf.', files: { 'cafile.pem': root.pem, 'cert.pem': good.pem }, args: ['-CAfile', 'cafile.pem', 'cert.pem'] },
    { id: 'issuer-not-ca', label: 'Issuer not a CA', about: 'The issuer has basicConstraints CA:FALSE.', files: { 'cafile.pem': root.pem, 'untrusted.pem': notca.pem, 'cert.pem': victim.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', 'cert.pem'] },
    { id: 'revoked', label: 'Revoked', about: 'The Mail CA revoked it (keyCompromise) in its CRL; -crl_check consults the CRL.', files: { ...base, 'cert.pem': revoked.pem, 'crl.pem': crl }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', '-crl_check', '-CRLfile', 'crl.pem', 'cert.pem'] },
    { id: 'crl-missing', label: 'CRL missing', about: '-crl_check without a CRL from the issuer.', files: { ...base, 'cert.pem': good.pem }, args: ['-CAfile', 'cafile.pem', '-untrusted', 'untrusted.pem', '-crl_check', 'cert.pem'] },
  ];
}
