/**
 * `openssl ca` as OpenSSL 3.0 with Debian's openssl.cnf (captured through
 * CA.pl in test/fixtures/pki/ca-pl/): signs requests (-infiles, -in, -ss_cert
 * not supported) after the policy (match / supplied / optional), asks
 * "Sign the certificate?" and "commit?" unless -batch, writes the text and
 * PEM to -out and newcerts/<SERIAL>.pem, updates index.txt and serial;
 * -selfsign, -create_serial, -revoke, -gencrl.
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { issueCert, parseCert, parseCsr, utcTimeText, opensslDate, verifySignature, type Cert } from '../../pki/certs.ts';
import { detailLines, encodeDn, slashed, type Dn } from '../../pki/names.ts';
import { firstPem, toPem } from '../../pki/pem.ts';
import { caFileText, serialLines } from '../../pki/text.ts';
import { extLines, EXT } from '../../pki/extensions.ts';
import { cnfGet, type Cnf } from '../../pki/cnf.ts';
import { signingKey, type PrivateKey } from '../../pki/keys.ts';
import { abs, ERR, loadCnf, loadKeyFile, parseOpts, writeOutput } from './openssl-genkey-io.ts';
import { extensionsFor } from './openssl-req.ts';
import { nextSerial, randomSerial } from './openssl-x509-sign.ts';
import { readIndex, saveWithOld, writeIndex, type IndexEntry } from './openssl-ca-db.ts';
import { loadCert } from './openssl-x509.ts';
import { gencrl } from './openssl-ca-crl.ts';

const DAY = 86_400_000;

async function ask(ctx: CommandContext, prompt: string): Promise<string> {
  if (ctx.stdin.isTerminal) return (await ctx.stdin.readLine({ prompt })) ?? '';
  ctx.stderr.write(prompt);
  return (await ctx.stdin.readLine()) ?? '';
}

/** The DN the policy lets through, in the policy's order; or OpenSSL's complaint. */
function applyPolicy(policy: Map<string, string> | undefined, req: Dn, ca: Dn | null): Dn | string {
  const out: Dn = [];
  for (const [field, rule] of policy ?? []) {
    const short = { countryName: 'C', stateOrProvinceName: 'ST', localityName: 'L', organizationName: 'O', organizationalUnitName: 'OU', commonName: 'CN', emailAddress: 'emailAddress' }[field] ?? field;
    const mine = req.filter((f) => f.short === short);
    if (rule === 'supplied' && mine.length === 0) return `The ${field} field needed to be supplied and was missing\n`;
    if (rule === 'match') {
      const theirs = ca?.find((f) => f.short === short)?.value;
      if (mine.length === 0) return `The mandatory ${field} field was missing\n`;
      if (ca && theirs !== mine[0].value) return `The ${field} field is different between\nCA certificate (${theirs ?? ''}) and the request (${mine[0].value})\n`;
    }
    out.push(...mine);
  }
  return out;
}

interface CaFiles {
  dir: string;
  database: string;
  serial: string;
  newCerts: string;
  certificate: string;
  privateKey: string;
  section: Map<string, string>;
}

function caFiles(ctx: CommandContext, cnf: Cnf, name?: string): CaFiles | null {
  const sectionName = name ?? cnfGet(cnf, 'ca', 'default_ca') ?? 'CA_default';
  const section = cnf.get(sectionName);
  if (!section) {
    ctx.stderr.write(`variable lookup failed for ca::default_ca\n`);
    return null;
  }
  const get = (k: string): string => abs(ctx, section.get(k) ?? '');
  return { dir: get('dir'), database: get('database'), serial: get('serial'), newCerts: get('new_certs_dir'), certificate: section.get('certificate') ?? '', privateKey: section.get('private_key') ?? '', section };
}

async function signOne(ctx: CommandContext, w: WorldServices, o: NonNullable<ReturnType<typeof parseOpts>>, cnf: Cnf, f: CaFiles, key: PrivateKey, ca: Cert | null, file: string, index: IndexEntry[], serial: string): Promise<{ der: Uint8Array; entry: IndexEntry } | 'refused' | number> {
  const p = abs(ctx, file);
  const text = ctx.vfs.exists(p) ? ctx.vfs.readText(p) : null;
  if (text === null) {
    ctx.stderr.write(`Could not open file or uri for loading certificate request from ${file}\n${ERR.noFile(file)}`);
    return 1;
  }
  const block = firstPem(text, 'CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST');
  const csr = block && parseCsr(block.der);
  if (!csr) {
    ctx.stderr.write(`unable to load certificate request from ${file}\n${ERR.noStartLine('CERTIFICATE REQUEST')}`);
    return 1;
  }
  ctx.stderr.write('Check that the request matches the signature\n');
  if (!(await verifySignature(w.subtle, csr.spki, csr.sigOid, csr.tbs, csr.signature))) {
    ctx.stderr.write('Signature did not match the certificate request\n');
    return 1;
  }
  ctx.stderr.write('Signature ok\n');
  const policyName = o.values.get('policy') ?? f.section.get('policy') ?? 'policy_match';
  const dn = applyPolicy(cnf.get(policyName), csr.subject, o.flags.has('selfsign') ? csr.subject : (ca?.subject ?? null));
  if (typeof dn === 'string') {
    ctx.stderr.write(dn);
    return 1;
  }
  const unique = (f.section.get('unique_subject') ?? 'yes') !== 'no';
  const dnText = slashed(dn);
  const clash = unique && index.find((e) => e.status === 'V' && e.dn === dnText);
  if (clash) {
    ctx.stderr.write(
      `ERROR:There is already a certificate for ${dnText}\nThe matching entry has the following details\nType          :Valid\nExpires on    :${clash.expires}\nSerial Number :${clash.serial}\nFile name     :${clash.file}\nSubject Name  :${clash.dn}\n`,
    );
    return 1;
  }
  const days = Number(o.values.get('days') ?? f.section.get('default_days') ?? 30);
  const now = Math.floor(w.clock.now() / 1000) * 1000;
  const notAfter = now + days * DAY;
  const issuerSpki = ca && !o.flags.has('selfsign') ? ca.spki : csr.spki;
  const skiExt = ca && !o.flags.has('selfsign') ? ca.extensions.find((e) => e.oid === EXT.subjectKeyIdentifier) : undefined;
  const exts = await extensionsFor(ctx, cnf, o.values.get('extensions') ?? f.section.get('x509_extensions'), [], {
    subtle: w.subtle, subjectSpki: csr.spki, issuerSpki, issuerSki: skiExt?.value.subarray(2),
  });
  if (!exts) return 1;
  const subjectDer = encodeDn(dn);
  const der = await issueCert(w.subtle, {
    serialHex: serial, subjectDer, issuerDer: o.flags.has('selfsign') || !ca ? subjectDer : ca.subjectDer,
    notBefore: now, notAfter, spki: csr.spki, signer: key, extensions: exts,
  });
  const cert = parseCert(der)!;
  ctx.stderr.write(
    ['Certificate Details:', ...serialLines(cert.serialHex, '        '), '        Validity', `            Not Before: ${opensslDate(now)}`, `            Not After : ${opensslDate(notAfter)}`, '        Subject:', ...detailLines(dn, '            '),
      ...(exts.length ? ['        X509v3 extensions:', ...exts.flatMap((e) => extLines(e, '            '))] : []),
      `Certificate is to be certified until ${opensslDate(notAfter)} (${days} days)`].join('\n') + '\n',
  );
  if (!o.flags.has('batch')) {
    const a = await ask(ctx, 'Sign the certificate? [y/n]:');
    if (!/^[yY]/.test(a)) {
      ctx.stderr.write('CERTIFICATE WILL NOT BE CERTIFIED\n');
      return 'refused';
    }
  }
  return { der, entry: { status: 'V', expires: utcTimeText(notAfter), revoked: '', serial: cert.serialHex, file: 'unknown', dn: dnText } };
}

export const ca: OpensslSubcommand = {
  name: 'ca',
  summary: 'A minimal CA: sign requests into demoCA/, revoke, make CRLs.',
  async run(ctx, w) {
    const o = parseOpts(
      ctx,
      ['config', 'name', 'policy', 'out', 'in', 'keyfile', 'key', 'passin', 'cert', 'days', 'extensions', 'revoke', 'crl_reason', 'outdir', 'crldays', 'crlhours'],
      ['batch', 'selfsign', 'create_serial', 'gencrl', 'notext', 'infiles', 'verbose', 'rand_serial'],
      true,
    );
    if (!o) return 1;
    const loaded = loadCnf(ctx, o.values.get('config'));
    if (!loaded) return 1;
    ctx.stderr.write(`Using configuration from ${loaded.path}\n`);
    const { cnf } = loaded;
    const f = caFiles(ctx, cnf, o.values.get('name'));
    if (!f) return 1;
    const keyPath = o.values.get('keyfile') ?? f.privateKey;
    const key = await loadKeyFile(ctx, w, keyPath, o.values.get('passin') ?? (o.values.has('key') ? `pass:${o.values.get('key')}` : undefined), 'Could not read CA private key from');
    if (!key) return 1;
    let caCert: Cert | null = null;
    if (!o.flags.has('selfsign')) {
      const certPath = o.values.get('cert') ?? f.certificate;
      const p = abs(ctx, certPath);
      if (!ctx.vfs.exists(p)) {
        ctx.stderr.write(`Could not open file or uri for loading CA certificate from ${certPath}\n${ERR.noFile(certPath)}`);
        return 1;
      }
      caCert = loadCert(ctx, ctx.vfs.readText(p), certPath);
      if (!caCert) return 1;
    }
    const signing = !o.values.has('revoke') && !o.flags.has('gencrl');
    if (signing && !ctx.vfs.isDir(f.newCerts)) {
      const shown = f.section.get('new_certs_dir') ?? '';
      ctx.stderr.write(`ca: ${shown} is not a directory\n${shown}: No such file or directory\n`);
      return 1;
    }
    const index = readIndex(ctx, f.database);
    if (index === null) {
      ctx.stderr.write(`${f.section.get('database')}: No such file or directory\n`);
      return 1;
    }
    const uniqueSubject = (f.section.get('unique_subject') ?? 'yes') !== 'no';

    if (o.values.has('revoke')) return revoke(ctx, w, o.values.get('revoke')!, o.values.get('crl_reason'), f, index, uniqueSubject);
    if (o.flags.has('gencrl')) return gencrl(ctx, w, o, cnf, f.section, caCert, await signingKey(w.subtle, key.key), index);

    const files = o.flags.has('infiles') ? o.rest : o.values.has('in') ? [o.values.get('in')!] : [];
    let serial: string;
    if (ctx.vfs.exists(f.serial)) serial = ctx.vfs.readText(f.serial).trim();
    else if (o.flags.has('create_serial')) serial = randomSerial(w);
    else {
      ctx.stderr.write(`${f.section.get('serial')}: No such file or directory\n`);
      return 1;
    }
    const issued: { der: Uint8Array; entry: IndexEntry }[] = [];
    for (const file of files) {
      const r = await signOne(ctx, w, o, cnf, f, key.key, caCert, file, index, serial);
      if (typeof r === 'number') return r;
      if (r === 'refused') continue;
      issued.push(r);
      index.push(r.entry);
      serial = nextSerial(serial);
    }
    if (issued.length === 0) return 0;
    if (!o.flags.has('batch')) {
      const a = await ask(ctx, `\n\n${issued.length} out of ${files.length} certificate requests certified, commit? [y/n]`);
      if (!/^[yY]/.test(a)) {
        ctx.stderr.write('CERTIFICATION CANCELED\n');
        return 0;
      }
    } else ctx.stderr.write('\n');
    ctx.stderr.write(`Write out database with ${issued.length} new entries\n`);
    saveWithOld(ctx, f.serial, `${serial}\n`);
    writeIndex(ctx, f.database, index, uniqueSubject);
    ctx.stderr.write('Database updated\n');
    let out = '';
    for (const { der, entry } of issued) {
      const text = (o.flags.has('notext') ? '' : caFileText(parseCert(der)!)) + toPem('CERTIFICATE', der);
      ctx.vfs.writeFile(`${f.newCerts}/${entry.serial}.pem`, text);
      out += text;
    }
    return writeOutput(ctx, o.values.get('out'), out) ? 0 : 1;
  },
};

async function revoke(ctx: CommandContext, w: WorldServices, file: string, reason: string | undefined, f: CaFiles, index: IndexEntry[], unique: boolean): Promise<number> {
  const p = abs(ctx, file);
  const cert = loadCert(ctx, ctx.vfs.exists(p) ? ctx.vfs.readText(p) : '', file);
  if (!cert) return 1;
  const serial = cert.serialHex.length % 2 ? `0${cert.serialHex}` : cert.serialHex;
  const entry = index.find((e) => e.serial === serial);
  const when = utcTimeText(Math.floor(w.clock.now() / 1000) * 1000) + (reason ? `,${reason}` : '');
  if (!entry) {
    ctx.stderr.write(`Adding Entry with serial number ${serial} to DB for ${slashed(cert.subject)}\n`);
    index.push({ status: 'R', expires: utcTimeText(cert.notAfter), revoked: when, serial, file: 'unknown', dn: slashed(cert.subject) });
  } else if (entry.status === 'R') {
    ctx.stderr.write(`ERROR:Already revoked, serial number ${serial}\n`);
    return 1;
  } else {
    ctx.stderr.write(`Revoking Certificate ${serial}.\n`);
    entry.status = 'R';
    entry.revoked = when;
  }
  writeIndex(ctx, f.database, index, unique);
  ctx.stderr.write('Database updated\n');
  return 0;
}
