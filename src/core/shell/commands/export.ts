/** export, the bash builtin: `export NAME[=VALUE]...`; alone or with -p lists `declare -x NAME="VALUE"`. */
import { compareBytes } from '../../vfs/index.ts';
import type { Command } from '../types.ts';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [NAME[=VALUE] ...]',
  summary: 'Set export attribute for shell variables (they reach the commands it runs).',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-p' && a !== '--');
    const { vars, exported } = ctx.shell;
    if (args.length === 0) {
      let out = '';
      for (const k of [...exported].sort(compareBytes)) {
        const v = vars.get(k);
        out += v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`;
      }
      ctx.stdout.write(out);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        ctx.stderr.write(`bash: export: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) vars.set(name, a.slice(eq + 1));
      exported.add(name);
    }
    return status;
  },
};
