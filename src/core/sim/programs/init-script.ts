/**
 * Debian's /etc/init.d/sendmail (and `service sendmail ...`): start, stop,
 * restart the daemon as Debian does, `/usr/sbin/sendmail-mta -Am -L sm-mta -bd -q10m`
 * (QUEUE_INTERVAL of /etc/mail/sendmail.conf), with the init script's words
 * (../shared/reference/sendmail.md, lessons/_worlds/fresh/init-d-sendmail-*.txt;
 * status, usage and `service`'s own words: test/fixtures/sendmail/texts/).
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import type { Mta } from '../mta.ts';
import { strftime } from '../../shell/commands/strftime.ts';

const DAEMON = { tag: 'sm-mta', queueInterval: '10m', byHand: false, commandLine: '/usr/sbin/sendmail-mta -Am -L sm-mta -bd -q10m' };

/**
 * `status`: test/fixtures/sendmail/texts/init-status-{stopped,running}.stdout. Running: the pid
 * file's pid and command line, `ps -fwp PID` (the columns as the lab's ps prints them), and what
 * the control socket answers (smcontrol.pl status) when sendmail.cf names one.
 * SIMPLIFIED: the free disk space and load average are the figures the capture machine showed.
 */
function statusText(ctx: CommandContext, mta: Mta): string {
  const pid = mta.daemonPid;
  if (pid === null) return 'MSP: is run via cron (20m)\nMTA: is not running\nQUE: Same as MTA\n';
  let pidFile = '';
  try {
    pidFile = ctx.vfs.readText('/run/sendmail/mta/sendmail.pid');
  } catch {
    /* no pid file: the command line stays empty */
  }
  const commandLine = pidFile.split('\n')[1] ?? '';
  let out = `MSP: is run via cron (20m)\nMTA: ${pid} ${commandLine}\n`;
  const p = ctx.host.processes().find((q) => q.pid === pid);
  out += 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
  if (p) out += `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${strftime(p.startedAt, '%H:%M').padEnd(5)} ${p.tty.padEnd(8)} 00:00:00 ${p.command}\n`;
  let cf = '';
  try {
    cf = ctx.vfs.readText('/etc/mail/sendmail.cf');
  } catch {
    /* no configuration: no control socket */
  }
  if (/^O ControlSocketName=/m.test(cf)) {
    const child = ctx.host.spawn('sendmail: console socket child');
    child.done();
    out += `Daemon Status: (process ${pid}) Accepting connections\r\n\nCurrent number of children: 0\nQueueDir free disk space (in blocks): 82576844\nLoad average: 3\nChild Process ${child.pid} Status: console socket child\r\n\n`;
  }
  return out + 'QUE: Same as MTA\n';
}

async function act(ctx: CommandContext, mta: Mta, action: string | undefined, script: string): Promise<number> {
  switch (action) {
    case 'start':
      ctx.stdout.write('Starting Mail Transport Agent (MTA): sendmail.\n');
      if (!mta.running) ctx.stdout.write(await mta.startDaemon(DAEMON));
      return 0;
    case 'stop':
      ctx.stdout.write('Stopping Mail Transport Agent (MTA): sendmail.\n');
      mta.stopDaemon();
      return 0;
    case 'restart':
    case 'reload':
    case 'force-reload':
      ctx.stdout.write('Restarting Mail Transport Agent (MTA): sendmail.\n');
      mta.stopDaemon();
      ctx.stdout.write(await mta.startDaemon(DAEMON));
      return 0;
    case 'status':
      ctx.stdout.write(statusText(ctx, mta));
      return 0;
    default:
      // test/fixtures/sendmail/texts/service-sendmail-{no,bad}-action.stdout (on stdout)
      ctx.stdout.write(
        `Invalid command <${action ?? ''}>\nUsage: ${script} <command>\n\tWhere <command> is one of the following\n\t  start|stop|restart|restart-if-running\n\t  reload-if-running|reload|force-reload\n\t  newaliases|hoststat|purgestat|mailstats|mailq|runq|control\n\t  status|debug|clean\n`,
      );
      return 1;
  }
}

export function initScripts(mta: Mta): Command[] {
  return [
    {
      name: 'service',
      path: '/usr/sbin/service',
      section: 8,
      usage: 'service sendmail start|stop|restart|status',
      summary: 'Start, stop or restart a system service (here: sendmail) through its init script.',
      async run(ctx) {
        // test/fixtures/sendmail/texts/service-*: init-system-helpers 1.65.2's words, on stderr
        const [service, action] = ctx.argv.slice(1);
        const usage = 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n';
        if (service === '--help' || service === '-h' || service?.startsWith('--h')) {
          ctx.stderr.write(usage);
          return 0;
        }
        if (service !== 'sendmail') {
          ctx.stderr.write(service ? `${service}: unrecognized service\n` : usage);
          return 1;
        }
        return act(ctx, mta, action, '/etc/init.d/sendmail');
      },
    },
    {
      name: '/etc/init.d/sendmail',
      path: '/etc/init.d/sendmail',
      builtin: false,
      usage: '/etc/init.d/sendmail start|stop|restart|status',
      summary: "Debian's init script for sendmail.",
      run: async (ctx) => act(ctx, mta, ctx.argv[1], ctx.argv[0]),
    },
  ];
}
