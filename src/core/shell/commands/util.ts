/**
 * What the commands share: GNU getopt_long-style option parsing (clustered
 * short options, options after operands, `--`), coreutils' error and quoting
 * conventions in the C locale, and small vfs helpers.
 */
import { VfsError, type Stat } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';

export interface OptSpec {
  /** Short options without an argument, e.g. 'alRd1'. */
  flags?: string;
  /** Short options that take an argument, e.g. 'nm'. */
  withArg?: string;
  /** Long options: `name` -> the short letter it stands for (or itself); a trailing `=` takes an argument. */
  long?: Record<string, string>;
  /** Stop at the first operand (POSIX order, used by a few builtins). */
  stopAtOperand?: boolean;
  /** Accept `-NUM` (head, tail): stored as option '#'. */
  numeric?: boolean;
}

export interface Parsed {
  /** Options in the order given: short letter or long name, with a value when it takes one. */
  opts: { name: string; value?: string }[];
  operands: string[];
  has(name: string): boolean;
  /** The last value given for an option. */
  value(name: string): string | undefined;
}

/** Parses argv (without argv[0]). Returns the GNU error text (without `cmd: `) on failure. */
export function getopt(args: readonly string[], spec: OptSpec): Parsed | { error: string } {
  const flags = spec.flags ?? '';
  const withArg = spec.withArg ?? '';
  const long = spec.long ?? {};
  const opts: { name: string; value?: string }[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(long).filter((k) => k.replace(/=$/, '') === name);
      const prefix = matches.length ? matches : Object.keys(long).filter((k) => k.startsWith(name));
      if (prefix.length === 0) return { error: `unrecognized option '${a}'` };
      if (prefix.length > 1) return { error: `option '${a}' is ambiguous` };
      const key = prefix[0];
      const takes = key.endsWith('=');
      const target = long[key];
      if (takes) {
        let v: string | undefined = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { error: `option '--${key.replace(/=$/, '')}' requires an argument` };
        opts.push({ name: target, value: v });
        v = undefined;
      } else {
        if (eq >= 0) return { error: `option '--${key}' doesn't allow an argument` };
        opts.push({ name: target });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numeric && /^-[0-9]+$/.test(a)) {
        opts.push({ name: '#', value: a.slice(1) });
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (withArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { error: `option requires an argument -- '${c}'` };
          opts.push({ name: c, value: v });
          break;
        }
        if (!flags.includes(c)) return { error: `invalid option -- '${c}'` };
        opts.push({ name: c });
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return {
    opts,
    operands,
    has: (n) => opts.some((o) => o.name === n),
    value: (n) => {
      for (let k = opts.length - 1; k >= 0; k--) if (opts[k].name === n) return opts[k].value;
      return undefined;
    },
  };
}

/** Parses options or prints `cmd: error` + `Try 'cmd --help' ...`; null then means "exit with `status`". */
export function parseOrUsage(ctx: CommandContext, spec: OptSpec, status = 1): Parsed | number {
  const name = ctx.argv[0].replace(/^.*\//, '');
  const r = getopt(ctx.argv.slice(1), spec);
  if ('error' in r) {
    ctx.stderr.write(`${name}: ${r.error}\nTry '${name} --help' for more information.\n`);
    return status;
  }
  return r;
}

/** `cmd: missing operand` + the Try line. */
export function usageError(ctx: CommandContext, message: string, status = 1): number {
  const name = ctx.argv[0].replace(/^.*\//, '');
  ctx.stderr.write(`${name}: ${message}\nTry '${name} --help' for more information.\n`);
  return status;
}

/** A file name as coreutils quote it in diagnostics (LANG=C, shell-escape-always style). */
export function q(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  if (!/[\\"$`]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

/** A file name as coreutils' quotef prints it: bare when it needs no quoting. */
export function qf(name: string): string {
  return /^[A-Za-z0-9_.,+:@%/=~^-]+$/.test(name) ? name : q(name);
}

/** strerror text of an error from the vfs (or the message of anything else). */
export function errText(e: unknown): string {
  if (e instanceof VfsError) return e.text;
  return e instanceof Error ? e.message : String(e);
}

export function isVfsCode(e: unknown, code: string): boolean {
  return e instanceof VfsError && e.code === code;
}

/** stat that returns null instead of throwing. */
export function tryStat(ctx: CommandContext, path: string, follow = true): Stat | null {
  try {
    return follow ? ctx.vfs.stat(ctx.shell.resolve(path)) : ctx.vfs.lstat(ctx.shell.resolve(path));
  } catch {
    return null;
  }
}

/** True when the command's stdout is the terminal (isatty(1)). */
export function stdoutIsTty(ctx: CommandContext): boolean {
  return ctx.tty !== null && (ctx.stdout as unknown) === (ctx.tty as unknown);
}

/** Terminal width: the tty's, else $COLUMNS, else 80. */
export function columns(ctx: CommandContext): number {
  const t = ctx.tty?.columns;
  if (t && t > 0) return t;
  const env = Number(ctx.env.get('COLUMNS'));
  return Number.isInteger(env) && env > 0 ? env : 80;
}

/** `-rwxr-sr-x` from a Stat. */
export function modeString(st: Pick<Stat, 'type' | 'mode'>): string {
  const m = st.mode;
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const bit = (b: number, c: string): string => (m & b ? c : '-');
  const special = (x: boolean, s: boolean, lower: string, upper: string): string => (s ? (x ? lower : upper) : x ? 'x' : '-');
  return (
    t +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(!!(m & 0o100), !!(m & 0o4000), 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(!!(m & 0o010), !!(m & 0o2000), 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(!!(m & 0o001), !!(m & 0o1000), 't', 'T')
  );
}

/** A leaf command's `--help`: the usage line and summary (SIMPLIFIED: not GNU's full help text). */
export function helpText(cmd: Command): string {
  return `Usage: ${cmd.usage}\n${cmd.summary}\n`;
}

/** Reads a file operand as text; `-` is standard input. Throws VfsError. */
export async function readOperand(ctx: CommandContext, operand: string): Promise<string> {
  if (operand === '-') return ctx.stdin.readAll();
  const path = ctx.shell.resolve(operand);
  if (ctx.vfs.isDir(path)) throw new VfsError('EISDIR', 'read', operand);
  return ctx.vfs.readText(path);
}

/** Splits text into lines keeping track of a missing final newline. */
export function splitLines(text: string): { lines: string[]; trailingNewline: boolean } {
  if (text === '') return { lines: [], trailingNewline: false };
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, trailingNewline };
}
