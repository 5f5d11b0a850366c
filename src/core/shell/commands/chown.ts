/**
 * chown (GNU coreutils 9.1): OWNER, OWNER:GROUP, :GROUP, OWNER: (the owner's
 * login group); names from /etc/passwd and /etc/group, or numbers; -R, -h.
 * As on Linux, changing the owner clears setuid/setgid on regular files.
 */
import { joinPath } from '../../vfs/index.ts';
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage, q, usageError } from './util.ts';

/** Parses an owner spec; returns uid/gid (-1 = unchanged) or the error text. */
export function parseOwner(ctx: CommandContext, spec: string): { uid: number; gid: number } | string {
  const sep = spec.indexOf(':');
  const user = sep < 0 ? spec : spec.slice(0, sep);
  const group = sep < 0 ? null : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  if (user !== '') {
    const u = ctx.vfs.uidOf(user);
    if (u !== null) uid = u;
    else if (/^[0-9]+$/.test(user)) uid = Number(user);
    else return `invalid user: ${q(spec)}`;
    if (group === '') {
      const info = ctx.vfs.userInfo(user);
      gid = info ? info.gid : uid;
    }
  }
  if (group !== null && group !== '') {
    const g = ctx.vfs.gidOf(group);
    if (g !== null) gid = g;
    else if (/^[0-9]+$/.test(group)) gid = Number(group);
    else return `invalid group: ${q(spec)}`;
  }
  return { uid, gid };
}

export const chown: Command = {
  name: 'chown',
  usage: 'chown [-R] OWNER[:GROUP] FILE...',
  summary: 'Change the owner and/or group of files (user, user:group, :group).',
  manual: 'OWNER and GROUP are names from /etc/passwd and /etc/group, or numeric ids. "user:" sets the group to the user\'s login group.\n\n-R  operate on files and directories recursively\n-h  affect symbolic links instead of the files they point to\n-v  output a diagnostic for every file processed',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'RhvfcHLP', long: { recursive: 'R', 'no-dereference': 'h', verbose: 'v', silent: 'f', quiet: 'f', changes: 'c', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(chown));
      return 0;
    }
    const [spec, ...files] = p.operands;
    if (spec === undefined) return usageError(ctx, 'missing operand');
    if (files.length === 0) return usageError(ctx, `missing operand after ${q(spec)}`);
    const ids = parseOwner(ctx, spec);
    if (typeof ids === 'string') {
      ctx.stderr.write(`chown: ${ids}\n`);
      return 1;
    }
    let status = 0;
    const walk = (shown: string, path: string, top: boolean): void => {
      let isLink = false;
      try {
        isLink = ctx.vfs.lstat(path).type === 'symlink';
        if (isLink && (p.has('h') || !top)) ctx.vfs.lchown(path, ids.uid, ids.gid);
        else ctx.vfs.chown(path, ids.uid, ids.gid);
        if (p.has('v')) ctx.stdout.write(`changed ownership of ${q(shown)} to ${spec}\n`);
      } catch (e) {
        if (!p.has('f')) ctx.stderr.write(`chown: ${top ? 'cannot access' : 'cannot change ownership of'} ${q(shown)}: ${errText(e)}\n`);
        status = 1;
        return;
      }
      if (p.has('R') && !isLink && ctx.vfs.isDir(path)) {
        for (const n of ctx.vfs.readdir(path)) walk(shown.endsWith('/') ? shown + n : `${shown}/${n}`, joinPath(path, n), false);
      }
    };
    for (const f of files) walk(f, ctx.shell.resolve(f), true);
    return status;
  },
};
