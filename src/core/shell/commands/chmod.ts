/**
 * chmod (GNU coreutils 9.1): octal and symbolic modes (gnulib mode_adjust, see
 * mode.ts), -R (symlinks met while recursing are not followed), -v -c -f.
 * A mode given like an option (`chmod -w f`) is accepted and, as GNU does,
 * reports a surprise caused by the umask: `chmod: f: new permissions are ..., not ...`.
 */
import { joinPath } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { adjustMode, compileMode, permString, type ModeChange } from './mode.ts';
import { errText, helpText, qf, q, usageError } from './util.ts';

export const chmod: Command = {
  name: 'chmod',
  usage: 'chmod [-R] MODE FILE...',
  summary: 'Change file mode bits: octal (600, 2755) or symbolic (u+x, go-rwx, a=r, +X).',
  manual:
    'MODE is octal (e.g. 644, 0600, 2755) or symbolic: [ugoa...][[-+=][perms...]...] separated by commas, where perms is zero or more of rwxXst, or one of ugo.\n\n' +
    '-R  change files and directories recursively\n-v  output a diagnostic for every file processed\n-c  like verbose but report only when a change is made\n-f  suppress most error messages',
  async run(ctx) {
    let recursive = false;
    let verbose = false;
    let changesOnly = false;
    let quiet = false;
    let mode: string | null = null;
    let fromOption = false;
    const files: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        for (const rest of args.slice(i + 1)) {
          if (mode === null) mode = rest;
          else files.push(rest);
        }
        break;
      }
      if (a === '--help') {
        ctx.stdout.write(helpText(chmod));
        return 0;
      }
      if (a === '--recursive') recursive = true;
      else if (a === '--verbose') verbose = true;
      else if (a === '--changes') changesOnly = true;
      else if (a === '--silent' || a === '--quiet') quiet = true;
      else if (a.startsWith('--')) return usageError(ctx, `unrecognized option '${a}'`);
      else if (a.startsWith('-') && a.length > 1 && /^-[rwxXstugoa,+=0-7-]+$/.test(a) && /[rwxXst0-7]/.test(a[1])) {
        // `chmod -w f`: GNU takes the mode from the "option" (and warns about umask surprises).
        mode = mode === null ? a : `${mode},${a}`;
        fromOption = true;
      } else if (a.startsWith('-') && a.length > 1) {
        for (const c of a.slice(1)) {
          if (c === 'R') recursive = true;
          else if (c === 'v') verbose = true;
          else if (c === 'c') changesOnly = true;
          else if (c === 'f') quiet = true;
          else return usageError(ctx, `invalid option -- '${c}'`);
        }
      } else if (mode === null) mode = a;
      else files.push(a);
    }
    if (mode === null) return usageError(ctx, 'missing operand');
    if (files.length === 0) return usageError(ctx, `missing operand after ${q(mode)}`);
    const changes = compileMode(mode);
    if (changes === null) return usageError(ctx, `invalid mode: ${q(mode)}`);
    const o = { recursive, verbose, changesOnly, quiet, changes, diagnose: fromOption };
    let status = 0;
    for (const f of files) if (!apply(ctx, f, ctx.shell.resolve(f), o, true)) status = 1;
    return status;
  },
};

interface Opts {
  recursive: boolean;
  verbose: boolean;
  changesOnly: boolean;
  quiet: boolean;
  changes: ModeChange[];
  diagnose: boolean;
}

function apply(ctx: CommandContext, shown: string, path: string, o: Opts, top: boolean): boolean {
  const vfs = ctx.vfs;
  let ok = true;
  let st;
  try {
    const l = vfs.lstat(path);
    if (l.type === 'symlink') {
      if (!top) return true; // not followed while recursing
      try {
        st = vfs.stat(path);
      } catch {
        if (!o.quiet) ctx.stderr.write(`chmod: cannot operate on dangling symlink ${q(shown)}\n`);
        return false;
      }
    } else st = l;
  } catch (e) {
    if (!o.quiet) ctx.stderr.write(`chmod: cannot access ${q(shown)}: ${errText(e)}\n`);
    return false;
  }
  const isDir = st.type === 'dir';
  const newMode = adjustMode(st.mode, isDir, vfs.umask, o.changes);
  if (newMode !== st.mode) vfs.chmod(path, newMode);
  if (o.verbose || (o.changesOnly && newMode !== st.mode)) {
    const oct = (m: number): string => m.toString(8).padStart(4, '0');
    ctx.stdout.write(
      newMode !== st.mode
        ? `mode of ${q(shown)} changed from ${oct(st.mode)} (${permString(st.mode)}) to ${oct(newMode)} (${permString(newMode)})\n`
        : `mode of ${q(shown)} retained as ${oct(newMode)} (${permString(newMode)})\n`,
    );
  }
  if (o.diagnose) {
    const naive = adjustMode(st.mode, isDir, 0, o.changes);
    if (newMode & ~naive) {
      ctx.stderr.write(`chmod: ${qf(shown)}: new permissions are ${permString(newMode)}, not ${permString(naive)}\n`);
      ok = false;
    }
  }
  if (o.recursive && isDir) {
    let names: string[] = [];
    try {
      names = vfs.readdir(path);
    } catch {
      return false;
    }
    for (const n of names) {
      const childShown = shown.endsWith('/') ? shown + n : `${shown}/${n}`;
      if (!apply(ctx, childShown, joinPath(path, n), o, false)) ok = false;
    }
  }
  return ok;
}
