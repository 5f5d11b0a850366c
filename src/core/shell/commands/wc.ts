/**
 * wc (GNU coreutils 9.1): lines, words, bytes (-l -w -c -m). Column width as
 * GNU computes it: digits of the total size of the regular files given, at
 * least 7 when one input is not a regular file (a pipe, a terminal, a
 * directory), 1 for a single count of a single file.
 */
import { utf8 } from '../../bytes/index.ts';
import type { Command } from '../types.ts';
import { errText, helpText, parseOrUsage } from './util.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

export function count(text: string): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  for (const ch of text) {
    if (ch === '\n') lines++;
    const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\v' || ch === '\f';
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return { lines, words, chars: [...text].length, bytes: utf8(text).length };
}

export const wc: Command = {
  name: 'wc',
  usage: 'wc [-lwc] [FILE]...',
  summary: 'Print newline, word and byte counts for each file.',
  manual: '-l  print the newline counts\n-w  print the word counts\n-c  print the byte counts\n-m  print the character counts',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(wc));
      return 0;
    }
    let show = { lines: p.has('l'), words: p.has('w'), chars: p.has('m'), bytes: p.has('c') };
    if (!show.lines && !show.words && !show.chars && !show.bytes) show = { lines: true, words: true, chars: false, bytes: true };
    const nShown = [show.lines, show.words, show.chars, show.bytes].filter(Boolean).length;
    const files = p.operands.length ? p.operands : [null];
    // First pass: what GNU learns from fstat, to size the columns.
    const stats = files.map((f) => {
      if (f === null) {
        const size = (ctx.stdin as { regularSize?: number }).regularSize;
        return size === undefined ? { ok: true, regular: false, size: 0 } : { ok: true, regular: true, size };
      }
      try {
        const st = ctx.vfs.stat(ctx.shell.resolve(f));
        return { ok: true, regular: st.type === 'file', size: st.type === 'file' ? st.size : 0 };
      } catch {
        return { ok: false, regular: false, size: 0 };
      }
    });
    let width = 1;
    if (!(files.length === 1 && nShown === 1) && stats[0].ok) {
      let min = 1;
      let total = 0;
      for (const s of stats) {
        if (!s.ok) continue;
        if (!s.regular) min = 7;
        else total += s.size;
      }
      for (; total >= 10; total = Math.floor(total / 10)) width++;
      width = Math.max(width, min);
    }
    const fmt = (c: Counts, name: string | null): string => {
      const cols: number[] = [];
      if (show.lines) cols.push(c.lines);
      if (show.words) cols.push(c.words);
      if (show.chars) cols.push(c.chars);
      if (show.bytes) cols.push(c.bytes);
      return cols.map((n) => String(n).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`) + '\n';
    };
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0 };
    let status = 0;
    for (const f of files) {
      let text: string;
      if (f === null || f === '-') text = await ctx.stdin.readAll();
      else {
        const path = ctx.shell.resolve(f);
        try {
          if (ctx.vfs.isDir(path)) {
            ctx.stderr.write(`wc: ${f}: Is a directory\n`);
            ctx.stdout.write(fmt({ lines: 0, words: 0, chars: 0, bytes: 0 }, f));
            status = 1;
            continue;
          }
          text = ctx.vfs.readText(path);
        } catch (e) {
          ctx.stderr.write(`wc: ${f}: ${errText(e)}\n`);
          status = 1;
          continue;
        }
      }
      const c = count(text);
      total.lines += c.lines;
      total.words += c.words;
      total.chars += c.chars;
      total.bytes += c.bytes;
      ctx.stdout.write(fmt(c, f));
    }
    if (files.length > 1) ctx.stdout.write(fmt(total, 'total'));
    return status;
  },
};
