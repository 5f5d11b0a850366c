import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { steppingClock, TraceLog } from '../trace/index.ts';
import { Vfs, VfsError, normalizePath, type VfsChange } from './index.ts';

const T0 = Date.UTC(2025, 10, 28, 12, 50, 0);
const mk = (): Vfs => new Vfs({ clock: steppingClock(T0, 1000) });

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof VfsError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('normalizePath', () => {
  it.each([
    ['/root', 'a', '/root/a'],
    ['/root', '../etc//mail/', '/etc/mail'],
    ['/', '..', '/'],
    ['/a/b', '/x/./y/../z', '/x/z'],
    ['/a', '', '/a'],
    ['/a', '.', '/a'],
    ['/', '../../..', '/'],
  ])('normalizePath(%s, %s) = %s', (cwd, p, want) => {
    expect(normalizePath(cwd, p)).toBe(want);
  });

  it('is idempotent', () => {
    const seg = fc.constantFrom('a', 'b', '.', '..', '', 'ü', ' x', '...');
    const path = fc.array(seg, { maxLength: 12 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, path, fc.boolean(), (cwdRaw, p, abs) => {
        const cwd = normalizePath('/', cwdRaw);
        const once = normalizePath(cwd, abs ? '/' + p : p);
        expect(normalizePath(cwd, once)).toBe(once);
        expect(normalizePath('/elsewhere', once)).toBe(once);
        expect(once.startsWith('/')).toBe(true);
        expect(once === '/' || !once.endsWith('/')).toBe(true);
        expect(once.split('/').some((x) => x === '.' || x === '..')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const once = normalizePath(normalizePath('/', a), b);
        expect(normalizePath('/', once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Vfs files and directories', () => {
  it('creates files 0644 and directories 0755 owned by root, times from the clock', () => {
    const v = mk();
    v.mkdir('/etc');
    v.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
    const d = v.stat('/etc');
    const f = v.stat('/etc/hosts');
    expect([d.type, d.mode, d.uid, d.gid, d.size, d.nlink]).toEqual(['dir', 0o755, 0, 0, 4096, 2]);
    expect([f.type, f.mode, f.size, f.nlink]).toEqual(['file', 0o644, 20, 1]);
    expect(f.mtime).toBe(T0 + 2000);
    expect(v.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n');
    expect(v.stat('/').nlink).toBe(3);
  });

  it('appends, keeps mode on rewrite, applies explicit mode/owner', () => {
    const v = mk();
    v.writeFile('/k', 'a', { mode: 0o600, uid: 5, gid: 6 });
    v.writeFile('/k', 'b', { append: true });
    expect(v.readText('/k')).toBe('ab');
    v.writeFile('/k', 'c');
    expect(v.stat('/k')).toMatchObject({ mode: 0o600, uid: 5, gid: 6, size: 1 });
  });

  it('inherits the group and setgid bit of a setgid directory (Debian /etc/mail)', () => {
    const v = mk();
    v.mkdir('/etc');
    v.mkdir('/etc/mail', { mode: 0o2755, gid: 115 });
    v.mkdir('/etc/mail/certs');
    v.writeFile('/etc/mail/access', '');
    expect(v.stat('/etc/mail/certs')).toMatchObject({ mode: 0o2755, gid: 115, uid: 0 });
    expect(v.stat('/etc/mail/access')).toMatchObject({ mode: 0o644, gid: 115 });
    v.mkdir('/etc/mail/private', { mode: 0o700 });
    expect(v.stat('/etc/mail/private').mode).toBe(0o2700);
  });

  it('mkdir errors and -p', () => {
    const v = mk();
    v.mkdir('/a/b/c', { parents: true, mode: 0o700 });
    expect(v.stat('/a/b').mode).toBe(0o755);
    expect(v.stat('/a/b/c').mode).toBe(0o700);
    v.mkdir('/a/b/c', { parents: true });
    expect(code(() => v.mkdir('/a'))).toBe('EEXIST');
    expect(code(() => v.mkdir('/x/y'))).toBe('ENOENT');
    v.writeFile('/f', '');
    expect(code(() => v.mkdir('/f/y'))).toBe('ENOTDIR');
    expect(code(() => v.mkdir('/f/y', { parents: true }))).toBe('ENOTDIR');
    expect(code(() => v.mkdir('/f', { parents: true }))).toBe('EEXIST');
  });

  it('readdir is sorted in byte order and errors like Linux', () => {
    const v = mk();
    for (const n of ['b', 'B', 'a', '_x', 'ä']) v.writeFile('/' + n, '');
    expect(v.readdir('/')).toEqual(['B', '_x', 'a', 'b', 'ä']);
    expect(code(() => v.readdir('/a'))).toBe('ENOTDIR');
    expect(code(() => v.readdir('/nope'))).toBe('ENOENT');
    expect(code(() => v.readFile('/'))).toBe('EISDIR');
    expect(code(() => v.readFile('/a/x'))).toBe('ENOTDIR');
  });

  it('unlink, rmdir', () => {
    const v = mk();
    v.mkdir('/d');
    v.writeFile('/d/f', 'x');
    expect(code(() => v.unlink('/d'))).toBe('EISDIR');
    expect(code(() => v.rmdir('/d'))).toBe('ENOTEMPTY');
    expect(code(() => v.rmdir('/d/f'))).toBe('ENOTDIR');
    expect(code(() => v.rmdir('/'))).toBe('EBUSY');
    v.unlink('/d/f');
    v.rmdir('/d');
    expect(v.exists('/d')).toBe(false);
    expect(code(() => v.unlink('/d'))).toBe('ENOENT');
  });

  it('rename replaces files, refuses dir into itself, non-empty target', () => {
    const v = mk();
    v.mkdir('/a/b', { parents: true });
    v.writeFile('/f', '1');
    v.writeFile('/g', '2');
    v.rename('/f', '/g');
    expect(v.readText('/g')).toBe('1');
    expect(v.exists('/f')).toBe(false);
    expect(code(() => v.rename('/a', '/a/b/c'))).toBe('EINVAL');
    expect(code(() => v.rename('/g', '/a'))).toBe('EISDIR');
    expect(code(() => v.rename('/a', '/g'))).toBe('ENOTDIR');
    v.mkdir('/e');
    v.rename('/a', '/e');
    expect(v.readdir('/e')).toEqual(['b']);
    expect(code(() => v.rename('/nope', '/x'))).toBe('ENOENT');
  });

  it('chmod masks to 07777; chown clears setuid on files; -1 keeps', () => {
    const v = mk();
    v.writeFile('/s', '', { mode: 0o6755 });
    v.chown('/s', 8, -1);
    expect(v.stat('/s')).toMatchObject({ uid: 8, gid: 0, mode: 0o755 });
    v.chmod('/s', 0o177777);
    expect(v.stat('/s').mode).toBe(0o7777);
    v.mkdir('/d', { mode: 0o2755 });
    v.chown('/d', 1, 2);
    expect(v.stat('/d').mode).toBe(0o2755);
  });

  it('symlinks: follow, lstat, readlink, realpath, loops, dangling writes create the target', () => {
    const v = mk();
    v.mkdir('/etc/mail', { parents: true });
    v.symlink('/etc/mail', '/m');
    v.symlink('mail/x', '/etc/rel');
    v.writeFile('/m/a', 'A');
    expect(v.readText('/etc/mail/a')).toBe('A');
    expect(v.lstat('/m')).toMatchObject({ type: 'symlink', mode: 0o777, size: 9 });
    expect(v.stat('/m').type).toBe('dir');
    expect(v.readlink('/m')).toBe('/etc/mail');
    expect(code(() => v.readlink('/etc'))).toBe('EINVAL');
    expect(v.realpath('/m/../mail/./a')).toBe('/etc/mail/a');
    expect(v.realpath('/m/..')).toBe('/etc');
    v.writeFile('/etc/rel', 'X');
    expect(v.readText('/etc/mail/x')).toBe('X');
    v.symlink('/loop2', '/loop1');
    v.symlink('/loop1', '/loop2');
    expect(code(() => v.stat('/loop1'))).toBe('ELOOP');
    expect(v.lstat('/loop1').type).toBe('symlink');
    expect(code(() => v.symlink('/x', '/m'))).toBe('EEXIST');
    v.unlink('/m');
    expect(v.exists('/etc/mail/a')).toBe(true);
    expect(code(() => v.readFile('/etc/mail/a/'))).toBe('ENOTDIR');
  });

  it('notifies subscribers and the trace', () => {
    const trace = new TraceLog();
    const v = new Vfs({ clock: steppingClock(T0), trace });
    const seen: VfsChange[] = [];
    const off = v.subscribe((c) => seen.push(c));
    v.mkdir('/d');
    v.writeFile('/d/f', 'x');
    v.writeFile('/d/f', 'y', { append: true });
    v.rename('/d/f', '/d/g');
    off();
    v.unlink('/d/g');
    expect(seen).toEqual([
      { path: '/d', op: 'mkdir' },
      { path: '/d/f', op: 'create' },
      { path: '/d/f', op: 'append' },
      { path: '/d/g', op: 'rename', from: '/d/f' },
    ]);
    expect(trace.of('vfs.write').map((e) => e.path)).toEqual(['/d/f', '/d/f']);
  });

  it('names users and groups from /etc/passwd and /etc/group', () => {
    const v = mk();
    v.mkdir('/etc');
    v.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nsmmta:x:107:115:Mail Transfer Agent,,,:/var/lib/sendmail:/usr/sbin/nologin\n');
    v.writeFile('/etc/group', 'root:x:0:\nsmmsp:x:115:\nmail:x:8:smmta\n');
    expect(v.userName(0)).toBe('root');
    expect(v.userName(107)).toBe('smmta');
    expect(v.userName(4242)).toBe('4242');
    expect(v.groupName(115)).toBe('smmsp');
    expect(v.uidOf('smmta')).toBe(107);
    expect(v.uidOf('nobody')).toBe(null);
    expect(v.gidOf('mail')).toBe(8);
    expect(v.userInfo('root')).toEqual({ uid: 0, gid: 0, home: '/root', shell: '/bin/bash' });
    expect(v.groupsOf('smmta')).toEqual([{ name: 'mail', gid: 8 }]);
  });

  it('snapshot round-trips through JSON, binary data included', () => {
    const v = mk();
    v.mkdir('/etc/mail', { parents: true, mode: 0o2755, gid: 115 });
    v.writeFile('/etc/mail/access', 'Connect:localhost RELAY\n', { mode: 0o640 });
    v.writeFile('/etc/mail/access.db', new Uint8Array([0, 255, 1, 2, 0xc3]));
    v.symlink('access', '/etc/mail/link');
    const json = JSON.stringify(v.snapshot());
    const w = Vfs.restore(JSON.parse(json), { clock: steppingClock(T0) });
    expect(JSON.stringify(w.snapshot())).toBe(json);
    expect([...w.readFile('/etc/mail/access.db')]).toEqual([0, 255, 1, 2, 0xc3]);
    expect(w.stat('/etc/mail/access')).toEqual(v.stat('/etc/mail/access'));
    w.writeFile('/new', '');
    expect(w.stat('/new').ino).toBeGreaterThan(v.stat('/etc/mail/link').ino);
  });

  it('restore rejects malformed data with EINVAL', () => {
    for (const bad of [null, 1, {}, { version: 1, root: { type: 'file' } }, { version: 1, root: { type: 'dir', ino: 1, mode: 0, uid: 0, gid: 0, atime: 0, mtime: 0, ctime: 0, entries: { 'a/b': {} } } }]) {
      expect(code(() => Vfs.restore(bad, { clock: steppingClock(0) }))).toBe('EINVAL');
    }
  });
});
