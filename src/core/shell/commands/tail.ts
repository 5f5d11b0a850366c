/**
 * tail (GNU coreutils 9.1): -n [+]N, -N, -c [+]N, -q, -v, and -f: after the
 * last lines, follow the file(s) as they grow until Ctrl-C, woken by the
 * vfs's change notifications (no timers). A file that shrinks prints
 * `tail: FILE: file truncated` and is followed from its new end, as GNU does.
 */
import { fromUtf8, utf8 } from '../../bytes/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage, q } from './util.ts';

export const tail: Command = {
  name: 'tail',
  usage: 'tail [-f] [-n N] [FILE]...',
  summary: 'Output the last 10 lines (or -n N lines) of each file; -f keeps following it.',
  manual: '-n N  output the last N lines; -n +N starts with line N\n-c N  output the last N bytes\n-f  output appended data as the file grows (Ctrl-C to stop)\n-q  never print headers\n-v  always print headers',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'fFqv', withArg: 'nc', numeric: true, long: { 'lines=': 'n', 'bytes=': 'c', follow: 'f', quiet: 'q', silent: 'q', verbose: 'v', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(tail));
      return 0;
    }
    let count = 10;
    let fromStart = false;
    let bytes = false;
    for (const o of p.opts) {
      if (o.name !== 'n' && o.name !== '#' && o.name !== 'c') continue;
      const v = o.value as string;
      const m = /^([+-]?)([0-9]+)$/.exec(v);
      if (!m) {
        ctx.stderr.write(`tail: invalid number of ${o.name === 'c' ? 'bytes' : 'lines'}: ${q(v)}\n`);
        return 1;
      }
      count = Number(m[2]);
      fromStart = m[1] === '+';
      bytes = o.name === 'c';
    }
    const follow = p.has('f') || p.has('F');
    const files = p.operands.length ? p.operands : ['-'];
    const headers = p.has('v') || (files.length > 1 && !p.has('q'));
    let status = 0;
    let first = true;
    const followed: { name: string; path: string; size: number }[] = [];
    for (const f of files) {
      let data: Uint8Array;
      let path = '';
      if (f === '-') data = utf8(await ctx.stdin.readAll());
      else {
        path = ctx.shell.resolve(f);
        try {
          if (ctx.vfs.isDir(path)) {
            if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f} <==\n`);
            first = false;
            ctx.stderr.write(`tail: error reading ${q(f)}: Is a directory\n`);
            status = 1;
            continue;
          }
          data = ctx.vfs.readFile(path);
        } catch (e) {
          ctx.stderr.write(`tail: cannot open ${q(f)} for reading: ${errText(e)}\n`);
          status = 1;
          continue;
        }
      }
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      ctx.stdout.write(bytes ? tailBytes(data, count, fromStart) : tailLines(fromUtf8(data), count, fromStart));
      if (f !== '-') followed.push({ name: f, path, size: data.length });
    }
    if (!follow || followed.length === 0) return status;
    await followFiles(ctx, followed, headers);
    return 130;
  },
};

export function tailLines(text: string, n: number, fromStart: boolean): string {
  if (text === '') return '';
  const parts = text.split(/(?<=\n)/);
  if (fromStart) return parts.slice(Math.max(0, n - 1)).join('');
  return n === 0 ? '' : parts.slice(-n).join('');
}

function tailBytes(data: Uint8Array, n: number, fromStart: boolean): string {
  return fromUtf8(fromStart ? data.subarray(Math.max(0, n - 1)) : data.subarray(Math.max(0, data.length - n)));
}

/** Prints what is appended to the files until the command is interrupted. */
async function followFiles(ctx: CommandContext, files: { name: string; path: string; size: number }[], headers: boolean): Promise<void> {
  let last = files[files.length - 1].path;
  let wake: (() => void) | null = null;
  const dirty = new Set<string>();
  const off = ctx.vfs.subscribe((change) => {
    for (const f of files) {
      if (change.path === f.path || realOf(ctx, f.path) === change.path) {
        dirty.add(f.path);
        wake?.();
      }
    }
  });
  try {
    while (!ctx.signal.aborted) {
      if (dirty.size === 0) {
        await Promise.race([ctx.signal.whenAborted, new Promise<void>((r) => (wake = r))]);
        wake = null;
        continue;
      }
      for (const f of files) {
        if (!dirty.delete(f.path)) continue;
        let data: Uint8Array;
        try {
          data = ctx.vfs.readFile(f.path);
        } catch {
          continue;
        }
        if (data.length < f.size) {
          ctx.stderr.write(`tail: ${f.name}: file truncated\n`);
          f.size = 0;
        }
        if (data.length > f.size) {
          if (headers && last !== f.path) ctx.stdout.write(`\n==> ${f.name} <==\n`);
          last = f.path;
          ctx.stdout.write(fromUtf8(data.subarray(f.size)));
          f.size = data.length;
        }
      }
    }
  } finally {
    off();
  }
}

function realOf(ctx: CommandContext, path: string): string {
  try {
    return ctx.vfs.realpath(path);
  } catch {
    return path;
  }
}
