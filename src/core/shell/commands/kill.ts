/**
 * kill, the bash builtin: `kill [-s SIG | -n NUM | -SIG] PID...`, `kill -l [SIG...]`.
 * A pid is first offered to the shell's own jobs, then to the host's process
 * table; errors read as bash's (`bash: kill: (123) - No such process`).
 */
import type { Command } from '../types.ts';

/** Linux signal names by number (x86-64), as `kill -l` lists them. */
export const SIGNALS: Record<number, string> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 5: 'TRAP', 6: 'ABRT', 7: 'BUS', 8: 'FPE', 9: 'KILL', 10: 'USR1', 11: 'SEGV', 12: 'USR2',
  13: 'PIPE', 14: 'ALRM', 15: 'TERM', 16: 'STKFLT', 17: 'CHLD', 18: 'CONT', 19: 'STOP', 20: 'TSTP', 21: 'TTIN', 22: 'TTOU', 23: 'URG',
  24: 'XCPU', 25: 'XFSZ', 26: 'VTALRM', 27: 'PROF', 28: 'WINCH', 29: 'IO', 30: 'PWR', 31: 'SYS',
};
for (let n = 34; n <= 64; n++) SIGNALS[n] = n === 34 ? 'RTMIN' : n <= 49 ? `RTMIN+${n - 34}` : n === 64 ? 'RTMAX' : `RTMAX-${64 - n}`;

/** A signal spec (`TERM`, `SIGTERM`, `term`, `15`) to its name, or null. */
export function signalName(spec: string): string | null {
  if (/^[0-9]+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 ? '0' : (SIGNALS[n] ?? null);
  }
  const s = spec.toUpperCase().replace(/^SIG/, '');
  if (s === 'IOT') return 'ABRT';
  if (s === 'POLL') return 'IO';
  return Object.values(SIGNALS).includes(s) ? s : null;
}

function signalNumber(name: string): number {
  for (const [n, v] of Object.entries(SIGNALS)) if (v === name) return Number(n);
  return 0;
}

function listAll(): string {
  const nums = Object.keys(SIGNALS).map(Number);
  let out = '';
  nums.forEach((n, i) => {
    out += `${String(n).padStart(2)}) SIG${SIGNALS[n]}`;
    out += (i + 1) % 5 === 0 ? '\n' : '\t';
  });
  return nums.length % 5 === 0 ? out : out + '\n';
}

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

export const kill: Command = {
  name: 'kill',
  usage: 'kill [-s SIGNAL | -SIGNAL] PID...',
  summary: 'Send a signal (TERM by default) to processes; kill -l lists the signals.',
  manual: 'kill -l lists signal names. kill -HUP PID asks a daemon such as sendmail to restart and reread its configuration; kill PID (TERM) stops it.',
  builtin: true,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    let sig = 'TERM';
    let i = 0;
    if (args[0] === '-l' || args[0] === '-L') {
      const rest = args.slice(1);
      if (rest.length === 0) {
        ctx.stdout.write(listAll());
        return 0;
      }
      let status = 0;
      for (const r of rest) {
        const name = signalName(r);
        if (name === null || name === '0') {
          ctx.stderr.write(`bash: kill: ${r}: invalid signal specification\n`);
          status = 1;
        } else ctx.stdout.write(/^[0-9]+$/.test(r) ? `${name}\n` : `${signalNumber(name)}\n`);
      }
      return status;
    }
    if (args[0] === '-s' || args[0] === '-n') {
      const spec = args[1];
      if (spec === undefined) {
        ctx.stderr.write(`bash: kill: ${args[0]}: option requires an argument\n${USAGE}`);
        return 2;
      }
      const name = signalName(spec);
      if (name === null) {
        ctx.stderr.write(`bash: kill: ${spec}: invalid signal specification\n`);
        return 1;
      }
      sig = name;
      i = 2;
    } else if (args[0].startsWith('-') && args[0] !== '--' && args[0] !== '-') {
      const name = signalName(args[0].slice(1));
      if (name === null) {
        ctx.stderr.write(`bash: kill: ${args[0].slice(1)}: invalid signal specification\n`);
        return 1;
      }
      sig = name;
      i = 1;
    }
    if (args[i] === '--') i++;
    const pids = args.slice(i);
    if (pids.length === 0) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    let status = 0;
    for (const p of pids) {
      if (p.startsWith('%')) {
        ctx.stderr.write(`bash: kill: ${p}: no such job\n`);
        status = 1;
        continue;
      }
      if (!/^-?[0-9]+$/.test(p)) {
        ctx.stderr.write(`bash: kill: ${p}: arguments must be process or job IDs\n`);
        status = 1;
        continue;
      }
      const pid = Number(p);
      const ok = ctx.shell.signalJob(pid, sig) || (sig === '0' ? ctx.host.processes().some((x) => x.pid === pid) : ctx.host.kill(pid, sig));
      if (!ok) {
        ctx.stderr.write(`bash: kill: (${p}) - No such process\n`);
        status = 1;
      }
    }
    return status;
  },
};
