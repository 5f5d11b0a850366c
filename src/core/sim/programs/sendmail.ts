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
import { formatQueueId } from '../../smtp/index.ts';
import { LOG_INFO, LOG_NOTICE } from '../syslog.ts';
import { formatQueue, readQueue } from '../queue.ts';
import { readDb } from '../map-db.ts';
import { AccessMap, featuresFromMc } from '../../access/index.ts';
import { addressTestMode } from './sendmail-bt.ts';

interface Flags {
  mode: string | null; // 'd', 's', 'v', 'i', 'p', 't'
  tag: string | null;
  queue: string | null;
  debug: string[];
  submitAsDaemon: boolean; // -Am
  args: string[];
  bad: string | null;
}

/** getopt letters of sendmail 8.17 main.c: those that take an argument, and the others. */
const WITH_ARGUMENT = 'ABbCdFfhLNOopqRrVX';
const KNOWN = WITH_ARGUMENT + 'Gimnstv';

export function parseFlags(argv: readonly string[]): Flags {
  const f: Flags = { mode: null, tag: null, queue: null, debug: [], submitAsDaemon: false, args: [], bad: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      f.args.push(...argv.slice(i));
      break;
    }
    const letter = a.slice(1, 2);
    let value: string | null = a.length > 2 ? a.slice(2) : null;
    if (WITH_ARGUMENT.includes(letter) && value === null) {
      value = argv[++i] ?? null;
      if (value === null) {
        f.bad = `option requires an argument -- ${letter}`;
        return f;
      }
    }
    if (letter === 'b') f.mode = value ?? '';
    else if (letter === 'L') f.tag = value;
    else if (letter === 'q') f.queue = value ?? '';
    else if (letter === 'd') f.debug.push(value ?? '');
    else if (letter === 'A') f.submitAsDaemon = value === 'm';
    else if (!KNOWN.includes(letter)) {
      f.bad = `illegal option -- ${letter}`;
      return f;
    }
  }
  return f;
}

/** `-bs`: the SMTP engine on the terminal, line by line, until QUIT or end of input. */
async function smtpOnTerminal(ctx: CommandContext, mta: Mta, useMtaConfig: boolean): Promise<number> {
  const made = mta.submitSession(useMtaConfig);
  if (typeof made === 'string') {
    ctx.stdout.write(made);
    return 72;
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

/** `-bv`: test/fixtures/sendmail/commands/sendmail-bv-*.{stdout,log}. */
function verify(ctx: CommandContext, w: WorldServices, args: string[]): number {
  const config = loadMtaConfig(w.vfs);
  if (!config) {
    // Real 8.17.1.9 (`sendmail -C /nonexistent.cf -bv root`): on stdout, exit 72.
    ctx.stdout.write('/etc/mail/sendmail.cf: line 0: cannot open: No such file or directory\n');
    return 72;
  }
  if (args.length === 0) {
    ctx.stdout.write('Recipient names must be specified\n');
    return 64;
  }
  const pid = w.procs.allocate();
  let status = 0;
  let qid: string | null = null;
  for (const addr of args) {
    const at = addr.lastIndexOf('@');
    const local = at < 0 ? addr : addr.slice(0, at);
    const domain = at < 0 ? null : addr.slice(at + 1);
    if (domain !== null && !config.localNames.has(domain.toLowerCase())) {
      ctx.stdout.write(`${addr}... deliverable: mailer esmtp, host ${domain}., user ${addr}\n`);
      continue;
    }
    for (const u of expandAlias(config.aliases, local)) {
      if (w.vfs.userInfo(u)) {
        ctx.stdout.write(`${u}... deliverable: mailer local, user ${u}\n`);
        continue;
      }
      ctx.stdout.write(`${u}... User unknown\n`);
      qid ??= formatQueueId(w.clock.now(), 0, pid);
      w.syslog.log('sendmail', pid, LOG_NOTICE, `${qid}: ${u}... User unknown`);
      status = 67;
    }
  }
  return status;
}

/**
 * `sendmail` with no recipient: reads the message, then refuses it
 * (test/fixtures/sendmail/commands/sendmail-no-recipients.*).
 */
async function noRecipients(ctx: CommandContext, w: WorldServices, args: string[]): Promise<number> {
  if (args.length > 0) {
    ctx.stderr.write('sendmail: sending mail is not simulated yet; use telnet localhost 25 or sendmail -bs\n');
    return 69;
  }
  const text = ctx.stdin.isTerminal ? '' : await ctx.stdin.readAll();
  ctx.stdout.write('Recipient names must be specified\n');
  const pid = w.procs.allocate();
  const now = w.clock.now();
  const qid = formatQueueId(now, 0, pid);
  const hostname = loadMtaConfig(w.vfs)?.hostname ?? 'localhost';
  const size = new TextEncoder().encode(text).length;
  w.syslog.log('sendmail', pid, LOG_INFO, `${qid}: from=root, size=${size}, class=0, nrcpts=0, msgid=<${msgIdTime(now)}.${qid}@${hostname}>, relay=root@localhost`);
  return 64;
}

/**
 * `sendmail -bt`: address test mode on the world's access.db (what the daemon
 * would read), with the features of /etc/mail/sendmail.mc and class w of sendmail.cf.
 */
async function addressTest(ctx: CommandContext, w: WorldServices): Promise<number> {
  const config = loadMtaConfig(w.vfs);
  const db = readDb(w.vfs, '/etc/mail/access.db');
  let mc = '';
  try {
    mc = w.vfs.readText('/etc/mail/sendmail.mc');
  } catch {
    mc = '';
  }
  const base = featuresFromMc(mc);
  const features = config ? { ...base, classW: [...config.localNames] } : base;
  return addressTestMode(ctx, db ? new AccessMap(db) : null, { features, macros: config ? { j: config.hostname } : {} });
}

/** YYYYMMDDhhmm (UTC), the first part of Sendmail's Message-Id. */
function msgIdTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

export function sendmail(w: WorldServices, mta: Mta, name = 'sendmail'): Command {
  return {
    name,
    path: '/usr/sbin/sendmail',
    usage: 'sendmail [-bd | -bs | -bt | -bv ADDR | -bi | -bp] [-L TAG] [-qTIME] [-Am] [-d0.1]',
    summary: 'The Sendmail mail transfer agent: -bd starts the daemon, -bs speaks SMTP on the terminal.',
    async run(ctx) {
      const flags = parseFlags(ctx.argv.slice(1));
      if (flags.bad !== null) {
        // test/fixtures/sendmail/commands/sendmail-bad-flag.stderr, sendmail-bd-bad-flag.stderr
        ctx.stderr.write(`${ctx.argv[0].split('/').pop()}: ${flags.bad}\n`);
        return 64;
      }
      if (flags.debug.some((d) => d.startsWith('0'))) {
        const config = loadMtaConfig(w.vfs);
        ctx.stdout.write(COMPILED_WITH + '\n\n');
        if (config) {
          const j = config.hostname;
          ctx.stdout.write(systemIdentity('mail', j, j.split('.').slice(1).join('.'), 'mail') + '\n\n');
        }
      }
      switch (flags.mode) {
        case 'd': {
          const argv0 = ctx.argv[0];
          const err = await mta.startDaemon({
            tag: flags.tag ?? 'sendmail',
            queueInterval: flags.queue,
            byHand: !argv0.startsWith('/'),
            commandLine: ctx.argv.join(' '),
          });
          if (err) ctx.stdout.write(err);
          return err ? 72 : 0;
        }
        case 's':
          return smtpOnTerminal(ctx, mta, flags.submitAsDaemon);
        case 'v':
          return verify(ctx, w, flags.args);
        case 'i':
          return newaliasesRun(ctx, w);
        case 't':
          return addressTest(ctx, w);
        case 'p':
          return mailqRun(ctx, w, false);
        case null:
        case 'm':
          return noRecipients(ctx, w, flags.args);
        default:
          // test/fixtures/sendmail/commands/sendmail-bad-b-mode.stdout (on stdout)
          ctx.stdout.write(`Invalid operation mode ${flags.mode}\n`);
          return 64;
      }
    },
  };
}

export function newaliasesRun(ctx: CommandContext, w: WorldServices): number {
  const r = buildAliasDb(w.vfs);
  if (!r) {
    // test/fixtures/sendmail/texts/{newaliases,sendmail-bi}-no-aliases.*: on stdout, exit 0, nothing logged
    ctx.stdout.write('newaliases: cannot open /etc/mail/aliases: No such file or directory\n');
    return 0;
  }
  // test/fixtures/sendmail/commands/newaliases.{stdout,log}
  for (const p of r.problems) ctx.stderr.write(`/etc/mail/aliases: ${p}\n`);
  const summary = `/etc/mail/aliases: ${r.count} aliases, longest ${r.longest} bytes, ${r.bytes} bytes total`;
  ctx.stdout.write(summary + '\n');
  const pid = w.procs.allocate();
  w.syslog.log('sendmail', pid, LOG_NOTICE, 'alias database /etc/mail/aliases rebuilt by root');
  w.syslog.log('sendmail', pid, LOG_INFO, summary);
  return 0;
}

function listQueue(w: WorldServices, dir: string): string {
  return formatQueue(dir, readQueue(w.vfs, dir));
}

/** `mailq` shows both queues; `sendmail -bp` only the MTA's. */
export function mailqRun(ctx: CommandContext, w: WorldServices, both = true): number {
  const mta = loadMtaConfig(w.vfs)?.queueDirectory ?? '/var/spool/mqueue';
  if (both) ctx.stdout.write(`MSP Queue status...\n${listQueue(w, '/var/spool/mqueue-client')}MTA Queue status...\n`);
  ctx.stdout.write(listQueue(w, mta));
  return 0;
}
