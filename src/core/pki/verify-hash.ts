/**
 * X509_NAME_hash (OpenSSL 1.0+ "subject hash", what `openssl x509 -hash` and
 * `openssl rehash` print and -CApath / Sendmail's CACertPath look up as
 * `<hash>.0`): SHA-1 of the name's canonical encoding (x_name.c
 * x509_name_canon: string values as UTF8String, lower-cased ASCII, spaces
 * trimmed and collapsed; the RDN SETs concatenated without the outer
 * SEQUENCE), first four bytes little-endian, as 8 hex digits.
 */
import { parseAsn1, type Asn1Node } from './asn1-tree.ts';

/** Tags whose values OpenSSL canonicalises (ASN1_MASK_CANON). */
const CANON = new Set([12, 30, 28, 19, 20, 22, 26]);

function lenBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const b: number[] = [];
  while (n > 0) {
    b.unshift(n & 0xff);
    n >>= 8;
  }
  return [0x80 | b.length, ...b];
}

const tlv = (tag: number, body: number[]): number[] => [tag, ...lenBytes(body.length), ...body];

function utf8Of(tag: number, c: Uint8Array): number[] {
  if (tag === 30) {
    let s = '';
    for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i] << 8) | c[i + 1]);
    return [...new TextEncoder().encode(s)];
  }
  if (tag === 28) {
    let s = '';
    for (let i = 0; i + 3 < c.length; i += 4) s += String.fromCodePoint(((c[i] << 24) | (c[i + 1] << 16) | (c[i + 2] << 8) | c[i + 3]) >>> 0);
    return [...new TextEncoder().encode(s)];
  }
  if (tag === 12) return [...c];
  // PrintableString, T61String, IA5String, VisibleString: one byte a character (Latin-1 to UTF-8).
  return [...new TextEncoder().encode(String.fromCharCode(...c))];
}

const isSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** asn1_string_canon on UTF-8 bytes. */
function canon(u: number[]): number[] {
  let from = 0;
  let to = u.length;
  while (from < to && isSpace(u[from])) from++;
  while (to > from && isSpace(u[to - 1])) to--;
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const b = u[i];
    if (isSpace(b)) {
      out.push(0x20);
      while (i + 1 < to && isSpace(u[i + 1])) i++;
    } else out.push(b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  }
  return out;
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The canonical encoding of a Name (DER of the SEQUENCE); null when it is not a Name. */
export function canonicalName(nameDer: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const t = parseAsn1(nameDer);
  const seq = t.roots[0];
  if (t.error || !seq || seq.tag !== 16 || seq.tagClass !== 'universal') return null;
  const out: number[] = [];
  for (const set of seq.children) {
    if (set.tag !== 17) return null;
    const entries: number[][] = [];
    for (const atv of set.children) {
      const [oid, value] = atv.children as (Asn1Node | undefined)[];
      if (!oid || !value || oid.tag !== 6) return null;
      const oidBytes = [...nameDer.subarray(oid.offset, oid.offset + oid.headerLength + oid.length)];
      const content = nameDer.subarray(value.offset + value.headerLength, value.offset + value.headerLength + Math.max(value.length, 0));
      const valueBytes =
        value.tagClass === 'universal' && CANON.has(value.tag)
          ? tlv(12, canon(utf8Of(value.tag, content)))
          : [...nameDer.subarray(value.offset, value.offset + value.headerLength + Math.max(value.length, 0))];
      entries.push(tlv(0x30, [...oidBytes, ...valueBytes]));
    }
    entries.sort(compareBytes);
    out.push(...tlv(0x31, entries.flat()));
  }
  return Uint8Array.from(out);
}

/** X509_NAME_hash of a Name's DER: 8 lower-case hex digits; null when it is not a Name. */
export async function nameHash(nameDer: Uint8Array, subtle: SubtleCrypto): Promise<string | null> {
  const c = canonicalName(nameDer);
  if (!c) return null;
  const d = new Uint8Array(await subtle.digest('SHA-1', c));
  const v = (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0;
  return v.toString(16).padStart(8, '0');
}
