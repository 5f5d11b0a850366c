/**
 * The `sendmail` program (also reached as `mailq` and `newaliases`, like the
 * real binary): the modes a learner uses in the article.
 *   -bd [-L tag] [-qN]   start the daemon      -bs / -Am -bs   SMTP on the terminal
 *   -bv ADDR [-d0.1]     verify an address     -bi             rebuild aliases.db
 *   -bp                  print the queue
 * Texts come from real Sendmail (test/fixtures/sendmail/commands/).
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import { fromLatin1, latin1 } from '../../bytes/index.ts';
import type { Mta } from '../mta.ts';
import type { WorldServices } from '../services.ts';
import { loadMtaConfig } from '../mta-config.ts';
import { buildAliasDb } from '../databases.ts';
import { expandAlias } from '../aliases.ts';
import { COMPILED_WITH, systemIdentity } from './sendmail-facts.ts';

interface Flags {
  mode: string | null; // 'd', 's', 'v', 'i', 'p', 't'
  tag: string | null;
  queue: string | null;
  debug: string[];
  submitAsDaemon: boolean; // -Am
  args: string[];
  bad: string | null;
}

export function parseFlags(argv: readonly string[]): Flags {
  const f: Flags = { mode: null, tag: null, queue: null, debug: [], submitAsDaemon: false, args: [], bad: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      f.args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('-b')) f.mode = a.slice(2) || null;
    else if (a === '-L') f.tag = argv[++i] ?? null;
    else if (a.startsWith('-L')) f.tag = a.slice(2);
    else if (a.startsWith('-q')) f.queue = a.slice(2);
    else if (a.startsWith('-d')) f.debug.push(a.slice(2));
    else if (a === '-Am') f.submitAsDaemon = true;
    else if (a === '-Ac') f.submitAsDaemon = false;
    else if (a === '-v' || a === '-t' || a === '-i' || a === '-oi') continue;
    else if (a === '-f' || a === '-F' || a === '-O' || a === '-o' || a === '-C' || a === '-N' || a === '-R' || a === '-V') i++;
    else if (/^-[fFOoCNRV]./.test(a)) continue;
    else {
      f.bad = a.slice(1, 2);
      return f;
    }
  }
  return f;
}

/** `-bs`: the SMTP engine on the terminal, line by line, until QUIT or end of input. */
async function smtpOnTerminal(ctx: CommandContext, mta: Mta, mode: 'submit' | 'daemon'): Promise<number> {
  const made = mta.submitSession(mode);
  if (typeof made === 'string') {
    ctx.stderr.write(made);
    return 78;
  }
  const { server } = made;
  const flush = (): void => {
    const out = server.drainOutput();
    if (out.length > 0) ctx.stdout.write(fromLatin1(out).replace(/\r\n/g, '\n'));
  };
  server.start();
  flush();
  while (!server.closed) {
    const line = await ctx.stdin.readLine();
    if (line === null) {
      server.clientClosed();
      flush();
      return ctx.signal.aborted ? 130 : 0;
    }
    server.receive(latin1(line + '\r\n'));
    flush();
  }
  return 0;
}

function verify(ctx: CommandContext, w: WorldServices, args: string[]): number {
  const config = loadMtaConfig(w.vfs);
  if (!config) {
    ctx.stderr.write('sendmail: cannot open /etc/mail/sendmail.cf: No such file or directory\n');
    return 78;
  }
  if (args.length === 0) {
    ctx.stderr.write('Recipient names must be specified\n');
    return 64;
  }
  let status = 0;
  for (const addr of args) {
    const [local, domain] = addr.includes('@') ? [addr.slice(0, addr.lastIndexOf('@')), addr.slice(addr.lastIndexOf('@') + 1)] : [addr, null];
    if (domain !== null && !config.localNames.has(domain.toLowerCase())) {
      ctx.stdout.write(`${addr}... deliverable: mailer esmtp, host ${domain}, user ${addr}\n`);
      continue;
    }
    const users = expandAlias(config.aliases, local);
    for (const u of users) {
      if (w.vfs.userInfo(u)) ctx.stdout.write(`${u}... deliverable: mailer local, user ${u}\n`);
      else {
        ctx.stdout.write(`${u}... User unknown\n`);
        status = 67;
      }
    }
  }
  return status;
}

export function sendmail(w: WorldServices, mta: Mta, name = 'sendmail'): Command {
  return {
    name,
    usage: 'sendmail [-bd | -bs | -bv ADDR | -bi | -bp] [-L TAG] [-qTIME] [-Am] [-d0.1]',
    summary: 'The Sendmail mail transfer agent: -bd starts the daemon, -bs speaks SMTP on the terminal.',
    async run(ctx) {
      const flags = parseFlags(ctx.argv.slice(1));
      if (flags.bad !== null) {
        ctx.stderr.write(`${ctx.argv[0].split('/').pop()}: invalid option -- '${flags.bad}'\n`);
        return 64;
      }
      if (flags.debug.some((d) => d.startsWith('0'))) {
        const config = loadMtaConfig(w.vfs);
        ctx.stdout.write(COMPILED_WITH + '\n');
        if (config) {
          const j = config.hostname;
          ctx.stdout.write(systemIdentity('mail', j, j.split('.').slice(1).join('.'), 'mail') + '\n\n');
        }
      }
      switch (flags.mode) {
        case 'd': {
          const argv0 = ctx.argv[0];
          const err = mta.startDaemon({
            tag: flags.tag ?? 'sendmail',
            queueInterval: flags.queue,
            byHand: !argv0.startsWith('/'),
            commandLine: ctx.argv.join(' '),
          });
          if (err) ctx.stderr.write(err);
          return err ? 78 : 0;
        }
        case 's':
          return smtpOnTerminal(ctx, mta, flags.submitAsDaemon ? 'daemon' : 'submit');
        case 'v':
          return verify(ctx, w, flags.args);
        case 'i':
          return newaliasesRun(ctx, w);
        case 'p':
          return mailqRun(ctx, w);
        default:
          if (flags.mode !== null) {
            ctx.stderr.write(`Invalid operation mode ${flags.mode}\n`);
            return 64;
          }
          ctx.stderr.write('Recipient names must be specified\n');
          return 64;
      }
    },
  };
}

export function newaliasesRun(ctx: CommandContext, w: WorldServices): number {
  const r = buildAliasDb(w.vfs);
  if (!r) {
    ctx.stderr.write('newaliases: cannot open /etc/mail/aliases: No such file or directory\n');
    return 78;
  }
  for (const p of r.problems) ctx.stderr.write(`/etc/mail/aliases: ${p}\n`);
  ctx.stdout.write(`/etc/mail/aliases: ${r.count} aliases, longest ${r.longest} bytes, ${r.bytes} bytes total\n`);
  return 0;
}

export function mailqRun(ctx: CommandContext, w: WorldServices): number {
  const config = loadMtaConfig(w.vfs);
  const dir = config?.queueDirectory ?? '/var/spool/mqueue';
  let files: string[] = [];
  try {
    files = w.vfs.readdir(dir).filter((f) => f.startsWith('qf'));
  } catch {
    files = [];
  }
  if (files.length === 0) {
    ctx.stdout.write(`${dir} is empty\n\t\tTotal requests: 0\n`);
    return 0;
  }
  ctx.stdout.write(`\t\t${dir} (${files.length} request${files.length === 1 ? '' : 's'})\n`);
  ctx.stdout.write(`\t\tTotal requests: ${files.length}\n`);
  return 0;
}
