/**
 * ls (GNU coreutils 9.1, LANG=C, no colours): -a -A -l -d -h -R -1 -C -F -r
 * -t -S -L -i -n. One name per line when stdout is not a terminal, columns
 * (GNU's layout, tab stops of 8) when it is or with -C. `total` counts 1K
 * blocks as ext4 allocates them (4K per started 4K; directories 4K;
 * symlinks and empty files 0). Fixtures: test/fixtures/coreutils/cases.json.
 */
import { compareBytes, joinPath, type Stat } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { columns, errText, modeString, parseOrUsage, q, stdoutIsTty, helpText } from './util.ts';
import { lsDate } from './strftime.ts';

interface Entry {
  name: string; // as shown
  path: string; // absolute
  st: Stat;
  target?: string; // symlink target for -l
}

interface Opts {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  dirSelf: boolean;
  human: boolean;
  recursive: boolean;
  oneCol: boolean;
  classify: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size';
  deref: boolean;
  inode: boolean;
  numeric: boolean;
}

export function blocksK(st: Stat): number {
  if (st.type === 'dir') return 4;
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/** GNU human_readable with ceiling rounding, powers of 1024: 8, 4.0K, 121K, 1.2M. */
export function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r >= 10) return `${Math.ceil(r)}${units[u]}`;
    return `${r.toFixed(1)}${units[u]}`;
  }
  const r = Math.ceil(v);
  if (r >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${r}${units[u]}`;
}

export const ls: Command = {
  name: 'ls',
  usage: 'ls [-aAlLdhRrtSF1Ci] [FILE]...',
  summary: 'List directory contents: names, or with -l mode, links, owner, group, size and date.',
  manual:
    'List information about the FILEs (the current directory by default), sorted alphabetically.\n\n' +
    '-a  do not ignore entries starting with .\n-A  like -a but without . and ..\n-l  long listing: mode, links, owner, group, size, modification time\n' +
    '-d  list directories themselves, not their contents\n-h  with -l, print sizes like 1K 234M 2G\n-R  list subdirectories recursively\n' +
    '-t  sort by time, newest first\n-S  sort by size, largest first\n-r  reverse the order\n-F  append an indicator (one of */@) to entries\n-1  one file per line\n-i  print the inode number',
  async run(ctx) {
    const p = parseOrUsage(
      ctx,
      {
        flags: 'aAlLdhRrtSF1Cin',
        long: { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', recursive: 'R', reverse: 'r', classify: 'F', dereference: 'L', inode: 'i', 'numeric-uid-gid': 'n', help: 'help' },
      },
      2,
    );
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(ls));
      return 0;
    }
    let oneCol = !stdoutIsTty(ctx);
    let sort: Opts['sort'] = 'name';
    for (const o of p.opts) {
      if (o.name === '1') oneCol = true;
      if (o.name === 'C') oneCol = false;
      if (o.name === 't') sort = 'time';
      if (o.name === 'S') sort = 'size';
    }
    const opts: Opts = {
      all: p.has('a'),
      almostAll: p.has('A'),
      long: p.has('l') || p.has('n'),
      dirSelf: p.has('d'),
      human: p.has('h'),
      recursive: p.has('R') && !p.has('d'),
      oneCol,
      classify: p.has('F'),
      reverse: p.has('r'),
      sort,
      deref: p.has('L'),
      inode: p.has('i'),
      numeric: p.has('n'),
    };
    const operands = p.operands.length ? p.operands : ['.'];
    let status = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const op of operands) {
      const path = ctx.shell.resolve(op);
      let st: Stat;
      try {
        st = ctx.vfs.lstat(path);
        const followLink = st.type === 'symlink' && (opts.deref || !(opts.long || opts.dirSelf || opts.classify));
        if (followLink) {
          try {
            st = ctx.vfs.stat(path);
          } catch {
            /* dangling: list the link itself */
          }
        }
      } catch (e) {
        ctx.stderr.write(`ls: cannot access ${q(op)}: ${errText(e)}\n`);
        status = 2;
        continue;
      }
      const entry = withTarget(ctx, { name: op, path, st }, opts);
      if (st.type === 'dir' && !opts.dirSelf) dirs.push(entry);
      else files.push(entry);
    }
    const out: string[] = [];
    if (files.length) out.push(format(ctx, sortEntries(files, opts), opts, false));
    const showHeaders = operands.length > 1 || opts.recursive;
    for (const d of sortEntries(dirs, opts)) status = Math.max(status, listDir(ctx, d.name, d.path, opts, showHeaders, out));
    ctx.stdout.write(out.join('\n'));
    return status;
  },
};

function withTarget(ctx: CommandContext, e: Entry, opts: Opts): Entry {
  if (e.st.type === 'symlink' && opts.long) {
    try {
      e.target = ctx.vfs.readlink(e.path);
    } catch {
      /* not a link after all */
    }
  }
  return e;
}

function listDir(ctx: CommandContext, shown: string, path: string, opts: Opts, header: boolean, out: string[]): number {
  let names: string[];
  try {
    names = ctx.vfs.readdir(path);
  } catch (e) {
    ctx.stderr.write(`ls: cannot open directory ${q(shown)}: ${errText(e)}\n`);
    return 2;
  }
  const entries: Entry[] = [];
  if (opts.all) {
    for (const dot of ['.', '..']) {
      const p = dot === '.' ? path : joinPath(path, '..');
      try {
        entries.push({ name: dot, path: p, st: ctx.vfs.stat(p) });
      } catch {
        /* ignore */
      }
    }
  }
  for (const name of names) {
    if (name.startsWith('.') && !opts.all && !opts.almostAll) continue;
    const p = joinPath(path, name);
    let st: Stat;
    try {
      st = opts.deref ? statOrLstat(ctx, p) : ctx.vfs.lstat(p);
    } catch {
      continue;
    }
    entries.push(withTarget(ctx, { name, path: p, st }, opts));
  }
  const sorted = sortEntries(entries, opts);
  let block = header ? `${shown}:\n` : '';
  if (opts.long) {
    const total = sorted.reduce((n, e) => n + blocksK(e.st), 0);
    block += `total ${opts.human ? human(total * 1024) : total}\n`;
  }
  block += format(ctx, sorted, opts, true);
  out.push(block);
  let status = 0;
  if (opts.recursive) {
    for (const e of sorted) {
      if (e.st.type !== 'dir' || e.name === '.' || e.name === '..') continue;
      const childShown = shown.endsWith('/') ? shown + e.name : `${shown}/${e.name}`;
      status = Math.max(status, listDir(ctx, childShown, e.path, opts, true, out));
    }
  }
  return status;
}

function statOrLstat(ctx: CommandContext, p: string): Stat {
  try {
    return ctx.vfs.stat(p);
  } catch {
    return ctx.vfs.lstat(p);
  }
}

function sortEntries(entries: Entry[], opts: Opts): Entry[] {
  const byName = (a: Entry, b: Entry): number => compareBytes(a.name, b.name);
  const cmp =
    opts.sort === 'time'
      ? (a: Entry, b: Entry) => b.st.mtime - a.st.mtime || byName(a, b)
      : opts.sort === 'size'
        ? (a: Entry, b: Entry) => b.st.size - a.st.size || byName(a, b)
        : byName;
  const out = [...entries].sort(cmp);
  return opts.reverse ? out.reverse() : out;
}

function indicator(st: Stat): string {
  if (st.type === 'dir') return '/';
  if (st.type === 'symlink') return '@';
  if (st.mode & 0o111) return '*';
  return '';
}

/** Formats a group of entries; the result ends with a newline unless empty. */
function format(ctx: CommandContext, entries: Entry[], opts: Opts, _inDir: boolean): string {
  if (entries.length === 0) return '';
  const tty = stdoutIsTty(ctx);
  const shownName = (e: Entry): string => {
    const n = tty ? quoteName(e.name) : e.name;
    return n + (opts.classify ? indicator(e.st) : '');
  };
  if (opts.long) {
    const now = ctx.clock.now();
    const rows = entries.map((e) => ({
      ino: String(e.st.ino),
      mode: modeString(e.st),
      nlink: String(e.st.nlink),
      owner: opts.numeric ? String(e.st.uid) : ctx.vfs.userName(e.st.uid),
      group: opts.numeric ? String(e.st.gid) : ctx.vfs.groupName(e.st.gid),
      size: opts.human ? human(e.st.size) : String(e.st.size),
      date: lsDate(e.st.mtime, now),
      name: (tty ? quoteName(e.name) : e.name) + (e.target !== undefined ? ` -> ${e.target}` : opts.classify ? indicator(e.st) : ''),
    }));
    const w = (k: 'ino' | 'nlink' | 'owner' | 'group' | 'size'): number => Math.max(...rows.map((r) => r[k].length));
    const [wi, wl, wo, wg, ws] = [w('ino'), w('nlink'), w('owner'), w('group'), w('size')];
    return rows
      .map(
        (r) =>
          `${opts.inode ? r.ino.padStart(wi) + ' ' : ''}${r.mode} ${r.nlink.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`,
      )
      .join('');
  }
  const names = entries.map((e) => (opts.inode ? `${e.st.ino} ` : '') + shownName(e));
  if (opts.oneCol) return names.map((n) => n + '\n').join('');
  return columnsLayout(names, columns(ctx));
}

/** Names as `ls` shows them on a terminal (shell-escape quoting for unusual characters). */
function quoteName(name: string): string {
  if (/^[A-Za-z0-9_.,+:@%/=~^-]*$/.test(name) && name !== '') return name;
  return q(name);
}

/** GNU ls's vertical column layout (print_many_per_line, MIN_COLUMN_WIDTH 3, tab stops 8). */
export function columnsLayout(names: string[], lineLength: number): string {
  const n = names.length;
  const maxCols = Math.max(1, Math.min(Math.floor(lineLength / 3), n));
  const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: (i + 1) * 3, cols: new Array<number>(i + 1).fill(3) }));
  names.forEach((name, f) => {
    const len = [...name].length;
    for (let i = 0; i < maxCols; i++) {
      const ci = info[i];
      if (!ci.valid) continue;
      const idx = Math.floor(f / Math.ceil(n / (i + 1)));
      const real = len + (idx === i ? 0 : 2);
      if (ci.cols[idx] < real) {
        ci.lineLen += real - ci.cols[idx];
        ci.cols[idx] = real;
        ci.valid = ci.lineLen < lineLength;
      }
    }
  });
  let cols = 1;
  for (let i = maxCols - 1; i >= 0; i--) {
    if (info[i].valid) {
      cols = i + 1;
      break;
    }
  }
  const widths = info[cols - 1].cols;
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const f = r + c * rows;
      if (f >= n) break;
      const name = names[f];
      out += name;
      const len = [...name].length;
      if (f + rows < n) {
        const to = pos + widths[c];
        let from = pos + len;
        while (from < to) {
          if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
            out += '\t';
            from += 8 - (from % 8);
          } else {
            out += ' ';
            from++;
          }
        }
        pos = to;
      }
    }
    out += '\n';
  }
  return out;
}
