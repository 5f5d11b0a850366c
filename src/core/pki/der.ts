/**
 * A small DER reader and writer: what the PKCS#8 and PBES2 code needs
 * (SEQUENCE, INTEGER, OCTET STRING, OID, NULL, context tags). The reader
 * never throws: a malformed input gives null, as OpenSSL's d2i_* fails.
 */

export interface Tlv {
  tag: number;
  /** The content bytes (a view into the input). */
  value: Uint8Array;
  /** Offset just past this element in the input. */
  end: number;
}

/** One TLV at `at`, or null when the header or length is malformed or runs past the end. */
export function readTlv(buf: Uint8Array, at = 0, limit = buf.length): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = buf[at];
  if ((tag & 0x1f) === 0x1f) return null; // high tag numbers: not used here
  let len = buf[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    if (n > 1 && buf[p] === 0) return null; // DER: shortest form
    if (len < 0x80) return null;
    p += n;
  }
  if (p + len > limit) return null;
  return { tag, value: buf.subarray(p, p + len), end: p + len };
}

/** The children of a constructed element, or null when they do not tile its content exactly. */
export function children(t: Tlv): Tlv[] | null {
  if (!(t.tag & 0x20)) return null;
  const out: Tlv[] = [];
  let at = 0;
  while (at < t.value.length) {
    const c = readTlv(t.value, at);
    if (!c) return null;
    out.push(c);
    at = c.end;
  }
  return out;
}

/** The whole input as exactly one element (trailing bytes are an error). */
export function readWhole(buf: Uint8Array): Tlv | null {
  const t = readTlv(buf, 0);
  return t && t.end === buf.length ? t : null;
}

export function oidToString(v: Uint8Array): string | null {
  if (v.length === 0 || v[v.length - 1] & 0x80) return null;
  const parts: number[] = [];
  let n = 0;
  for (const b of v) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  const first = parts[0] < 40 ? 0 : parts[0] < 80 ? 1 : 2;
  return [first, parts[0] - first * 40, ...parts.slice(1)].join('.');
}

export function intValue(v: Uint8Array): number | null {
  if (v.length === 0 || v.length > 6 || v[0] & 0x80) return null;
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

// ---- writing ------------------------------------------------------------

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const len = parts.reduce((s, p) => s + p.length, 0);
  const head = [tag, ...lengthBytes(len)];
  const out = new Uint8Array(head.length + len);
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const seq = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => tlv(0x30, ...parts);
export const octets = (v: Uint8Array): Uint8Array<ArrayBuffer> => tlv(0x04, v);
export const nullDer = (): Uint8Array<ArrayBuffer> => tlv(0x05);

export function int(n: number): Uint8Array<ArrayBuffer> {
  const b: number[] = [];
  do {
    b.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (b[0] & 0x80) b.unshift(0);
  return tlv(0x02, Uint8Array.from(b));
}

export function oid(dotted: string): Uint8Array<ArrayBuffer> {
  const p = dotted.split('.').map(Number);
  const arcs = [p[0] * 40 + p[1], ...p.slice(2)];
  const out: number[] = [];
  for (const a of arcs) {
    const chunk: number[] = [];
    let n = a;
    do {
      chunk.unshift(n & 0x7f);
      n = Math.floor(n / 128);
    } while (n > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}
