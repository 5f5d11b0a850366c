/** pwd, the bash builtin: the logical current directory. */
import type { Command } from '../types.ts';

export const pwd: Command = {
  name: 'pwd',
  usage: 'pwd [-LP]',
  summary: 'Print the name of the current working directory.',
  builtin: true,
  async run(ctx) {
    const bad = ctx.argv.slice(1).find((a) => a.startsWith('-') && !/^-[LP]+$/.test(a) && a !== '--');
    if (bad) {
      ctx.stderr.write(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
      return 2;
    }
    if (ctx.argv.includes('-P')) {
      try {
        ctx.stdout.write(ctx.vfs.realpath(ctx.shell.cwd) + '\n');
        return 0;
      } catch {
        /* fall back to the logical path */
      }
    }
    ctx.stdout.write(ctx.shell.cwd + '\n');
    return 0;
  },
};
