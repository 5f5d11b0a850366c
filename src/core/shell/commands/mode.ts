/**
 * File mode changes as GNU chmod and mkdir -m compute them: a port of gnulib
 * modechange.c (mode_compile / mode_adjust), so numeric modes keep a
 * directory's setuid/setgid bits unless five digits are given, and symbolic
 * changes without a "who" are masked by the umask.
 */

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const RUSR_GRP_OTH = 0o444;
const WUSR_GRP_OTH = 0o222;
const XUSR_GRP_OTH = 0o111;
const ALL = 0o7777;

export interface ModeChange {
  op: '=' | '+' | '-';
  flag: 'ordinary' | 'copy' | 'x-if-any-x';
  affected: number;
  value: number;
  mentioned: number;
}

/** Compiles a mode string; null when invalid (`chmod: invalid mode: 'xyz'`). */
export function compileMode(s: string): ModeChange[] | null {
  if (/^[0-7]+$/.test(s)) {
    const octal = parseInt(s, 8);
    if (octal > ALL) return null;
    const mentioned = s.length < 5 ? (octal & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: octal, mentioned }];
  }
  if (s === '' || /^[0-9]/.test(s)) return null;
  const changes: ModeChange[] = [];
  let i = 0;
  for (;;) {
    let affected = 0;
    for (; i < s.length && 'ugoa'.includes(s[i]); i++) {
      const c = s[i];
      affected |= c === 'u' ? S_ISUID | S_IRWXU : c === 'g' ? S_ISGID | S_IRWXG : c === 'o' ? S_ISVTX | S_IRWXO : ALL;
    }
    if (i >= s.length || !'=+-'.includes(s[i])) return null;
    while (i < s.length && '=+-'.includes(s[i])) {
      const op = s[i++] as '=' | '+' | '-';
      let value = 0;
      let flag: ModeChange['flag'] = 'copy';
      const c = s[i];
      if (c === 'u' || c === 'g' || c === 'o') {
        value = c === 'u' ? S_IRWXU : c === 'g' ? S_IRWXG : S_IRWXO;
        i++;
      } else {
        flag = 'ordinary';
        for (; i < s.length && 'rwxXst'.includes(s[i]); i++) {
          const p = s[i];
          if (p === 'r') value |= RUSR_GRP_OTH;
          else if (p === 'w') value |= WUSR_GRP_OTH;
          else if (p === 'x') value |= XUSR_GRP_OTH;
          else if (p === 'X') flag = 'x-if-any-x';
          else if (p === 's') value |= S_ISUID | S_ISGID;
          else value |= S_ISVTX;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: affected ? affected & value : value });
    }
    if (i >= s.length) return changes;
    if (s[i] !== ',') return null;
    i++;
  }
}

/** Applies compiled changes to `oldMode` (gnulib mode_adjust). */
export function adjustMode(oldMode: number, isDir: boolean, umask: number, changes: readonly ModeChange[]): number {
  let mode = oldMode & ALL;
  for (const ch of changes) {
    const omit = (isDir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |=
        (value & RUSR_GRP_OTH ? RUSR_GRP_OTH : 0) | (value & WUSR_GRP_OTH ? WUSR_GRP_OTH : 0) | (value & XUSR_GRP_OTH ? XUSR_GRP_OTH : 0);
    } else if (ch.flag === 'x-if-any-x') {
      if (mode & XUSR_GRP_OTH || isDir) value |= XUSR_GRP_OTH;
    }
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') {
      mode |= value;
    } else {
      mode &= ~value;
    }
  }
  return mode & ALL;
}

/** `rwxr-xr-x` (the 9 permission characters with s/t, as chmod's warning prints them). */
export function permString(mode: number): string {
  const b = (bit: number, c: string): string => (mode & bit ? c : '-');
  const x = (xbit: number, sbit: number, lo: string, up: string): string => (mode & sbit ? (mode & xbit ? lo : up) : mode & xbit ? 'x' : '-');
  return (
    b(0o400, 'r') + b(0o200, 'w') + x(0o100, S_ISUID, 's', 'S') +
    b(0o040, 'r') + b(0o020, 'w') + x(0o010, S_ISGID, 's', 'S') +
    b(0o004, 'r') + b(0o002, 'w') + x(0o001, S_ISVTX, 't', 'T')
  );
}
