/** exit and logout, bash builtins: leave the shell with a status (the last one by default). */
import type { Command, CommandContext } from '../types.ts';

async function leave(ctx: CommandContext): Promise<number> {
  const arg = ctx.argv[1];
  let code = ctx.shell.lastStatus;
  if (arg !== undefined) {
    if (!/^[+-]?[0-9]+$/.test(arg)) {
      ctx.stderr.write(`bash: ${ctx.argv[0]}: ${arg}: numeric argument required\n`);
      code = 2;
    } else if (ctx.argv.length > 2) {
      ctx.stderr.write(`bash: ${ctx.argv[0]}: too many arguments\n`);
      return 1;
    } else code = Number(arg) & 0xff;
  }
  ctx.shell.exit(code);
  return code;
}

export const exit: Command = {
  name: 'exit',
  usage: 'exit [N]',
  summary: 'Exit the shell with a status of N (the last command\'s status by default).',
  builtin: true,
  run: leave,
};

export const logout: Command = {
  name: 'logout',
  usage: 'logout [N]',
  summary: 'Exit a login shell.',
  builtin: true,
  run: leave,
};
