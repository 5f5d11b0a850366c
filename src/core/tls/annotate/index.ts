/**
 * The illustrated handshake: one handshake message (header and body, as
 * hashed into the transcript) as a tree of annotated fields. Pure, never
 * throws: bytes that do not decode become a "malformed at offset N" node.
 *
 *   const tree = annotateHandshake(msg.raw, { version: 'TLSv1.3' });
 *   tree.children  // msg_type, length, then the body's fields
 */
import { handshakeName } from '../codec/handshake.ts';
import { type Field, type Node, Walk, byteCount } from './field.ts';
import { type AnnotateContext, messageBody } from './messages.ts';

export type { Field } from './field.ts';
export type { AnnotateContext } from './messages.ts';
export { extensionLabel, versionText } from './extensions.ts';

export interface AnnotatedMessage extends Field {
  /** Whether every byte decoded (no malformed node anywhere). */
  readonly ok: boolean;
}

function anyMalformed(n: Field): boolean {
  return n.malformed === true || n.children.some(anyMalformed);
}

export function annotateHandshake(raw: Uint8Array, ctx: AnnotateContext = {}): AnnotatedMessage {
  const w = new Walk(raw, 0);
  let type = -1;
  w.run((h) => {
    type = h.u8('msg_type', (t) => `${t} (${handshakeName(t)})`);
    const declared = h.u24('length', byteCount);
    if (declared !== h.left) throw new Error(`length says ${byteCount(declared)} but ${byteCount(h.left)} follow`);
    const body = new Walk(raw.subarray(4), 4);
    body.run((b) => messageBody(b, type, ctx));
    if (h.left === 0) {
      h.nodes.push(...(body.nodes as Node[])); // an empty body: nothing, or a zero-length malformed node
      return;
    }
    h.rest('body'); // the body walk's nodes stand in for this one
    h.nodes.splice(-1, 1, ...(body.nodes as Node[]));
  });
  const label = type < 0 ? 'handshake message' : handshakeName(type);
  const root: Field = { offset: 0, length: raw.length, label, value: byteCount(raw.length), children: w.nodes };
  return { ...root, ok: !anyMalformed(root) };
}

/** The leaves of a tree in order (they partition the message). */
export function leaves(f: Field): Field[] {
  return f.children.length === 0 ? [f] : f.children.flatMap(leaves);
}

/** The first node (depth first) whose label is `label`, under `f`. */
export function findField(f: Field, label: string): Field | undefined {
  for (const c of f.children) {
    if (c.label === label) return c;
    const d = findField(c, label);
    if (d) return d;
  }
  return undefined;
}

/** Every node labelled `label` under `f`, depth first. */
export function findFields(f: Field, label: string): Field[] {
  return f.children.flatMap((c) => [...(c.label === label ? [c] : []), ...findFields(c, label)]);
}

