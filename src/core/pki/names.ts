/**
 * Distinguished names as OpenSSL 3.0 encodes and prints them. Encoding with
 * the default openssl.cnf (string_mask = utf8only): countryName as
 * PrintableString, emailAddress as IA5String, the rest as UTF8String.
 * Printing: the default one-line form (`C = US, ST = ..., CN = x`), the
 * slash form of index.txt and error messages (`/C=US/CN=x`), the compat form
 * of the text `openssl ca` writes before a certificate
 * (`C=US, O=Org, CN=x/emailAddress=y`) and the long names of its
 * "Certificate Details".
 */
import { fromUtf8, fromLatin1, utf8, latin1 } from '../bytes/index.ts';
import { children, oid, oidToString, readWhole, seq, tlv } from './der.ts';

export interface Field {
  short: string;
  value: string;
}
export type Dn = Field[];

interface Attr {
  short: string;
  long: string;
  oid: string;
}
export const ATTRS: Attr[] = [
  { short: 'C', long: 'countryName', oid: '2.5.4.6' },
  { short: 'ST', long: 'stateOrProvinceName', oid: '2.5.4.8' },
  { short: 'L', long: 'localityName', oid: '2.5.4.7' },
  { short: 'O', long: 'organizationName', oid: '2.5.4.10' },
  { short: 'OU', long: 'organizationalUnitName', oid: '2.5.4.11' },
  { short: 'CN', long: 'commonName', oid: '2.5.4.3' },
  { short: 'emailAddress', long: 'emailAddress', oid: '1.2.840.113549.1.9.1' },
  { short: 'serialNumber', long: 'serialNumber', oid: '2.5.4.5' },
  { short: 'street', long: 'streetAddress', oid: '2.5.4.9' },
  { short: 'DC', long: 'domainComponent', oid: '0.9.2342.19200300.100.1.25' },
  { short: 'UID', long: 'userId', oid: '0.9.2342.19200300.100.1.1' },
];

export const attrByName = (name: string): Attr | undefined => ATTRS.find((a) => a.short === name || a.long === name);
const attrByOid = (o: string): Attr | undefined => ATTRS.find((a) => a.oid === o);

export function encodeDn(dn: Dn): Uint8Array<ArrayBuffer> {
  const sets = dn.map((f) => {
    const a = attrByName(f.short);
    const o = a ? a.oid : f.short;
    const value = a?.short === 'C' ? tlv(0x13, latin1(f.value)) : a?.short === 'emailAddress' || a?.short === 'DC' ? tlv(0x16, latin1(f.value)) : tlv(0x0c, utf8(f.value));
    return tlv(0x31, seq(oid(o), value));
  });
  return seq(...sets);
}

/** The fields of a Name's DER, or null when it is not a Name. */
export function decodeDn(der: Uint8Array): Dn | null {
  const top = readWhole(der);
  const sets = top && top.tag === 0x30 ? children(top) : null;
  if (!sets) return null;
  const out: Dn = [];
  for (const s of sets) {
    for (const atv of children(s) ?? []) {
      const p = children(atv);
      if (!p || p.length !== 2 || p[0].tag !== 0x06) return null;
      const o = oidToString(p[0].value) ?? '';
      const a = attrByOid(o);
      const value = p[1].tag === 0x0c ? fromUtf8(p[1].value) : p[1].tag === 0x1e ? bmp(p[1].value) : fromLatin1(p[1].value);
      out.push({ short: a?.short ?? o, value });
    }
  }
  return out;
}

function bmp(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < v.length; i += 2) s += String.fromCharCode((v[i] << 8) | v[i + 1]);
  return s;
}

const longOf = (short: string): string => attrByName(short)?.long ?? short;

/** Escapes of OpenSSL's default one-line form (RFC 2253 specials, leading/trailing spaces). */
function esc(v: string): string {
  let s = v.replace(/[\\,+"<>;]/g, (c) => `\\${c}`);
  if (s.startsWith('#') || s.startsWith(' ')) s = `\\${s}`;
  if (s.endsWith(' ') && s.length > 1) s = `${s.slice(0, -1)}\\ `;
  return s;
}

/** `C = US, ST = California, CN = x` (x509 -subject, -text, req -text). */
export const oneline = (dn: Dn): string => dn.map((f) => `${f.short} = ${esc(f.value)}`).join(', ');

/** `/C=US/ST=California/CN=x` (index.txt, `openssl ca` messages, -subj). */
export const slashed = (dn: Dn): string => dn.map((f) => `/${f.short}=${f.value}`).join('');

/** X509_NAME_print's compat form: slashes become ", " before an upper-case key. */
export function compat(dn: Dn): string {
  return dn.map((f, i) => (i === 0 ? '' : /^[A-Z]+$/.test(f.short) ? ', ' : '/') + `${f.short}=${f.value}`).join('');
}

/** The lines of `openssl ca`'s "Subject:" block: long names padded to 26. */
export const detailLines = (dn: Dn, indent: string): string[] => dn.map((f) => `${indent}${longOf(f.short).padEnd(26)}= ${f.value}`);

/** Parses `-subj /C=US/O=Org/CN=x` as OpenSSL does; null when malformed, with OpenSSL's reason. */
export function parseSubj(text: string): { dn: Dn } | { error: string } {
  if (!text.startsWith('/')) return { error: `subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${text}'` };
  const dn: Dn = [];
  const parts: string[] = [];
  let cur = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) cur += text[++i];
    else if (c === '/') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const p of parts) {
    if (p === '') continue;
    const eq = p.indexOf('=');
    if (eq < 0) return { error: `Hit end of string before finding the '='` };
    const key = p.slice(0, eq);
    const a = attrByName(key);
    if (!a) return { error: `Skipping unknown attribute "${key}"` };
    if (p.slice(eq + 1) === '') continue;
    dn.push({ short: a.short, value: p.slice(eq + 1) });
  }
  return { dn };
}
