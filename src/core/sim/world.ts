/**
 * The World: the only place where the vfs, the shell, the daemons, SMTP, TLS
 * and PKI meet. It owns one simulated host (`mail.example.test`), its
 * filesystem, processes, syslog and in-memory network, and runs login shells
 * on terminals. Everything outside (clock, randomness, WebCrypto) is passed in.
 */
import { TraceLog, randomInt, type Clock, type Random } from '../trace/index.ts';
import { Vfs } from '../vfs/index.ts';
import { Shell } from '../shell/shell.ts';
import { coreCommands } from '../shell/commands/index.ts';
import type { Command, ProcInfo, ShellHost, TerminalIO } from '../shell/types.ts';
import { applyImage } from './world-image.ts';
import { Syslog } from './syslog.ts';
import { ProcessTable } from './processes.ts';
import { Network } from './network.ts';
import { readHosts, type HostLine } from './hosts.ts';
import { Mta } from './mta.ts';
import type { WorldServices } from './services.ts';
import { worldPrograms } from './programs/index.ts';
import { buildAliasDb, buildAccessDb } from './databases.ts';

export type WorldKind = 'fresh' | 'reference';

export interface WorldOptions {
  kind: WorldKind;
  clock: Clock;
  random: Random;
  /** WebCrypto, for the certificates and keys the world makes */
  subtle: SubtleCrypto;
}

export class World implements ShellHost, WorldServices {
  readonly hostname = 'mail';
  readonly kind: WorldKind;
  readonly clock: Clock;
  readonly random: Random;
  readonly subtle: SubtleCrypto;
  readonly trace = new TraceLog();
  readonly vfs: Vfs;
  readonly syslog: Syslog;
  readonly procs: ProcessTable;
  readonly net: Network;
  readonly mta: Mta;
  readonly commands: Map<string, Command>;
  #loginPid = 0;
  #installing = true;

  constructor(opts: WorldOptions) {
    this.kind = opts.kind;
    this.clock = opts.clock;
    this.random = opts.random;
    this.subtle = opts.subtle;
    // Every file of the image gets one install time, as dpkg leaves them: make then
    // sees the fresh world's sendmail.cf as up to date, as on a real fresh host.
    const installed = opts.clock.now();
    this.vfs = new Vfs({ clock: { now: () => (this.#installing ? installed : opts.clock.now()) }, trace: this.trace });
    applyImage(this.vfs, opts.kind);
    this.syslog = new Syslog(this.vfs, opts.clock, this.trace, this.hostname);
    // A host that has been up for a while: pids start somewhere in the hundreds or thousands.
    this.procs = new ProcessTable(400 + randomInt(opts.random, 3000), () => opts.clock.now());
    this.procs.add({ pid: 1, ppid: 0, user: 'root', tty: '?', command: '/sbin/init' });
    this.procs.add({ ppid: 1, user: 'root', tty: '?', command: '/usr/sbin/rsyslogd -n -iNONE' });
    this.procs.add({ ppid: 1, user: 'root', tty: '?', command: '/usr/sbin/cron -f' });
    this.net = new Network(32768 + randomInt(opts.random, 20000));
    this.mta = new Mta(this);
    this.commands = new Map([...coreCommands(), ...worldPrograms(this)]);
    buildAliasDb(this.vfs);
    buildAccessDb(this.vfs);
  }

  /** The world is built: files written from now on get the clock's time. */
  installed(): void {
    this.#installing = false;
  }

  settle(): Promise<void> {
    return this.mta.settled();
  }

  hosts(): HostLine[] {
    return readHosts(this.vfs);
  }

  // ShellHost
  processes(): ProcInfo[] {
    return this.procs.list();
  }

  kill(pid: number, signal: string): boolean {
    return this.procs.kill(pid, signal);
  }

  spawn(command: string): { pid: number; done(): void } {
    const pid = this.procs.add({ ppid: this.#loginPid || 1, user: 'root', tty: 'pts/0', command });
    return { pid, done: () => this.procs.remove(pid) };
  }

  /** Runs a login shell (bash as root in /root) on `tty` until it exits. */
  async runTerminal(tty: TerminalIO): Promise<void> {
    const login = this.procs.add({ ppid: 1, user: 'root', tty: 'pts/0', command: '-bash' });
    this.#loginPid = login;
    const shell = new Shell({ vfs: this.vfs, host: this, clock: this.clock, trace: this.trace, commands: this.commands, user: 'root', cwd: '/root', pid: login });
    try {
      await shell.interact(tty);
    } finally {
      this.procs.remove(login);
    }
  }

  /** A shell that runs command lines without a terminal (tests, lesson checks). */
  newShell(): Shell {
    return new Shell({ vfs: this.vfs, host: this, clock: this.clock, trace: this.trace, commands: this.commands, user: 'root', cwd: '/root' });
  }
}
