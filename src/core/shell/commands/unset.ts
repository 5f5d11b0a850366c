/** unset, the bash builtin: remove shell variables. */
import type { Command } from '../types.ts';

export const unset: Command = {
  name: 'unset',
  usage: 'unset NAME...',
  summary: 'Unset values and attributes of shell variables.',
  builtin: true,
  async run(ctx) {
    let status = 0;
    for (const a of ctx.argv.slice(1)) {
      if (a === '-v') continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) {
        ctx.stderr.write(`bash: unset: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      ctx.shell.vars.delete(a);
      ctx.shell.exported.delete(a);
    }
    return status;
  },
};
