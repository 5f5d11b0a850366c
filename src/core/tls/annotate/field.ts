/**
 * The annotated-bytes tree of one handshake message: each node names a run of
 * bytes (offset and length inside the message, header included), says what it
 * means, and splits into children that cover it exactly. Leaves partition the
 * message: every byte is under exactly one leaf.
 *
 * A Walk reads with core/tls's own strict Reader (codec/cursor.ts), so a field
 * is accepted or refused by the same checks as the engine's decoders. When a
 * read fails, the rest of the enclosing vector becomes one "malformed" node
 * ("malformed at offset N: ...") and the walk goes on after that vector.
 */
import { toHex } from '../../bytes/index.ts';
import { DecodeError, Reader } from '../codec/cursor.ts';

export interface Field {
  /** Offset in the whole message (msg_type is 0). */
  readonly offset: number;
  readonly length: number;
  /** The field's name as the RFC's presentation language spells it. */
  readonly label: string;
  /** What it means or holds, as text. */
  readonly value: string;
  /** The decoded value (number or bytes) for a leaf that holds one. */
  readonly data?: number | Uint8Array;
  /** Set on the node that stands for bytes that did not decode. */
  readonly malformed?: true;
  readonly children: readonly Field[];
}

/** Mutable while a walk builds it. */
export interface Node {
  offset: number;
  length: number;
  label: string;
  value: string;
  data?: number | Uint8Array;
  malformed?: true;
  children: Node[];
}

export const hex2 = (v: number): string => `0x${v.toString(16).padStart(2, '0')}`;
export const hex4 = (v: number): string => `0x${v.toString(16).padStart(4, '0')}`;

/** Bytes as hex, shortened in the middle past `max` bytes. */
export function shortHex(b: Uint8Array, max = 24): string {
  if (b.length <= max) return toHex(b);
  return `${toHex(b.subarray(0, max / 2))}…${toHex(b.subarray(b.length - max / 2))}`;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
export const byteCount = (n: number): string => plural(n, 'byte');
export { plural };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class Walk {
  readonly #r: Reader;
  /** Absolute offset of this walk's first byte. */
  readonly base: number;
  readonly size: number;
  readonly nodes: Node[] = [];
  /** Absolute end of the last node added (where a malformed node would start). */
  #done: number;

  constructor(bytes: Uint8Array, base: number) {
    this.#r = new Reader(bytes);
    this.base = base;
    this.size = bytes.length;
    this.#done = base;
  }

  /** Absolute offset of the next unread byte. */
  get at(): number {
    return this.base + this.#r.offset;
  }

  get left(): number {
    return this.#r.left;
  }

  #add(n: Node): Node {
    this.nodes.push(n);
    this.#done = n.offset + n.length;
    return n;
  }

  #num(width: 1 | 2 | 3 | 4, label: string, show?: (v: number) => string): number {
    const offset = this.at;
    const v = width === 1 ? this.#r.u8(label) : width === 2 ? this.#r.u16(label) : width === 3 ? this.#r.u24(label) : this.#r.u32(label);
    this.#add({ offset, length: width, label, value: show ? show(v) : String(v), data: v, children: [] });
    return v;
  }

  u8(label: string, show: (v: number) => string = hex2): number {
    return this.#num(1, label, show);
  }
  u16(label: string, show: (v: number) => string = hex4): number {
    return this.#num(2, label, show);
  }
  u24(label: string, show?: (v: number) => string): number {
    return this.#num(3, label, show);
  }
  u32(label: string, show?: (v: number) => string): number {
    return this.#num(4, label, show);
  }

  /** `n` opaque bytes. */
  bytes(n: number, label: string, show: (b: Uint8Array) => string = (b) => shortHex(b)): Uint8Array {
    const offset = this.at;
    const b = this.#r.bytes(n, label);
    this.#add({ offset, length: n, label, value: show(b), data: b, children: [] });
    return b;
  }

  /**
   * A length-prefixed vector: one node with a `length` child and either one
   * opaque child (no `inner`) or what `inner` reads from the body. `summary`
   * describes the whole vector once read.
   */
  vec(
    width: 1 | 2 | 3,
    label: string,
    opts: { lo?: number; hi?: number; inner?: (w: Walk) => void; show?: (b: Uint8Array) => string; summary?: (body: Uint8Array, w: Walk | null) => string } = {},
  ): Uint8Array {
    const offset = this.at;
    const body = this.#r.vec(width, label, opts.lo, opts.hi);
    const lengthNode: Node = { offset, length: width, label: 'length', value: byteCount(body.length), data: body.length, children: [] };
    const at = offset + width;
    let children: Node[];
    let sub: Walk | null = null;
    if (opts.inner) {
      sub = new Walk(body, at);
      sub.run(opts.inner);
      children = [lengthNode, ...sub.nodes];
    } else {
      const show = opts.show ?? ((b: Uint8Array) => shortHex(b));
      children = body.length ? [lengthNode, { offset: at, length: body.length, label: `${label} data`, value: show(body), data: body, children: [] }] : [lengthNode];
    }
    const value = opts.summary ? opts.summary(body, sub) : opts.show && body.length ? opts.show(body) : byteCount(body.length);
    this.#add({ offset, length: width + body.length, label, value, children });
    return body;
  }

  /**
   * A node grouping what `inner` reads next (a struct inside a list); `inner`
   * returns the node's text, or its label and text once it knows them.
   */
  group(label: string, inner: (w: Walk) => string | { label: string; value: string }): void {
    const start = this.nodes.length;
    const offset = this.at;
    const got = inner(this);
    const children = this.nodes.splice(start);
    const named = typeof got === 'string' ? { label, value: got } : got;
    this.#add({ offset, length: this.at - offset, ...named, children });
  }

  /** Sets the text of the last node added (once its meaning is known). */
  describeLast(value: string): void {
    const n = this.nodes[this.nodes.length - 1];
    if (n) n.value = value;
  }

  /** Everything left, as one opaque node. */
  rest(label: string, show?: (b: Uint8Array) => string): Uint8Array {
    return this.left ? this.bytes(this.left, label, show) : new Uint8Array(0);
  }

  /**
   * Runs `read` over this walk; a DecodeError (or any error) turns the rest of
   * the walk's bytes into one malformed node, and bytes left over after `read`
   * are malformed too (the codec is strict).
   */
  run(read: (w: Walk) => void): boolean {
    try {
      read(this);
      if (this.left > 0) throw new DecodeError(`${this.left} leftover bytes`);
      return true;
    } catch (e) {
      // a group that failed half-way leaves the fields it read as they are: the malformed node follows them
      const offset = this.#done;
      const end = this.base + this.size;
      this.nodes.push({ offset, length: end - offset, label: 'malformed', value: `malformed at offset ${offset}: ${message(e)}`, malformed: true, children: [] });
      this.#done = end;
      return false;
    }
  }
}
