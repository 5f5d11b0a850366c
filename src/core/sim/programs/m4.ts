/**
 * `m4 [FILE...]`: GNU m4 1.4.19 (core/m4) on the world's files. Files are read
 * from the vfs (relative to the current directory); the cf tree's `syscmd`s
 * (makeinfo.sh into a maketemp file, then rm -f) run against the vfs, and the
 * header says `##### built by USER@HOST on DATE` with the session's user, the
 * world's host name and the world clock, and `##### in CWD`.
 */
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
        // the shell and the vfs carry text as UTF-8 strings; m4 sees characters
        return { text: vfs.readText(abs(path)) };
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

export interface M4Options {
  defines: ({ define: string; value: string } | { undefine: string })[];
  includeDirs: string[];
}

export function runM4InWorld(env: M4Environment, files: string[], stdin = '', opts: M4Options = { defines: [], includeDirs: [] }): M4Result {
  return runM4({ files, stdin, host: vfsM4Host(env), ...opts });
}

/** The options the lab's m4 takes: -D NAME[=VALUE], -U NAME, -I DIR (also joined: -DNAME). */
function parseOptions(argv: readonly string[]): { files: string[]; opts: M4Options } | { error: string } {
  const files: string[] = [];
  const opts: M4Options = { defines: [], includeDirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    const m = /^-([DUI])(.*)$/.exec(a);
    if (m) {
      const value = m[2] !== '' ? m[2] : argv[++i];
      if (value === undefined) return { error: `m4: option requires an argument -- '${m[1]}'\nTry 'm4 --help' for more information.\n` };
      if (m[1] === 'D') {
        const eq = value.indexOf('=');
        opts.defines.push(eq < 0 ? { define: value, value: '' } : { define: value.slice(0, eq), value: value.slice(eq + 1) });
      } else if (m[1] === 'U') opts.defines.push({ undefine: value });
      else opts.includeDirs.push(value);
    } else if (a.startsWith('-') && a !== '-') {
      return { error: `m4: the lab's m4 supports only -D, -U and -I, not ${a}\n` };
    } else files.push(a);
  }
  return { files, opts };
}

export function m4Command(): Command {
  return {
    name: 'm4',
    usage: 'm4 [-D NAME[=VALUE]] [-U NAME] [-I DIR] [FILE]...',
    summary: 'Expand the macros of FILEs (or standard input) and write the result, as GNU m4 1.4.19.',
    manual:
      'm4 copies its input to the output, expanding macros as it goes. `m4 sendmail.mc > sendmail.cf` turns the m4 configuration of Sendmail into the sendmail.cf the daemon reads; the macros come from /usr/share/sendmail/cf.\n\n-D NAME[=VALUE] defines a macro before the input is read, -U NAME undefines one, -I DIR adds a directory where include looks for relative names. Other options of GNU m4 are not in the lab.',
    async run(ctx) {
      const parsed = parseOptions(ctx.argv.slice(1));
      if ('error' in parsed) {
        ctx.stderr.write(parsed.error);
        return 1;
      }
      const { files, opts } = parsed;
      const stdin = files.length === 0 || files.includes('-') ? await ctx.stdin.readAll() : '';
      const r = runM4InWorld(m4Environment(ctx), files, stdin, opts);
      ctx.stdout.write(r.stdout);
      ctx.stderr.write(r.stderr);
      return r.status;
    },
  };
}
