/**
 * The virtual filesystem: an in-memory tree of inodes with Linux semantics,
 * synchronous, with no I/O (times come from the injected Clock).
 *
 *   path ──walk()──► (parent dir, name, inode | null) ──op──► change ──► subscribers
 *
 * - Paths are absolute (a relative path is taken from `/`). The walk is
 *   physical like the kernel's: symlinks are followed component by component
 *   (at most 40, then ELOOP) and `..` goes to the parent of the directory
 *   actually reached.
 * - The caller is always root: no permission checks, but modes and owners are
 *   kept exactly. umask is 022: new files get 0644, new directories 0755
 *   unless a mode is given. A new entry in a setgid directory takes the
 *   directory's group, and a new directory there also gets the setgid bit
 *   (Debian's /etc/mail is `drwxr-sr-x root smmsp`).
 * - Every change calls the subscribers with the path and the kind of change
 *   (`tail -f` and the Files panel listen) and, when a TraceLog was given,
 *   writes emit `vfs.write`.
 */
import type { Clock, TraceLog } from '../trace/index.ts';
import { fromUtf8, utf8 } from '../bytes/index.ts';
import { VfsError, type VfsErrorCode } from './errors.ts';
import { statOf, type DirNode, type FileNode, type Node, type Stat } from './node.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot.ts';
import { walk, type Walked } from './walk.ts';
import { idOf, memberOf, nameOf, passwdEntry, type PasswdEntry } from './users.ts';

export type { FileType, Stat } from './node.ts';
export { VfsError, errorText, type VfsErrorCode } from './errors.ts';
export { normalizePath, dirname, basename, joinPath, splitPath } from './path.ts';
export type { PasswdEntry } from './users.ts';

export type VfsOp =
  | 'create'
  | 'write'
  | 'append'
  | 'mkdir'
  | 'unlink'
  | 'rmdir'
  | 'rename'
  | 'chmod'
  | 'chown'
  | 'utimes'
  | 'symlink';

/** One change: `path` is the real path of the entry changed (for rename, the new path; `from` the old). */
export interface VfsChange {
  path: string;
  op: VfsOp;
  from?: string;
}

export interface VfsOptions {
  clock: Clock;
  /** When given, file writes emit `vfs.write` events. */
  trace?: TraceLog;
}

export interface WriteOptions {
  mode?: number;
  uid?: number;
  gid?: number;
  append?: boolean;
}

export interface MkdirOptions {
  mode?: number;
  uid?: number;
  gid?: number;
  parents?: boolean;
}

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;


export class Vfs {
  readonly clock: Clock;
  readonly trace: TraceLog | undefined;
  /** Applied to default modes of new files and directories. */
  umask = 0o022;
  #root: DirNode;
  #nextIno = 2;
  readonly #listeners = new Set<(change: VfsChange) => void>();

  constructor(opts: VfsOptions) {
    this.clock = opts.clock;
    this.trace = opts.trace;
    const now = this.clock.now();
    this.#root = { type: 'dir', ino: this.#nextIno++, mode: 0o755, uid: 0, gid: 0, atime: now, mtime: now, ctime: now, entries: new Map() };
  }

  // ---- queries ----------------------------------------------------------

  stat(path: string): Stat {
    return statOf(this.#existing(path, true, 'stat'));
  }

  lstat(path: string): Stat {
    return statOf(this.#existing(path, false, 'lstat'));
  }

  exists(path: string): boolean {
    try {
      return this.#walk(path, true, 'stat').node !== null;
    } catch {
      return false;
    }
  }

  /** True when `path` exists and is (or points at) a directory. */
  isDir(path: string): boolean {
    try {
      return this.#walk(path, true, 'stat').node?.type === 'dir';
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    const node = this.#existing(path, true, 'open');
    if (node.type === 'dir') throw new VfsError('EISDIR', 'read', path);
    return (node as FileNode).data.slice();
  }

  readText(path: string): string {
    return fromUtf8(this.readFile(path));
  }

  readdir(path: string): string[] {
    const node = this.#existing(path, true, 'scandir');
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', 'scandir', path);
    return [...node.entries.keys()].sort(compareBytes);
  }

  readlink(path: string): string {
    const node = this.#existing(path, false, 'readlink');
    if (node.type !== 'symlink') throw new VfsError('EINVAL', 'readlink', path);
    return node.target;
  }

  realpath(path: string): string {
    const w = this.#walk(path, true, 'realpath');
    if (!w.node) throw new VfsError('ENOENT', 'realpath', path);
    return w.path;
  }

  // ---- changes ----------------------------------------------------------

  writeFile(path: string, data: Uint8Array | string, opts: WriteOptions = {}): void {
    const w = this.#walk(path, true, 'open');
    const bytes = typeof data === 'string' ? utf8(data) : data.slice();
    const now = this.clock.now();
    let op: VfsOp;
    if (w.node === null) {
      if (path.endsWith('/')) throw new VfsError('EISDIR', 'open', path);
      const inherit = (w.parent.mode & S_ISGID) !== 0;
      const file: FileNode = {
        type: 'file',
        ino: this.#nextIno++,
        mode: (opts.mode ?? 0o666 & ~this.umask) & 0o7777,
        uid: opts.uid ?? 0,
        gid: opts.gid ?? (inherit ? w.parent.gid : 0),
        atime: now,
        mtime: now,
        ctime: now,
        data: bytes,
      };
      w.parent.entries.set(w.name, file);
      w.parent.mtime = w.parent.ctime = now;
      op = 'create';
    } else {
      if (w.node.type === 'dir') throw new VfsError('EISDIR', 'open', path);
      const file = w.node as FileNode;
      if (opts.append) {
        const joined = new Uint8Array(file.data.length + bytes.length);
        joined.set(file.data);
        joined.set(bytes, file.data.length);
        file.data = joined;
      } else {
        file.data = bytes;
      }
      // A seeding convenience: explicit mode/owner apply to an existing file too
      // (open(2) would ignore them).
      if (opts.mode !== undefined) file.mode = opts.mode & 0o7777;
      if (opts.uid !== undefined) file.uid = opts.uid;
      if (opts.gid !== undefined) file.gid = opts.gid;
      file.mtime = file.ctime = now;
      op = opts.append ? 'append' : 'write';
    }
    this.trace?.emit({ kind: 'vfs.write', path: w.path });
    this.#changed({ path: w.path, op });
  }

  /** Appends to a file, creating it if needed (a shortcut for writeFile with append). */
  appendFile(path: string, data: Uint8Array | string): void {
    this.writeFile(path, data, { append: true });
  }

  mkdir(path: string, opts: MkdirOptions = {}): void {
    if (opts.parents) {
      const w = this.#walkCreatingParents(path);
      if (w.node !== null) {
        if (w.node.type === 'dir') return;
        throw new VfsError('EEXIST', 'mkdir', path);
      }
      this.#mkdirAt(w, opts);
      return;
    }
    const w = this.#walk(path, false, 'mkdir');
    if (w.node !== null) throw new VfsError('EEXIST', 'mkdir', path);
    this.#mkdirAt(w, opts);
  }

  unlink(path: string): void {
    const w = this.#walk(stripSlashes(path), false, 'unlink');
    if (w.node === null) throw new VfsError('ENOENT', 'unlink', path);
    if (w.node.type === 'dir') throw new VfsError('EISDIR', 'unlink', path);
    w.parent.entries.delete(w.name);
    w.parent.mtime = w.parent.ctime = this.clock.now();
    this.#changed({ path: w.path, op: 'unlink' });
  }

  rmdir(path: string): void {
    const w = this.#walk(stripSlashes(path), false, 'rmdir');
    if (w.node === null) throw new VfsError('ENOENT', 'rmdir', path);
    if (w.node === this.#root) throw new VfsError('EBUSY', 'rmdir', path);
    if (w.node.type !== 'dir') throw new VfsError('ENOTDIR', 'rmdir', path);
    if (w.node.entries.size > 0) throw new VfsError('ENOTEMPTY', 'rmdir', path);
    w.parent.entries.delete(w.name);
    w.parent.mtime = w.parent.ctime = this.clock.now();
    this.#changed({ path: w.path, op: 'rmdir' });
  }

  rename(from: string, to: string): void {
    const src = this.#walk(stripSlashes(from), false, 'rename');
    if (src.node === null) throw new VfsError('ENOENT', 'rename', from);
    if (src.node === this.#root) throw new VfsError('EBUSY', 'rename', from);
    const dst = this.#walk(stripSlashes(to), false, 'rename');
    if (dst.node === src.node) return;
    if (src.node.type === 'dir') {
      // A directory cannot move below itself.
      if (dst.path === src.path || dst.path.startsWith(src.path + '/')) throw new VfsError('EINVAL', 'rename', to);
    }
    if (dst.node !== null) {
      if (dst.node.type === 'dir') {
        if (src.node.type !== 'dir') throw new VfsError('EISDIR', 'rename', to);
        if (dst.node.entries.size > 0) throw new VfsError('ENOTEMPTY', 'rename', to);
      } else if (src.node.type === 'dir') {
        throw new VfsError('ENOTDIR', 'rename', to);
      }
    }
    const now = this.clock.now();
    src.parent.entries.delete(src.name);
    dst.parent.entries.set(dst.name, src.node);
    src.node.ctime = now;
    src.parent.mtime = src.parent.ctime = now;
    dst.parent.mtime = dst.parent.ctime = now;
    this.#changed({ path: dst.path, op: 'rename', from: src.path });
  }

  chmod(path: string, mode: number): void {
    const w = this.#walk(path, true, 'chmod');
    if (w.node === null) throw new VfsError('ENOENT', 'chmod', path);
    w.node.mode = mode & 0o7777;
    w.node.ctime = this.clock.now();
    this.#changed({ path: w.path, op: 'chmod' });
  }

  /** uid or gid -1 leaves that one unchanged, as chown(2). */
  chown(path: string, uid: number, gid: number): void {
    const w = this.#walk(path, true, 'chown');
    if (w.node === null) throw new VfsError('ENOENT', 'chown', path);
    this.#chownNode(w.node, uid, gid);
    this.#changed({ path: w.path, op: 'chown' });
  }

  /** chown without following a final symlink (chown -h). */
  lchown(path: string, uid: number, gid: number): void {
    const w = this.#walk(path, false, 'lchown');
    if (w.node === null) throw new VfsError('ENOENT', 'lchown', path);
    this.#chownNode(w.node, uid, gid);
    this.#changed({ path: w.path, op: 'chown' });
  }

  utimes(path: string, atime: number, mtime: number): void {
    const w = this.#walk(path, true, 'utime');
    if (w.node === null) throw new VfsError('ENOENT', 'utime', path);
    w.node.atime = atime;
    w.node.mtime = mtime;
    w.node.ctime = this.clock.now();
    this.#changed({ path: w.path, op: 'utimes' });
  }

  /** utimes without following a final symlink (touch -h). */
  lutimes(path: string, atime: number, mtime: number): void {
    const w = this.#walk(path, false, 'utime');
    if (w.node === null) throw new VfsError('ENOENT', 'utime', path);
    w.node.atime = atime;
    w.node.mtime = mtime;
    w.node.ctime = this.clock.now();
    this.#changed({ path: w.path, op: 'utimes' });
  }

  symlink(target: string, path: string): void {
    const w = this.#walk(stripSlashes(path), false, 'symlink');
    if (w.node !== null) throw new VfsError('EEXIST', 'symlink', path);
    const now = this.clock.now();
    const inherit = (w.parent.mode & S_ISGID) !== 0;
    w.parent.entries.set(w.name, {
      type: 'symlink',
      ino: this.#nextIno++,
      mode: 0o777,
      uid: 0,
      gid: inherit ? w.parent.gid : 0,
      atime: now,
      mtime: now,
      ctime: now,
      target,
    });
    w.parent.mtime = w.parent.ctime = now;
    this.#changed({ path: w.path, op: 'symlink' });
  }

  subscribe(listener: (change: VfsChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  // ---- users and groups (from /etc/passwd and /etc/group) ---------------

  userName(uid: number): string {
    return nameOf(this.#etc('passwd'), uid) ?? String(uid);
  }

  groupName(gid: number): string {
    return nameOf(this.#etc('group'), gid) ?? String(gid);
  }

  uidOf(name: string): number | null {
    return idOf(this.#etc('passwd'), name);
  }

  gidOf(name: string): number | null {
    return idOf(this.#etc('group'), name);
  }

  /** The passwd entry of a user name: uid, primary gid, home, shell. */
  userInfo(name: string): PasswdEntry | null {
    return passwdEntry(this.#etc('passwd'), name);
  }

  /** The groups listing `user` as a member (supplementary groups, /etc/group 4th field). */
  groupsOf(user: string): { name: string; gid: number }[] {
    return memberOf(this.#etc('group'), user);
  }

  // ---- snapshot -----------------------------------------------------------

  snapshot(): unknown {
    return encodeSnapshot(this.#root, this.#nextIno);
  }

  static restore(data: unknown, opts: VfsOptions): Vfs {
    const { root, nextIno } = decodeSnapshot(data);
    const vfs = new Vfs(opts);
    vfs.#root = root;
    vfs.#nextIno = nextIno;
    return vfs;
  }

  // ---- internals ----------------------------------------------------------

  #changed(change: VfsChange): void {
    for (const l of [...this.#listeners]) l(change);
  }

  #existing(path: string, follow: boolean, syscall: string): Node {
    const w = this.#walk(path, follow, syscall);
    if (w.node === null) throw new VfsError('ENOENT', syscall, path);
    return w.node;
  }

  #chownNode(node: Node, uid: number, gid: number): void {
    if (uid !== -1) node.uid = uid;
    if (gid !== -1) node.gid = gid;
    // Linux clears setuid, and setgid when group-executable, on regular files (even for root).
    if (node.type === 'file') {
      node.mode &= ~S_ISUID;
      if (node.mode & 0o010) node.mode &= ~S_ISGID;
    }
    node.ctime = this.clock.now();
  }

  #mkdirAt(w: Walked, opts: MkdirOptions): void {
    const now = this.clock.now();
    const inherit = (w.parent.mode & S_ISGID) !== 0;
    let mode = (opts.mode ?? 0o777 & ~this.umask) & 0o7777;
    if (inherit) mode |= S_ISGID;
    w.parent.entries.set(w.name, {
      type: 'dir',
      ino: this.#nextIno++,
      mode,
      uid: opts.uid ?? 0,
      gid: opts.gid ?? (inherit ? w.parent.gid : 0),
      atime: now,
      mtime: now,
      ctime: now,
      entries: new Map(),
    });
    w.parent.mtime = w.parent.ctime = now;
    this.#changed({ path: w.path, op: 'mkdir' });
  }

  /** Walks `path`, creating missing intermediate directories (mkdir -p: default mode, owner root). */
  #walkCreatingParents(path: string): Walked {
    for (;;) {
      try {
        return this.#walk(path, true, 'mkdir');
      } catch (e) {
        if (!(e instanceof VfsError) || e.code !== 'ENOENT') throw e;
      }
      // Find the first missing ancestor and create it, then retry.
      const parts = path.split('/').filter((p) => p !== '');
      let prefix = '';
      for (const part of parts) {
        prefix += '/' + part;
        const w = this.#walk(prefix, true, 'mkdir');
        if (w.node === null) {
          this.#mkdirAt(w, {});
          break;
        }
        if (w.node.type !== 'dir') throw new VfsError('ENOTDIR', 'mkdir', path);
      }
    }
  }

  #walk(path: string, followLast: boolean, syscall: string): Walked {
    return walk(this.#root, path, followLast, syscall);
  }

  /** Text of /etc/passwd or /etc/group, empty when missing. */
  #etc(name: 'passwd' | 'group'): string {
    try {
      return this.readText(`/etc/${name}`);
    } catch {
      return '';
    }
  }
}

function stripSlashes(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** Byte order of the UTF-8 encodings (what `ls` sorts by in the C locale). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ea = utf8(a);
  const eb = utf8(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

export type { VfsErrorCode as ErrorCode };
export const isVfsError = (e: unknown, code?: VfsErrorCode): e is VfsError =>
  e instanceof VfsError && (code === undefined || e.code === code);
