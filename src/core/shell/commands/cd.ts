/** cd, the bash builtin: HOME by default, `-` for OLDPWD; sets PWD and OLDPWD. */
import { normalizePath } from '../../vfs/index.ts';
import type { Command } from '../types.ts';
import { errText } from './util.ts';

export const cd: Command = {
  name: 'cd',
  usage: 'cd [DIR]',
  summary: 'Change the shell working directory (HOME by default, - for the previous one).',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    const vars = ctx.shell.vars;
    let target: string | undefined = args[0];
    let print = false;
    if (target === undefined || target === '') {
      target = vars.get('HOME');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = vars.get('OLDPWD');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      print = true;
    }
    const path = normalizePath(ctx.shell.cwd, target);
    try {
      const st = ctx.vfs.stat(path);
      if (st.type !== 'dir') {
        ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
        return 1;
      }
    } catch (e) {
      ctx.stderr.write(`bash: cd: ${target}: ${errText(e)}\n`);
      return 1;
    }
    vars.set('OLDPWD', ctx.shell.cwd);
    ctx.shell.cwd = path;
    vars.set('PWD', path);
    if (print) ctx.stdout.write(path + '\n');
    return 0;
  },
};
