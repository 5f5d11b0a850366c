/**
 * X.509v3 extensions from an openssl.cnf section (v3_ca, usr_cert, v3_req,
 * or -addext lines), in the section's order as OpenSSL adds them, and their
 * text as `openssl x509 -text` prints it.
 */
import { children, oid, oidToString, octets, readWhole, seq, tlv, int } from './der.ts';
import { spkiParts, type Ext } from './certs.ts';
import { latin1, fromLatin1, toHex } from '../bytes/index.ts';

export const EXT = {
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  nsComment: '2.16.840.1.113730.1.13',
} as const;

const KU = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
const KU_TEXT = ['Digital Signature', 'Non Repudiation', 'Key Encipherment', 'Data Encipherment', 'Key Agreement', 'Certificate Sign', 'CRL Sign', 'Encipher Only', 'Decipher Only'];
const EKU: Record<string, [string, string]> = {
  serverAuth: ['1.3.6.1.5.5.7.3.1', 'TLS Web Server Authentication'],
  clientAuth: ['1.3.6.1.5.5.7.3.2', 'TLS Web Client Authentication'],
  codeSigning: ['1.3.6.1.5.5.7.3.3', 'Code Signing'],
  emailProtection: ['1.3.6.1.5.5.7.3.4', 'E-mail Protection'],
  timeStamping: ['1.3.6.1.5.5.7.3.8', 'Time Stamping'],
  OCSPSigning: ['1.3.6.1.5.5.7.3.9', 'OCSP Signing'],
};

export async function keyId(subtle: SubtleCrypto, spki: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const bits = spkiParts(spki)?.key ?? spki;
  return new Uint8Array(await subtle.digest('SHA-1', Uint8Array.from(bits)));
}

export interface ExtContext {
  subtle: SubtleCrypto;
  subjectSpki: Uint8Array;
  /** The issuer's key (the subject's own when self-signed) and its SKI when its certificate has one. */
  issuerSpki: Uint8Array;
  issuerSki?: Uint8Array;
}

/** One `name = value` line as an extension; an error text (OpenSSL's) when it cannot be made. */
export async function makeExt(name: string, value: string, ctx: ExtContext): Promise<Ext | { error: string } | null> {
  let v = value.trim();
  let critical = false;
  if (/^critical\s*,/.test(v)) {
    critical = true;
    v = v.replace(/^critical\s*,\s*/, '');
  }
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  switch (name) {
    case 'basicConstraints': {
      let ca = false;
      let pathlen: number | undefined;
      for (const it of items) {
        const [k, x] = it.split(':').map((s) => s.trim());
        if (k === 'CA') ca = /^(true|yes|y|TRUE|YES|Y)$/.test(x);
        else if (k === 'pathlen') pathlen = Number(x);
      }
      const body = [...(ca ? [tlv(0x01, Uint8Array.of(0xff))] : []), ...(pathlen !== undefined ? [int(pathlen)] : [])];
      return { oid: EXT.basicConstraints, critical, value: seq(...body) };
    }
    case 'subjectKeyIdentifier':
      if (v === 'none') return null;
      return { oid: EXT.subjectKeyIdentifier, critical, value: octets(await keyId(ctx.subtle, ctx.subjectSpki)) };
    case 'authorityKeyIdentifier': {
      const id = ctx.issuerSki ?? (await keyId(ctx.subtle, ctx.issuerSpki));
      if (!items.some((i) => i.startsWith('keyid'))) return null;
      return { oid: EXT.authorityKeyIdentifier, critical, value: seq(tlv(0x80, Uint8Array.from(id))) };
    }
    case 'keyUsage': {
      let flags = 0;
      for (const it of items) {
        const i = KU.indexOf(it);
        if (i < 0) return { error: `Error Loading extension section` };
        flags |= 1 << i;
      }
      const nbits = 32 - Math.clz32(flags);
      const nbytes = Math.ceil(nbits / 8);
      const out = new Uint8Array(nbytes);
      for (let i = 0; i < 9; i++) if (flags & (1 << i)) out[i >> 3] |= 0x80 >> (i & 7);
      let unused = nbytes * 8 - nbits;
      if (nbits === 0) unused = 0;
      return { oid: EXT.keyUsage, critical, value: tlv(0x03, Uint8Array.from([unused, ...out])) };
    }
    case 'extendedKeyUsage': {
      const oids = items.map((i) => EKU[i]?.[0] ?? i);
      return { oid: EXT.extendedKeyUsage, critical, value: seq(...oids.map((o) => oid(o))) };
    }
    case 'subjectAltName': {
      const names: Uint8Array<ArrayBuffer>[] = [];
      for (const it of items) {
        const c = it.indexOf(':');
        const kind = it.slice(0, c);
        const val = it.slice(c + 1);
        if (kind === 'DNS') names.push(tlv(0x82, latin1(val)));
        else if (kind === 'email') names.push(tlv(0x81, latin1(val)));
        else if (kind === 'URI') names.push(tlv(0x86, latin1(val)));
        else if (kind === 'IP') {
          const parts = val.split('.').map(Number);
          if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return { error: `bad ip address:value=${val}` };
          names.push(tlv(0x87, Uint8Array.from(parts)));
        } else return { error: `unsupported option:name=${kind}` };
      }
      return { oid: EXT.subjectAltName, critical, value: seq(...names) };
    }
    case 'nsComment':
      return { oid: EXT.nsComment, critical, value: tlv(0x16, latin1(v.replace(/^"|"$/g, ''))) };
    default:
      return null; // SIMPLIFIED: other extensions (nsCertType, crlDistributionPoints, ...) are left out
  }
}

/** The extensions a cnf section lists, in its order. */
export async function sectionExts(section: Map<string, string> | undefined, ctx: ExtContext): Promise<Ext[] | { error: string }> {
  const out: Ext[] = [];
  for (const [name, value] of section ?? []) {
    const e = await makeExt(name, value, ctx);
    if (e === null) continue;
    if ('error' in e) return e;
    out.push(e);
  }
  return out;
}

const NAMES: Record<string, string> = {
  [EXT.basicConstraints]: 'X509v3 Basic Constraints',
  [EXT.subjectKeyIdentifier]: 'X509v3 Subject Key Identifier',
  [EXT.authorityKeyIdentifier]: 'X509v3 Authority Key Identifier',
  [EXT.keyUsage]: 'X509v3 Key Usage',
  [EXT.extendedKeyUsage]: 'X509v3 Extended Key Usage',
  [EXT.subjectAltName]: 'X509v3 Subject Alternative Name',
  [EXT.nsComment]: 'Netscape Comment',
};

const colonHex = (v: Uint8Array): string => toHex(v).toUpperCase().replace(/(..)(?=.)/g, '$1:');

/** The value lines of an extension (without indentation), as X509V3_EXT_print. */
function valueLines(e: Ext): string[] {
  const t = readWhole(e.value);
  if (!t) return ['<unparsable>'];
  switch (e.oid) {
    case EXT.basicConstraints: {
      const p = children(t) ?? [];
      const ca = p[0]?.tag === 0x01 && p[0].value[0] !== 0;
      const path = p.find((x) => x.tag === 0x02);
      return [`CA:${ca ? 'TRUE' : 'FALSE'}${path ? `, pathlen:${path.value[0]}` : ''}`];
    }
    case EXT.subjectKeyIdentifier:
      return [colonHex(t.value)];
    case EXT.authorityKeyIdentifier: {
      const id = (children(t) ?? []).find((x) => x.tag === 0x80);
      return id ? [colonHex(id.value)] : [];
    }
    case EXT.keyUsage: {
      const bits = t.value.subarray(1);
      return [KU_TEXT.filter((_, i) => bits[i >> 3] & (0x80 >> (i & 7))).join(', ')];
    }
    case EXT.extendedKeyUsage: {
      const byOid = Object.fromEntries(Object.values(EKU).map(([o, n]) => [o, n]));
      return [(children(t) ?? []).map((x) => { const o = oidToString(x.value) ?? ''; return byOid[o] ?? o; }).join(', ')];
    }
    case EXT.subjectAltName:
      return [(children(t) ?? []).map((x) => (x.tag === 0x82 ? `DNS:${fromLatin1(x.value)}` : x.tag === 0x81 ? `email:${fromLatin1(x.value)}` : x.tag === 0x86 ? `URI:${fromLatin1(x.value)}` : x.tag === 0x87 ? `IP Address:${[...x.value].join('.')}` : '<unsupported>')).join(', ')];
    case EXT.nsComment:
      return [fromLatin1(t.value)];
    default:
      return [colonHex(e.value)];
  }
}

export function extLines(e: Ext, indent: string): string[] {
  const name = NAMES[e.oid] ?? e.oid;
  return [`${indent}${name}: ${e.critical ? 'critical' : ''}`, ...valueLines(e).map((l) => `${indent}    ${l}`)];
}
