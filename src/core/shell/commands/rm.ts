/** rm (GNU coreutils 9.1): -f, -r/-R, -d, -v; refuses `.`, `..` and `/` like GNU. */
import { joinPath } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

export const rm: Command = {
  name: 'rm',
  usage: 'rm [-rf] FILE...',
  summary: 'Remove files (-r: directories and their contents; -f: ignore nonexistent files).',
  manual: '-f  ignore nonexistent files and arguments, never prompt\n-r, -R  remove directories and their contents recursively\n-d  remove empty directories\n-v  explain what is being done',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'fiIrRdv', long: { force: 'f', recursive: 'r', dir: 'd', verbose: 'v', interactive: 'i', 'no-preserve-root': 'N', 'preserve-root': 'P', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(rm));
      return 0;
    }
    const force = p.has('f');
    const recursive = p.has('r') || p.has('R');
    if (p.operands.length === 0) return force ? 0 : usageError(ctx, 'missing operand');
    let status = 0;
    for (const f of p.operands) {
      const base = f.replace(/\/+$/, '').split('/').pop();
      if (recursive && (base === '.' || base === '..')) {
        ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping ${q(f)}\n`);
        status = 1;
        continue;
      }
      const path = ctx.shell.resolve(f);
      if (recursive && path === '/' && !p.has('N')) {
        ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        status = 1;
        continue;
      }
      if (!remove(ctx, f, path, { force, recursive, dir: p.has('d'), verbose: p.has('v') })) status = 1;
    }
    return status;
  },
};

function remove(ctx: CommandContext, shown: string, path: string, o: { force: boolean; recursive: boolean; dir: boolean; verbose: boolean }): boolean {
  const vfs = ctx.vfs;
  let type;
  try {
    type = vfs.lstat(path).type;
  } catch (e) {
    if (o.force) return true;
    ctx.stderr.write(`rm: cannot remove ${q(shown)}: ${errText(e)}\n`);
    return false;
  }
  if (type === 'dir') {
    if (o.recursive) {
      let ok = true;
      for (const n of vfs.readdir(path)) {
        if (!remove(ctx, shown.endsWith('/') ? shown + n : `${shown}/${n}`, joinPath(path, n), o)) ok = false;
      }
      if (!ok) return false;
    } else if (!o.dir) {
      ctx.stderr.write(`rm: cannot remove ${q(shown)}: Is a directory\n`);
      return false;
    }
    try {
      vfs.rmdir(path);
      if (o.verbose) ctx.stdout.write(`removed directory ${q(shown)}\n`);
      return true;
    } catch (e) {
      ctx.stderr.write(`rm: cannot remove ${q(shown)}: ${errText(e)}\n`);
      return false;
    }
  }
  try {
    vfs.unlink(path);
    if (o.verbose) ctx.stdout.write(`removed ${q(shown)}\n`);
    return true;
  } catch (e) {
    ctx.stderr.write(`rm: cannot remove ${q(shown)}: ${errText(e)}\n`);
    return false;
  }
}
