/**
 * cp (GNU coreutils 9.1): files, -r/-R for directories (symlinks copied as
 * symlinks), -p (mode, owner, times), -a (= -dR --preserve=all), -f -n -v.
 * A new file gets the source's permission bits masked by the umask (no
 * setuid/setgid without -p); an existing destination keeps its own mode.
 */
import { joinPath, type Stat } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

interface CpOpts {
  recursive: boolean;
  preserve: boolean;
  noDeref: boolean;
  noClobber: boolean;
  verbose: boolean;
}

export const cp: Command = {
  name: 'cp',
  usage: 'cp [-rpa] SOURCE... DEST',
  summary: 'Copy files and directories (-r: recursively; -p: keep mode, owner and times).',
  manual: '-r, -R  copy directories recursively\n-p  preserve mode, ownership and timestamps\n-a  archive: same as -dR --preserve=all\n-f  remove and retry when a destination cannot be opened\n-n  do not overwrite an existing file\n-v  explain what is being done',
  async run(ctx) {
    const p = parseOrUsage(ctx, {
      flags: 'rRpafinvdLPHTu',
      long: { recursive: 'r', archive: 'a', force: 'f', 'no-clobber': 'n', verbose: 'v', interactive: 'i', dereference: 'L', 'no-dereference': 'P', help: 'help' },
    });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(cp));
      return 0;
    }
    const recursive = p.has('r') || p.has('R') || p.has('a');
    const o: CpOpts = {
      recursive,
      preserve: p.has('p') || p.has('a'),
      noDeref: (p.has('a') || p.has('d') || p.has('P') || recursive) && !p.has('L'),
      noClobber: p.has('n'),
      verbose: p.has('v'),
    };
    const ops = p.operands;
    if (ops.length === 0) return usageError(ctx, 'missing file operand');
    if (ops.length === 1) return usageError(ctx, `missing destination file operand after ${q(ops[0])}`);
    const dest = ops[ops.length - 1];
    const sources = ops.slice(0, -1);
    const destPath = ctx.shell.resolve(dest);
    const destIsDir = ctx.vfs.isDir(destPath);
    if (sources.length > 1 && !destIsDir) {
      const msg = ctx.vfs.exists(destPath) ? `target ${q(dest)} is not a directory` : `target ${q(dest)}: No such file or directory`;
      ctx.stderr.write(`cp: ${msg}\n`);
      return 1;
    }
    let status = 0;
    for (const src of sources) {
      const base = src.replace(/\/+$/, '').split('/').pop() || src;
      const target = destIsDir ? joinPath(destPath, base) : destPath;
      const shownTarget = destIsDir ? (dest.endsWith('/') ? dest + base : `${dest}/${base}`) : dest;
      if (!copy(ctx, src, ctx.shell.resolve(src), shownTarget, target, o, true)) status = 1;
    }
    return status;
  },
};

function copy(ctx: CommandContext, shownSrc: string, src: string, shownDst: string, dst: string, o: CpOpts, top: boolean): boolean {
  const vfs = ctx.vfs;
  let st: Stat;
  try {
    st = o.noDeref ? vfs.lstat(src) : vfs.stat(src);
  } catch (e) {
    ctx.stderr.write(`cp: cannot stat ${q(shownSrc)}: ${errText(e)}\n`);
    return false;
  }
  let dstSt: Stat | null = null;
  try {
    dstSt = vfs.stat(dst);
  } catch {
    dstSt = null;
  }
  if (dstSt && dstSt.ino === st.ino) {
    ctx.stderr.write(`cp: ${q(shownSrc)} and ${q(shownDst)} are the same file\n`);
    return false;
  }
  if (st.type === 'dir') {
    if (!o.recursive) {
      ctx.stderr.write(`cp: -r not specified; omitting directory ${q(shownSrc)}\n`);
      return false;
    }
    const realSrc = vfs.realpath(src);
    const parent = dst.slice(0, dst.lastIndexOf('/')) || '/';
    let realDstParent = parent;
    try {
      realDstParent = vfs.realpath(parent);
    } catch {
      /* reported below when creating */
    }
    if (top && (realDstParent === realSrc || realDstParent.startsWith(realSrc + '/'))) {
      ctx.stderr.write(`cp: cannot copy a directory, ${q(shownSrc)}, into itself, ${q(shownDst)}\n`);
      return false;
    }
    if (dstSt && dstSt.type !== 'dir') {
      ctx.stderr.write(`cp: cannot overwrite non-directory ${q(shownDst)} with directory ${q(shownSrc)}\n`);
      return false;
    }
    if (!dstSt) {
      try {
        vfs.mkdir(dst, { mode: o.preserve ? st.mode : st.mode & ~vfs.umask & 0o777 });
      } catch (e) {
        ctx.stderr.write(`cp: cannot create directory ${q(shownDst)}: ${errText(e)}\n`);
        return false;
      }
    }
    if (o.verbose) ctx.stdout.write(`${q(shownSrc)} -> ${q(shownDst)}\n`);
    let ok = true;
    for (const n of vfs.readdir(src)) {
      if (!copy(ctx, `${shownSrc.replace(/\/+$/, '')}/${n}`, joinPath(src, n), `${shownDst}/${n}`, joinPath(dst, n), o, false)) ok = false;
    }
    if (o.preserve) finishPreserve(ctx, dst, st);
    return ok;
  }
  if (dstSt?.type === 'dir') {
    ctx.stderr.write(`cp: cannot overwrite directory ${q(shownDst)} with non-directory\n`);
    return false;
  }
  if (dstSt && o.noClobber) return true;
  try {
    if (st.type === 'symlink') {
      if (dstSt) vfs.unlink(dst);
      vfs.symlink(vfs.readlink(src), dst);
    } else {
      const data = vfs.readFile(src);
      if (dstSt) vfs.writeFile(dst, data);
      else vfs.writeFile(dst, data, { mode: o.preserve ? st.mode : st.mode & 0o777 & ~vfs.umask });
    }
  } catch (e) {
    ctx.stderr.write(`cp: cannot create regular file ${q(shownDst)}: ${errText(e)}\n`);
    return false;
  }
  if (o.verbose) ctx.stdout.write(`${q(shownSrc)} -> ${q(shownDst)}\n`);
  if (o.preserve && st.type !== 'symlink') finishPreserve(ctx, dst, st);
  return true;
}

function finishPreserve(ctx: CommandContext, dst: string, st: Stat): void {
  ctx.vfs.chown(dst, st.uid, st.gid);
  ctx.vfs.chmod(dst, st.mode);
  ctx.vfs.utimes(dst, st.atime, st.mtime);
}
