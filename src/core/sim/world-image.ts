/**
 * World images: the files, modes and owners a world starts from, as data
 * (lessons/_worlds/<name>/, bundled by scripts/gen-worlds.mjs). An image may
 * extend another; `applyImage` lays the chain over a Vfs, base first.
 */
import type { Vfs } from '../vfs/index.ts';
import images from './world-images.gen.json' with { type: 'json' };

export interface ImageEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: string; // octal, e.g. "2755"
  owner: string;
  group: string;
  content?: string; // latin1: one char per byte
  target?: string;
}

export interface WorldImage {
  name: string;
  description: string;
  extends: string | null;
  entries: ImageEntry[];
}

const all = (images as { worlds: Record<string, WorldImage> }).worlds;

export function worldImage(name: string): WorldImage | null {
  return all[name] ?? null;
}

export function worldNames(): string[] {
  return Object.keys(all).filter((n) => n !== 'base');
}

/** The image chain for `name`, base first. */
export function imageChain(name: string): WorldImage[] {
  const chain: WorldImage[] = [];
  let cur = worldImage(name);
  while (cur) {
    if (chain.includes(cur)) break;
    chain.unshift(cur);
    cur = cur.extends ? worldImage(cur.extends) : null;
  }
  return chain;
}

function bytesOf(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) out[i] = latin1.charCodeAt(i) & 0xff;
  return out;
}

/** Lays `entries` over the vfs. /etc/passwd and /etc/group go first so owners resolve by name. */
export function applyEntries(vfs: Vfs, entries: readonly ImageEntry[]): void {
  const first = (e: ImageEntry): number => (e.path === '/etc/passwd' || e.path === '/etc/group' ? 0 : 1);
  const ordered = [...entries].sort((a, b) => first(a) - first(b) || a.path.split('/').length - b.path.split('/').length);
  for (const e of ordered) {
    const uid = vfs.uidOf(e.owner) ?? 0;
    const gid = vfs.gidOf(e.group) ?? 0;
    const mode = parseInt(e.mode, 8) & 0o7777;
    const parent = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
    if (!vfs.exists(parent)) vfs.mkdir(parent, { parents: true });
    if (e.type === 'dir') {
      if (!vfs.exists(e.path)) vfs.mkdir(e.path, { mode });
    } else if (e.type === 'symlink') {
      if (vfs.exists(e.path)) vfs.unlink(e.path);
      vfs.symlink(e.target ?? '', e.path);
      continue;
    } else {
      // A file replaces a symlink of the layer below (the kit's `rm -f /etc/mail/aliases; cp`).
      if (vfs.exists(e.path) && vfs.lstat(e.path).type === 'symlink') vfs.unlink(e.path);
      vfs.writeFile(e.path, bytesOf(e.content ?? ''), { mode });
    }
    vfs.chmod(e.path, mode);
    vfs.chown(e.path, uid, gid);
  }
}

export function applyImage(vfs: Vfs, name: string): void {
  const chain = imageChain(name);
  if (chain.length === 0) throw new Error(`unknown world: ${name}`);
  for (const image of chain) applyEntries(vfs, image.entries);
}
