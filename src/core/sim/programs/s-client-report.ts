/**
 * What `openssl s_client` (OpenSSL 3.0) prints once the handshake is done:
 * print_stuff() on stdout (the chain, the server certificate, the client-CA
 * names, the signature algorithms, the temporary key, the byte counts, the
 * verification, the protocol and cipher, the TLS 1.2 SSL-Session block) and,
 * with -brief, print_ssl_summary() on stderr. Every value comes from the
 * lab's own TLS client (its events and negotiated parameters).
 * Shapes: test/fixtures/s-client/ (real s_client against the lab's bridge and
 * against real Sendmail).
 */
import { toHex } from '../../bytes/index.ts';
import type { Negotiated, TlsEvent } from '../../tls/index.ts';
import type { CertInfo } from './tls-client-cert.ts';
import { opensslTime, toPem } from './tls-client-cert.ts';
import { VERIFY_TEXT, type ChainVerdict } from './tls-client-verify.ts';
import { bioDump } from './s-client-tickets.ts';

/** OpenSSL's names of the TLS SignatureScheme code points (ssl_print_sigalgs). */
const SIGALG_NAMES: Record<number, string> = {
  0x0403: 'ECDSA+SHA256', 0x0503: 'ECDSA+SHA384', 0x0603: 'ECDSA+SHA512', 0x0807: 'ed25519', 0x0808: 'ed448',
  0x0809: 'rsa_pss_pss_sha256', 0x080a: 'rsa_pss_pss_sha384', 0x080b: 'rsa_pss_pss_sha512', 0x0804: 'RSA-PSS+SHA256',
  0x0805: 'RSA-PSS+SHA384', 0x0806: 'RSA-PSS+SHA512', 0x0401: 'RSA+SHA256', 0x0501: 'RSA+SHA384', 0x0601: 'RSA+SHA512',
  0x0303: 'ECDSA+SHA224', 0x0301: 'RSA+SHA224', 0x0302: 'DSA+SHA224', 0x0402: 'DSA+SHA256', 0x0502: 'DSA+SHA384',
  0x0602: 'DSA+SHA512', 0x0203: 'ECDSA+SHA1', 0x0201: 'RSA+SHA1', 0x0202: 'DSA+SHA1',
};
const sigalgName = (id: number): string => SIGALG_NAMES[id] ?? `0x${id.toString(16).padStart(4, '0')}`;

/** What OpenSSL 3.0's client can use of a server's list (TLS 1.3 drops SHA-224, SHA-1 and DSA). */
function shared(ids: readonly number[], version: Negotiated['version']): number[] {
  const sha1 = [0x0203, 0x0201, 0x0202];
  const not13 = [0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, ...sha1];
  return ids.filter((id) => SIGALG_NAMES[id] !== undefined && !(version === 'TLSv1.3' ? not13 : sha1).includes(id));
}

const CERT_TYPES: Record<number, string> = { 1: 'RSA sign', 2: 'DSA sign', 3: 'RSA fixed DH', 4: 'DSS fixed DH', 64: 'ECDSA sign', 65: 'RSA fixed ECDH', 66: 'ECDSA fixed ECDH' };

export interface CertificateRequestFacts {
  /** TLS 1.2 certificate_types. */
  readonly types?: readonly number[];
  readonly sigalgs: readonly number[];
  /** DER distinguished names. */
  readonly authorities: readonly Uint8Array[];
}

const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];

function readAuthorities(b: Uint8Array, at: number, end: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  while (at + 2 <= end) {
    const n = u16(b, at);
    out.push(b.subarray(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return out;
}

function readSigalgs(b: Uint8Array, at: number): number[] {
  const n = u16(b, at);
  const out: number[] = [];
  for (let i = 0; i + 1 < n; i += 2) out.push(u16(b, at + 2 + i));
  return out;
}

/** The CertificateRequest the server sent (raw handshake message, header included). */
export function readCertificateRequest(raw: Uint8Array, version: Negotiated['version']): CertificateRequestFacts | null {
  try {
    const b = raw.subarray(4);
    if (version === 'TLSv1.2') {
      const nt = b[0];
      const types = [...b.subarray(1, 1 + nt)];
      let at = 1 + nt;
      const sigalgs = readSigalgs(b, at);
      at += 2 + u16(b, at);
      const len = u16(b, at);
      return { types, sigalgs, authorities: readAuthorities(b, at + 2, at + 2 + len) };
    }
    let at = 1 + b[0];
    const end = at + 2 + u16(b, at);
    at += 2;
    let sigalgs: number[] = [];
    let authorities: Uint8Array[] = [];
    while (at + 4 <= end) {
      const type = u16(b, at);
      const len = u16(b, at + 2);
      const body = at + 4;
      if (type === 13) sigalgs = readSigalgs(b, body);
      if (type === 47) authorities = readAuthorities(b, body + 2, body + 2 + u16(b, body));
      at = body + len;
    }
    return { sigalgs, authorities };
  } catch {
    return null;
  }
}

/** "Server Temp Key: ..." */
export function tempKey(group: string): string {
  if (group === 'x25519') return 'X25519, 253 bits';
  if (group === 'x448') return 'X448, 448 bits';
  if (group === 'secp256r1') return 'ECDH, prime256v1, 256 bits';
  if (group === 'secp384r1') return 'ECDH, secp384r1, 384 bits';
  return `ECDH, ${group}`;
}

/** "Peer signing digest" and "Peer signature type" of a scheme name. */
export function peerSignature(scheme: string): { digest: string; type: string } {
  const digest = (/sha(\d+)$/.exec(scheme)?.[1] ?? '').replace(/^/, 'SHA');
  const type = scheme.startsWith('rsa_pss') ? 'RSA-PSS' : scheme.startsWith('rsa') ? 'RSA' : scheme.startsWith('ecdsa') ? 'ECDSA' : scheme;
  return { digest, type };
}

export interface SessionFacts {
  readonly negotiated: Negotiated;
  readonly chain: readonly CertInfo[];
  readonly verdict: ChainVerdict;
  readonly certRequest: CertificateRequestFacts | null;
  /** Names of the CA names the server sent, one-line. */
  readonly caNames: readonly string[];
  readonly read: number;
  readonly written: number;
  /** TLS 1.2: the ServerHello's session id and the master secret. */
  readonly sessionId: Uint8Array;
  readonly masterSecret?: Uint8Array;
  /** Seconds since the epoch when the session began. */
  readonly startTime: number;
  readonly showcerts: boolean;
  /** TLS 1.2: the ServerHello's ec_point_formats, when it sent them. */
  readonly pointFormats?: readonly number[];
  /** TLS 1.2: the server's NewSessionTicket (RFC 5077), when it sent one. */
  readonly ticket12?: { readonly lifetimeHint: number; readonly ticket: Uint8Array };
}

function verification(v: ChainVerdict): string {
  if (v.code !== 0) return `Verification error: ${VERIFY_TEXT[v.code]}\n`;
  return 'Verification: OK\n' + (v.peername !== undefined ? `Verified peername: ${v.peername}\n` : '');
}

/** print_stuff(): the block on stdout after the handshake. */
export function fullReport(s: SessionFacts): string {
  const n = s.negotiated;
  let o = '---\nCertificate chain\n';
  s.chain.forEach((c, i) => {
    o += ` ${i} s:${c.subject}\n   i:${c.issuer}\n`;
    o += `   a:PKEY: ${c.keyType}, ${c.keyBits} (bit); sigalg: ${c.sigalg}\n`;
    o += `   v:NotBefore: ${opensslTime(c.notBefore)}; NotAfter: ${opensslTime(c.notAfter)}\n`;
    if (s.showcerts) o += toPem(c.der);
  });
  const leaf = s.chain[0];
  o += '---\nServer certificate\n';
  if (!s.showcerts) o += toPem(leaf.der);
  o += `subject=${leaf.subject}\nissuer=${leaf.issuer}\n---\n`;
  if (s.caNames.length > 0) o += `Acceptable client certificate CA names\n${s.caNames.map((x) => x + '\n').join('')}`;
  else o += 'No client certificate CA names sent\n';
  const cr = s.certRequest;
  if (cr) {
    if (cr.types) o += `Client Certificate Types: ${cr.types.map((t) => CERT_TYPES[t] ?? `UNKNOWN (${t}),`).join(', ')}\n`;
    o += `Requested Signature Algorithms: ${cr.sigalgs.map(sigalgName).join(':')}\n`;
    o += `Shared Requested Signature Algorithms: ${shared(cr.sigalgs, n.version).map(sigalgName).join(':')}\n`;
  }
  const ps = peerSignature(n.signatureScheme);
  o += `Peer signing digest: ${ps.digest}\nPeer signature type: ${ps.type}\nServer Temp Key: ${tempKey(n.group)}\n`;
  o += `---\nSSL handshake has read ${s.read} bytes and written ${s.written} bytes\n`;
  o += verification(s.verdict);
  o += `---\nNew, ${n.version}, Cipher is ${n.cipher}\nServer public key is ${leaf.keyBits} bit\n`;
  o += `Secure Renegotiation IS${n.version === 'TLSv1.2' ? '' : ' NOT'} supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\n`;
  const code = `${s.verdict.code} (${VERIFY_TEXT[s.verdict.code]})`;
  if (n.version === 'TLSv1.3') o += `Early data was not sent\nVerify return code: ${code}\n`;
  else {
    o += 'SSL-Session:\n    Protocol  : TLSv1.2\n';
    o += `    Cipher    : ${n.cipher}\n    Session-ID: ${toHex(s.sessionId).toUpperCase()}\n    Session-ID-ctx: \n`;
    o += `    Master-Key: ${toHex(s.masterSecret ?? new Uint8Array(0)).toUpperCase()}\n`;
    o += '    PSK identity: None\n    PSK identity hint: None\n    SRP username: None\n';
    if (s.ticket12) o += `    TLS session ticket lifetime hint: ${s.ticket12.lifetimeHint} (seconds)\n    TLS session ticket:\n${bioDump(s.ticket12.ticket)}\n`;
    o += `    Start Time: ${s.startTime}\n    Timeout   : 7200 (sec)\n    Verify return code: ${code}\n`;
    o += `    Extended master secret: ${n.extendedMasterSecret ? 'yes' : 'no'}\n`;
  }
  return o + '---\n';
}

/** print_ssl_summary() (-brief), on stderr. */
export function briefReport(s: SessionFacts): string {
  const n = s.negotiated;
  let o = `CONNECTION ESTABLISHED\nProtocol version: ${n.version}\nCiphersuite: ${n.cipher}\n`;
  if (s.certRequest) o += `Requested Signature Algorithms: ${s.certRequest.sigalgs.map(sigalgName).join(':')}\n`;
  const ps = peerSignature(n.signatureScheme);
  o += `Peer certificate: ${s.chain[0].subject}\nHash used: ${ps.digest}\nSignature type: ${ps.type}\n`;
  o += verification(s.verdict);
  if (s.pointFormats) {
    const names = ['uncompressed', 'ansiX962_compressed_prime', 'ansiX962_compressed_char2'];
    o += `Supported Elliptic Curve Point Formats: ${s.pointFormats.map((f) => names[f] ?? String(f)).join(':')}\n`;
  }
  return o + `Server Temp Key: ${tempKey(n.group)}\n`;
}

/** The ec_point_formats a TLS 1.2 ServerHello carries (raw message, header included), or undefined. */
export function serverPointFormats(events: readonly TlsEvent[]): number[] | undefined {
  const sh = events.find((e) => e.kind === 'tls.message' && e.dir === 'received' && e.type === 2);
  if (!sh || sh.kind !== 'tls.message') return undefined;
  const b = sh.raw;
  let at = 4 + 2 + 32;
  at += 1 + b[at] + 2 + 1;
  if (at + 2 > b.length) return undefined;
  const end = at + 2 + u16(b, at);
  for (at += 2; at + 4 <= end; ) {
    const type = u16(b, at);
    const len = u16(b, at + 2);
    if (type === 11) return [...b.subarray(at + 5, at + 5 + b[at + 4])];
    at += 4 + len;
  }
  return undefined;
}

/** The ServerHello's legacy_session_id (raw message, header included). */
export function serverHelloSessionId(events: readonly TlsEvent[]): Uint8Array {
  const sh = events.find((e) => e.kind === 'tls.message' && e.dir === 'received' && e.type === 2);
  if (!sh || sh.kind !== 'tls.message') return new Uint8Array(0);
  const len = sh.raw[4 + 2 + 32];
  return sh.raw.subarray(4 + 2 + 32 + 1, 4 + 2 + 32 + 1 + len);
}
