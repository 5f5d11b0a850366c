/**
 * test and [, the bash builtins: file tests (-e -f -d -s -r -w -x -L -h -u -g -k),
 * string tests (-z -n = == != < >), integers (-eq -ne -lt -le -gt -ge), files
 * compared (-nt -ot -ef), ! -a -o and ( ). Arguments are read by POSIX's
 * count rules first, as bash does, with bash's error messages.
 */
import type { Command, CommandContext } from '../types.ts';

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-u', '-g', '-k', '-z', '-n', '-b', '-c', '-p', '-S', '-O', '-G', '-N', '-a', '-t']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function evaluate(ctx: CommandContext, args: string[]): boolean {
  const stat = (p: string, follow = true) => {
    try {
      return follow ? ctx.vfs.stat(ctx.shell.resolve(p)) : ctx.vfs.lstat(ctx.shell.resolve(p));
    } catch {
      return null;
    }
  };
  const int = (s: string): number => {
    const t = s.trim();
    if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
    return Number(t);
  };
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-z': return a === '';
      case '-n': return a !== '';
      case '-L': case '-h': return stat(a, false)?.type === 'symlink';
      case '-t': return false;
    }
    const st = stat(a);
    if (!st) return false;
    switch (op) {
      case '-e': case '-a': case '-r': case '-w': case '-O': case '-G': return true;
      case '-f': return st.type === 'file';
      case '-d': return st.type === 'dir';
      case '-s': return st.size > 0;
      case '-x': return st.type === 'dir' || (st.mode & 0o111) !== 0;
      case '-u': return (st.mode & 0o4000) !== 0;
      case '-g': return (st.mode & 0o2000) !== 0;
      case '-k': return (st.mode & 0o1000) !== 0;
      case '-N': return st.mtime > st.atime;
      default: return false;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
      case '-nt': { const x = stat(a); const y = stat(b); return !!x && (!y || x.mtime > y.mtime); }
      case '-ot': { const x = stat(a); const y = stat(b); return !!y && (!x || x.mtime < y.mtime); }
      case '-ef': { const x = stat(a); const y = stat(b); return !!x && !!y && x.ino === y.ino; }
    }
    throw new TestError(`${op}: binary operator expected`);
  };
  // POSIX rules by argument count.
  const byCount = (a: string[]): boolean => {
    switch (a.length) {
      case 0: return false;
      case 1: return a[0] !== '';
      case 2:
        if (a[0] === '!') return a[1] === '';
        if (UNARY.has(a[0])) return unary(a[0], a[1]);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(a[1])) return binary(a[0], a[1], a[2]);
        if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
        if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
        if (a[0] === '!') return !byCount(a.slice(1));
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === '!') return !byCount(a.slice(1));
        if (a[0] === '(' && a[3] === ')') return byCount(a.slice(1, 3));
    }
    return expr(a);
  };
  // Full grammar for longer expressions: or := and (-o and)*; and := not (-a not)*.
  const expr = (a: string[]): boolean => {
    let i = 0;
    const primary = (): boolean => {
      const t = a[i];
      if (t === undefined) throw new TestError('argument expected');
      if (t === '!') {
        i++;
        return !primary();
      }
      if (t === '(') {
        i++;
        const v = or();
        if (a[i] !== ')') throw new TestError("`)' expected");
        i++;
        return v;
      }
      if (BINARY.has(a[i + 1] ?? '')) {
        const v = binary(t, a[i + 1], a[i + 2] ?? '');
        i += 3;
        return v;
      }
      if (UNARY.has(t) && a[i + 1] !== undefined) {
        i += 2;
        return unary(t, a[i - 1]);
      }
      i++;
      return t !== '';
    };
    const and = (): boolean => {
      let v = primary();
      while (a[i] === '-a') {
        i++;
        v = primary() && v;
      }
      return v;
    };
    const or = (): boolean => {
      let v = and();
      while (a[i] === '-o') {
        i++;
        v = and() || v;
      }
      return v;
    };
    const v = or();
    if (i < a.length) throw new TestError(`${a[i]}: binary operator expected`);
    return v;
  };
  return byCount(args);
}

function runTest(bracket: boolean): Command['run'] {
  return async (ctx) => {
    let args = ctx.argv.slice(1);
    const name = bracket ? '[' : 'test';
    if (bracket) {
      if (args[args.length - 1] !== ']') {
        ctx.stderr.write("bash: [: missing `]'\n");
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluate(ctx, args) ? 0 : 1;
    } catch (e) {
      ctx.stderr.write(`bash: ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  };
}

export const testCommand: Command = {
  name: 'test',
  usage: 'test EXPRESSION',
  summary: 'Evaluate a conditional expression (file, string and integer tests).',
  manual: '-e FILE exists   -f regular file   -d directory   -s not empty   -x executable   -L symbolic link\n-z STRING empty   -n STRING not empty   S1 = S2   S1 != S2\nN1 -eq N2   -ne -lt -le -gt -ge\n! EXPR   EXPR -a EXPR   EXPR -o EXPR',
  builtin: true,
  run: runTest(false),
};

export const bracket: Command = {
  name: '[',
  usage: '[ EXPRESSION ]',
  summary: 'Evaluate a conditional expression; the last argument must be "]".',
  builtin: true,
  run: runTest(true),
};
