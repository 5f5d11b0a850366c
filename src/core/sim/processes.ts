/**
 * The world's process table: what `ps` lists and `kill` reaches. Daemons
 * register with a handler for signals; foreground commands register while
 * they run. Pids grow from a start the world picks (seeded), as on a host
 * that has been up for a while.
 */
import type { ProcInfo } from '../shell/types.ts';

export type SignalHandler = (signal: string) => void;

interface Proc extends ProcInfo {
  onSignal: SignalHandler | null;
}

export class ProcessTable {
  readonly #procs = new Map<number, Proc>();
  #nextPid: number;

  constructor(
    firstPid: number,
    private readonly now: () => number,
  ) {
    this.#nextPid = firstPid;
  }

  /** Registers a process and returns its pid. */
  add(info: Omit<ProcInfo, 'pid' | 'startedAt'> & { pid?: number }, onSignal: SignalHandler | null = null): number {
    const pid = info.pid ?? this.#nextPid++;
    this.#procs.set(pid, { ...info, pid, startedAt: this.now(), onSignal });
    return pid;
  }

  /** A pid that is used and gone at once (a forked child that lived for one connection). */
  allocate(): number {
    return this.#nextPid++;
  }

  setSignalHandler(pid: number, onSignal: SignalHandler | null): void {
    const p = this.#procs.get(pid);
    if (p) p.onSignal = onSignal;
  }

  remove(pid: number): void {
    this.#procs.delete(pid);
  }

  get(pid: number): ProcInfo | undefined {
    return this.#procs.get(pid);
  }

  setCommand(pid: number, command: string): void {
    const p = this.#procs.get(pid);
    if (p) p.command = command;
  }

  list(): ProcInfo[] {
    return [...this.#procs.values()]
      .sort((a, b) => a.pid - b.pid)
      .map(({ onSignal: _, ...info }) => info);
  }

  /** Delivers a signal; the default action of a process without a handler is to end. */
  kill(pid: number, signal: string): boolean {
    const p = this.#procs.get(pid);
    if (!p) return false;
    if (p.onSignal) p.onSignal(signal);
    else if (signal !== 'CONT' && signal !== 'WINCH' && signal !== '0') this.#procs.delete(pid);
    return true;
  }
}
