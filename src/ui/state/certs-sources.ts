/**
 * Where the Certificates panel's chains come from (plain TypeScript, tested
 * in Node): the reference world's /etc/mail/certs (the server's certificate
 * file as Sendmail presents it, the CA file it trusts, CRLs lying there), the
 * latest TLS session of the trace (the certificates the server sent, the
 * client's if any), and the failure catalogue on its fixed clock.
 */
import type { TraceEvent } from '../../core/trace/index.ts';
import type { CatalogueCase } from '../../core/pki/verify-catalogue.ts';
import { tlsSessions } from './tls-sessions.ts';
import { handshakeSessions } from './handshake-model.ts';
import { sentCertificates } from './hash-model.ts';
import { certsOf, crlsOf, type ChainInput } from './certs-model.ts';
import { crlPemBlocks } from '../../core/pki/crl.ts';

export const CERT_DIR = '/etc/mail/certs';

/** What the panel needs of the world's files. */
export interface FileReader {
  exists(path: string): boolean;
  readText(path: string): string;
  readdir(path: string): string[];
}

export interface ChainSource extends ChainInput {
  id: string;
  label: string;
  /** Where each part came from, for the text under the chain. */
  origin: string;
  /** The `openssl verify` command that gives the same verdict. */
  command: string;
  /** CRL files found (name, PEM text). */
  crlFiles: { name: string; text: string }[];
  /** The connection had STARTTLS (for {verify} NONE). */
  tls: boolean;
}

function read(fs: FileReader, path: string): string | null {
  try {
    return fs.exists(path) ? fs.readText(path) : null;
  } catch {
    return null;
  }
}

function crlFilesIn(fs: FileReader): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let names: string[] = [];
  try {
    names = fs.exists(CERT_DIR) ? fs.readdir(CERT_DIR) : [];
  } catch {
    names = [];
  }
  for (const n of names) {
    const t = read(fs, `${CERT_DIR}/${n}`);
    if (t && t.includes('-----BEGIN X509 CRL-----')) out.push({ name: `${CERT_DIR}/${n}`, text: t });
  }
  return out;
}

/** The server's chain as Sendmail presents it (ServerCertFile) and as a client trusting CAcert.pem validates it. */
export function referenceSource(fs: FileReader, now: number): ChainSource | null {
  const cert = read(fs, `${CERT_DIR}/mycert.pem`);
  if (cert === null) return null;
  const ca = read(fs, `${CERT_DIR}/CAcert.pem`) ?? '';
  const crlFiles = crlFilesIn(fs);
  const crls = crlFiles.flatMap((f) => crlPemBlocks(f.text));
  return {
    id: 'reference',
    label: 'Server certificate in /etc/mail/certs',
    origin: `${CERT_DIR}/mycert.pem (ServerCertFile), trusted: ${CERT_DIR}/CAcert.pem (CACertFile)`,
    chain: certsOf(cert),
    trusted: certsOf(ca),
    crls,
    atTime: now,
    crlCheck: crls.length > 0,
    command: `openssl verify -CAfile ${CERT_DIR}/CAcert.pem${crls.length ? ` -crl_check -CRLfile ${crlFiles[0].name}` : ''} ${CERT_DIR}/mycert.pem`,
    crlFiles,
    tls: true,
  };
}

/** The certificates the latest TLS session carried: the server's chain, or the client's when `side` is client. */
export function sessionSource(events: readonly TraceEvent[], fs: FileReader, now: number, side: 'server' | 'client' = 'server'): ChainSource | null {
  const sessions = handshakeSessions(tlsSessions(events));
  const last = sessions[sessions.length - 1];
  if (!last) return null;
  const chain = sentCertificates(last.timeline)
    .filter((c) => c.sender === side)
    .map((c) => c.der);
  const ca = read(fs, `${CERT_DIR}/CAcert.pem`) ?? '';
  return {
    id: `session-${side}`,
    label: `${side === 'server' ? "Server's" : "Client's"} chain in ${last.label}`,
    origin: `Certificate message of ${last.label}; trusted: ${CERT_DIR}/CAcert.pem`,
    chain,
    trusted: certsOf(ca),
    crls: [],
    atTime: now,
    command: `openssl verify -CAfile ${CERT_DIR}/CAcert.pem${chain.length > 1 ? ' -untrusted chain.pem' : ''} ${side}.pem`,
    crlFiles: [],
    tls: true,
  };
}

/** A catalogue case as a chain to verify (its files and `openssl verify` arguments). */
export function catalogueSource(c: CatalogueCase, atTime: number): ChainSource {
  const arg = (name: string): string | undefined => {
    const i = c.args.indexOf(name);
    return i >= 0 ? c.args[i + 1] : undefined;
  };
  const file = (name: string | undefined): string => (name ? (c.files[name] ?? '') : '');
  const crlText = file(arg('-CRLfile'));
  return {
    id: `catalogue-${c.id}`,
    label: c.label,
    origin: `Files: ${Object.keys(c.files).join(', ')} (-CAfile is trusted; -untrusted is sent along with the certificate).`,
    chain: [...certsOf(file(c.args[c.args.length - 1])), ...certsOf(file(arg('-untrusted')))],
    trusted: certsOf(file(arg('-CAfile'))),
    crls: crlPemBlocks(crlText),
    atTime,
    hostname: arg('-verify_hostname'),
    crlCheck: c.args.includes('-crl_check'),
    command: `openssl verify -attime ${atTime / 1000} ${c.args.join(' ')}`,
    crlFiles: crlText ? [{ name: arg('-CRLfile')!, text: crlText }] : [],
    tls: true,
  };
}

export { crlsOf };

/** The catalogue's clock (2030-01-01T00:00:00Z). */
export const CATALOGUE_CLOCK = Date.UTC(2030, 0, 1);

/** Makes the failure catalogue (WebCrypto keys; a fixed seed for serial-free randomness). */
export async function loadCatalogue(subtle: SubtleCrypto): Promise<CatalogueCase[]> {
  const [{ makeCatalogue }, { seededRandom }] = await Promise.all([import('../../core/pki/verify-catalogue.ts'), import('../../core/trace/index.ts')]);
  return makeCatalogue(subtle, seededRandom(1));
}

/** A key that changes only when what would be verified changes (the clock counts by the minute). */
export function sourceKey(s: ChainSource | null): string {
  if (!s) return '';
  const sum = (d: Uint8Array): number => d.reduce((a, b, i) => (a + b * (i + 1)) % 1_000_003, d.length);
  return [s.id, s.chain.map(sum).join(','), s.trusted.map(sum).join(','), s.crls?.map(sum).join(',') ?? '', s.hostname ?? '', Math.floor(s.atTime / 60_000)].join('|');
}

export type { CatalogueCase };
