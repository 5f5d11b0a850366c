/**
 * ps (procps-ng 4.0.2 as on Debian bookworm, pid_max 4194304 so PID columns
 * are 7 wide): `ps` (this terminal's processes), `ps aux` / `ps -ef` /
 * `ps -e` (all). SIMPLIFIED: CPU time, %CPU and %MEM are 0 and VSZ/RSS are
 * typical values per program, since nothing here consumes real resources.
 */
import type { Command, ProcInfo } from '../types.ts';
import { strftime } from './strftime.ts';

/** The short command name (`comm`) ps prints in its CMD column. */
export function comm(command: string): string {
  let first = command.trim().split(/\s+/)[0] ?? '';
  if (first.startsWith('[') && first.endsWith(']')) return first.slice(1, -1);
  first = first.replace(/^-/, '').replace(/:$/, '');
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

const SIZES: Record<string, [number, number]> = {
  bash: [7236, 4096], ps: [11084, 4480], sendmail: [11592, 3284], 'sm-mta': [11592, 3284], tail: [5560, 1024], telnet: [8936, 3172], cat: [5560, 1024],
};

function sizes(name: string): [number, number] {
  if (SIZES[name]) return SIZES[name];
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return [5000 + (h % 8000), 900 + (h % 4000)];
}

function startTime(startedAt: number, now: number): string {
  return now - startedAt < 24 * 3600 * 1000 ? strftime(startedAt, '%H:%M') : strftime(startedAt, '%b%d');
}

function stat(p: ProcInfo, self: number, shellPid: number): string {
  if (p.pid === self) return 'R+';
  if (p.tty === '?') return 'Ss';
  if (p.pid === shellPid || p.command.startsWith('-')) return 'Ss';
  return 'S+';
}

export const ps: Command = {
  name: 'ps',
  usage: 'ps [aux | -ef]',
  summary: 'Report a snapshot of the current processes.',
  manual: 'ps         processes of this terminal\nps aux     every process, BSD style, with user, memory, state and start time\nps -ef     every process, System V style, with parent pid',
  async run(ctx) {
    const args = ctx.argv.slice(1).join(' ');
    const procs = ctx.host.processes();
    const now = ctx.clock.now();
    const self = [...procs].reverse().find((p) => p.command === ctx.argv.join(' '))?.pid ?? -1;
    const shellPid = ctx.shell.pid;
    const bsdAll = /^-?(aux|axu|ax|aux[wf]*|auxww|ef|-e|-A|e)$/.test(args.replace(/\s+/g, ''));
    if (args === '' || !bsdAll) {
      if (args !== '' && !/^(-[fel]+|[ -]*)$/.test(args)) {
        ctx.stderr.write(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
        return 1;
      }
      const mine = procs.filter((p) => p.tty === 'pts/0' && p.user === 'root');
      let out = '    PID TTY          TIME CMD\n';
      for (const p of mine) out += `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${comm(p.command)}\n`;
      ctx.stdout.write(out);
      return 0;
    }
    if (args.includes('ef') || args === '-e' || args === '-A') {
      const full = args.includes('f');
      let out = full ? 'UID          PID    PPID  C STIME TTY          TIME CMD\n' : '    PID TTY          TIME CMD\n';
      for (const p of procs) {
        out += full
          ? `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${startTime(p.startedAt, now).padEnd(5)} ${p.tty.padEnd(8)} 00:00:00 ${p.command}\n`
          : `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${comm(p.command)}\n`;
      }
      ctx.stdout.write(out);
      return 0;
    }
    let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const p of procs) {
      const [vsz, rss] = sizes(comm(p.command));
      out += `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${p.tty.padEnd(8)} ${stat(p, self, shellPid).padEnd(4)} ${startTime(p.startedAt, now).padStart(5)}   0:00 ${p.command}\n`;
    }
    ctx.stdout.write(out);
    return 0;
  },
};
