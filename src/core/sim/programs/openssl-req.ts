/**
 * `openssl req` as OpenSSL 3.0: -new (a key made with -newkey, or the
 * config's default_bits RSA key, written to -keyout encrypted unless
 * -nodes/-noenc), -key, -subj or the DN questions, -x509 (self-signed, the
 * config's x509_extensions, -days, default 30), -addext, -in with -text,
 * -noout, -subject, -verify, -pubkey.
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { generateKey, pkcs8Pem, encryptedPem, publicOf, type Curve, type PrivateKey } from '../../pki/keys.ts';
import { makeCsr, parseCsr, issueCert, verifySignature, type Ext } from '../../pki/certs.ts';
import { encodeDn, oneline, parseSubj, type Dn } from '../../pki/names.ts';
import { firstPem, toPem } from '../../pki/pem.ts';
import { certText, csrText } from '../../pki/text.ts';
import { makeExt, sectionExts, type ExtContext } from '../../pki/extensions.ts';
import { cnfGet, type Cnf } from '../../pki/cnf.ts';
import { parseCert } from '../../pki/certs.ts';
import { askNewPass, ERR, keygenDots, loadCnf, loadKeyFile, parseOpts, passArg, readInput, writeOutput } from './openssl-genkey-io.ts';
import { promptDn } from './openssl-req-dn.ts';
import { randomSerial } from './openssl-x509-sign.ts';

const DAY = 86_400_000;

async function newKey(ctx: CommandContext, w: WorldServices, cnf: Cnf, spec: string | undefined, pkeyopts: string[]): Promise<PrivateKey | null> {
  const bitsDefault = Number(cnfGet(cnf, 'req', 'default_bits') ?? 2048);
  const [alg, arg] = (spec ?? 'rsa').split(':');
  if (alg === 'rsa') {
    const bits = arg ? Number(arg) : bitsDefault;
    ctx.stderr.write(keygenDots(w));
    return generateKey(w.subtle, { kind: 'rsa', bits });
  }
  if (alg === 'ec') {
    const opt = pkeyopts.find((p) => p.startsWith('ec_paramgen_curve:'))?.split(':')[1];
    const curve: Curve | undefined = opt === 'P-256' || opt === 'prime256v1' ? 'P-256' : opt === 'P-384' || opt === 'secp384r1' ? 'P-384' : undefined;
    if (!curve) {
      ctx.stderr.write('Error generating EC key\n');
      return null;
    }
    return generateKey(w.subtle, { kind: 'ec', curve });
  }
  ctx.stderr.write(`Unknown algorithm ${alg}\n`);
  return null;
}

/** The extensions of a section plus the -addext lines, in that order. */
export async function extensionsFor(ctx: CommandContext, cnf: Cnf, section: string | undefined, addext: string[], ectx: ExtContext): Promise<Ext[] | null> {
  const base = section ? await sectionExts(cnf.get(section), ectx) : [];
  if ('error' in base) {
    ctx.stderr.write(`${base.error}\n`);
    return null;
  }
  for (const line of addext) {
    const eq = line.indexOf('=');
    const e = eq > 0 ? await makeExt(line.slice(0, eq).trim(), line.slice(eq + 1), ectx) : { error: `Error parsing -addext ${line}` };
    if (e && 'error' in e) {
      ctx.stderr.write(`${e.error}\n`);
      return null;
    }
    if (e) base.push(e);
  }
  return base;
}

async function inspect(ctx: CommandContext, w: WorldServices, o: NonNullable<ReturnType<typeof parseOpts>>): Promise<number> {
  const inPath = o.values.get('in');
  const text = await readInput(ctx, inPath, 'X509 request');
  if (text === null) return 1;
  const block = firstPem(text, 'CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST');
  const csr = block && parseCsr(block.der);
  if (!csr) {
    ctx.stderr.write(`Unable to load X509 request\n${ERR.noStartLine('CERTIFICATE REQUEST')}`);
    return 1;
  }
  if (o.flags.has('verify')) {
    const ok = await verifySignature(w.subtle, csr.spki, csr.sigOid, csr.tbs, csr.signature);
    ctx.stderr.write(ok ? 'Certificate request self-signature verify OK\n' : 'Certificate request self-signature verify failure\n');
    if (!ok) return 1;
  }
  let out = '';
  if (o.flags.has('text')) out += csrText(csr);
  if (o.flags.has('subject')) out += `subject=${oneline(csr.subject)}\n`;
  if (o.flags.has('pubkey')) out += toPem('PUBLIC KEY', csr.spki);
  if (!o.flags.has('noout')) out += toPem('CERTIFICATE REQUEST', csr.der);
  return writeOutput(ctx, o.values.get('out'), out) ? 0 : 1;
}

export const req: OpensslSubcommand = {
  name: 'req',
  summary: 'Make certificate requests (and self-signed certificates with -x509).',
  async run(ctx, w) {
    const o = parseOpts(
      ctx,
      ['in', 'out', 'key', 'keyout', 'newkey', 'pkeyopt', 'subj', 'days', 'config', 'passin', 'passout', 'extensions', 'reqexts', 'addext', 'set_serial', 'keyform', 'outform', 'inform'],
      ['new', 'x509', 'nodes', 'noenc', 'text', 'noout', 'verify', 'subject', 'pubkey', 'batch', 'sha256', 'utf8', 'quiet'],
    );
    if (!o) return 1;
    const loaded = loadCnf(ctx, o.values.get('config'));
    if (!loaded) return 1;
    const { cnf } = loaded;
    if (o.values.has('days') && !o.flags.has('x509')) ctx.stderr.write('Ignoring -days without -x509; not generating a certificate\n');
    const making = o.flags.has('new') || o.values.has('newkey') || (o.flags.has('x509') && !o.values.has('in'));
    if (!making) return inspect(ctx, w, o);

    let key: PrivateKey;
    if (o.values.has('key')) {
      const k = await loadKeyFile(ctx, w, o.values.get('key'), o.values.get('passin'), 'Could not read private key from');
      if (!k) return 1;
      key = k.key;
    } else {
      const k = await newKey(ctx, w, cnf, o.values.get('newkey'), o.multi.get('pkeyopt') ?? []);
      if (!k) return 1;
      key = k;
      const keyout = o.values.get('keyout') ?? cnfGet(cnf, 'req', 'default_keyfile');
      const plain = o.flags.has('nodes') || o.flags.has('noenc') || cnfGet(cnf, 'req', 'encrypt_key') === 'no';
      let text = pkcs8Pem(key);
      if (!plain) {
        let pass: string | { before: string; after: string };
        const passout = o.values.get('passout');
        if (passout !== undefined) {
          const p = await passArg(ctx, passout);
          pass = typeof p === 'string' ? p : { before: `${p.error}\n`, after: '' };
        } else {
          // the key file is opened (empty, 0600) before the pass phrase is asked
          if (!writeOutput(ctx, keyout, '', true)) return 1;
          pass = await askNewPass(ctx);
        }
        if (typeof pass !== 'string') {
          ctx.stderr.write(`${pass.before}${pass.after}`);
          return 1;
        }
        // SIMPLIFIED: OpenSSL 3.0's req encrypts with des-ede3-cbc; the lab with AES-256-CBC (see pbes2.ts).
        text = await encryptedPem(w.subtle, w.random, key, pass);
      }
      if (!writeOutput(ctx, keyout, text, true)) return 1;
      ctx.stderr.write('-----\n');
    }

    let dn: Dn;
    const subj = o.values.get('subj');
    if (subj !== undefined) {
      const p = parseSubj(subj);
      if ('error' in p) {
        ctx.stderr.write(`req: ${p.error}\n`);
        return 1;
      }
      dn = p.dn;
    } else {
      const asked = await promptDn(ctx, cnf, !o.flags.has('x509'));
      if (asked === null) return 1;
      dn = asked;
    }
    if (dn.length === 0) {
      ctx.stderr.write('Error: No objects specified in config file\nError making certificate request\n');
      return 1;
    }

    const pub = await publicOf(w.subtle, key);
    const ectx: ExtContext = { subtle: w.subtle, subjectSpki: pub.spki, issuerSpki: pub.spki };
    let out: string;
    if (o.flags.has('x509')) {
      const exts = await extensionsFor(ctx, cnf, o.values.get('extensions') ?? cnfGet(cnf, 'req', 'x509_extensions'), o.multi.get('addext') ?? [], ectx);
      if (!exts) return 1;
      const days = Number(o.values.get('days') ?? 30);
      const now = Math.floor(w.clock.now() / 1000) * 1000;
      const der = await issueCert(w.subtle, {
        serialHex: o.values.get('set_serial') ? BigInt(o.values.get('set_serial')!).toString(16) : randomSerial(w),
        subjectDer: encodeDn(dn), issuerDer: encodeDn(dn), notBefore: now, notAfter: now + days * DAY, spki: pub.spki, signer: key, extensions: exts,
      });
      out = (o.flags.has('text') ? certText(parseCert(der)!) : '') + (o.flags.has('noout') ? '' : toPem('CERTIFICATE', der));
    } else {
      const exts = await extensionsFor(ctx, cnf, o.values.get('reqexts') ?? cnfGet(cnf, 'req', 'req_extensions'), o.multi.get('addext') ?? [], ectx);
      if (!exts) return 1;
      const der = await makeCsr(w.subtle, key, pub.spki, dn, exts);
      out = (o.flags.has('text') ? csrText(parseCsr(der)!) : '') + (o.flags.has('noout') ? '' : toPem('CERTIFICATE REQUEST', der));
    }
    return writeOutput(ctx, o.values.get('out'), out) ? 0 : 1;
  },
};
