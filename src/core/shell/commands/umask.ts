/** umask, the bash builtin: print (`0022`, -S `u=rwx,g=rx,o=rx`) or set the file creation mask (octal). */
import type { Command } from '../types.ts';

export const umask: Command = {
  name: 'umask',
  usage: 'umask [-S] [MODE]',
  summary: 'Display or set the file mode creation mask (022: new files 644, directories 755).',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const symbolic = args[0] === '-S';
    const mode = symbolic ? args[1] : args[0];
    const vfs = ctx.vfs;
    if (mode === undefined) {
      const m = vfs.umask;
      if (symbolic) {
        const perms = (shift: number): string => {
          const allowed = ~(m >> shift) & 7;
          return (allowed & 4 ? 'r' : '') + (allowed & 2 ? 'w' : '') + (allowed & 1 ? 'x' : '');
        };
        ctx.stdout.write(`u=${perms(6)},g=${perms(3)},o=${perms(0)}\n`);
      } else ctx.stdout.write(m.toString(8).padStart(4, '0') + '\n');
      return 0;
    }
    if (/^[0-9]+$/.test(mode)) {
      if (/[89]/.test(mode) || parseInt(mode, 8) > 0o777) {
        ctx.stderr.write(`bash: umask: ${mode}: octal number out of range\n`);
        return 1;
      }
      vfs.umask = parseInt(mode, 8);
      return 0;
    }
    // SIMPLIFIED: symbolic umask changes are not supported; bash's error for a bad one is kept.
    const bad = mode.replace(/^[ugoa]*/, '')[0] ?? mode[0];
    ctx.stderr.write(`bash: umask: \`${bad}': invalid symbolic mode operator\n`);
    return 1;
  },
};
