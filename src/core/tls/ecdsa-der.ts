/**
 * ECDSA signatures: WebCrypto speaks IEEE P1363 (r || s, fixed width); TLS
 * carries DER `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 8446 §4.2.3).
 */
import { DecodeError, Reader, Writer } from './codec/cursor.ts';

function derInt(x: Uint8Array): Uint8Array {
  let i = 0;
  while (i < x.length - 1 && x[i] === 0) i++;
  const v = x.subarray(i);
  return (v[0] & 0x80) !== 0 ? Uint8Array.of(0, ...v) : v;
}

function derLen(w: Writer, n: number): void {
  if (n < 0x80) w.u8(n);
  else if (n < 0x100) w.u8(0x81).u8(n);
  else w.u8(0x82).u16(n);
}

export function p1363ToDer(sig: Uint8Array): Uint8Array {
  const half = sig.length / 2;
  const r = derInt(sig.subarray(0, half));
  const s = derInt(sig.subarray(half));
  const body = new Writer().u8(0x02).u8(r.length).bytes(r).u8(0x02).u8(s.length).bytes(s).finish();
  const w = new Writer().u8(0x30);
  derLen(w, body.length);
  return w.bytes(body).finish();
}

function readLen(r: Reader): number {
  const b = r.u8('DER length');
  if (b < 0x80) return b;
  if (b === 0x81) return r.u8('DER length');
  if (b === 0x82) return r.u16('DER length');
  throw new DecodeError('DER length too long');
}

/** DER -> r || s of `size` bytes each; DecodeError when malformed. */
export function derToP1363(der: Uint8Array, size: number): Uint8Array {
  const r = new Reader(der);
  if (r.u8('ECDSA sig') !== 0x30) throw new DecodeError('ECDSA sig: not a SEQUENCE');
  const seq = new Reader(r.bytes(readLen(r), 'ECDSA sig'));
  r.end('ECDSA sig');
  const out = new Uint8Array(2 * size);
  for (const at of [0, size]) {
    if (seq.u8('ECDSA int') !== 0x02) throw new DecodeError('ECDSA sig: not an INTEGER');
    let v = seq.bytes(readLen(seq), 'ECDSA int');
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    if (v.length > size) throw new DecodeError('ECDSA sig: integer too large');
    out.set(v, at + size - v.length);
  }
  seq.end('ECDSA sig');
  return out;
}
