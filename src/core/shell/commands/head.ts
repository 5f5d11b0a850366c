/** head (GNU coreutils 9.1): -n [-]N, -N, -c [-]N, -q, -v; `==> FILE <==` headers for several files. */
import type { Command } from '../types.ts';
import { errText, helpText, parseOrUsage, q } from './util.ts';
import { utf8, fromUtf8 } from '../../bytes/index.ts';

export const head: Command = {
  name: 'head',
  usage: 'head [-n N] [FILE]...',
  summary: 'Output the first 10 lines (or -n N lines) of each file.',
  manual: '-n N  print the first N lines; with -N, all but the last N\n-c N  print the first N bytes\n-q  never print headers\n-v  always print headers',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'qv', withArg: 'nc', numeric: true, long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(head));
      return 0;
    }
    let lines = 10;
    let bytes: number | null = null;
    let allBut = false;
    for (const o of p.opts) {
      if (o.name === 'n' || o.name === '#' || o.name === 'c') {
        const v = o.value as string;
        const m = /^(-?)([0-9]+)$/.exec(v);
        if (!m) {
          ctx.stderr.write(`head: invalid number of ${o.name === 'c' ? 'bytes' : 'lines'}: ${q(v)}\n`);
          return 1;
        }
        allBut = m[1] === '-';
        if (o.name === 'c') bytes = Number(m[2]);
        else {
          lines = Number(m[2]);
          bytes = null;
        }
      }
    }
    const files = p.operands.length ? p.operands : ['-'];
    const headers = p.has('v') || (files.length > 1 && !p.has('q'));
    let status = 0;
    let first = true;
    for (const f of files) {
      let text: string;
      if (f === '-') text = await readStdinLines(ctx, bytes === null && !allBut ? lines : Infinity);
      else {
        const path = ctx.shell.resolve(f);
        try {
          if (ctx.vfs.isDir(path)) {
            if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f} <==\n`);
            first = false;
            ctx.stderr.write(`head: error reading ${q(f)}: Is a directory\n`);
            status = 1;
            continue;
          }
          text = ctx.vfs.readText(path);
        } catch (e) {
          ctx.stderr.write(`head: cannot open ${q(f)} for reading: ${errText(e)}\n`);
          status = 1;
          continue;
        }
      }
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      ctx.stdout.write(bytes !== null ? headBytes(text, bytes, allBut) : headLines(text, lines, allBut));
    }
    return status;
  },
};

async function readStdinLines(ctx: { stdin: { isTerminal: boolean; readLine(): Promise<string | null>; readAll(): Promise<string> } }, n: number): Promise<string> {
  if (!ctx.stdin.isTerminal) return ctx.stdin.readAll();
  let out = '';
  for (let i = 0; i < n; i++) {
    const l = await ctx.stdin.readLine();
    if (l === null) break;
    out += l + '\n';
  }
  return out;
}

export function headLines(text: string, n: number, allBut: boolean): string {
  const parts = text.split(/(?<=\n)/);
  if (text === '') return '';
  return (allBut ? parts.slice(0, Math.max(0, parts.length - n)) : parts.slice(0, n)).join('');
}

function headBytes(text: string, n: number, allBut: boolean): string {
  const b = utf8(text);
  return fromUtf8(allBut ? b.subarray(0, Math.max(0, b.length - n)) : b.subarray(0, n));
}
