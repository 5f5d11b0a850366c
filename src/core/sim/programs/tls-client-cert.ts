/**
 * What the lab's TLS clients (s_client, swaks) show of a certificate, read
 * from its DER with a small reader of their own (only core/pki may use
 * @peculiar/x509): the names in OpenSSL 3.0's one-line form
 * (`C = US, O = Example Org, CN = mail.example.test`), the validity period
 * as `Nov 28 12:54:35 2026 GMT`, the key (`rsaEncryption, 2048 (bit)`), the
 * signature algorithm (`RSA-SHA256`), the subjectAltName DNS names and IP
 * addresses, and PEM. Shapes: test/fixtures/s-client/.
 *
 * Names with characters OpenSSL escapes or quotes are checked against
 * `openssl x509 -nameopt oneline / compat` in test/sim/tls-client-cert.test.ts.
 */

interface Tlv {
  readonly tag: number;
  readonly body: Uint8Array;
  /** The whole element (tag, length, body). */
  readonly whole: Uint8Array;
  /** Offset of the element after this one. */
  readonly end: number;
}

function tlv(b: Uint8Array, at: number): Tlv {
  if (at + 2 > b.length) throw new Error('DER: truncated');
  const tag = b[at];
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || p + n > b.length) throw new Error('DER: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > b.length) throw new Error('DER: truncated');
  return { tag, body: b.subarray(p, p + len), whole: b.subarray(at, p + len), end: p + len };
}

function children(body: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < body.length; ) {
    const t = tlv(body, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oid(body: Uint8Array): string {
  const parts = [Math.floor(body[0] / 40), body[0] % 40];
  let v = 0;
  for (let i = 1; i < body.length; i++) {
    v = v * 128 + (body[i] & 0x7f);
    if (!(body[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** OpenSSL's short names for the attribute types of a distinguished name. */
const ATTR: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.9': 'street',
  '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title', '2.5.4.42': 'GN', '2.5.4.43': 'initials', '2.5.4.46': 'dnQualifier',
  '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};

const SIGALG: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'RSA-SHA1', '1.2.840.113549.1.1.11': 'RSA-SHA256', '1.2.840.113549.1.1.12': 'RSA-SHA384',
  '1.2.840.113549.1.1.13': 'RSA-SHA512', '1.2.840.113549.1.1.10': 'RSASSA-PSS', '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384', '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512', '1.3.101.112': 'ED25519',
};

const CURVE_BITS: Record<string, number> = { '1.2.840.10045.3.1.7': 256, '1.3.132.0.34': 384, '1.3.132.0.35': 521 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface CertInfo {
  readonly der: Uint8Array;
  /** One-line names as OpenSSL 3.0 prints them. */
  readonly subject: string;
  readonly issuer: string;
  /** The subject as X509_NAME_oneline writes it: `/C=US/O=Example Org/CN=mail.example.test`. */
  readonly subjectSlash: string;
  /** DER of the names, to match an issuer against a subject. */
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly notBefore: number;
  readonly notAfter: number;
  /** `rsaEncryption` or `id-ecPublicKey`. */
  readonly keyType: string;
  readonly keyBits: number;
  /** `RSA-SHA256`, `ecdsa-with-SHA256`, ... */
  readonly sigalg: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** The one-line name's CN (for hosts without subjectAltName). */
  readonly commonNames: readonly string[];
}

function text(t: Tlv): string {
  // BMPString (0x1e): UTF-16BE; the others are byte strings (UTF8, Printable, IA5, T61).
  if (t.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < t.body.length; i += 2) s += String.fromCharCode((t.body[i] << 8) | t.body[i + 1]);
    return s;
  }
  return new TextDecoder().decode(t.body);
}

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/**
 * A value as XN_FLAG_ONELINE prints it (RFC 2253 escapes with ESC_QUOTE):
 * `"` and `\` get a backslash, bytes above 0x7f are `\XX`, and a value with
 * `, + ; < >`, a leading `#` or a space at either end is put in quotes.
 */
function onelineValue(v: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(v)) {
    const c = String.fromCharCode(b);
    out += b > 0x7e || b < 0x20 ? `\\${hex2(b)}` : c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return /[,+;<>]/.test(v) || v.startsWith('#') || v.startsWith(' ') || v.endsWith(' ') ? `"${out}"` : out;
}

/** A value as X509_NAME_oneline prints it: bytes above 0x7e as `\xXX`. */
function slashValue(v: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(v)) out += b > 0x7e || b < 0x20 ? `\\x${hex2(b)}` : String.fromCharCode(b);
  return out;
}

function readName(name: Tlv): { line: string; slash: string; cns: string[] } {
  const cns: string[] = [];
  const rdns = children(name.body).map((set) =>
    children(set.body).map((atv) => {
      const [type, value] = children(atv.body);
      const id = oid(type.body);
      const v = text(value);
      if (id === '2.5.4.3') cns.push(v);
      return [ATTR[id] ?? id, v] as const;
    }),
  );
  return {
    line: rdns.map((r) => r.map(([k, v]) => `${k} = ${onelineValue(v)}`).join(' + ')).join(', '),
    // X509_NAME_oneline (swaks's "TLS peer DN")
    slash: rdns.map((r) => '/' + r.map(([k, v]) => `${k}=${slashValue(v)}`).join('+')).join(''),
    cns,
  };
}

/** A DER distinguished name, one-line ('' when it does not parse). */
export function nameLine(der: Uint8Array): string {
  try {
    return readName(tlv(der, 0)).line;
  } catch {
    return '';
  }
}

function readTime(t: Tlv): number {
  const s = new TextDecoder().decode(t.body);
  const m = t.tag === 0x17 ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw new Error('DER: bad time');
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** `Nov 28 12:54:35 2026 GMT` (ASN1_TIME_print). */
export function opensslTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

function bitLength(intBody: Uint8Array): number {
  let i = 0;
  while (i < intBody.length - 1 && intBody[i] === 0) i++;
  const first = intBody[i];
  return (intBody.length - i - 1) * 8 + (first === 0 ? 0 : 32 - Math.clz32(first));
}

/** Reads a certificate; null when the DER is not one. */
export function certInfo(der: Uint8Array): CertInfo | null {
  try {
    const [tbs, sigAlg] = children(tlv(der, 0).body);
    let f = children(tbs.body);
    if (f[0].tag === 0xa0) f = f.slice(1);
    const [, , issuer, validity, subject, spki, ...rest] = f;
    const [nb, na] = children(validity.body);
    const [alg, bits] = children(spki.body);
    const [algOid, params] = children(alg.body);
    const keyOid = oid(algOid.body);
    let keyType = keyOid;
    let keyBits = 0;
    if (keyOid === '1.2.840.113549.1.1.1') {
      keyType = 'rsaEncryption';
      const [modulus] = children(tlv(bits.body.subarray(1), 0).body);
      keyBits = bitLength(modulus.body);
    } else if (keyOid === '1.2.840.10045.2.1') {
      keyType = 'id-ecPublicKey';
      keyBits = params ? (CURVE_BITS[oid(params.body)] ?? 0) : 0;
    }
    const dnsNames: string[] = [];
    const ipAddresses: string[] = [];
    const exts = rest.find((t) => t.tag === 0xa3);
    if (exts) {
      for (const ext of children(tlv(exts.body, 0).body)) {
        const parts = children(ext.body);
        if (oid(parts[0].body) !== '2.5.29.17') continue;
        const value = parts[parts.length - 1];
        for (const gn of children(tlv(value.body, 0).body)) {
          if (gn.tag === 0x82) dnsNames.push(new TextDecoder().decode(gn.body));
          if (gn.tag === 0x87 && gn.body.length === 4) ipAddresses.push([...gn.body].join('.'));
        }
      }
    }
    const s = readName(subject);
    const sig = oid(children(sigAlg.body)[0].body);
    return {
      der,
      subject: s.line,
      subjectSlash: s.slash,
      issuer: readName(issuer).line,
      subjectDer: subject.whole,
      issuerDer: issuer.whole,
      notBefore: readTime(nb),
      notAfter: readTime(na),
      keyType,
      keyBits,
      sigalg: SIGALG[sig] ?? sig,
      dnsNames,
      ipAddresses,
      commonNames: s.cns,
    };
  } catch {
    return null;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** PEM with 64-character lines, as PEM_write_X509. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  let s = '';
  for (let i = 0; i < der.length; i += 3) {
    const n = (der[i] << 16) | ((der[i + 1] ?? 0) << 8) | (der[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < der.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < der.length ? B64[n & 63] : '=');
  }
  const lines = s.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** X509_check_host: subjectAltName DNS names (a `*.` wildcard covers one label), else the CN. */
export function matchesHost(c: CertInfo, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const names = c.dnsNames.length > 0 ? c.dnsNames : c.commonNames;
  return names.some((n) => {
    const p = n.toLowerCase();
    if (p === h) return true;
    if (p.startsWith('*.')) {
      const dot = h.indexOf('.');
      return dot > 0 && h.slice(dot + 1) === p.slice(2);
    }
    return false;
  });
}
