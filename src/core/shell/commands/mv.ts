/** mv (GNU coreutils 9.1): rename or move into a directory; -f -n -v. */
import { joinPath } from '../../vfs/index.ts';
import type { Command } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

export const mv: Command = {
  name: 'mv',
  usage: 'mv SOURCE... DEST',
  summary: 'Move (rename) files and directories.',
  manual: '-f  do not prompt before overwriting\n-n  do not overwrite an existing file\n-v  explain what is being done',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'finvuT', long: { force: 'f', interactive: 'i', 'no-clobber': 'n', verbose: 'v', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(mv));
      return 0;
    }
    const ops = p.operands;
    if (ops.length === 0) return usageError(ctx, 'missing file operand');
    if (ops.length === 1) return usageError(ctx, `missing destination file operand after ${q(ops[0])}`);
    const vfs = ctx.vfs;
    const dest = ops[ops.length - 1];
    const destPath = ctx.shell.resolve(dest);
    const destIsDir = vfs.isDir(destPath);
    const sources = ops.slice(0, -1);
    if (sources.length > 1 && !destIsDir) {
      ctx.stderr.write(`mv: ${vfs.exists(destPath) ? `target ${q(dest)} is not a directory` : `target ${q(dest)}: No such file or directory`}\n`);
      return 1;
    }
    let status = 0;
    for (const src of sources) {
      const srcPath = ctx.shell.resolve(src);
      let srcType;
      try {
        srcType = vfs.lstat(srcPath).type;
      } catch (e) {
        ctx.stderr.write(`mv: cannot stat ${q(src)}: ${errText(e)}\n`);
        status = 1;
        continue;
      }
      const base = src.replace(/\/+$/, '').split('/').pop() || src;
      const target = destIsDir ? joinPath(destPath, base) : destPath;
      const shown = destIsDir ? (dest.endsWith('/') ? dest + base : `${dest}/${base}`) : dest;
      if (srcType === 'dir' && (target === srcPath || target.startsWith(srcPath + '/'))) {
        if (target !== srcPath) {
          ctx.stderr.write(`mv: cannot move ${q(src)} to a subdirectory of itself, ${q(shown)}\n`);
          status = 1;
        }
        continue;
      }
      const existing = vfs.exists(target) || isLink(ctx, target);
      if (existing && p.has('n')) continue;
      if (existing && vfs.isDir(target) && srcType !== 'dir') {
        ctx.stderr.write(`mv: cannot overwrite directory ${q(shown)} with non-directory\n`);
        status = 1;
        continue;
      }
      if (existing && !vfs.isDir(target) && srcType === 'dir') {
        ctx.stderr.write(`mv: cannot overwrite non-directory ${q(shown)} with directory ${q(src)}\n`);
        status = 1;
        continue;
      }
      try {
        vfs.rename(srcPath, target);
        if (p.has('v')) ctx.stdout.write(`renamed ${q(src)} -> ${q(shown)}\n`);
      } catch (e) {
        ctx.stderr.write(`mv: cannot move ${q(src)} to ${q(shown)}: ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};

function isLink(ctx: { vfs: { lstat(p: string): { type: string } } }, p: string): boolean {
  try {
    return ctx.vfs.lstat(p).type === 'symlink';
  } catch {
    return false;
  }
}
