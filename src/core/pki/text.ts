/**
 * `openssl x509 -text` and `openssl req -text` as OpenSSL 3.0 prints them
 * (compared line by line with real output in test/pki/), and the compat
 * form `openssl ca` writes before each certificate it issues.
 */
import { children, oidToString, readWhole } from './der.ts';
import { opensslDate, spkiParts, SIG_NAMES, type Cert, type Csr } from './certs.ts';
import { compat, oneline, type Dn } from './names.ts';
import { extLines } from './extensions.ts';
import { CURVE_NAME, type Curve } from './keys.ts';
import { toHex } from '../bytes/index.ts';

/** Bytes as `aa:bb:...`, `perLine` to a line, each line but the last ending in `:`. */
export function hexBlock(v: Uint8Array, perLine: number, indent: string): string[] {
  const hex = [...v].map((x) => x.toString(16).padStart(2, '0'));
  const out: string[] = [];
  for (let i = 0; i < hex.length; i += perLine) {
    const last = i + perLine >= hex.length;
    out.push(indent + hex.slice(i, i + perLine).join(':') + (last ? '' : ':'));
  }
  return out;
}

function bigintOf(v: Uint8Array): bigint {
  return v.length ? BigInt(`0x${toHex(v)}`) : 0n;
}

/** The lines of "Subject Public Key Info:" (its content, 12 spaces in). */
export function publicKeyLines(spki: Uint8Array): string[] {
  const p = spkiParts(spki);
  if (!p) return ['            Unable to load Public Key'];
  if (p.algOid === '1.2.840.113549.1.1.1') {
    const t = readWhole(p.key);
    const f = t && children(t);
    if (!f || f.length !== 2) return ['            Unable to load Public Key'];
    let n = f[0].value;
    while (n.length > 1 && n[0] === 0 && !(n[1] & 0x80)) n = n.subarray(1);
    let bits = n.length * 8;
    const first = n[0] === 0 ? n[1] : n[0];
    if (n[0] === 0) bits -= 8;
    bits -= Math.clz32(first) - 24;
    const e = bigintOf(f[1].value);
    return [
      '            Public Key Algorithm: rsaEncryption',
      `                Public-Key: (${bits} bit)`,
      '                Modulus:',
      ...hexBlock(n, 15, '                    '),
      `                Exponent: ${e} (0x${e.toString(16)})`,
    ];
  }
  const t = readWhole(spki);
  const alg = t && children(t)?.[0];
  const c = alg && children(alg)?.[1];
  const curveOid = c?.tag === 0x06 ? oidToString(c.value) : null;
  const curve: Curve | null = curveOid === '1.2.840.10045.3.1.7' ? 'P-256' : curveOid === '1.3.132.0.34' ? 'P-384' : null;
  if (!curve) return ['            Unable to load Public Key'];
  return [
    '            Public Key Algorithm: id-ecPublicKey',
    `                Public-Key: (${curve === 'P-256' ? 256 : 384} bit)`,
    '                pub:',
    ...hexBlock(p.key, 15, '                    '),
    `                ASN1 OID: ${CURVE_NAME[curve]}`,
    `                NIST CURVE: ${curve}`,
  ];
}

/** Serial as OpenSSL prints it: a small one as `4096 (0x1000)`, a long one as colon hex on its own line. */
export function serialLines(serialHex: string, indent: string): string[] {
  const bytes = serialHex.length > 16 || (serialHex.length === 16 && parseInt(serialHex[0], 16) >= 8);
  if (bytes) {
    const h = serialHex.length % 2 ? `0${serialHex}` : serialHex;
    return [`${indent}Serial Number:`, `${indent}    ${h.toLowerCase().replace(/(..)(?=.)/g, '$1:')}`];
  }
  const n = BigInt(`0x${serialHex}`);
  return [`${indent}Serial Number: ${n} (0x${n.toString(16)})`];
}

function certLines(c: Cert, name: (dn: Dn) => string): string[] {
  const sig = SIG_NAMES[c.sigOid] ?? c.sigOid;
  return [
    'Certificate:',
    '    Data:',
    `        Version: ${c.version} (0x${(c.version - 1).toString(16)})`,
    ...serialLines(c.serialHex, '        '),
    `        Signature Algorithm: ${sig}`,
    `        Issuer: ${name(c.issuer)}`,
    '        Validity',
    `            Not Before: ${opensslDate(c.notBefore)}`,
    `            Not After : ${opensslDate(c.notAfter)}`,
    `        Subject: ${name(c.subject)}`,
    '        Subject Public Key Info:',
    ...publicKeyLines(c.spki),
    ...(c.extensions.length ? ['        X509v3 extensions:', ...c.extensions.flatMap((e) => extLines(e, '            '))] : []),
    `    Signature Algorithm: ${sig}`,
    '    Signature Value:',
    ...hexBlock(c.signature, 18, '        '),
  ];
}

/** `openssl x509 -text -noout`. */
export const certText = (c: Cert): string => certLines(c, oneline).join('\n') + '\n';

/** The text `openssl ca` writes before the PEM of a certificate it issues (name_opt/cert_opt ca_default). */
export const caFileText = (c: Cert): string => certLines(c, compat).join('\n') + '\n';

/** `openssl req -text -noout`. */
export function csrText(r: Csr): string {
  const sig = SIG_NAMES[r.sigOid] ?? r.sigOid;
  const attrs = r.extensions.length
    ? ['        Attributes:', '            Requested Extensions:', ...r.extensions.flatMap((e) => extLines(e, '                '))]
    : ['        Attributes:', '            (none)', '            Requested Extensions:'];
  return [
    'Certificate Request:',
    '    Data:',
    '        Version: 1 (0x0)',
    `        Subject: ${oneline(r.subject)}`,
    '        Subject Public Key Info:',
    ...publicKeyLines(r.spki),
    ...attrs,
    `    Signature Algorithm: ${sig}`,
    '    Signature Value:',
    ...hexBlock(r.signature, 18, '        '),
  ].join('\n') + '\n';
}
