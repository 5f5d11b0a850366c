/**
 * The key searches of the generated rules (proto.m4): D (host name and
 * bracketed literal), A (IP address prefixes), SearchList over F/U/D/E
 * (address, local part, domain, bare tag). Marks: `+` also tries the
 * untagged key after each tagged one, `!` tags only. A search stops at the
 * first key present, whatever its value; SKIP stops it as "not found" only
 * with FEATURE(access_db, ..., skip).
 */
import type { AccessMap, Lookup } from './map.ts';

export type Mark = '+' | '!';

export interface SearchOptions {
  readonly skip: boolean;
  readonly lookupdotdomain: boolean;
}

/** Result of a search: the value (null = not found) and the keys tried. */
export interface Found {
  value: string | null;
}

function isSkip(v: string | null, o: SearchOptions): boolean {
  return o.skip && v !== null && v.trim().toUpperCase() === 'SKIP';
}

/** D: host-name search. `name` non-empty (the callers handle the empty name). */
export function searchHost(map: AccessMap, name: string, tag: string, mark: Mark, o: SearchOptions, log: Lookup[]): string | null {
  let cur = name;
  for (;;) {
    let v = map.get(`${tag}:${cur}`, log);
    if (v === null && mark === '+') v = map.get(cur, log);
    const dot = cur.indexOf('.');
    if (v === null && o.lookupdotdomain && dot > 0 && dot < cur.length - 1) {
      v = map.get(`${tag}:${cur.slice(dot)}`, log);
      if (v === null && mark === '+') v = map.get(cur.slice(dot), log);
    }
    if (isSkip(v, o)) return null;
    if (v !== null) return v;
    const br = /^\[(.+)[.:]([^.:]+)\]$/.exec(cur);
    if (br) {
      const inner = cur.slice(1, -1);
      const cut = inner.includes('::') && /::[^.:]+$/.test(inner) ? inner.lastIndexOf('::') : Math.max(inner.lastIndexOf('.'), inner.lastIndexOf(':'));
      cur = `[${inner.slice(0, cut)}]`;
      continue;
    }
    if (dot > 0 && dot < cur.length - 1) {
      cur = cur.slice(dot + 1);
      continue;
    }
    return null;
  }
}

/** A: address search, removing the last `.x`, `:x` or `::x` each time. */
export function searchAddr(map: AccessMap, addr: string, tag: string, mark: Mark, o: SearchOptions, log: Lookup[]): string | null {
  let cur = addr;
  for (;;) {
    let v = map.get(`${tag}:${cur}`, log);
    if (v === null && mark === '+') v = map.get(cur, log);
    if (isSkip(v, o)) return null;
    if (v !== null) return v;
    const m = /^(.+?)(::|:|\.)([^.:]+)$/.exec(cur);
    if (!m) return null;
    cur = m[1];
  }
}

/** F: full address, with the `user+*@domain` and `user@domain` forms of `user+detail@domain`. */
function searchFull(map: AccessMap, local: string, domain: string, tag: string, mark: Mark, log: Lookup[]): string | null {
  const look = (k: string): string | null => {
    let v = map.get(`${tag}:${k}`, log);
    if (v === null && mark === '+') v = map.get(k, log);
    return v;
  };
  let v = look(`${local}@${domain}`);
  const plus = local.indexOf('+');
  if (v === null && plus > 0) v = look(`${local.slice(0, plus)}+*@${domain}`);
  if (v === null && plus > 0) v = look(`${local.slice(0, plus)}@${domain}`);
  return v;
}

function searchUser(map: AccessMap, local: string, tag: string, mark: Mark, log: Lookup[]): string | null {
  const look = (k: string): string | null => {
    let v = map.get(`${tag}:${k}`, log);
    if (v === null && mark === '+') v = map.get(k, log);
    return v;
  };
  let v = look(`${local}@`);
  const plus = local.indexOf('+');
  if (v === null && plus > 0) v = look(`${local.slice(0, plus)}+*@`);
  if (v === null && plus > 0) v = look(`${local.slice(0, plus)}@`);
  return v;
}

export type Source = { kind: 'F'; local: string; domain: string } | { kind: 'U'; local: string } | { kind: 'D'; domain: string } | { kind: 'E' };

/** SearchList: the sources in order; the first one found wins. */
export function searchList(map: AccessMap, tag: string, mark: Mark, sources: readonly Source[], o: SearchOptions, log: Lookup[]): string | null {
  for (const s of sources) {
    let v: string | null;
    if (s.kind === 'F') v = searchFull(map, s.local, s.domain, tag, mark, log);
    else if (s.kind === 'U') v = searchUser(map, s.local, tag, mark, log);
    else if (s.kind === 'D') v = s.domain === '' ? null : searchHost(map, s.domain, tag, mark, o, log);
    else v = map.get(`${tag}:`, log);
    if (v !== null) return v;
  }
  return null;
}
