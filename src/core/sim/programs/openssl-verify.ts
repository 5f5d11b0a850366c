/**
 * Chain verification and revocation (issue 4): `openssl verify` and
 * `openssl crl`, OpenSSL 3.0's options, output and error texts (captured in
 * test/fixtures/pki-verify/expected by make.sh there).
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { readCert, verifyChain, verifyReport } from '../../pki/verify.ts';
import { nameHash } from '../../pki/verify-hash.ts';
import { parseIp } from '../../pki/verify-cert.ts';
import { caFileMissing, certsIn, crlsIn, parseOpts, storeMissing, THREAD, worldFiles, type FileAccess, type RunOutput } from './openssl-crl-io.ts';
import { CRL_SUBCOMMAND } from './openssl-crl.ts';

const WITH_VALUE = new Set(['CAfile', 'CApath', 'untrusted', 'trusted', 'attime', 'verify_hostname', 'verify_ip', 'verify_email', 'CRLfile', 'purpose']);
// SIMPLIFIED: -purpose is read but not checked; -x509_strict, -verbose and the other options are not offered.
const FLAGS = new Set(['crl_check', 'crl_check_all', 'show_chain', 'no-CAfile', 'no-CApath', 'partial_chain']);

/** OpenSSL's default trust (X509_get_default_cert_file / _dir on Debian). */
const DEFAULT_CA_FILE = '/usr/lib/ssl/cert.pem';
const DEFAULT_CA_DIR = '/usr/lib/ssl/certs';

/** The lines OpenSSL adds after `verification failed` when an RSA signature does not verify. */
const RSA_SIG_STACK = [
  'error:0200008A:rsa routines:RSA_padding_check_PKCS1_type_1:invalid padding:../crypto/rsa/rsa_pk1.c:75:',
  'error:02000072:rsa routines:rsa_ossl_public_decrypt:padding check failed:../crypto/rsa/rsa_ossl.c:590:',
  'error:1C880004:Provider routines:rsa_verify:RSA lib:../providers/implementations/signature/rsa_sig.c:769:',
  'error:06880006:asn1 encoding routines:ASN1_item_verify_ctx:EVP lib:../crypto/asn1/a_verify.c:220:',
];

/** The certificates a hashed directory yields: <h>.0, <h>.1, ... in sequence, each whose subject hashes to h. */
export async function hashedDirCerts(fs: FileAccess, dir: string, subtle: SubtleCrypto): Promise<Uint8Array[]> {
  const names = new Set(fs.list(dir) ?? []);
  const out: Uint8Array[] = [];
  for (const h of new Set([...names].filter((n) => /^[0-9a-f]{8}\.\d+$/.test(n)).map((n) => n.slice(0, 8)))) {
    for (let i = 0; names.has(`${h}.${i}`); i++) {
      const b = fs.read(`${dir}/${h}.${i}`);
      for (const der of b ? certsIn(b) : []) {
        const c = readCert(der);
        if (c && (await nameHash(c.subjectDer, subtle)) === h) out.push(der);
      }
    }
  }
  return out;
}

/** `openssl verify ...` on `fs`; `now` is the world's clock in ms (used without -attime). */
export async function runVerify(
  argv: readonly string[],
  fs: FileAccess,
  subtle: SubtleCrypto,
  now: number,
  stdin?: () => Promise<Uint8Array>,
  defaults: { file: string; dirs: string[] } = { file: DEFAULT_CA_FILE, dirs: [DEFAULT_CA_DIR] },
): Promise<RunOutput> {
  const p = parseOpts('verify', argv, WITH_VALUE, FLAGS);
  if (p.error) return { out: '', err: p.error, rc: 1 };
  const one = (k: string): string | undefined => p.opts.get(k)?.at(-1);
  let err = '';
  let out = '';
  let atTime = now;
  const at = one('attime');
  if (at !== undefined) {
    if (!/^-?\d+$/.test(at)) return { out: '', err: `verify: Can't parse "${at}" as a number\nverify: Use -help for summary.\n`, rc: 1 };
    atTime = Number(at) * 1000;
  }
  // An -verify_ip OpenSSL cannot parse ends the program at once, silently (X509_VERIFY_PARAM_set1_ip_asc fails).
  const ip = one('verify_ip');
  if (ip !== undefined && parseIp(ip) === null) return { out: '', err: '', rc: 1 };
  // Trust store: -CAfile, -CApath, else the default locations.
  const trusted: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const caFiles = p.opts.get('CAfile') ?? [];
  const caPaths = p.opts.get('CApath') ?? [];
  for (const f of caFiles) {
    const b = fs.read(f);
    if (!b) return { out: '', err: caFileMissing(f), rc: 1 };
    trusted.push(...certsIn(b));
    crls.push(...crlsIn(b, 'PEM'));
  }
  // -CApath (and the default directory): only <hash>.0, <hash>.1, ... files count, as by_dir looks them up
  // (`openssl rehash` makes them); a certificate under another name is not found.
  const dirs = caPaths.length === 0 && !p.opts.has('no-CApath') ? defaults.dirs : caPaths;
  if (caFiles.length === 0 && !p.opts.has('no-CAfile')) {
    const b = fs.read(defaults.file);
    if (b) trusted.push(...certsIn(b));
  }
  for (const d of dirs) trusted.push(...(await hashedDirCerts(fs, d, subtle)));
  const untrusted: Uint8Array[] = [];
  for (const f of p.opts.get('untrusted') ?? []) {
    const b = fs.read(f);
    if (!b) return { out: '', err: `Could not open file or uri for loading certs of untrusted certificates from ${f}\n${storeMissing(f)}`, rc: 1 };
    untrusted.push(...certsIn(b));
  }
  for (const f of p.opts.get('CRLfile') ?? []) {
    const b = fs.read(f);
    if (!b) return { out: '', err: `Could not open file or uri for loading other CRLs from ${f}\n${storeMissing(f)}`, rc: 1 };
    crls.push(...crlsIn(b));
  }
  const crlCheck = p.opts.has('crl_check_all') ? 'all' : p.opts.has('crl_check') ? 'leaf' : false;
  let rc = 0;
  // No file: the certificate comes from stdin (named `stdin`, `<stdin>` when it cannot be read).
  const files: (string | null)[] = p.rest.length ? p.rest : [null];
  for (const f of files) {
    const file = f ?? 'stdin';
    const b = f === null ? ((await stdin?.()) ?? new Uint8Array()) : fs.read(f);
    if (!b) {
      err += `Could not open file or uri for loading certificate file from ${file}\n${storeMissing(file)}Unable to load certificate file\n`;
      rc = 2;
      continue;
    }
    const [leaf] = certsIn(b);
    if (!leaf) {
      err += `Could not read certificate file from ${f ?? '<stdin>'}\nUnable to load certificate file\n`;
      rc = 2;
      continue;
    }
    const r = await verifyChain(
      leaf,
      { trusted, untrusted, crls, atTime, verifyHostname: one('verify_hostname'), verifyIp: one('verify_ip'), crlCheck, purpose: one('purpose'), partialChain: p.opts.has('partial_chain') },
      subtle,
    );
    const rep = verifyReport(file, r, p.opts.has('show_chain'));
    out += rep.out;
    err += rep.err;
    if (!r.ok) {
      // The signing key of a failed certificate (7) or CRL (8) signature: RSA adds these lines.
      // SIMPLIFIED: an ECDSA failure adds none here.
      const rsa = r.errors.some((e) => (e.code === 7 || e.code === 8) && (r.chain[e.depth + 1] ?? r.chain[e.depth])?.cert.keyAlgorithm === 'rsaEncryption');
      if (rsa) err += RSA_SIG_STACK.map((l) => `${THREAD}:${l}\n`).join('');
      rc = 2;
    }
  }
  return { out, err, rc };
}

const VERIFY: OpensslSubcommand = {
  name: 'verify',
  summary: 'Verify a certificate chain: signatures, validity, CA flags, path length, host name, CRLs.',
  async run(ctx: CommandContext, w: WorldServices): Promise<number> {
    // SSL_CERT_FILE / SSL_CERT_DIR (colon-separated) replace the default locations, as in OpenSSL.
    const defaults = { file: ctx.env.get('SSL_CERT_FILE') ?? DEFAULT_CA_FILE, dirs: (ctx.env.get('SSL_CERT_DIR') ?? DEFAULT_CA_DIR).split(':').filter(Boolean) };
    const stdin = async (): Promise<Uint8Array> => new TextEncoder().encode(await ctx.stdin.readAll());
    const r = await runVerify(ctx.argv.slice(1), worldFiles(ctx), w.subtle, w.clock.now(), stdin, defaults);
    ctx.stdout.write(r.out);
    ctx.stderr.write(r.err);
    return r.rc;
  },
};

export const VERIFY_SUBCOMMANDS: readonly OpensslSubcommand[] = [VERIFY, CRL_SUBCOMMAND];
