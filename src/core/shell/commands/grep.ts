/**
 * grep (GNU grep 3.8): BRE by default, -E (ERE), -F (fixed strings); -i -v -n
 * -c -l -L -h -H -q -s -o -w -x -r/-R -e PATTERN. Exit 0 when a line was
 * selected, 1 when none, 2 on an error (unless -q found a match).
 * SIMPLIFIED: -r visits directory entries in sorted order (GNU uses the
 * filesystem's order).
 */
import { compareBytes, joinPath } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage } from './util.ts';
import { RegexError, escapeLiteral, posixToJs } from './regex.ts';

interface GrepOpts {
  invert: boolean;
  number: boolean;
  count: boolean;
  list: boolean;
  listMissing: boolean;
  names: boolean;
  quiet: boolean;
  silent: boolean;
  only: boolean;
}

export const grep: Command = {
  name: 'grep',
  usage: 'grep [-ivncElrhHqwx] PATTERN [FILE]...',
  summary: 'Print lines that match a pattern (a basic regular expression; -E extended, -F fixed).',
  manual:
    '-E  PATTERNS are extended regular expressions\n-F  PATTERNS are strings\n-i  ignore case distinctions\n-v  select non-matching lines\n-w  match only whole words\n-x  match only whole lines\n' +
    '-n  print line number with output lines\n-c  print only a count of selected lines per FILE\n-l  print only names of FILEs with selected lines\n-L  print only names of FILEs with no selected lines\n' +
    '-h  suppress the file name prefix\n-H  print the file name for each match\n-o  show only nonempty parts of lines that match\n-q  suppress all normal output\n-s  suppress error messages about nonexistent or unreadable files\n-r  search directories recursively\n-e  use PATTERN for matching',
  async run(ctx) {
    const p = parseOrUsage(
      ctx,
      {
        flags: 'EFGivncllLhHqswxrRoyaIUZz',
        withArg: 'efABCm',
        long: {
          'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'ignore-case': 'i', 'invert-match': 'v', 'line-number': 'n', count: 'c',
          'files-with-matches': 'l', 'files-without-match': 'L', 'no-filename': 'h', 'with-filename': 'H', quiet: 'q', silent: 'q', 'no-messages': 's',
          'word-regexp': 'w', 'line-regexp': 'x', recursive: 'r', 'dereference-recursive': 'R', 'only-matching': 'o', 'regexp=': 'e', help: 'help',
        },
      },
      2,
    );
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(grep));
      return 0;
    }
    const patterns: string[] = p.opts.filter((o) => o.name === 'e').map((o) => o.value as string);
    const operands = [...p.operands];
    if (patterns.length === 0) {
      if (operands.length === 0) {
        ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      patterns.push(operands.shift() as string);
    }
    let re: RegExp;
    try {
      re = compile(patterns.flatMap((x) => x.split('\n')), p.has('F') ? 'F' : p.has('E') ? 'E' : 'G', p.has('i') || p.has('y'), p.has('w'), p.has('x'));
    } catch (e) {
      ctx.stderr.write(`grep: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const recursive = p.has('r') || p.has('R');
    const files = operands.length ? operands : recursive ? ['.'] : ['-'];
    const implicitDot = operands.length === 0 && recursive;
    const o: GrepOpts = {
      invert: p.has('v'),
      number: p.has('n'),
      count: p.has('c'),
      list: p.has('l'),
      listMissing: p.has('L'),
      names: p.has('H') || (!p.has('h') && (files.length > 1 || recursive)),
      quiet: p.has('q'),
      silent: p.has('s'),
      only: p.has('o'),
    };
    let matched = false;
    let error = false;
    const searchText = (name: string, text: string): void => {
      if (grepText(ctx, name, text, re, o)) matched = true;
    };
    const visit = async (shown: string, path: string, top: boolean): Promise<void> => {
      if (o.quiet && matched) return;
      if (shown === '-' && top) {
        searchText('(standard input)', await ctx.stdin.readAll());
        return;
      }
      let isDir: boolean;
      try {
        isDir = ctx.vfs.stat(path).type === 'dir';
      } catch (e) {
        if (!top && isDangling(ctx, path)) return;
        if (!o.silent) ctx.stderr.write(`grep: ${shown}: ${errText(e)}\n`);
        error = true;
        return;
      }
      if (isDir) {
        if (!recursive) {
          if (!o.silent) ctx.stderr.write(`grep: ${shown}: Is a directory\n`);
          error = true;
          return;
        }
        if (!top && !p.has('R') && ctx.vfs.lstat(path).type === 'symlink') return;
        for (const n of ctx.vfs.readdir(path).sort(compareBytes)) {
          const childShown = implicitDot && shown === '.' ? n : shown.endsWith('/') ? shown + n : `${shown}/${n}`;
          await visit(childShown, joinPath(path, n), false);
        }
        return;
      }
      if (!top && !p.has('R') && ctx.vfs.lstat(path).type === 'symlink') return;
      searchText(shown, ctx.vfs.readText(path));
    };
    for (const f of files) await visit(f, f === '-' ? '-' : ctx.shell.resolve(f), true);
    if (o.quiet && matched) return 0;
    if (error) return 2;
    return matched ? 0 : 1;
  },
};

function isDangling(ctx: CommandContext, path: string): boolean {
  try {
    return ctx.vfs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

export function compile(patterns: string[], mode: 'G' | 'E' | 'F', icase: boolean, word: boolean, line: boolean): RegExp {
  const parts = patterns.map((pat) => (mode === 'F' ? escapeLiteral(pat) : posixToJs(pat, mode === 'E')));
  let src = parts.length === 1 ? parts[0] : parts.map((x) => `(?:${x})`).join('|');
  if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (line) src = `^(?:${src})$`;
  try {
    return new RegExp(src, icase ? 'gi' : 'g');
  } catch {
    throw new RegexError('Invalid regular expression');
  }
}

/** Searches one file's text; returns true when a line was selected. */
function grepText(ctx: CommandContext, name: string, text: string, re: RegExp, o: GrepOpts): boolean {
  const lines = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  let n = 0;
  let out = '';
  lines.forEach((line, i) => {
    re.lastIndex = 0;
    const hit = re.test(line);
    if (hit === o.invert) return;
    n++;
    if (o.quiet || o.list || o.listMissing || o.count) return;
    const prefix = (o.names ? `${name}:` : '') + (o.number ? `${i + 1}:` : '');
    if (o.only && !o.invert) {
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`;
    } else out += `${prefix}${line}\n`;
  });
  if (o.quiet) return n > 0;
  // grep 3.8: a file with NUL bytes is binary; a match is reported once, on stderr.
  if (!o.count && !o.list && !o.listMissing && n > 0 && text.includes('\0')) {
    ctx.stderr.write(`grep: ${name}: binary file matches\n`);
    return true;
  }
  if (o.count) out = `${o.names ? `${name}:` : ''}${n}\n`;
  else if (o.list) out = n > 0 ? `${name}\n` : '';
  else if (o.listMissing) out = n === 0 ? `${name}\n` : '';
  ctx.stdout.write(out);
  return n > 0;
}
