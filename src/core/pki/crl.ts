/**
 * Certificate revocation lists: build one signed by a CA key (what
 * `openssl ca -gencrl` and `CA.pl -crl` write) and read one back (PEM or
 * DER) for `openssl crl`, `openssl verify -crl_check` and the panel.
 *
 * The CRL's issuer is the issuer certificate's subject DER byte for byte, so
 * OpenSSL matches it with the certificate by name.
 */
import './crypto.ts';
import * as x509 from '@peculiar/x509';
import { firstObject } from './asn1-tree.ts';

export interface CrlEntryInput {
  /** The revoked certificate's serial number in hex. */
  serial: string;
  revoked: Date;
  /** OpenSSL's reason names: unspecified, keyCompromise, CACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, removeFromCRL. */
  reason?: string;
}

export interface BuildCrlOptions {
  issuerCertPem: string;
  issuerKey: CryptoKey;
  entries: CrlEntryInput[];
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber?: number;
  subtle: SubtleCrypto;
}

/** OpenSSL's reason names (crypto/x509/v3_enum.c crl_reasons, as `openssl ca -crl_reason` takes them). */
export const CRL_REASONS: Readonly<Record<string, number>> = {
  unspecified: 0,
  keyCompromise: 1,
  CACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  AACompromise: 10,
};

/** The text `openssl crl -text` prints for a reason code (v3_enum.c's long names). */
export const CRL_REASON_TEXT: Readonly<Record<number, string>> = {
  0: 'Unspecified',
  1: 'Key Compromise',
  2: 'CA Compromise',
  3: 'Affiliation Changed',
  4: 'Superseded',
  5: 'Cessation Of Operation',
  6: 'Certificate Hold',
  8: 'Remove From CRL',
  9: 'Privilege Withdrawn',
  10: 'AA Compromise',
};

const OID_CRL_NUMBER = '2.5.29.20';

function derInteger(n: number): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  let v = Math.max(0, Math.floor(n));
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return Uint8Array.from([0x02, bytes.length, ...bytes]);
}

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = x509.PemConverter.encode(der, label);
  return b64.replace(/\r\n/g, '\n') + (b64.endsWith('\n') ? '' : '\n');
}

function signingAlgorithm(key: CryptoKey): Algorithm | EcdsaParams {
  const name = key.algorithm.name;
  if (name === 'ECDSA') return { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams;
  return { name, hash: 'SHA-256' } as Algorithm;
}

/** A v2 CRL signed with SHA-256 by `issuerKey`, as PEM (`-----BEGIN X509 CRL-----`). */
export async function buildCrl(opts: BuildCrlOptions): Promise<string> {
  const [issuerDer] = x509.PemConverter.decode(opts.issuerCertPem);
  if (!issuerDer) throw new Error('buildCrl: no certificate in issuerCertPem');
  const issuer = new x509.X509Certificate(issuerDer);
  const extensions: x509.Extension[] = [];
  if (opts.crlNumber !== undefined) extensions.push(new x509.Extension(OID_CRL_NUMBER, false, derInteger(opts.crlNumber)));
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: new x509.Name(issuer.subjectName.toArrayBuffer()),
      thisUpdate: opts.thisUpdate,
      nextUpdate: opts.nextUpdate,
      signingAlgorithm: signingAlgorithm(opts.issuerKey),
      signingKey: opts.issuerKey,
      extensions,
      entries: opts.entries.map((e) => {
        const code = e.reason === undefined ? undefined : CRL_REASONS[e.reason];
        return {
          serialNumber: e.serial.toLowerCase(),
          revocationDate: e.revoked,
          ...(code === undefined ? {} : { reason: code as x509.X509CrlReason }),
        };
      }),
    },
    { subtle: opts.subtle } as Crypto,
  );
  return toPem('X509 CRL', crl.rawData);
}

export interface CrlEntryFacts {
  /** Hex, upper case, as `openssl crl -text` prints it. */
  serial: string;
  revoked: Date;
  reason?: number;
}

export interface CrlFacts {
  der: Uint8Array<ArrayBuffer>;
  issuerDer: Uint8Array<ArrayBuffer>;
  /** OpenSSL's one-line form, e.g. `C = US, O = Example Org, CN = Example Test CA`. */
  issuer: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  crlNumber?: bigint;
  entries: CrlEntryFacts[];
  /** x509's object, for signature checks (pki only). */
  readonly raw: x509.X509Crl;
}

/** The one-line DN form OpenSSL prints (XN_FLAG_ONELINE): `C = US, O = Example Org, CN = x`. */
export function onelineName(name: x509.Name): string {
  const parts: string[] = [];
  for (const rdn of name.toJSON()) {
    for (const [type, values] of Object.entries(rdn)) {
      for (const v of values) parts.push(`${type === 'E' ? 'emailAddress' : type} = ${v}`);
    }
  }
  return parts.join(', ');
}

function bigHex(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Reads a CRL from DER; null when it is not one. Never throws. */
export function parseCrlDer(input: Uint8Array): CrlFacts | null {
  const der = firstObject(input);
  if (!der) return null;
  try {
    const crl = new x509.X509Crl(Uint8Array.from(der));
    let crlNumber: bigint | undefined;
    const ext = crl.getExtension(OID_CRL_NUMBER);
    if (ext) {
      const v = new Uint8Array(ext.value);
      if (v[0] === 0x02 && v.length >= 2) crlNumber = bigHex(v.subarray(2, 2 + v[1]));
    }
    return {
      der: Uint8Array.from(der),
      issuerDer: new Uint8Array(crl.issuerName.toArrayBuffer()),
      issuer: onelineName(crl.issuerName),
      thisUpdate: crl.thisUpdate,
      nextUpdate: crl.nextUpdate,
      crlNumber,
      entries: crl.entries.map((e) => ({
        serial: e.serialNumber.toUpperCase(),
        revoked: e.revocationDate,
        ...(e.reason === undefined ? {} : { reason: e.reason as number }),
      })),
      raw: crl,
    };
  } catch {
    return null;
  }
}

/** The DER of each `-----BEGIN X509 CRL-----` block of a PEM text. */
export function crlPemBlocks(pem: string): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (const m of pem.matchAll(/-----BEGIN X509 CRL-----([A-Za-z0-9+/=\s]*)-----END X509 CRL-----/g)) {
    try {
      out.push(Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
    } catch {
      // not base64
    }
  }
  return out;
}

/** True when `crl` is signed by the key of `issuerDer` (a certificate). Never throws. */
export async function crlSignedBy(crl: CrlFacts, issuerDer: Uint8Array, subtle: SubtleCrypto): Promise<boolean> {
  try {
    const ca = new x509.X509Certificate(Uint8Array.from(issuerDer));
    return await crl.raw.verify({ publicKey: ca.publicKey }, { subtle } as Crypto);
  } catch {
    return false;
  }
}
