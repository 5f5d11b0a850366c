/**
 * How OpenSSL 3.0's client verifies the server's chain, as far as s_client and
 * swaks show it: build the path from the leaf through the certificates the
 * server sent to one of the trusted CAs (-CAfile, -CApath, /etc/ssl/certs),
 * then report errors in OpenSSL's order (chain building, then the host name,
 * then each certificate from the top down) through s_client's verify
 * callback, which prints `depth=N subject`, `verify error:num=N:text` and
 * `verify return:1` and never stops the handshake.
 *
 * Captured: test/fixtures/s-client/ (ok, 19 self-signed certificate in
 * certificate chain, 62 hostname mismatch).
 * SIMPLIFIED: no key usage, path length, policy or CRL checks; errors 18, 20,
 * 21, 9, 10 and 7 follow OpenSSL's x509_vfy.c order but were not captured here.
 */
import { equalBytes } from '../../bytes/index.ts';
import { issuedByOneOf } from '../../pki/chain.ts';
import type { CertInfo } from './tls-client-cert.ts';
import { matchesHost } from './tls-client-cert.ts';

/** X509_verify_cert_error_string. */
export const VERIFY_TEXT: Record<number, string> = {
  0: 'ok',
  7: 'certificate signature failure',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  18: 'self-signed certificate',
  19: 'self-signed certificate in certificate chain',
  20: 'unable to get local issuer certificate',
  21: 'unable to verify the first certificate',
  62: 'hostname mismatch',
};

export interface VerifyCall {
  readonly depth: number;
  readonly subject: string;
  /** The error of this call, or 0 for the call that says the certificate is fine. */
  readonly error: number;
}

export interface ChainVerdict {
  /** The verify callback's calls, in order. */
  readonly calls: readonly VerifyCall[];
  /** SSL_get_verify_result: the last error, 0 when none. */
  readonly code: number;
  /** The host name checked and matched (s_client's "Verified peername"). */
  readonly peername?: string;
}

async function signs(subtle: SubtleCrypto, issuer: CertInfo, cert: CertInfo): Promise<boolean> {
  // issuedByOneOf also checks the validity period; that is reported on its own, so check at a time inside it.
  return issuedByOneOf(subtle, cert.der, [issuer.der], cert.notBefore + 1000);
}

const selfIssued = (c: CertInfo): boolean => equalBytes(c.subjectDer, c.issuerDer);

export async function verifyChain(subtle: SubtleCrypto, sent: readonly CertInfo[], trusted: readonly CertInfo[], now: number, hostname?: string): Promise<ChainVerdict> {
  const calls: VerifyCall[] = [];
  let code = 0;
  const error = (depth: number, c: CertInfo, num: number): void => {
    calls.push({ depth, subject: c.subject, error: num });
    code = num;
  };
  const isTrusted = (c: CertInfo): boolean => trusted.some((t) => equalBytes(t.der, c.der));

  // Chain building: trusted issuers first, then the ones the server sent.
  const path: CertInfo[] = [sent[0]];
  let anchored = isTrusted(sent[0]);
  for (let guard = 0; guard < 10 && !anchored; guard++) {
    const cur = path[path.length - 1];
    if (selfIssued(cur)) break;
    let next: CertInfo | undefined;
    for (const t of trusted) if (equalBytes(t.subjectDer, cur.issuerDer) && (await signs(subtle, t, cur))) next ??= t;
    if (next) {
      path.push(next);
      anchored = true;
      break;
    }
    next = sent.slice(1).find((c) => equalBytes(c.subjectDer, cur.issuerDer) && !path.includes(c));
    if (!next) break;
    path.push(next);
    anchored = isTrusted(next);
  }
  const top = path.length - 1;
  let firstUnverified = false;
  if (!anchored) {
    if (selfIssued(path[top])) error(top, path[top], top === 0 ? 18 : 19);
    else {
      error(top, path[top], 20);
      if (top === 0) firstUnverified = true;
    }
  }
  if (firstUnverified) error(0, path[0], 21);
  let peername: string | undefined;
  if (hostname !== undefined) {
    if (matchesHost(path[0], hostname)) peername = hostname;
    else error(0, path[0], 62);
  }
  // internal_verify: from the top down, each certificate's signature and dates.
  for (let d = top; d >= 0; d--) {
    const c = path[d];
    const issuer = d === top ? (selfIssued(c) ? c : null) : path[d + 1];
    if (issuer && !(await signs(subtle, issuer, c))) error(d, c, 7);
    if (now < c.notBefore) error(d, c, 9);
    if (now > c.notAfter) error(d, c, 10);
    calls.push({ depth: d, subject: c.subject, error: 0 });
  }
  return { calls, code, peername: code === 0 ? peername : undefined };
}

/** What s_client's verify callback prints for `calls` (`quiet` is -brief: errors only, no "verify return"). */
export function verifyLines(calls: readonly VerifyCall[], quiet: boolean): string {
  let out = '';
  for (const c of calls) {
    if (quiet && c.error === 0) continue;
    out += `depth=${c.depth} ${c.subject}\n`;
    if (c.error !== 0) out += `verify error:num=${c.error}:${VERIFY_TEXT[c.error]}\n`;
    if (!quiet) out += 'verify return:1\n';
  }
  return out;
}
