/**
 * Certificates and requests, built and read byte by byte (DER) so that the
 * names, extensions and their order are exactly what OpenSSL 3.0 writes:
 * X.509 v3 certificates signed with sha256WithRSAEncryption or
 * ecdsa-with-SHA256, PKCS#10 requests with an empty attribute set. Readers
 * never throw: null means OpenSSL would not load it.
 */
import { children, int, octets, oid, oidToString, readTlv, readWhole, seq, tlv, nullDer, type Tlv } from './der.ts';
import { decodeDn, encodeDn, type Dn } from './names.ts';
import { signingKey, type PrivateKey } from './keys.ts';
import { fromHex, toHex } from '../bytes/index.ts';

export const SIG_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
};

const b = (v: Uint8Array): Uint8Array<ArrayBuffer> => Uint8Array.from(v);

function sigAlgId(key: PrivateKey): Uint8Array<ArrayBuffer> {
  return key.kind === 'rsa' ? seq(oid('1.2.840.113549.1.1.11'), nullDer()) : seq(oid('1.2.840.10045.4.3.2'));
}

/** ECDSA's r||s from WebCrypto as the DER SEQUENCE{r, s} X.509 carries. */
function ecdsaDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const half = raw.length / 2;
  const intOf = (x: Uint8Array): Uint8Array<ArrayBuffer> => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    const v = x.subarray(i);
    return tlv(0x02, v[0] & 0x80 ? Uint8Array.from([0, ...v]) : b(v));
  };
  return seq(intOf(raw.subarray(0, half)), intOf(raw.subarray(half)));
}

function ecdsaRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  const t = readWhole(der);
  const p = t && children(t);
  if (!p || p.length !== 2 || p[0].tag !== 2 || p[1].tag !== 2) return null;
  const out = new Uint8Array(size * 2);
  for (const [i, x] of p.entries()) {
    let v = x.value;
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    if (v.length > size) return null;
    out.set(v, i * size + size - v.length);
  }
  return out;
}

async function sign(subtle: SubtleCrypto, key: PrivateKey, tbs: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const k = await signingKey(subtle, key);
  const sig = new Uint8Array(await subtle.sign(key.kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' }, k, tbs));
  return key.kind === 'rsa' ? sig : ecdsaDer(sig);
}

const bitString = (v: Uint8Array): Uint8Array<ArrayBuffer> => tlv(0x03, Uint8Array.from([0, ...v]));

// ---- time ---------------------------------------------------------------

function timeDer(ms: number): Uint8Array<ArrayBuffer> {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return y >= 1950 && y < 2050 ? tlv(0x17, new TextEncoder().encode(`${p(y % 100)}${rest}`)) : tlv(0x18, new TextEncoder().encode(`${y}${rest}`));
}

function readTime(t: Tlv): number | null {
  const s = String.fromCharCode(...t.value);
  const m = t.tag === 0x17 ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : t.tag === 0x18 ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : null;
  if (!m) return null;
  let y = Number(m[1]);
  if (t.tag === 0x17) y += y < 50 ? 2000 : 1900;
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** `Nov 28 15:22:45 2026 GMT`, as OpenSSL prints a time. */
export function opensslDate(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** `271128152245Z`, as index.txt records an expiry. */
export function utcTimeText(ms: number): string {
  return String.fromCharCode(...timeDer(ms).subarray(2));
}

// ---- extensions ---------------------------------------------------------

export interface Ext {
  oid: string;
  critical: boolean;
  value: Uint8Array<ArrayBuffer>;
}

const extDer = (e: Ext): Uint8Array<ArrayBuffer> => seq(oid(e.oid), ...(e.critical ? [tlv(0x01, Uint8Array.of(0xff))] : []), octets(e.value));

// ---- requests -----------------------------------------------------------

export interface Csr {
  der: Uint8Array<ArrayBuffer>;
  subject: Dn;
  subjectDer: Uint8Array<ArrayBuffer>;
  spki: Uint8Array<ArrayBuffer>;
  extensions: Ext[];
  tbs: Uint8Array<ArrayBuffer>;
  sigOid: string;
  signature: Uint8Array<ArrayBuffer>;
}

export async function makeCsr(subtle: SubtleCrypto, key: PrivateKey, spki: Uint8Array, subject: Dn, extensions: Ext[] = []): Promise<Uint8Array<ArrayBuffer>> {
  const attrs = extensions.length ? [seq(oid('1.2.840.113549.1.9.14'), tlv(0x31, seq(...extensions.map(extDer))))] : [];
  const info = seq(int(0), encodeDn(subject), b(spki), tlv(0xa0, ...attrs));
  return seq(info, sigAlgId(key), bitString(await sign(subtle, key, info)));
}

function parseExts(list: Tlv[]): Ext[] | null {
  const out: Ext[] = [];
  for (const e of list) {
    const p = children(e);
    if (!p || p.length < 2 || p[0].tag !== 0x06) return null;
    const critical = p.length === 3 && p[1].tag === 0x01 && p[1].value[0] !== 0;
    const v = p[p.length - 1];
    if (v.tag !== 0x04) return null;
    out.push({ oid: oidToString(p[0].value) ?? '', critical, value: b(v.value) });
  }
  return out;
}

function signed(der: Uint8Array): { tbs: Tlv; tbsBytes: Uint8Array<ArrayBuffer>; sigOid: string; signature: Uint8Array<ArrayBuffer> } | null {
  const top = readWhole(der);
  const p = top && top.tag === 0x30 ? children(top) : null;
  if (!p || p.length !== 3 || p[0].tag !== 0x30 || p[2].tag !== 0x03 || p[2].value.length < 1) return null;
  const alg = children(p[1]);
  if (!alg || alg[0]?.tag !== 0x06) return null;
  const start = (top!.value.byteOffset - der.byteOffset);
  const tbsBytes = b(der.subarray(start, start + p[0].end));
  return { tbs: p[0], tbsBytes, sigOid: oidToString(alg[0].value) ?? '', signature: b(p[2].value.subarray(1)) };
}

export function parseCsr(der: Uint8Array): Csr | null {
  const s = signed(der);
  const f = s && children(s.tbs);
  if (!s || !f || f.length < 3 || f[0].tag !== 0x02 || f[1].tag !== 0x30 || f[2].tag !== 0x30) return null;
  const name = tlv(0x30, f[1].value);
  const subject = decodeDn(name);
  if (!subject) return null;
  let extensions: Ext[] = [];
  const attrs = f[3];
  if (attrs && attrs.tag === 0xa0) {
    for (const a of children(attrs) ?? []) {
      const ap = children(a);
      if (ap && ap[0]?.tag === 0x06 && oidToString(ap[0].value) === '1.2.840.113549.1.9.14') {
        const set = ap[1] && children(ap[1]);
        const exts = set?.[0] && children(set[0]);
        const parsed = exts && parseExts(exts);
        if (!parsed) return null;
        extensions = parsed;
      }
    }
  }
  return { der: b(der), subject, subjectDer: name, spki: tlv(0x30, f[2].value), extensions, tbs: s.tbsBytes, sigOid: s.sigOid, signature: s.signature };
}

// ---- certificates -------------------------------------------------------

export interface Cert {
  der: Uint8Array<ArrayBuffer>;
  version: number;
  serialHex: string; // upper case, as index.txt and -serial show it
  sigOid: string;
  issuer: Dn;
  issuerDer: Uint8Array<ArrayBuffer>;
  subject: Dn;
  subjectDer: Uint8Array<ArrayBuffer>;
  notBefore: number;
  notAfter: number;
  spki: Uint8Array<ArrayBuffer>;
  extensions: Ext[];
  tbs: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

export function parseCert(der: Uint8Array): Cert | null {
  const s = signed(der);
  let f = s && children(s.tbs);
  if (!s || !f) return null;
  let version = 1;
  if (f[0]?.tag === 0xa0) {
    const v = readWhole(f[0].value);
    if (!v || v.tag !== 0x02 || v.value.length !== 1) return null;
    version = v.value[0] + 1;
    f = f.slice(1);
  }
  if (f.length < 6 || f[0].tag !== 0x02 || f[0].value.length === 0) return null;
  const issuerDer = tlv(0x30, f[2].value);
  const subjectDer = tlv(0x30, f[4].value);
  const issuer = f[2].tag === 0x30 ? decodeDn(issuerDer) : null;
  const subject = f[4].tag === 0x30 ? decodeDn(subjectDer) : null;
  const val = f[3].tag === 0x30 ? children(f[3]) : null;
  if (!issuer || !subject || !val || val.length !== 2 || f[5].tag !== 0x30) return null;
  const notBefore = readTime(val[0]);
  const notAfter = readTime(val[1]);
  if (notBefore === null || notAfter === null) return null;
  let extensions: Ext[] = [];
  const e = f.find((x) => x.tag === 0xa3);
  if (e) {
    const list = readWhole(e.value);
    const items = list && children(list);
    const parsed = items && parseExts(items);
    if (!parsed) return null;
    extensions = parsed;
  }
  let serial = f[0].value;
  while (serial.length > 1 && serial[0] === 0) serial = serial.subarray(1);
  return {
    der: b(der), version, serialHex: toHex(serial).toUpperCase(), sigOid: s.sigOid, issuer, issuerDer, subject, subjectDer,
    notBefore, notAfter, spki: tlv(0x30, f[5].value), extensions, tbs: s.tbsBytes, signature: s.signature,
  };
}

export interface IssueOptions {
  serialHex: string;
  subjectDer: Uint8Array<ArrayBuffer>;
  issuerDer: Uint8Array<ArrayBuffer>;
  notBefore: number;
  notAfter: number;
  spki: Uint8Array;
  signer: PrivateKey;
  extensions: Ext[];
}

export async function issueCert(subtle: SubtleCrypto, o: IssueOptions): Promise<Uint8Array<ArrayBuffer>> {
  const hex = o.serialHex.length % 2 ? `0${o.serialHex}` : o.serialHex;
  let serial = fromHex(hex);
  if (serial[0] & 0x80) serial = Uint8Array.from([0, ...serial]);
  // Without extensions OpenSSL 3.0 makes a version 1 certificate (x509 -req without -extfile).
  const tbs = seq(
    ...(o.extensions.length ? [tlv(0xa0, int(2))] : []),
    tlv(0x02, b(serial)),
    sigAlgId(o.signer),
    o.issuerDer,
    seq(timeDer(o.notBefore), timeDer(o.notAfter)),
    o.subjectDer,
    b(o.spki),
    ...(o.extensions.length ? [tlv(0xa3, seq(...o.extensions.map(extDer)))] : []),
  );
  return seq(tbs, sigAlgId(o.signer), bitString(await sign(subtle, o.signer, tbs)));
}

/** Does `sig` over `tbs` verify with the key `spki`? (false on anything malformed) */
export async function verifySignature(subtle: SubtleCrypto, spki: Uint8Array, sigOid: string, tbs: Uint8Array<ArrayBuffer>, sig: Uint8Array<ArrayBuffer>): Promise<boolean> {
  try {
    const name = SIG_NAMES[sigOid] ?? '';
    const hash = name.includes('384') ? 'SHA-384' : name.includes('512') ? 'SHA-512' : name.startsWith('sha1') ? 'SHA-1' : 'SHA-256';
    if (name.startsWith('ecdsa')) {
      const curve = spkiCurve(spki);
      if (!curve) return false;
      const k = await subtle.importKey('spki', b(spki), { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
      const raw = ecdsaRaw(sig, curve === 'P-256' ? 32 : 48);
      return raw !== null && (await subtle.verify({ name: 'ECDSA', hash }, k, raw, tbs));
    }
    const k = await subtle.importKey('spki', b(spki), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
    return await subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, k, sig, tbs);
  } catch {
    return false;
  }
}

export function spkiCurve(spki: Uint8Array): 'P-256' | 'P-384' | null {
  const t = readTlv(spki);
  const alg = t && children(t)?.[0];
  const p = alg && children(alg);
  const c = p?.[1]?.tag === 0x06 ? oidToString(p[1].value) : null;
  return c === '1.2.840.10045.3.1.7' ? 'P-256' : c === '1.3.132.0.34' ? 'P-384' : null;
}

/** The subjectPublicKey bits of an SPKI (what SKI hashes and -text prints). */
export function spkiParts(spki: Uint8Array): { algOid: string; key: Uint8Array } | null {
  const t = readWhole(spki);
  const p = t && children(t);
  const alg = p?.[0] && children(p[0]);
  if (!p || p.length !== 2 || !alg || alg[0]?.tag !== 0x06 || p[1].tag !== 0x03 || p[1].value.length < 1) return null;
  return { algOid: oidToString(alg[0].value) ?? '', key: p[1].value.subarray(1) };
}
