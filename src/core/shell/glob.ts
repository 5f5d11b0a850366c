/**
 * Pathname expansion against the vfs: `*`, `?` and `[...]` per component,
 * hidden entries only when the pattern component starts with a literal `.`,
 * results sorted in byte order (LANG=C). A pattern matching nothing stays as
 * it is (bash without nullglob).
 */
import { compareBytes, type Vfs } from '../vfs/index.ts';

/** One pattern character: `lit` chars match themselves even if they are `*` (they were quoted). */
export interface PatChar {
  c: string;
  lit: boolean;
}

export function hasGlob(pat: readonly PatChar[]): boolean {
  return pat.some((p) => !p.lit && (p.c === '*' || p.c === '?' || p.c === '['));
}

/** Expands `pat` (relative to `cwd`); null when nothing matches. */
export function glob(vfs: Vfs, cwd: string, pat: readonly PatChar[]): string[] | null {
  const comps: PatChar[][] = [[]];
  for (const p of pat) {
    if (p.c === '/') comps.push([]);
    else comps[comps.length - 1].push(p);
  }
  const absolute = pat.length > 0 && pat[0].c === '/';
  if (absolute) comps.shift();
  // Each candidate: [display path, absolute path]
  let current: [string, string][] = [[absolute ? '/' : '', absolute ? '/' : cwd]];
  for (let i = 0; i < comps.length; i++) {
    const comp = comps[i];
    const last = i === comps.length - 1;
    const next: [string, string][] = [];
    for (const [shown, real] of current) {
      const join = (base: string, name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (comp.length === 0) {
        // `a//b` or a trailing slash: keep the slash, require a directory.
        if (vfs.isDir(real)) next.push([shown.endsWith('/') ? shown : shown + '/', real]);
        continue;
      }
      if (!hasGlob(comp)) {
        const name = comp.map((p) => p.c).join('');
        const r = join(real, name);
        if (last ? vfs.exists(r) || isLink(vfs, r) : vfs.isDir(r)) next.push([join(shown, name), r]);
        continue;
      }
      if (!vfs.isDir(real)) continue;
      let names: string[];
      try {
        names = vfs.readdir(real);
      } catch {
        continue;
      }
      let re: RegExp;
      try {
        re = compile(comp);
      } catch {
        continue; // an invalid range such as [z-a] matches nothing
      }
      for (const name of names) {
        if (name.startsWith('.') && !(comp[0].c === '.')) continue;
        if (!re.test(name)) continue;
        const r = join(real, name);
        if (!last && !vfs.isDir(r)) continue;
        next.push([join(shown, name), r]);
      }
    }
    current = next;
    if (current.length === 0) return null;
  }
  const out = current.map(([shown]) => shown);
  out.sort(compareBytes);
  return out.length > 0 ? out : null;
}

function isLink(vfs: Vfs, path: string): boolean {
  try {
    return vfs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

/** A pattern component as an anchored RegExp. */
export function compile(comp: readonly PatChar[]): RegExp {
  let re = '';
  for (let i = 0; i < comp.length; i++) {
    const { c, lit } = comp[i];
    if (lit) {
      re += escape(c);
    } else if (c === '*') {
      re += '[^]*';
    } else if (c === '?') {
      re += '[^]';
    } else if (c === '[') {
      const cls = bracket(comp, i);
      if (cls === null) re += '\\[';
      else {
        re += cls.re;
        i = cls.end;
      }
    } else {
      re += escape(c);
    }
  }
  return new RegExp('^' + re + '$', 'u');
}

function bracket(comp: readonly PatChar[], start: number): { re: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (i < comp.length && !comp[i].lit && (comp[i].c === '!' || comp[i].c === '^')) {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < comp.length; i++) {
    const { c, lit } = comp[i];
    if (c === ']' && !lit && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (!lit && c === '-' && body !== '' && i + 1 < comp.length && comp[i + 1].c !== ']') {
      body += '-';
      continue;
    }
    body += c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? '\\' + c : c;
  }
  return null;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}
