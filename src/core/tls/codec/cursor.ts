/**
 * Strict cursors over bytes (rustls `msgs/codec.rs`): a Reader that refuses to
 * read past its end and a Writer with length-prefixed sub-vectors. Decoders
 * throw DecodeError only; public entry points catch it and return a result.
 */

/** A malformed message: bad length, leftover bytes, illegal value. Maps to decode_error. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    message: string,
    /** The alert the receiver sends (RFC 8446 §6.2); decode_error (50) unless stated. */
    readonly alert: number = 50,
  ) {
    super(message);
  }
}

export class Reader {
  #buf: Uint8Array;
  #pos = 0;

  constructor(buf: Uint8Array) {
    this.#buf = buf;
  }

  get left(): number {
    return this.#buf.length - this.#pos;
  }

  get offset(): number {
    return this.#pos;
  }

  #need(n: number, what: string): void {
    if (n > this.left) throw new DecodeError(`${what}: need ${n} bytes, have ${this.left}`);
  }

  u8(what = 'u8'): number {
    this.#need(1, what);
    return this.#buf[this.#pos++];
  }

  u16(what = 'u16'): number {
    this.#need(2, what);
    const v = (this.#buf[this.#pos] << 8) | this.#buf[this.#pos + 1];
    this.#pos += 2;
    return v;
  }

  u24(what = 'u24'): number {
    this.#need(3, what);
    const b = this.#buf;
    const p = this.#pos;
    this.#pos += 3;
    return (b[p] << 16) | (b[p + 1] << 8) | b[p + 2];
  }

  u32(what = 'u32'): number {
    return this.u16(what) * 0x10000 + this.u16(what);
  }

  bytes(n: number, what = 'bytes'): Uint8Array {
    this.#need(n, what);
    const out = this.#buf.slice(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }

  /** opaque x<lo..hi> with a `width`-byte length prefix (RFC 8446 §3.4). */
  vec(width: 1 | 2 | 3, what: string, lo = 0, hi = 2 ** (8 * width) - 1): Uint8Array {
    const n = width === 1 ? this.u8(what) : width === 2 ? this.u16(what) : this.u24(what);
    if (n < lo || n > hi) throw new DecodeError(`${what}: length ${n} outside ${lo}..${hi}`);
    return this.bytes(n, what);
  }

  /** A sub-reader over a length-prefixed vector. */
  sub(width: 1 | 2 | 3, what: string, lo = 0, hi = 2 ** (8 * width) - 1): Reader {
    return new Reader(this.vec(width, what, lo, hi));
  }

  rest(): Uint8Array {
    return this.bytes(this.left);
  }

  /** Strictness: every byte must have been consumed. */
  end(what: string): void {
    if (this.left !== 0) throw new DecodeError(`${what}: ${this.left} leftover bytes`);
  }
}

export class Writer {
  #chunks: number[] = [];

  u8(v: number): this {
    this.#chunks.push(v & 0xff);
    return this;
  }

  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }

  u24(v: number): this {
    return this.u8(v >>> 16).u8(v >>> 8).u8(v);
  }

  u32(v: number): this {
    return this.u16(Math.floor(v / 0x10000)).u16(v & 0xffff);
  }

  bytes(b: Uint8Array): this {
    for (const x of b) this.#chunks.push(x);
    return this;
  }

  /** A length-prefixed vector whose body `fill` writes. */
  vec(width: 1 | 2 | 3, fill: (w: Writer) => void): this {
    const inner = new Writer();
    fill(inner);
    const body = inner.finish();
    if (body.length >= 2 ** (8 * width)) throw new RangeError(`vector of ${body.length} bytes does not fit ${width} length bytes`);
    if (width === 1) this.u8(body.length);
    else if (width === 2) this.u16(body.length);
    else this.u24(body.length);
    return this.bytes(body);
  }

  vecBytes(width: 1 | 2 | 3, b: Uint8Array): this {
    return this.vec(width, (w) => w.bytes(b));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#chunks);
  }
}

/** Run a strict decoder over `buf`: it must consume everything. */
export function decodeAll<T>(buf: Uint8Array, what: string, read: (r: Reader) => T): T {
  const r = new Reader(buf);
  const v = read(r);
  r.end(what);
  return v;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** Public entry: never throws; any DecodeError (or stray exception) becomes a result. */
export function tryDecode<T>(buf: Uint8Array, what: string, read: (r: Reader) => T): Decoded<T> {
  try {
    return { ok: true, value: decodeAll(buf, what, read) };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e };
    return { ok: false, error: new DecodeError(`${what}: ${(e as Error).message}`) };
  }
}
