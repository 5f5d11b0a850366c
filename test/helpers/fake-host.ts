/** A ShellHost for tests: a process table with pids from 1000 up, kill records the signals it gets. */
import type { ProcInfo, ShellHost } from '../../src/core/shell/types.ts';

export class FakeHost implements ShellHost {
  readonly hostname: string;
  readonly procs: ProcInfo[] = [];
  readonly killed: { pid: number; signal: string }[] = [];
  #nextPid: number;
  #now: () => number;

  constructor(opts: { hostname?: string; firstPid?: number; now?: () => number; procs?: ProcInfo[] } = {}) {
    this.hostname = opts.hostname ?? 'mail';
    this.#nextPid = opts.firstPid ?? 1000;
    this.#now = opts.now ?? (() => 0);
    if (opts.procs) this.procs.push(...opts.procs);
  }

  processes(): ProcInfo[] {
    return [...this.procs].sort((a, b) => a.pid - b.pid);
  }

  kill(pid: number, signal: string): boolean {
    const i = this.procs.findIndex((p) => p.pid === pid);
    if (i < 0) return false;
    this.killed.push({ pid, signal });
    if (signal === 'TERM' || signal === 'KILL' || signal === 'INT') this.procs.splice(i, 1);
    return true;
  }

  spawn(command: string): { pid: number; done(): void } {
    const pid = this.#nextPid++;
    const info: ProcInfo = { pid, ppid: 1, user: 'root', tty: 'pts/0', startedAt: this.#now(), command };
    this.procs.push(info);
    return {
      pid,
      done: () => {
        const i = this.procs.indexOf(info);
        if (i >= 0) this.procs.splice(i, 1);
      },
    };
  }
}
