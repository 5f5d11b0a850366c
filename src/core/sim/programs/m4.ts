/**
 * `m4 [FILE...]`: GNU m4 1.4.19 (core/m4) on the world's files. Files are read
 * from the vfs (relative to the current directory); the cf tree's `syscmd`s
 * (makeinfo.sh into a maketemp file, then rm -f) run against the vfs, and the
 * header says `##### built by USER@HOST on DATE` with the session's user, the
 * world's host name and the world clock, and `##### in CWD`.
 */
import { fromLatin1 } from '../../bytes/index.ts';
import { runM4, sendmailCfShell, type M4Host, type M4Result } from '../../m4/index.ts';
import { dateUtc } from '../../m4/cf-shell.ts';
import type { Command, CommandContext } from '../../shell/types.ts';
import { isVfsError, errorText, normalizePath } from '../../vfs/index.ts';

let tempCounter = 0;
const TEMP_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface M4Environment {
  vfs: CommandContext['vfs'];
  cwd: string;
  user: string;
  hostname: string;
  now: number;
}

export function m4Environment(ctx: CommandContext, cwd = ctx.cwd): M4Environment {
  return { vfs: ctx.vfs, cwd, user: ctx.env.get('USER') ?? ctx.env.get('LOGNAME') ?? 'root', hostname: ctx.host.hostname, now: ctx.clock.now() };
}

/** m4's view of the world: the vfs as file system, the cf tree's two shell commands. */
export function vfsM4Host(env: M4Environment): M4Host {
  const { vfs } = env;
  const abs = (p: string): string => normalizePath(env.cwd, p);
  return {
    readFile(path) {
      try {
        return { text: fromLatin1(vfs.readFile(abs(path))) };
      } catch (e) {
        if (isVfsError(e)) return { error: errorText(e.code) };
        throw e;
      }
    },
    syscmd: sendmailCfShell({
      user: env.user,
      host: env.hostname,
      date: dateUtc(env.now),
      cwd: env.cwd,
      files: {
        write: (p, t) => {
          try {
            vfs.writeFile(abs(p), t);
          } catch {
            /* the shell would print an error; the cf tree only writes under /tmp */
          }
        },
        remove: (p) => {
          try {
            vfs.unlink(abs(p));
          } catch {
            /* rm -f */
          }
        },
      },
    }),
    maketemp(template) {
      const m = /X*$/.exec(template);
      const n = m ? m[0].length : 0;
      for (let attempt = 0; attempt < 100; attempt++) {
        let seed = Math.floor(env.now / 1000) + tempCounter++ * 7919;
        let suffix = '';
        for (let i = 0; i < n; i++) {
          suffix += TEMP_CHARS[seed % TEMP_CHARS.length];
          seed = Math.floor(seed / TEMP_CHARS.length) + i * 31;
        }
        const name = template.slice(0, template.length - n) + suffix;
        if (vfs.exists(abs(name))) continue;
        try {
          vfs.writeFile(abs(name), '', { mode: 0o600 });
        } catch {
          /* an unwritable directory: GNU m4 would warn; the cf tree uses /tmp */
        }
        return name;
      }
      return template;
    },
  };
}

export function runM4InWorld(env: M4Environment, files: string[], stdin = ''): M4Result {
  return runM4({ files, stdin, host: vfsM4Host(env) });
}

export function m4Command(): Command {
  return {
    name: 'm4',
    usage: 'm4 [FILE]...',
    summary: 'Expand the macros of FILEs (or standard input) and write the result, as GNU m4 1.4.19.',
    manual:
      'm4 copies its input to the output, expanding macros as it goes. `m4 sendmail.mc > sendmail.cf` turns the m4 configuration of Sendmail into the sendmail.cf the daemon reads; the macros come from /usr/share/sendmail/cf.\n\nThe lab supports file operands and standard input, no options.',
    async run(ctx) {
      const args = ctx.argv.slice(1);
      const bad = args.find((a) => a.startsWith('-') && a !== '-');
      if (bad !== undefined) {
        const msg = bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad[1]}'`;
        ctx.stderr.write(`m4: ${msg}\nTry 'm4 --help' for more information.\n`);
        return 1;
      }
      const stdin = args.length === 0 || args.includes('-') ? await ctx.stdin.readAll() : '';
      const r = runM4InWorld(m4Environment(ctx), args, stdin);
      ctx.stdout.write(r.stdout);
      ctx.stderr.write(r.stderr);
      return r.status;
    },
  };
}
