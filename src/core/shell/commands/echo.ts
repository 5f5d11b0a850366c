/** echo, the bash builtin: -n, -e, -E; options only while they are all valid letters (`echo -z x` prints `-z x`). */
import type { Command } from '../types.ts';

/** Interprets echo -e escapes; returns the text and whether `\c` stopped output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1)) as RegExpExecArray;
      out += String.fromCharCode(parseInt(m[0] || '0', 8) & 0xff);
      i += m[0].length;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

export const echo: Command = {
  name: 'echo',
  usage: 'echo [-neE] [ARG ...]',
  summary: 'Write the arguments, separated by spaces and followed by a newline, to standard output.',
  manual: '-n  do not output the trailing newline\n-e  enable interpretation of backslash escapes (\\n \\t \\\\ \\0NNN \\xHH \\c)\n-E  disable interpretation of backslash escapes (default)',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const c of a.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.slice(i).join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      text = r.text;
      if (r.stop) newline = false;
    }
    ctx.stdout.write(newline ? text + '\n' : text);
    return 0;
  },
};
