/** env (GNU coreutils): print the environment, `NAME=value` per line. SIMPLIFIED: does not run a command. */
import type { Command } from '../types.ts';

export const env: Command = {
  name: 'env',
  usage: 'env',
  summary: 'Print the environment.',
  async run(ctx) {
    const extra = ctx.argv.slice(1);
    const vars = new Map(ctx.env);
    for (const a of extra) {
      const eq = a.indexOf('=');
      if (eq <= 0) {
        ctx.stderr.write(`env: '${a}': No such file or directory\n`);
        return 127;
      }
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    let out = '';
    for (const [k, v] of vars) out += `${k}=${v}\n`;
    ctx.stdout.write(out);
    return 0;
  },
};
