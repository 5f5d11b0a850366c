/** type, the bash builtin: `cd is a shell builtin`, `ls is /usr/bin/ls`; -t prints builtin/file. */
import type { Command } from '../types.ts';

export const type: Command = {
  name: 'type',
  usage: 'type [-t] NAME...',
  summary: 'Tell how each name would be interpreted if used as a command.',
  builtin: true,
  async run(ctx) {
    let terse = false;
    const names: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (a === '-t') terse = true;
      else names.push(a);
    }
    let status = 0;
    for (const n of names) {
      const c = ctx.shell.commands.get(n);
      if (!c) {
        if (!terse) ctx.stderr.write(`bash: type: ${n}: not found\n`);
        status = 1;
        continue;
      }
      if (terse) ctx.stdout.write(c.builtin ? 'builtin\n' : 'file\n');
      else ctx.stdout.write(c.builtin ? `${n} is a shell builtin\n` : `${n} is ${c.path ?? `/usr/bin/${n}`}\n`);
    }
    return status;
  },
};
