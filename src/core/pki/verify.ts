/**
 * Chain verification as OpenSSL 3.0's X509_verify_cert decides it
 * (crypto/x509/x509_vfy.c), with `openssl verify`'s callback (apps/verify.c):
 *
 *   build_chain      issuer by name + AKI/SKI, trusted store first, a
 *                    time-valid candidate preferred; 18 / 19 / 20 / 2
 *   check_extensions basicConstraints CA (79), path length (25)
 *   check_id         host name vs SAN DNS (CN only without SAN DNS) (62), IP (64)
 *   check_revocation CRLs of the leaf (-crl_check) or all (-crl_check_all):
 *                    3, 33, 35, 11/12, 8, 23
 *   internal_verify  from the top: issuer keyUsage keyCertSign (32),
 *                    signature (7), validity at the time (9 / 10)
 *
 * The callback of `openssl verify` lets verification go on after some errors
 * (CONTINUE below): every error is reported; the last one is the result.
 * Each link's signature is also checked live for the panel (steps).
 */
import { crlSignedBy, parseCrlDer, type CrlFacts } from './crl.ts';
import { KU, readCert, parseIp, signedBy, type CertFacts } from './verify-cert.ts';

export { readCert, type CertFacts } from './verify-cert.ts';

/** X509_verify_cert_error_string, OpenSSL 3.0 (captured: test/fixtures/pki-verify/expected/error-strings.tsv). */
export const X509_V_ERR: Readonly<Record<number, string>> = {
  0: 'ok',
  2: 'unable to get issuer certificate',
  3: 'unable to get certificate CRL',
  6: 'unable to decode issuer public key',
  7: 'certificate signature failure',
  8: 'CRL signature failure',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  11: 'CRL is not yet valid',
  12: 'CRL has expired',
  18: 'self-signed certificate',
  19: 'self-signed certificate in certificate chain',
  20: 'unable to get local issuer certificate',
  21: 'unable to verify the first certificate',
  23: 'certificate revoked',
  24: "issuer certificate doesn't have a public key",
  25: 'path length constraint exceeded',
  26: 'unsuitable certificate purpose',
  32: 'key usage does not include certificate signing',
  33: 'unable to get CRL issuer certificate',
  34: 'unhandled critical extension',
  35: 'key usage does not include CRL signing',
  37: 'invalid non-CA certificate (has CA markings)',
  41: 'invalid or inconsistent certificate extension',
  62: 'hostname mismatch',
  63: 'email address mismatch',
  64: 'IP address mismatch',
  79: 'invalid CA certificate',
};

/** Errors after which `openssl verify`'s callback lets verification continue (apps/verify.c). */
const CONTINUE = new Set([10, 18, 79, 37, 25, 12, 11, 34]);

export interface VerifyOptions {
  trusted: readonly Uint8Array[];
  untrusted?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
  /** ms since the epoch (-attime is seconds: multiply). */
  atTime: number;
  verifyHostname?: string;
  verifyIp?: string;
  /** 'leaf' for -crl_check, 'all' for -crl_check_all. */
  crlCheck?: false | 'leaf' | 'all';
  /** SIMPLIFIED: purposes are not checked (openssl verify checks none unless -purpose). */
  purpose?: string;
  /** -partial_chain: a trusted certificate anchors the chain even when not self-signed. */
  partialChain?: boolean;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface VerifyStep {
  depth: number;
  subject: string;
  issuer: string;
  trusted: boolean;
  /** The signature checked live with WebCrypto against the next link (itself for the top when self-signed); null when there is no issuer. */
  signatureValid: boolean | null;
  checks: Check[];
}

export interface VerifyError {
  code: number;
  depth: number;
  /** The subject of the certificate the error is about (printed first by openssl verify). */
  subject: string | null;
  text: string;
}

export interface VerifyResult {
  ok: boolean;
  errorCode: number;
  errorDepth: number;
  errorString: string;
  /** Every error the callback saw, in order (openssl verify prints each). */
  errors: VerifyError[];
  chain: { cert: CertFacts; trusted: boolean }[];
  steps: VerifyStep[];
  /** The CRL consulted for each depth checked. */
  crlsUsed: { depth: number; crl: CrlFacts }[];
}

class Stop extends Error {}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

interface Ctx {
  errors: VerifyError[];
  chain: { cert: CertFacts; trusted: boolean }[];
  checks: Check[][];
}

function fail(ctx: Ctx, code: number, depth: number, cert: CertFacts | null): void {
  ctx.errors.push({ code, depth, subject: cert ? cert.subject : null, text: X509_V_ERR[code] ?? `error number ${code}` });
  if (!CONTINUE.has(code)) throw new Stop();
}

function note(ctx: Ctx, depth: number, name: string, ok: boolean, detail: string): void {
  ctx.checks[depth]?.push({ name, ok, detail });
}

/** ossl_x509_likely_issued: names, then AKI keyid against the issuer's SKI. */
function likelyIssued(issuer: CertFacts, subject: CertFacts): boolean {
  if (issuer.subjectKey !== subject.issuerKey) return false;
  if (subject.akiKeyId !== undefined && issuer.ski !== undefined && subject.akiKeyId !== issuer.ski) return false;
  return true;
}

function timeValid(c: CertFacts, t: number): boolean {
  return c.notBefore <= t && t < c.notAfter;
}

/** X509_STORE_CTX_get1_issuer / find_issuer: a time-valid candidate, else the one expiring last. */
function findIssuer(x: CertFacts, pool: readonly CertFacts[], t: number, exclude: readonly CertFacts[]): CertFacts | null {
  let best: CertFacts | null = null;
  for (const c of pool) {
    if (exclude.includes(c) || !likelyIssued(c, x)) continue;
    if (timeValid(c, t)) return c;
    if (!best || c.notAfter > best.notAfter) best = c;
  }
  return best;
}

/** X509_check_ca: 0 not a CA, 1 CA by basicConstraints, 3 v1 self-signed root, 4 keyUsage keyCertSign without basicConstraints. */
function checkCa(c: CertFacts): number {
  if (c.ku !== undefined && !(c.ku & KU.keyCertSign)) return 0;
  if (c.bc) return c.bc.ca ? 1 : 0;
  if (c.version === 1 && c.selfSigned) return 3;
  if (c.ku !== undefined) return 4;
  return 0;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  const star = p.indexOf('*');
  if (star < 0) return false;
  // Wildcard in the leftmost label only, with at least two labels after it (OpenSSL's valid_star).
  const dot = p.indexOf('.');
  if (dot < 0 || star > dot || p.indexOf('*', star + 1) >= 0 || p.slice(dot + 1).split('.').length < 2) return false;
  const hdot = h.indexOf('.');
  if (hdot < 0 || h.slice(hdot) !== p.slice(dot)) return false;
  const label = h.slice(0, hdot);
  const pre = p.slice(0, star);
  const post = p.slice(star + 1, dot);
  return label.length >= pre.length + post.length && label.startsWith(pre) && label.endsWith(post) && (label.length > 0);
}

function buildChain(leaf: CertFacts, trusted: CertFacts[], untrusted: CertFacts[], t: number, ctx: Ctx, partial: boolean): void {
  ctx.chain = [{ cert: leaf, trusted: trusted.some((c) => sameDer(c, leaf)) }];
  ctx.checks = [[]];
  let cur = leaf;
  for (let depth = 0; depth < 100; depth++) {
    const inChain = ctx.chain.map((l) => l.cert);
    if (cur.selfSigned && likelyIssued(cur, cur)) break;
    const fromStore = findIssuer(cur, trusted, t, inChain);
    const issuer = fromStore ?? findIssuer(cur, untrusted, t, inChain);
    if (!issuer) break;
    ctx.chain.push({ cert: issuer, trusted: fromStore !== null });
    ctx.checks.push([]);
    note(ctx, depth, 'issuer', true, `issued by ${issuer.subject} (${fromStore ? 'trusted store' : 'untrusted'})`);
    cur = issuer;
  }
  // check_trust: a self-signed certificate from the trusted store anchors the chain.
  const anchored = ctx.chain.some((l) => l.trusted && (l.cert.selfSigned || partial));
  const num = ctx.chain.length;
  const top = ctx.chain[num - 1].cert;
  if (anchored) {
    note(ctx, num - 1, 'trust', true, 'trust anchor from the CA file');
    return;
  }
  if (top.selfSigned) {
    note(ctx, num - 1, 'trust', false, 'self-signed but not in the trusted store');
    fail(ctx, num === 1 ? 18 : 19, num - 1, top);
  } else {
    note(ctx, num - 1, 'issuer', false, `no certificate for its issuer ${top.issuer}`);
    fail(ctx, ctx.chain.some((l) => l.trusted) ? 2 : 20, num - 1, top);
  }
}

function sameDer(a: CertFacts, b: CertFacts): boolean {
  return a.der.length === b.der.length && a.der.every((x, i) => x === b.der[i]);
}

function checkExtensions(ctx: Ctx): void {
  const num = ctx.chain.length;
  let plen = 0;
  for (let i = 0; i < num; i++) {
    const x = ctx.chain[i].cert;
    if (x.unhandledCritical) {
      note(ctx, i, 'critical extensions', false, 'a critical extension OpenSSL does not handle');
      fail(ctx, 34, i, x);
    }
    if (i > 0) {
      const ret = checkCa(x);
      const bad = ret === 0 || (i + 1 < num && ret !== 1);
      note(ctx, i, 'CA', !bad, x.bc ? `basicConstraints CA:${x.bc.ca ? 'TRUE' : 'FALSE'}${x.ku !== undefined && !(x.ku & KU.keyCertSign) ? ', keyUsage without keyCertSign' : ''}` : 'no basicConstraints');
      if (bad) fail(ctx, 79, i, x);
    }
    const pl = x.bc?.ca ? x.bc.pathLen : undefined;
    if (i > 1 && pl !== undefined) {
      note(ctx, i, 'pathlen', plen <= pl, `pathlen:${pl}, ${plen} CA certificate(s) below`);
      if (plen > pl) fail(ctx, 25, i, x);
    }
    if (i > 0 && !x.selfIssued) plen++;
  }
}

function checkId(ctx: Ctx, opts: VerifyOptions): void {
  const leaf = ctx.chain[0].cert;
  if (opts.verifyHostname !== undefined) {
    const names = leaf.sanDns.length > 0 ? leaf.sanDns : leaf.cn;
    const ok = names.some((n) => hostMatches(n, opts.verifyHostname!));
    note(ctx, 0, 'hostname', ok, `${opts.verifyHostname} against ${leaf.sanDns.length > 0 ? 'SAN DNS' : 'CN'} ${names.join(', ') || '(none)'}`);
    if (!ok) fail(ctx, 62, 0, leaf);
  }
  if (opts.verifyIp !== undefined) {
    const ip = parseIp(opts.verifyIp);
    const ok = ip !== null && leaf.sanIp.some((a) => a.length === ip.length && a.every((b, i) => b === ip[i]));
    note(ctx, 0, 'ip', ok, `${opts.verifyIp} against SAN IP`);
    if (!ok) fail(ctx, 64, 0, leaf);
  }
}

async function checkRevocation(ctx: Ctx, opts: VerifyOptions, subtle: SubtleCrypto, used: VerifyResult['crlsUsed']): Promise<void> {
  if (!opts.crlCheck) return;
  const crls = (opts.crls ?? []).map((d) => parseCrlDer(d)).filter((c): c is CrlFacts => c !== null);
  const last = opts.crlCheck === 'all' ? ctx.chain.length - 1 : 0;
  const t = opts.atTime;
  for (let i = 0; i <= last; i++) {
    const x = ctx.chain[i].cert;
    const matching = crls.filter((c) => c.issuer.toLowerCase().replace(/\s+/g, ' ') === x.issuerKey);
    const crl = matching.find((c) => c.thisUpdate.getTime() <= t && (!c.nextUpdate || t < c.nextUpdate.getTime())) ?? matching[0];
    if (!crl) {
      note(ctx, i, 'CRL', false, `no CRL from ${x.issuer}`);
      fail(ctx, 3, i, x);
      continue;
    }
    used.push({ depth: i, crl });
    let issuer: CertFacts | null = null;
    if (i + 1 < ctx.chain.length) issuer = ctx.chain[i + 1].cert;
    else if (x.selfSigned) issuer = x;
    else fail(ctx, 33, i, x);
    if (issuer) {
      if (issuer.ku !== undefined && !(issuer.ku & KU.cRLSign)) fail(ctx, 35, i, x);
      if (crl.thisUpdate.getTime() > t) fail(ctx, 11, i, x);
      else if (crl.nextUpdate && crl.nextUpdate.getTime() <= t) fail(ctx, 12, i, x);
      if (!(await crlSignedBy(crl, issuer.der, subtle))) fail(ctx, 8, i, x);
    }
    const entry = crl.entries.find((e) => e.serial.replace(/^0+/, '') === x.serial.replace(/^0+/, ''));
    note(ctx, i, 'CRL', !entry, entry ? `serial ${x.serial} revoked ${iso(entry.revoked.getTime())}` : `not in the CRL of ${crl.issuer}`);
    if (entry) fail(ctx, 23, i, x);
  }
}

async function internalVerify(ctx: Ctx, t: number, subtle: SubtleCrypto, partial: boolean): Promise<void> {
  let n = ctx.chain.length - 1;
  let xi = ctx.chain[n].cert;
  let xs: CertFacts;
  if (xi.selfSigned && likelyIssued(xi, xi)) xs = xi;
  else if (partial) xs = xi;
  else {
    if (n <= 0) {
      fail(ctx, 21, 0, xi);
      return;
    }
    n--;
    xs = ctx.chain[n].cert;
  }
  while (n >= 0) {
    if (xs !== xi) {
      const issuerDepth = n + 1;
      if (xi.ku !== undefined && !(xi.ku & KU.keyCertSign)) {
        note(ctx, issuerDepth, 'keyCertSign', false, 'keyUsage lacks keyCertSign');
        fail(ctx, 32, issuerDepth, xi);
      }
      const ok = await signedBy(xs, xi, subtle);
      note(ctx, n, 'signature', ok, `${xs.signatureAlgorithm} by ${xi.subject}`);
      if (!ok) fail(ctx, 7, n, xs);
    }
    const nb = xs.notBefore <= t;
    const na = t < xs.notAfter;
    note(ctx, n, 'validity', nb && na, `${iso(xs.notBefore)} to ${iso(xs.notAfter)}${!nb ? ': not yet valid' : !na ? ': expired' : ''}`);
    if (!nb) fail(ctx, 9, n, xs);
    if (!na) fail(ctx, 10, n, xs);
    n--;
    if (n >= 0) {
      xi = xs;
      xs = ctx.chain[n].cert;
    }
  }
}

/** Verifies `leaf` (DER) as `openssl verify` would; never throws on bad input (an unreadable leaf is error 1). */
export async function verifyChain(leaf: Uint8Array, opts: VerifyOptions, subtle: SubtleCrypto): Promise<VerifyResult> {
  const leafCert = readCert(leaf);
  const read = (l: readonly Uint8Array[] | undefined): CertFacts[] => (l ?? []).map(readCert).filter((c): c is CertFacts => c !== null);
  const ctx: Ctx = { errors: [], chain: [], checks: [] };
  const crlsUsed: VerifyResult['crlsUsed'] = [];
  if (!leafCert) {
    return { ok: false, errorCode: 1, errorDepth: 0, errorString: 'unspecified certificate verification error', errors: [], chain: [], steps: [], crlsUsed };
  }
  try {
    buildChain(leafCert, read(opts.trusted), read(opts.untrusted), opts.atTime, ctx, opts.partialChain === true);
    checkExtensions(ctx);
    checkId(ctx, opts);
    await checkRevocation(ctx, opts, subtle, crlsUsed);
    await internalVerify(ctx, opts.atTime, subtle, opts.partialChain === true);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  const steps: VerifyStep[] = [];
  for (let i = 0; i < ctx.chain.length; i++) {
    const c = ctx.chain[i].cert;
    const issuer = ctx.chain[i + 1]?.cert ?? (c.selfSigned ? c : null);
    steps.push({
      depth: i,
      subject: c.subject,
      issuer: c.issuer,
      trusted: ctx.chain[i].trusted,
      signatureValid: issuer ? await signedBy(c, issuer, subtle) : null,
      checks: ctx.checks[i] ?? [],
    });
  }
  const last = ctx.errors[ctx.errors.length - 1];
  return {
    ok: ctx.errors.length === 0,
    errorCode: last?.code ?? 0,
    errorDepth: last?.depth ?? 0,
    errorString: X509_V_ERR[last?.code ?? 0] ?? '',
    errors: ctx.errors,
    chain: ctx.chain,
    steps,
    crlsUsed,
  };
}

/**
 * What `openssl verify` prints for one certificate file and this result
 * (apps/verify.c: each error with the subject first, then OK or
 * `verification failed`; -show_chain lists the chain after OK).
 * SIMPLIFIED: the error-stack lines OpenSSL adds after some failures are the caller's.
 */
export function verifyReport(file: string, r: VerifyResult, showChain = false): { out: string; err: string } {
  let out = '';
  let err = '';
  for (const e of r.errors) {
    if (e.subject !== null) err += `${e.subject}\n`;
    err += `error ${e.code} at ${e.depth} depth lookup: ${e.text}\n`;
  }
  if (r.ok) {
    out += `${file}: OK\n`;
    if (showChain) {
      out += 'Chain:\n';
      r.chain.forEach((l, i) => {
        out += `depth=${i}: ${l.cert.subject}${l.trusted ? '' : ' (untrusted)'}\n`;
      });
    }
  } else {
    err += `error ${file}: verification failed\n`;
  }
  return { out, err };
}
