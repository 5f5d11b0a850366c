/** mkdir (GNU coreutils 9.1): -p, -m MODE (octal or symbolic, applied to the last directory), -v. */
import type { Command } from '../types.ts';
import { adjustMode, compileMode } from './mode.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

export const mkdir: Command = {
  name: 'mkdir',
  usage: 'mkdir [-p] [-m MODE] DIRECTORY...',
  summary: 'Create directories (-p: with their parents, no error if existing).',
  manual: '-p  no error if existing, make parent directories as needed\n-m  set file mode (as in chmod), not a=rwx - umask\n-v  print a message for each created directory',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'pv', withArg: 'm', long: { parents: 'p', 'mode=': 'm', verbose: 'v', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(mkdir));
      return 0;
    }
    let mode: number | undefined;
    const m = p.value('m');
    if (m !== undefined) {
      const ch = compileMode(m);
      if (!ch) {
        ctx.stderr.write(`mkdir: invalid mode ${q(m)}\n`);
        return 1;
      }
      mode = adjustMode(0o777, true, ctx.vfs.umask, ch);
    }
    if (p.operands.length === 0) return usageError(ctx, 'missing operand');
    const vfs = ctx.vfs;
    let status = 0;
    for (const d of p.operands) {
      const path = ctx.shell.resolve(d);
      if (p.has('p')) {
        // Create each missing ancestor, reporting the first one that cannot be.
        const parts = d.split('/');
        let prefix = d.startsWith('/') ? '' : '.';
        let failed = false;
        for (let i = 0; i < parts.length; i++) {
          if (parts[i] === '' || parts[i] === '.') continue;
          prefix = prefix === '' ? '/' + parts[i] : prefix === '.' ? parts[i] : `${prefix}/${parts[i]}`;
          const full = ctx.shell.resolve(prefix);
          const last = parts.slice(i + 1).every((x) => x === '' || x === '.');
          if (vfs.isDir(full)) continue;
          try {
            vfs.mkdir(full, last ? { mode } : {});
            if (p.has('v')) ctx.stdout.write(`mkdir: created directory ${q(prefix)}\n`);
          } catch (e) {
            const text = vfs.exists(full) && !last ? 'Not a directory' : errText(e);
            ctx.stderr.write(`mkdir: cannot create directory ${q(prefix)}: ${text}\n`);
            failed = true;
            break;
          }
        }
        if (failed) status = 1;
        continue;
      }
      try {
        vfs.mkdir(path, { mode });
        if (p.has('v')) ctx.stdout.write(`mkdir: created directory ${q(d)}\n`);
      } catch (e) {
        ctx.stderr.write(`mkdir: cannot create directory ${q(d)}: ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
