/**
 * Path resolution as the kernel does it: component by component from the
 * root, following symlinks (at most 40, then ELOOP), `..` going to the parent
 * of the directory actually reached.
 */
import { VfsError } from './errors.ts';
import type { DirNode, Node } from './node.ts';
import { joinPath } from './path.ts';

const MAX_SYMLINKS = 40;

export interface Walked {
  /** The inode reached, or null when only the last component is missing. */
  node: Node | null;
  parent: DirNode;
  name: string;
  /** The real path of the entry (its directory resolved, its own name kept). */
  path: string;
}

/**
 * Resolves `path` component by component. Missing intermediate -> ENOENT,
 * non-directory intermediate -> ENOTDIR, too many symlinks -> ELOOP. A
 * missing last component gives node null. `followLast` follows a final
 * symlink (as stat/open do; lstat/unlink/rename do not).
 */
export function walk(root: DirNode, path: string, followLast: boolean, syscall: string): Walked {
  if (path === '') throw new VfsError('ENOENT', syscall, path);
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const queue = path.split('/').filter((p) => p !== '');
  const stack: { name: string; dir: DirNode }[] = [];
  let cur: DirNode = root;
  let hops = 0;
  const dirPath = (): string => '/' + stack.map((s) => s.name).join('/');
  while (queue.length > 0) {
    const c = queue.shift() as string;
    if (c === '.') continue;
    if (c === '..') {
      stack.pop();
      cur = stack.length > 0 ? stack[stack.length - 1].dir : root;
      continue;
    }
    const isLast = queue.length === 0;
    const child = cur.entries.get(c);
    if (child === undefined) {
      if (isLast) return { node: null, parent: cur, name: c, path: joinPath(dirPath(), c) };
      throw new VfsError('ENOENT', syscall, path);
    }
    if (child.type === 'symlink' && (!isLast || followLast || trailingSlash)) {
      if (++hops > MAX_SYMLINKS) throw new VfsError('ELOOP', syscall, path);
      if (child.target === '') throw new VfsError('ENOENT', syscall, path);
      if (child.target.startsWith('/')) {
        stack.length = 0;
        cur = root;
      }
      queue.unshift(...child.target.split('/').filter((p) => p !== ''));
      continue;
    }
    if (isLast) {
      if (trailingSlash && child.type !== 'dir') throw new VfsError('ENOTDIR', syscall, path);
      return { node: child, parent: cur, name: c, path: joinPath(dirPath(), c) };
    }
    if (child.type !== 'dir') throw new VfsError('ENOTDIR', syscall, path);
    stack.push({ name: c, dir: child });
    cur = child;
  }
  // Ended on a directory reached through `.`, `..` or a symlink's target.
  const top = stack.pop();
  if (top === undefined) return { node: root, parent: root, name: '', path: '/' };
  const parent = stack.length > 0 ? stack[stack.length - 1].dir : root;
  return { node: top.dir, parent, name: top.name, path: joinPath(dirPath(), top.name) };
}

