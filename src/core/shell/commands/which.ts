/** which (debianutils): the path of each named program; builtins-only names are not found (exit 1). */
import type { Command } from '../types.ts';

export const which: Command = {
  name: 'which',
  usage: 'which PROGRAM...',
  summary: 'Locate a command: print the path of the program that would run.',
  async run(ctx) {
    const names = ctx.argv.slice(1).filter((a) => a !== '-a');
    if (names.length === 0) return 1;
    let status = 0;
    for (const n of names) {
      const c = ctx.shell.commands.get(n);
      if (!c || (c.builtin && !['echo', 'kill', 'pwd', 'test', '[', 'true', 'false'].includes(n))) {
        status = 1;
        continue;
      }
      ctx.stdout.write(`${c.path ?? `/usr/bin/${n}`}\n`);
    }
    return status;
  },
};
