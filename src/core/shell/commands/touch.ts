/** touch (GNU coreutils 9.1): create empty files or set times to now; -c, -d DATE (@SECONDS or an ISO date), -r FILE. */
import type { Command } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';
import { parseDate } from './date.ts';

export const touch: Command = {
  name: 'touch',
  usage: 'touch [-c] [-d DATE] FILE...',
  summary: 'Update file timestamps, creating empty files that do not exist.',
  manual: '-c  do not create any files\n-d  use DATE instead of the current time (@SECONDS or YYYY-MM-DD [HH:MM[:SS]])\n-r  use this file\'s times instead of the current time\n-a  change only the access time\n-m  change only the modification time',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'camh', withArg: 'drt', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(touch));
      return 0;
    }
    if (p.operands.length === 0) return usageError(ctx, 'missing file operand');
    let atime = ctx.clock.now();
    let mtime = atime;
    const d = p.value('d');
    if (d !== undefined) {
      const t = parseDate(d, ctx.clock.now());
      if (t === null) {
        ctx.stderr.write(`touch: invalid date format ${q(d)}\n`);
        return 1;
      }
      atime = mtime = t;
    }
    const ref = p.value('r');
    if (ref !== undefined) {
      try {
        const st = ctx.vfs.stat(ctx.shell.resolve(ref));
        atime = st.atime;
        mtime = st.mtime;
      } catch (e) {
        ctx.stderr.write(`touch: failed to get attributes of ${q(ref)}: ${errText(e)}\n`);
        return 1;
      }
    }
    let status = 0;
    for (const f of p.operands) {
      const path = ctx.shell.resolve(f);
      try {
        if (!ctx.vfs.exists(path)) {
          if (p.has('c')) continue;
          ctx.vfs.writeFile(path, '');
        }
        const st = ctx.vfs.stat(path);
        ctx.vfs.utimes(path, p.has('m') && !p.has('a') ? st.atime : atime, p.has('a') && !p.has('m') ? st.mtime : mtime);
      } catch (e) {
        ctx.stderr.write(`touch: cannot touch ${q(f)}: ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
