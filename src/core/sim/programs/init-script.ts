/**
 * Debian's /etc/init.d/sendmail (and `service sendmail ...`): start, stop,
 * restart the daemon as Debian does, `/usr/sbin/sendmail-mta -Am -L sm-mta -bd -q10m`
 * (QUEUE_INTERVAL of /etc/mail/sendmail.conf), with the init script's words
 * (../shared/reference/sendmail.md, lessons/_worlds/fresh/init-d-sendmail-*.txt).
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import type { Mta } from '../mta.ts';

const DAEMON = { tag: 'sm-mta', queueInterval: '10m', byHand: false, commandLine: '/usr/sbin/sendmail-mta -Am -L sm-mta -bd -q10m' };

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
      // Stopped: test/fixtures/m4/make/status.stdout. Running: the pid and command line
      // in the MTA line (SIMPLIFIED: the real script also lists the process; not captured).
      ctx.stdout.write(`MSP: is run via cron (20m)\nMTA: ${mta.running ? `${mta.daemonPid} ${DAEMON.commandLine}` : 'is not running'}\nQUE: Same as MTA\n`);
      return 0;
    default:
      ctx.stderr.write(`Usage: ${script} {start|stop|restart|reload|force-reload|status}\n`);
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
        const [service, action] = ctx.argv.slice(1);
        if (service !== 'sendmail') {
          ctx.stderr.write(service ? `${service}: unrecognized service\n` : 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
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
