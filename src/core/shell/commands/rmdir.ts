/** rmdir (GNU coreutils 9.1): remove empty directories; -p removes the parents too. */
import type { Command } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

export const rmdir: Command = {
  name: 'rmdir',
  usage: 'rmdir [-p] DIRECTORY...',
  summary: 'Remove empty directories.',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'pv', long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'I', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(rmdir));
      return 0;
    }
    if (p.operands.length === 0) return usageError(ctx, 'missing operand');
    let status = 0;
    for (const d of p.operands) {
      const chain = [d];
      if (p.has('p')) {
        let cur = d.replace(/\/+$/, '');
        while (cur.includes('/')) {
          cur = cur.slice(0, cur.lastIndexOf('/')).replace(/\/+$/, '');
          if (cur === '') break;
          chain.push(cur);
        }
      }
      for (const dir of chain) {
        try {
          ctx.vfs.rmdir(ctx.shell.resolve(dir));
          if (p.has('v')) ctx.stdout.write(`rmdir: removing directory, ${q(dir)}\n`);
        } catch (e) {
          if (!(p.has('I') && errText(e) === 'Directory not empty')) {
            ctx.stderr.write(`rmdir: failed to remove ${q(dir)}: ${errText(e)}\n`);
            status = 1;
          }
          break;
        }
      }
    }
    return status;
  },
};
