/**
 * The certificate names Sendmail puts in {cert_subject}, {cert_issuer}, {cn_subject} and
 * {cn_issuer} (tls.c tls_get_info): OpenSSL's X509_NAME_oneline() form
 * (`/C=US/O=Example Org/CN=Example Test CA`, bytes outside ' '..'~' as `\xHH`), then
 * xtextify() with the taboo characters `<>()"`: a byte below '!' or above '~', '+' and
 * the taboo ones become `+XX` (upper-case hex). So the macro reads
 * `/C=US/O=Example+20Org/CN=Example+20Test+20CA`, the form access-map keys
 * (CertIssuer:, CS:, CI:) must use. test/fixtures/access-live/ shows the real values in
 * Sendmail's replies (`Cert Subject ... does not match ...`).
 *
 * A small DER walk over the certificate (tbsCertificate: version, serial, signature,
 * issuer, validity, subject). SIMPLIFIED: BMPString and UniversalString values are
 * taken byte by byte, as X509_NAME_oneline does only for the other string types.
 */

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function tlv(b: Uint8Array, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = b[at];
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || p + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > limit) return null;
  return { tag, start: p, end: p + len };
}

function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = t.start;
  while (p < t.end) {
    const c = tlv(b, p, t.end);
    if (!c) break;
    out.push(c);
    p = c.end;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** OpenSSL's short names (OBJ_nid2sn) for the attributes certificates use. */
const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'street', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title', '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name', '2.5.4.42': 'GN', '2.5.4.43': 'initials', '2.5.4.46': 'dnQualifier', '2.5.4.65': 'pseudonym',
  '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};

interface NameEntry {
  oid: string;
  value: Uint8Array;
}

function nameEntries(b: Uint8Array, name: Tlv): NameEntry[] {
  const out: NameEntry[] = [];
  for (const rdn of children(b, name)) {
    for (const atv of children(b, rdn)) {
      const [o, v] = children(b, atv);
      if (o?.tag === 0x06 && v) out.push({ oid: oid(b, o), value: b.subarray(v.start, v.end) });
    }
  }
  return out;
}

const HEX = '0123456789ABCDEF';

/** X509_NAME_oneline(): `/SN=value` per entry, bytes outside ' '..'~' as `\xHH`. */
function oneline(entries: readonly NameEntry[]): string {
  let s = '';
  for (const e of entries) {
    s += `/${SHORT[e.oid] ?? e.oid}=`;
    for (const c of e.value) s += c < 0x20 || c > 0x7e ? `\\x${HEX[c >> 4]}${HEX[c & 15]}` : String.fromCharCode(c);
  }
  return s;
}

/** Sendmail's xtextify(s, "<>\")"): `+XX` for bytes outside '!'..'~', '+', and the taboo ones. */
export function xtextify(s: string, taboo = '<>()"'): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0) & 0xff;
    out += c < 0x21 || c > 0x7e || ch === '+' || taboo.includes(ch) ? `+${HEX[c >> 4]}${HEX[c & 15]}` : ch;
  }
  return out;
}

export interface CertNames {
  certSubject: string;
  certIssuer: string;
  cnSubject: string;
  cnIssuer: string;
}

/** The four macros for a DER certificate, or null when it does not parse. */
export function certNames(der: Uint8Array): CertNames | null {
  const cert = tlv(der, 0, der.length);
  if (!cert || cert.tag !== 0x30) return null;
  const tbs = children(der, cert)[0];
  if (!tbs || tbs.tag !== 0x30) return null;
  const f = children(der, tbs);
  const i = f[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  const issuer = f[i + 2];
  const subject = f[i + 4];
  if (issuer?.tag !== 0x30 || subject?.tag !== 0x30) return null;
  const s = nameEntries(der, subject);
  const is = nameEntries(der, issuer);
  const cn = (es: NameEntry[]): string => {
    const e = es.find((x) => x.oid === '2.5.4.3');
    return e ? xtextify(String.fromCharCode(...e.value)) : '';
  };
  return { certSubject: xtextify(oneline(s)), certIssuer: xtextify(oneline(is)), cnSubject: cn(s), cnIssuer: cn(is) };
}
