/**
 * Lexical path helpers. `normalizePath` makes a path absolute against `cwd`
 * and removes `.`, `..`, repeated and trailing slashes, without looking at the
 * tree (symlinks are resolved by the Vfs itself when it walks a path).
 */

/** Absolute, no `.` or `..` components, no empty components, no trailing slash (except `/`). */
export function normalizePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      out.pop();
      continue;
    }
    out.push(part);
  }
  return '/' + out.join('/');
}

/** The components of an absolute normalised path (`/` gives []). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

/** `/a/b/c` -> `/a/b`; `/a` -> `/`; `/` -> `/`. Expects a normalised path. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return '/';
  return path.slice(0, i);
}

/** Last component of a path, ignoring trailing slashes (`/` gives `/`), like basename(1). */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Joins a directory and a name (`/` + `x` -> `/x`, `/a` + `x` -> `/a/x`). */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
