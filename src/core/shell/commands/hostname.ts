/** hostname: the short host name; -f the fully qualified one from /etc/hosts; -i the address. */
import type { Command } from '../types.ts';

export const hostname: Command = {
  name: 'hostname',
  usage: 'hostname [-f|-i]',
  summary: "Show the system's host name.",
  async run(ctx) {
    const short = ctx.host.hostname;
    const arg = ctx.argv[1];
    if (arg === undefined || arg === '-s') {
      ctx.stdout.write(short + '\n');
      return 0;
    }
    let hosts = '';
    try {
      hosts = ctx.vfs.readText('/etc/hosts');
    } catch {
      /* no hosts file */
    }
    for (const line of hosts.split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length < 2 || !f.slice(1).some((n) => n === short || n.startsWith(short + '.'))) continue;
      if (arg === '-f' || arg === '--fqdn' || arg === '--long') {
        ctx.stdout.write((f.slice(1).find((n) => n.startsWith(short + '.')) ?? short) + '\n');
        return 0;
      }
      if (arg === '-i' || arg === '--ip-address') {
        ctx.stdout.write(f[0] + '\n');
        return 0;
      }
    }
    if (arg === '-f' || arg === '--fqdn' || arg === '--long') {
      ctx.stdout.write(short + '\n');
      return 0;
    }
    ctx.stderr.write(`hostname: invalid option -- '${arg.replace(/^-+/, '').charAt(0)}'\n`);
    return 1;
  },
};
