/**
 * man: a short manual page built from each command's metadata (name,
 * summary, usage, manual, section), laid out like man-db's plain output.
 * Unknown pages: `No manual entry for foo` (exit 16, as man-db).
 */
import type { Command } from '../types.ts';

/** man-db formats for an 80-column terminal on a 78-character line. */
const WIDTH = 78;

/** Header/footer: left and right flush, the middle centred (rounded right), as groff's man macros do. */
function center(left: string, mid: string, right: string): string {
  const start = Math.max(left.length + 1, Math.ceil((WIDTH - mid.length) / 2));
  const end = start + mid.length;
  return left + ' '.repeat(start - left.length) + mid + ' '.repeat(Math.max(1, WIDTH - end - right.length)) + right;
}

/** Greedy word wrap to `width` columns (groff fills text the same way, without hyphenation here). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur !== '' && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur === '' ? word : `${cur} ${word}`;
  }
  out.push(cur);
  return out;
}

export function manPage(c: Command): string {
  const sec = c.section ?? 1;
  const title = `${c.name.toUpperCase()}(${sec})`;
  const kind = sec === 8 ? 'System Manager\'s Manual' : c.builtin ? 'Bash Builtin Commands' : 'User Commands';
  const indent = (text: string): string =>
    text
      .split('\n')
      .map((l) => (l === '' ? '' : wrap(l, WIDTH - 7).map((w) => '       ' + w).join('\n')))
      .join('\n');
  const summary = c.summary.replace(/\.$/, '');
  let out = center(title, kind, title) + '\n\n';
  out += `NAME\n${indent(`${c.name} - ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`)}\n\n`;
  out += `SYNOPSIS\n${indent(c.usage)}\n\n`;
  out += `DESCRIPTION\n${indent(c.summary)}\n`;
  if (c.manual) out += `\n${indent(c.manual)}\n`;
  out += '\n' + center('STARTTLS Lab', '', title) + '\n';
  return out;
}

export const man: Command = {
  name: 'man',
  usage: 'man PAGE',
  summary: 'Display the manual page of a command.',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => !/^[0-9]$/.test(a));
    if (args.length === 0) {
      ctx.stderr.write("What manual page do you want?\nFor example, try 'man man'.\n");
      return 1;
    }
    let status = 0;
    for (const name of args) {
      const c = ctx.shell.commands.get(name);
      if (!c) {
        ctx.stderr.write(`No manual entry for ${name}\n`);
        status = 16;
        continue;
      }
      ctx.stdout.write(manPage(c));
    }
    return status;
  },
};
