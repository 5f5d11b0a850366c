/**
 * `openssl crl -in F [-inform DER] [-text] [-noout] [-out F] [-verify -CAfile F]`
 * with OpenSSL 3.0's text layout and messages (test/fixtures/pki-verify/expected).
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { CRL_REASON_TEXT, crlSignedBy, parseCrlDer, type CrlFacts } from '../../pki/crl.ts';
import { readCert } from '../../pki/verify.ts';
import { asn1Time, worldFiles, caFileMissing, certsIn, crlsIn, parseOpts, storeMissing, toPem, type FileAccess, type RunOutput } from './openssl-crl-io.ts';

// SIMPLIFIED: -hash, -outform and -CApath are not offered (they answer as unknown options).
const WITH_VALUE = new Set(['in', 'out', 'inform', 'CAfile']);
const FIELDS = ['issuer', 'lastupdate', 'nextupdate', 'crlnumber', 'fingerprint'];
const FLAGS = new Set(['text', 'noout', 'verify', ...FIELDS]);

function sigName(crl: CrlFacts): string {
  const a = crl.raw.signatureAlgorithm as { name: string; hash?: { name: string } };
  const h = (a.hash?.name ?? 'SHA-256').replace('SHA-', '');
  if (a.name === 'ECDSA') return `ecdsa-with-SHA${h}`;
  if (a.name === 'RSA-PSS') return 'rsassaPss';
  return `sha${h}WithRSAEncryption`;
}

function hexLines(bytes: Uint8Array, indent: string): string {
  const hx = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < hx.length; i += 18) lines.push(indent + hx.slice(i, i + 18).join(':') + (i + 18 < hx.length ? ':' : ''));
  return lines.join('\n') + '\n';
}

/** X509_CRL_print: the text of `openssl crl -text`. SIMPLIFIED: CRL extensions other than CRL Number, and entry extensions other than the reason, are not printed. */
export function crlText(crl: CrlFacts): string {
  const v = crl.raw.version;
  const sig = sigName(crl);
  let s = 'Certificate Revocation List (CRL):\n';
  s += v === undefined ? '        Version 1 (0x0)\n' : `        Version ${Number(v) + 1} (0x${Number(v).toString(16)})\n`;
  s += `        Signature Algorithm: ${sig}\n`;
  s += `        Issuer: ${crl.issuer}\n`;
  s += `        Last Update: ${asn1Time(crl.thisUpdate)}\n`;
  s += `        Next Update: ${crl.nextUpdate ? asn1Time(crl.nextUpdate) : 'NONE'}\n`;
  if (crl.crlNumber !== undefined) s += `        CRL extensions:\n            X509v3 CRL Number: \n                ${crl.crlNumber}\n`;
  if (crl.entries.length === 0) s += 'No Revoked Certificates.\n';
  else {
    s += 'Revoked Certificates:\n';
    for (const e of crl.entries) {
      s += `    Serial Number: ${e.serial}\n        Revocation Date: ${asn1Time(e.revoked)}\n`;
      if (e.reason !== undefined) s += `        CRL entry extensions:\n            X509v3 CRL Reason Code: \n                ${CRL_REASON_TEXT[e.reason] ?? e.reason}\n`;
    }
  }
  s += `    Signature Algorithm: ${sig}\n    Signature Value:\n`;
  s += hexLines(new Uint8Array(crl.raw.signature), '        ');
  return s;
}

export interface CrlRunFiles extends FileAccess {
  write?(path: string, text: string): void;
}

export async function runCrl(argv: readonly string[], fs: CrlRunFiles, subtle: SubtleCrypto, stdin?: () => Promise<Uint8Array>): Promise<RunOutput> {
  const p = parseOpts('crl', argv, WITH_VALUE, FLAGS);
  if (p.error) return { out: '', err: p.error, rc: 1 };
  if (p.rest.length > 0) return { out: '', err: `crl: Unknown option: ${p.rest[0]}\ncrl: Use -help for summary.\n`, rc: 1 };
  const one = (k: string): string | undefined => p.opts.get(k)?.at(-1);
  const file = one('in');
  // Without -in the CRL comes from stdin.
  const bytes = file === undefined ? ((await stdin?.()) ?? new Uint8Array()) : fs.read(file);
  if (!bytes) return { out: '', err: `Could not open file or uri for loading CRL from ${file ?? ''}\n${storeMissing(file ?? '')}Unable to load CRL\n`, rc: 1 };
  const inform = (one('inform') ?? 'PEM').toUpperCase() === 'DER' ? 'DER' : 'PEM';
  const [der] = crlsIn(bytes, inform);
  const crl = der ? parseCrlDer(der) : null;
  if (!crl) return { out: '', err: `Could not read CRL from ${file ?? '<stdin>'}\nUnable to load CRL\n`, rc: 1 };
  let err = '';
  if (p.opts.has('verify')) {
    const cas: Uint8Array[] = [];
    for (const f of p.opts.get('CAfile') ?? []) {
      const b = fs.read(f);
      if (!b) return { out: '', err: caFileMissing(f), rc: 1 };
      cas.push(...certsIn(b));
    }
    const key = crl.issuer.toLowerCase();
    const issuer = cas.find((c) => readCert(c)?.subjectKey === key);
    if (!issuer) return { out: '', err: 'Error getting CRL issuer certificate\n', rc: 1 };
    // As OpenSSL 3.0: a bad signature says so but the exit status stays 0.
    err += (await crlSignedBy(crl, issuer, subtle)) ? 'verify OK\n' : 'verify failure\n';
  }
  let out = '';
  // The one-line fields, in the order the options were given (crl.c numbers them so).
  const order = argv.map((a) => a.replace(/^--?/, '')).filter((a) => FIELDS.includes(a));
  for (const f of new Set(order)) {
    if (f === 'issuer') out += `issuer=${crl.issuer}\n`;
    else if (f === 'lastupdate') out += `lastUpdate=${asn1Time(crl.thisUpdate)}\n`;
    else if (f === 'nextupdate') out += `nextUpdate=${crl.nextUpdate ? asn1Time(crl.nextUpdate) : 'NONE'}\n`;
    else if (f === 'crlnumber') {
      let h = crl.crlNumber?.toString(16).toUpperCase() ?? '';
      if (h.length % 2) h = `0${h}`;
      out += `crlNumber=${crl.crlNumber === undefined ? '<NONE>' : `0x${h}`}\n`;
    } else if (f === 'fingerprint') {
      const d = new Uint8Array(await subtle.digest('SHA-1', Uint8Array.from(crl.der)));
      out += `SHA1 Fingerprint=${[...d].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')}\n`;
    }
  }
  if (p.opts.has('text')) out += crlText(crl);
  if (!p.opts.has('noout')) out += toPem('X509 CRL', crl.der);
  const outFile = one('out');
  if (outFile !== undefined && fs.write) {
    fs.write(outFile, out);
    out = '';
  }
  return { out, err, rc: 0 };
}

export const CRL_SUBCOMMAND: OpensslSubcommand = {
  name: 'crl',
  summary: 'Print, convert and verify certificate revocation lists.',
  async run(ctx: CommandContext, w: WorldServices): Promise<number> {
    const files = worldFiles(ctx);
    const r = await runCrl(ctx.argv.slice(1), {
      ...files,
      write: (path, text) => ctx.vfs.writeFile(ctx.shell.resolve(path), text),
    }, w.subtle, async () => new TextEncoder().encode(await ctx.stdin.readAll()));
    ctx.stdout.write(r.out);
    ctx.stderr.write(r.err);
    return r.rc;
  },
};
