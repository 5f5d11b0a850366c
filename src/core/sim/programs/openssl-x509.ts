/**
 * `openssl x509` as OpenSSL 3.0: print a certificate's fields in the order
 * the options were given (-text, -subject, -issuer, -dates, -serial,
 * -fingerprint, -hash, -pubkey, ...), or sign a request (-req) with -CA and
 * -CAkey (serial from -CAserial / -CAcreateserial) or -signkey, with the
 * extensions of -extfile/-extensions (none: a version 1 certificate).
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { issueCert, opensslDate, parseCert, parseCsr, verifySignature, type Cert } from '../../pki/certs.ts';
import { oneline } from '../../pki/names.ts';
import { readPem, toPem, firstPem } from '../../pki/pem.ts';
import { certText } from '../../pki/text.ts';
import { parseCnf } from '../../pki/cnf.ts';
import { publicOf, type PrivateKey } from '../../pki/keys.ts';
import { nameHash } from '../../pki/verify-hash.ts';
import { EXT } from '../../pki/extensions.ts';
import { ERR, abs, loadKeyFile, parseOpts, readBytes, readInput, writeOutput } from './openssl-genkey-io.ts';
import { extensionsFor } from './openssl-req.ts';
import { nextSerial, randomSerial } from './openssl-x509-sign.ts';

const DAY = 86_400_000;
const PRINT = ['text', 'subject', 'issuer', 'dates', 'startdate', 'enddate', 'serial', 'fingerprint', 'hash', 'subject_hash', 'issuer_hash', 'pubkey', 'email', 'modulus', 'ext'];
const DIGESTS = ['sha1', 'sha256', 'sha384', 'sha512', 'md5'];

/** A certificate from PEM (or DER when it is not text), or null after OpenSSL's messages. */
export function loadCert(ctx: CommandContext, text: string | null, path: string | undefined): Cert | null {
  if (text === null) {
    ctx.stderr.write('Unable to load certificate\n');
    return null;
  }
  const b = readPem(text).blocks.find((x) => x.label === 'CERTIFICATE' || x.label === 'TRUSTED CERTIFICATE' || x.label === 'X509 CERTIFICATE');
  // OpenSSL 3.0 reads DER too without -inform
  const bytes = b ? null : readBytes(ctx, path);
  const cert = b ? parseCert(b.der) : bytes ? parseCert(bytes) : null;
  if (!cert) {
    ctx.stderr.write(`Could not read certificate from ${path ?? '<stdin>'}\nUnable to load certificate\n`);
    return null;
  }
  return cert;
}

async function fingerprint(subtle: SubtleCrypto, der: Uint8Array, digest: string): Promise<string> {
  const name = digest === 'sha1' ? 'SHA-1' : digest === 'sha384' ? 'SHA-384' : digest === 'sha512' ? 'SHA-512' : 'SHA-256';
  const d = new Uint8Array(await subtle.digest(name, Uint8Array.from(der)));
  const label = digest === 'sha1' ? 'SHA1' : digest;
  return `${label} Fingerprint=${[...d].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':')}\n`;
}

async function printFields(ctx: CommandContext, w: WorldServices, cert: Cert, order: string[], digest: string): Promise<string> {
  let out = '';
  const seen = new Set<string>();
  for (const f of order) {
    const key = f === 'subject_hash' ? 'hash' : f;
    if (seen.has(key)) continue;
    seen.add(key);
    switch (key) {
      case 'text': out += certText(cert); break;
      case 'subject': out += `subject=${oneline(cert.subject)}\n`; break;
      case 'issuer': out += `issuer=${oneline(cert.issuer)}\n`; break;
      case 'dates': out += `notBefore=${opensslDate(cert.notBefore)}\nnotAfter=${opensslDate(cert.notAfter)}\n`; break;
      case 'startdate': out += `notBefore=${opensslDate(cert.notBefore)}\n`; break;
      case 'enddate': out += `notAfter=${opensslDate(cert.notAfter)}\n`; break;
      case 'serial': out += `serial=${cert.serialHex.length % 2 ? `0${cert.serialHex}` : cert.serialHex}\n`; break;
      case 'fingerprint': out += await fingerprint(w.subtle, cert.der, digest); break;
      case 'hash': out += `${await nameHash(cert.subjectDer, w.subtle)}\n`; break;
      case 'issuer_hash': out += `${await nameHash(cert.issuerDer, w.subtle)}\n`; break;
      case 'pubkey': out += toPem('PUBLIC KEY', cert.spki); break;
      case 'email': out += cert.subject.filter((x) => x.short === 'emailAddress').map((x) => `${x.value}\n`).join(''); break;
      default: break;
    }
  }
  return out;
}

/**
 * The serial from the serial file (its number plus one), or a random one
 * when there is none; `save` says whether to write it back: always when the
 * file exists or with -CAcreateserial (captured: without either, OpenSSL
 * 3.0 uses a random serial and writes no file).
 */
function serialFrom(ctx: CommandContext, w: WorldServices, file: string, create: boolean): { serial: string; save: boolean } | null {
  const p = abs(ctx, file);
  if (!ctx.vfs.exists(p)) return { serial: randomSerial(w), save: create };
  const cur = ctx.vfs.readText(p).trim();
  if (!/^[0-9A-Fa-f]+$/.test(cur)) {
    ctx.stderr.write(`unable to load number from ${file}\n`);
    return null;
  }
  return { serial: nextSerial(cur), save: true };
}

async function signRequest(ctx: CommandContext, w: WorldServices, o: NonNullable<ReturnType<typeof parseOpts>>, order: string[], digest: string): Promise<number> {
  const inPath = o.values.get('in');
  const text = await readInput(ctx, inPath, 'X509 request');
  if (text === null) return 1;
  const block = firstPem(text, 'CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST');
  const csr = block && parseCsr(block.der);
  if (!csr) {
    ctx.stderr.write(`Unable to load X509 request\n${ERR.noStartLine('CERTIFICATE REQUEST')}`);
    return 1;
  }
  if (!(await verifySignature(w.subtle, csr.spki, csr.sigOid, csr.tbs, csr.signature))) {
    ctx.stderr.write('Certificate request self-signature did not match the contents\n');
    return 1;
  }
  ctx.stderr.write(`Certificate request self-signature ok\nsubject=${oneline(csr.subject)}\n`);

  let signer: PrivateKey;
  let issuerDer = csr.subjectDer;
  let issuerSpki = csr.spki;
  let issuerSki: Uint8Array | undefined;
  const caPath = o.values.get('CA');
  let serialFile: string | undefined;
  if (caPath) {
    const ca = loadCert(ctx, await readInput(ctx, caPath, 'CA certificate'), caPath);
    if (!ca) return 1;
    const k = await loadKeyFile(ctx, w, o.values.get('CAkey') ?? caPath, o.values.get('passin'), 'Could not read CA private key from');
    if (!k) return 1;
    signer = k.key;
    issuerDer = ca.subjectDer;
    issuerSpki = ca.spki;
    const ski = ca.extensions.find((e) => e.oid === EXT.subjectKeyIdentifier);
    if (ski) issuerSki = ski.value.subarray(2);
    serialFile = o.values.get('CAserial') ?? caPath.replace(/\.[^./]*$/, '') + '.srl';
  } else {
    const k = await loadKeyFile(ctx, w, o.values.get('signkey'), o.values.get('passin'), 'Could not read private key from');
    if (!k) return 1;
    signer = k.key;
    issuerSpki = (await publicOf(w.subtle, signer)).spki;
  }

  let serial: string;
  if (o.values.has('set_serial')) serial = BigInt(o.values.get('set_serial')!).toString(16).toUpperCase();
  else if (serialFile) {
    const s = serialFrom(ctx, w, serialFile, o.flags.has('CAcreateserial'));
    if (!s) return 1;
    serial = s.serial;
    if (!s.save) serialFile = undefined;
  } else serial = randomSerial(w);

  let exts: Awaited<ReturnType<typeof extensionsFor>> = [];
  const extfile = o.values.get('extfile');
  if (extfile) {
    const t = await readInput(ctx, extfile, 'extensions');
    if (t === null) return 1;
    const cnf = parseCnf(t);
    if ('error' in cnf) {
      ctx.stderr.write(`Error on line ${cnf.line} of config file "${extfile}"\n`);
      return 1;
    }
    exts = await extensionsFor(ctx, cnf, o.values.get('extensions') ?? 'default', [], { subtle: w.subtle, subjectSpki: csr.spki, issuerSpki, issuerSki });
    if (!exts) return 1;
  }
  const days = Number(o.values.get('days') ?? 30);
  const now = Math.floor(w.clock.now() / 1000) * 1000;
  const der = await issueCert(w.subtle, { serialHex: serial, subjectDer: csr.subjectDer, issuerDer, notBefore: now, notAfter: now + days * DAY, spki: csr.spki, signer, extensions: exts });
  if (serialFile) ctx.vfs.writeFile(abs(ctx, serialFile), `${serial}\n`);
  const cert = parseCert(der)!;
  const out = (await printFields(ctx, w, cert, order, digest)) + (o.flags.has('noout') ? '' : toPem('CERTIFICATE', der));
  return writeOutput(ctx, o.values.get('out'), out) ? 0 : 1;
}

export const x509: OpensslSubcommand = {
  name: 'x509',
  summary: 'Print certificates, sign requests (-req with -CA/-CAkey or -signkey).',
  async run(ctx, w) {
    const o = parseOpts(
      ctx,
      ['in', 'out', 'CA', 'CAkey', 'CAserial', 'days', 'signkey', 'extfile', 'extensions', 'passin', 'inform', 'outform', 'set_serial', 'CAform', 'CAkeyform', 'keyform'],
      [...PRINT, ...DIGESTS, 'req', 'noout', 'CAcreateserial', 'nameopt', 'purpose'],
    );
    if (!o) return 1;
    const order = ctx.argv.slice(1).map((a) => a.replace(/^-+/, '')).filter((a) => PRINT.includes(a));
    const digest = [...o.flags].find((f) => DIGESTS.includes(f)) ?? 'sha1';
    if (o.flags.has('req')) return signRequest(ctx, w, o, order, digest);
    const inPath = o.values.get('in');
    const cert = loadCert(ctx, await readInput(ctx, inPath, 'certificate'), inPath);
    if (!cert) return 1;
    const fields = await printFields(ctx, w, cert, order, digest);
    if (o.values.get('outform')?.toUpperCase() === 'DER' && !o.flags.has('noout')) {
      if (fields) ctx.stdout.write(fields);
      return writeOutput(ctx, o.values.get('out'), cert.der) ? 0 : 1;
    }
    const out = fields + (o.flags.has('noout') ? '' : toPem('CERTIFICATE', cert.der));
    return writeOutput(ctx, o.values.get('out'), out) ? 0 : 1;
  },
};
