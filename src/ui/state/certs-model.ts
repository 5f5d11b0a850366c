/**
 * The Certificates panel's model, plain TypeScript (tested in Node): a
 * certificate's facts as the panel shows them (DN fields, validity, serial,
 * key, extensions, SHA-256 fingerprint, PEM / DER / ASN.1 tree), a chain's
 * verification by core/pki's OpenSSL-3.0 engine with `openssl verify`'s
 * lines, and Sendmail's `{verify}` value with the reason.
 * Imported only by the lazily loaded panel (it pulls @peculiar/x509).
 */
import { readCert, verifyChain, verifyReport, type CertFacts, type VerifyResult } from '../../core/pki/verify.ts';
import { fingerprint256 } from '../../core/pki/verify-cert.ts';
import { parseAsn1, type Asn1Node } from '../../core/pki/asn1-tree.ts';
import { OID_NAMES } from '../../core/pki/asn1-tree-oids.ts';
import { crlPemBlocks, parseCrlDer, CRL_REASON_TEXT, type CrlFacts } from '../../core/pki/crl.ts';
import { pemBlocks } from '../../core/pki/chain.ts';

export const DN_KEYS = [
  ['CN', 'Common name (CN)'],
  ['O', 'Organization (O)'],
  ['OU', 'Organizational unit (OU)'],
  ['L', 'Locality (L)'],
  ['ST', 'State or province (ST)'],
  ['C', 'Country (C)'],
  ['E', 'Email address (emailAddress)'],
] as const;

export interface DnRow {
  key: string;
  label: string;
  value: string;
}

export interface ExtensionRow {
  oid: string;
  name: string;
  critical: boolean;
  text: string;
}

export interface CertView {
  facts: CertFacts;
  der: Uint8Array;
  pem: string;
  subject: DnRow[];
  issuer: DnRow[];
  notBefore: string;
  notAfter: string;
  serial: string;
  publicKey: string;
  signatureAlgorithm: string;
  extensions: ExtensionRow[];
  fingerprint: string;
  asn1: Asn1Node[];
}

const KU_NAMES: [number, string][] = [
  [1, 'Digital Signature'],
  [2, 'Non Repudiation'],
  [4, 'Key Encipherment'],
  [8, 'Data Encipherment'],
  [16, 'Key Agreement'],
  [32, 'Certificate Sign'],
  [64, 'CRL Sign'],
  [128, 'Encipher Only'],
  [256, 'Decipher Only'],
];

const colonHex = (hex: string): string => (hex.match(/../g) ?? []).join(':').toUpperCase();

function ipText(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.');
  const g: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) g.push(((b[i] << 8) | b[i + 1]).toString(16).toUpperCase());
  return g.join(':');
}

function extensionText(f: CertFacts, oid: string): string {
  switch (oid) {
    case '2.5.29.19':
      return f.bc ? `CA:${f.bc.ca ? 'TRUE' : 'FALSE'}${f.bc.pathLen !== undefined ? `, pathlen:${f.bc.pathLen}` : ''}` : '';
    case '2.5.29.15':
      return KU_NAMES.filter(([bit]) => (f.ku ?? 0) & bit).map(([, n]) => n).join(', ');
    case '2.5.29.17':
      return [...f.sanDns.map((d) => `DNS:${d}`), ...f.sanIp.map((ip) => `IP Address:${ipText(ip)}`), ...f.sanEmail.map((e) => `email:${e}`)].join(', ');
    case '2.5.29.14':
      return f.ski ? colonHex(f.ski) : '';
    case '2.5.29.35':
      return f.akiKeyId ? `keyid:${colonHex(f.akiKeyId)}` : '';
    case '2.5.29.37': {
      const ext = f.raw.extensions.find((e) => e.type === oid) as unknown as { usages?: string[] } | undefined;
      return (ext?.usages ?? []).map((u) => OID_NAMES[u] ?? u).join(', ');
    }
    default:
      return '';
  }
}

function dnRows(name: { getField(k: string): string[] }): DnRow[] {
  const rows: DnRow[] = [];
  for (const [key, label] of DN_KEYS) for (const value of name.getField(key)) rows.push({ key: key === 'E' ? 'emailAddress' : key, label, value });
  return rows;
}

function pemOf(der: Uint8Array): string {
  let s = '';
  for (const b of der) s += String.fromCharCode(b);
  const lines = btoa(s).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Everything the panel shows of one certificate; null when `der` is not one. */
export async function describeCert(der: Uint8Array, subtle: SubtleCrypto): Promise<CertView | null> {
  const f = readCert(der);
  if (!f) return null;
  return {
    facts: f,
    der: f.der,
    pem: pemOf(f.der),
    subject: dnRows(f.raw.subjectName),
    issuer: dnRows(f.raw.issuerName),
    notBefore: new Date(f.notBefore).toISOString().replace('.000Z', 'Z'),
    notAfter: new Date(f.notAfter).toISOString().replace('.000Z', 'Z'),
    serial: colonHex(f.serial.length % 2 ? `0${f.serial}` : f.serial),
    publicKey: f.keyText,
    signatureAlgorithm: f.signatureAlgorithm,
    extensions: f.raw.extensions.map((e) => ({ oid: e.type, name: OID_NAMES[e.type] ?? e.type, critical: e.critical, text: extensionText(f, e.type) })),
    fingerprint: await fingerprint256(f.der, subtle),
    asn1: parseAsn1(f.der).lines,
  };
}

/** The certificates of a PEM text (or of DER bytes), in order. */
export function certsOf(bytes: Uint8Array | string): Uint8Array[] {
  const text = typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (text.includes('-----BEGIN')) return pemBlocks(text).filter((d) => readCert(d) !== null);
  const raw = typeof bytes === 'string' ? null : bytes;
  return raw && readCert(raw) ? [raw] : [];
}

export function crlsOf(text: string): CrlFacts[] {
  return crlPemBlocks(text).map(parseCrlDer).filter((c): c is CrlFacts => c !== null);
}

export interface SendmailVerify {
  value: 'OK' | 'NO' | 'FAIL' | 'NONE';
  why: string;
}

/**
 * Sendmail's `{verify}` for a peer's chain: NONE without STARTTLS, NO when the
 * peer sent no certificate, OK when OpenSSL's verification succeeded, FAIL
 * with OpenSSL's reason otherwise (tls.c takes SSL_get_verify_result).
 */
export function sendmailVerify(result: VerifyResult | null, presented: boolean, tls = true): SendmailVerify {
  if (!tls) return { value: 'NONE', why: 'No STARTTLS on this connection.' };
  if (!presented || !result) return { value: 'NO', why: 'The peer presented no certificate.' };
  if (result.ok) return { value: 'OK', why: 'The chain verified against the trusted CA certificates (CACertFile / CACertPath).' };
  return { value: 'FAIL', why: `OpenSSL: error ${result.errorCode} at depth ${result.errorDepth}: ${result.errorString}.` };
}

export interface ChainInput {
  /** As presented: leaf first, then the certificates sent with it. */
  chain: Uint8Array[];
  trusted: Uint8Array[];
  crls?: Uint8Array[];
  atTime: number;
  hostname?: string;
  crlCheck?: boolean;
}

export interface ChainVerification {
  result: VerifyResult;
  /** The `openssl verify` lines for it (file name `cert.pem`). */
  out: string;
  err: string;
}

export async function verifyInput(input: ChainInput, subtle: SubtleCrypto): Promise<ChainVerification | null> {
  const [leaf, ...rest] = input.chain;
  if (!leaf) return null;
  const result = await verifyChain(
    leaf,
    { trusted: input.trusted, untrusted: rest, crls: input.crls ?? [], atTime: input.atTime, verifyHostname: input.hostname, crlCheck: input.crlCheck ? 'leaf' : false },
    subtle,
  );
  return { result, ...verifyReport('cert.pem', result) };
}

export interface CrlRow {
  serial: string;
  revoked: string;
  reason: string;
}

export function crlRows(crl: CrlFacts): CrlRow[] {
  return crl.entries.map((e) => ({
    serial: e.serial,
    revoked: e.revoked.toISOString().replace('.000Z', 'Z'),
    reason: e.reason === undefined ? '' : (CRL_REASON_TEXT[e.reason] ?? String(e.reason)),
  }));
}

/** Rows of a hex dump (16 bytes a row) with their offsets, as `xxd` lays them out. */
export function hexRows(der: Uint8Array): { offset: number; bytes: number[] }[] {
  const rows: { offset: number; bytes: number[] }[] = [];
  for (let i = 0; i < der.length; i += 16) rows.push({ offset: i, bytes: [...der.subarray(i, i + 16)] });
  return rows;
}

/** The asn1parse line of a node (`    0:d=0  hl=4 l=1051 cons: SEQUENCE`), without indentation of the name. */
export function asn1Line(n: Asn1Node): string {
  const l = n.length < 0 ? 'l=inf ' : `l=${String(n.length).padStart(4, ' ')}`;
  const v = n.value === undefined ? '' : n.hexDump ? ` ${n.value}` : ` :${n.value}`;
  return `${String(n.offset).padStart(5, ' ')}:d=${n.depth} hl=${n.headerLength} ${l} ${n.constructed ? 'cons' : 'prim'}: ${n.name}${v}`;
}
