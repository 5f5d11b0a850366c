/** whoami (GNU coreutils): the shell user's name. */
import type { Command } from '../types.ts';

export const whoami: Command = {
  name: 'whoami',
  usage: 'whoami',
  summary: 'Print the user name associated with the current effective user ID.',
  async run(ctx) {
    ctx.stdout.write(`${ctx.env.get('USER') ?? ctx.vfs.userName(0)}\n`);
    return 0;
  },
};
