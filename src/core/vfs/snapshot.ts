/**
 * Whole-tree export/import as plain JSON. File contents that are valid UTF-8
 * are kept as `text` (readable in a scenario file), anything else as `base64`.
 *
 *   { version: 1, nextIno, root: { type: 'dir', ino, mode, uid, gid, atime, mtime, ctime,
 *                                  entries: { name: SnapNode, ... } } }
 */
import { fromUtf8, utf8, equalBytes } from '../bytes/index.ts';
import { VfsError } from './errors.ts';
import type { DirNode, Node } from './node.ts';

interface SnapBase {
  type: 'file' | 'dir' | 'symlink';
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  atime: number;
  mtime: number;
  ctime: number;
  text?: string;
  base64?: string;
  target?: string;
  entries?: Record<string, SnapBase>;
}

export interface VfsSnapshot {
  version: 1;
  nextIno: number;
  root: SnapBase;
}

export function encodeSnapshot(root: DirNode, nextIno: number): VfsSnapshot {
  return { version: 1, nextIno, root: encodeNode(root) };
}

function encodeNode(node: Node): SnapBase {
  const base: SnapBase = {
    type: node.type,
    ino: node.ino,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
  };
  if (node.type === 'file') {
    const text = fromUtf8(node.data);
    if (equalBytes(utf8(text), node.data)) base.text = text;
    else base.base64 = toBase64(node.data);
  } else if (node.type === 'symlink') {
    base.target = node.target;
  } else {
    const entries: Record<string, SnapBase> = {};
    for (const [name, child] of node.entries) entries[name] = encodeNode(child);
    base.entries = entries;
  }
  return base;
}

export function decodeSnapshot(data: unknown): { root: DirNode; nextIno: number } {
  const bad = (why: string): VfsError => {
    const e = new VfsError('EINVAL', 'restore', why);
    return e;
  };
  if (typeof data !== 'object' || data === null) throw bad('not an object');
  const d = data as Partial<VfsSnapshot>;
  if (d.version !== 1) throw bad('unknown version');
  let maxIno = 1;
  const decode = (s: unknown, where: string): Node => {
    if (typeof s !== 'object' || s === null) throw bad(where);
    const n = s as SnapBase;
    for (const k of ['ino', 'mode', 'uid', 'gid', 'atime', 'mtime', 'ctime'] as const) {
      if (typeof n[k] !== 'number' || !Number.isFinite(n[k])) throw bad(`${where}: ${k}`);
    }
    maxIno = Math.max(maxIno, n.ino);
    const base = { ino: n.ino, mode: n.mode & 0o7777, uid: n.uid, gid: n.gid, atime: n.atime, mtime: n.mtime, ctime: n.ctime };
    if (n.type === 'file') {
      let bytes: Uint8Array;
      if (typeof n.text === 'string') bytes = utf8(n.text);
      else if (typeof n.base64 === 'string') bytes = fromBase64(n.base64, () => bad(`${where}: base64`));
      else throw bad(`${where}: contents`);
      return { type: 'file', ...base, data: bytes };
    }
    if (n.type === 'symlink') {
      if (typeof n.target !== 'string') throw bad(`${where}: target`);
      return { type: 'symlink', ...base, target: n.target };
    }
    if (n.type === 'dir') {
      if (typeof n.entries !== 'object' || n.entries === null) throw bad(`${where}: entries`);
      const entries = new Map<string, Node>();
      for (const [name, child] of Object.entries(n.entries)) {
        if (name === '' || name === '.' || name === '..' || name.includes('/')) throw bad(`${where}: name ${name}`);
        entries.set(name, decode(child, `${where}/${name}`));
      }
      return { type: 'dir', ...base, entries };
    }
    throw bad(`${where}: type`);
  };
  const root = decode(d.root, '');
  if (root.type !== 'dir') throw bad('root is not a directory');
  const nextIno = typeof d.nextIno === 'number' && d.nextIno > maxIno ? d.nextIno : maxIno + 1;
  return { root, nextIno };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const v = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(v >> 18) & 63] + ALPHABET[(v >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[v & 63] : '=';
  }
  return out;
}

export function fromBase64(text: string, fail: () => Error): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw fail();
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}
