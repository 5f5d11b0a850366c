/** history, the bash builtin: numbered list (`    1  cmd`), `history N`, `history -c`. */
import type { Command } from '../types.ts';

export const history: Command = {
  name: 'history',
  usage: 'history [-c] [N]',
  summary: 'Display the command history list with line numbers.',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const list = ctx.shell.history;
    if (args[0] === '-c') {
      (list as string[]).length = 0;
      return 0;
    }
    let from = 0;
    if (args[0] !== undefined) {
      if (!/^[0-9]+$/.test(args[0])) {
        if (args[0].startsWith('-')) {
          ctx.stderr.write(`bash: history: ${args[0].slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`);
          return 2;
        }
        ctx.stderr.write(`bash: history: ${args[0]}: numeric argument required\n`);
        return 1;
      }
      from = Math.max(0, list.length - Number(args[0]));
    }
    let out = '';
    for (let i = from; i < list.length; i++) out += `${String(i + 1).padStart(5)}  ${list[i]}\n`;
    ctx.stdout.write(out);
    return 0;
  },
};
