/**
 * The login shell of the simulated host: bash's REPL as a learner sees it.
 *
 *   prompt ─► readLine ─► parse ─┬─ incomplete ─► `> ` readLine, join, parse again
 *                                ├─ error ──────► `bash: syntax error ...` ($? = 2)
 *                                └─ ok ─────────► Executor.runList ─► $?, trace
 *
 * Behaviour copied from bash 5.2 in interactive mode (captured in
 * test/fixtures/coreutils/bash-interactive.json): `set -o ignoreeof` (Ctrl-D on
 * an empty line prints `Use "logout" to leave the shell.`, the 11th in a row
 * leaves), $? = 130 after Ctrl-C (the terminal echoes `^C` and the newline), the
 * heredoc end-of-file warning with bash's line number, `[1] PID` for `&`
 * jobs and `[1]+  Done ...` before the next prompt.
 */
import type { Clock, TraceLog } from '../trace/index.ts';
import { normalizePath, type Vfs } from '../vfs/index.ts';
import { parse } from './parser/parser.ts';
import type { AndOr, List } from './parser/ast.ts';
import { Executor, cloneState, type ExecHost, type ExecIO, type ExecState } from './exec.ts';
import { BufferOutput, ShellSignal, StringInput, TtyInput, emptyInput, nullOutput } from './io.ts';
import { complete } from './complete.ts';
import type { Command, Completion, Input, Output, ShellHost, TerminalIO } from './types.ts';

export interface ShellOptions {
  vfs: Vfs;
  host: ShellHost;
  clock: Clock;
  trace: TraceLog;
  commands: Map<string, Command>;
  /** Exported environment; defaults to a Debian root login's. */
  env?: Record<string, string>;
  cwd?: string;
  user?: string;
  /** `$$`; when absent the shell registers itself with host.spawn('-bash'). */
  pid?: number;
  /** Consecutive Ctrl-D on an empty line before the shell leaves (bash's IGNOREEOF; 10). 0 leaves at once. */
  ignoreEof?: number;
}

/** Streams for run(); anything missing is empty input or discarded output. */
export interface RunIO {
  stdin?: Input;
  stdout?: Output;
  stderr?: Output;
}

interface Job {
  id: number;
  pid: number;
  text: string;
  status: number | null;
  signal: ShellSignal;
}

type ReadResult = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'interrupt' };

export class Shell implements ExecHost {
  readonly vfs: Vfs;
  readonly host: ShellHost;
  readonly clock: Clock;
  readonly trace: TraceLog;
  readonly commands: Map<string, Command>;
  readonly pid: number;
  readonly user: string;
  readonly history: string[] = [];
  lastStatus = 0;
  lastBackgroundPid: number | null = null;
  exitRequested: number | null = null;
  lineAborted = false;
  readonly #state: ExecState;
  readonly #exec: Executor;
  readonly #ignoreEof: number;
  #lineNo = 0;
  readonly #jobs: Job[] = [];
  /** pid -> signal of every command this shell is running (for `kill`). */
  readonly running = new Map<number, ShellSignal>();

  constructor(opts: ShellOptions) {
    this.vfs = opts.vfs;
    this.host = opts.host;
    this.clock = opts.clock;
    this.trace = opts.trace;
    this.commands = opts.commands;
    this.user = opts.user ?? 'root';
    this.#ignoreEof = opts.ignoreEof ?? 10;
    const cwd = normalizePath('/', opts.cwd ?? '/root');
    const env = opts.env ?? {
      HOME: '/root',
      LANG: 'C',
      LOGNAME: this.user,
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      USER: this.user,
    };
    const vars = new Map(Object.entries(env));
    vars.set('PWD', cwd);
    this.#state = { cwd, vars, exported: new Set(vars.keys()) };
    this.pid = opts.pid ?? this.host.spawn('-bash').pid;
    this.#exec = new Executor(this);
  }

  get cwd(): string {
    return this.#state.cwd;
  }
  set cwd(path: string) {
    this.#state.cwd = normalizePath(this.#state.cwd, path);
  }

  /** Shell variables (exported or not). */
  get vars(): Map<string, string> {
    return this.#state.vars;
  }

  /** `root@mail:~# ` — bash's Debian PS1 `\u@\h:\w\$ `. */
  prompt(): string {
    const home = this.#state.vars.get('HOME') ?? '/root';
    const cwd = this.#state.cwd;
    let shown = cwd;
    if (home !== '/' && (cwd === home || cwd.startsWith(home + '/'))) shown = '~' + cwd.slice(home.length);
    return `${this.user}@${this.host.hostname}:${shown}${this.user === 'root' ? '#' : '$'} `;
  }

  complete(line: string, cursor: number): Completion {
    return complete({ vfs: this.vfs, cwd: this.#state.cwd, commands: this.commands, home: this.#state.vars.get('HOME') ?? '/root' }, line, cursor);
  }

  /** The REPL, until `exit`/`logout` (or too many Ctrl-D). */
  async interact(tty: TerminalIO): Promise<void> {
    this.exitRequested = null;
    let eofs = 0;
    const completer = (line: string, cursor: number): Completion => this.complete(line, cursor);
    for (;;) {
      await this.#settleJobs();
      this.#reportJobs(tty);
      const first = await this.#read(tty, { prompt: this.prompt(), completer, history: this.history });
      if (first.kind === 'interrupt') {
        // The line discipline has echoed `^C` and the newline.
        this.lastStatus = 130;
        continue;
      }
      if (first.kind === 'eof') {
        if (++eofs > this.#ignoreEof) {
          tty.write('logout\n');
          return;
        }
        tty.write('Use "logout" to leave the shell.\n');
        continue;
      }
      eofs = 0;
      const startLine = ++this.#lineNo;
      let text = first.line;
      let result = parse(text);
      let interrupted = false;
      let atEof = false;
      while (result.kind === 'incomplete') {
        const more = await this.#read(tty, { prompt: '> ' });
        if (more.kind === 'interrupt') {
          interrupted = true;
          break;
        }
        if (more.kind === 'eof') {
          result = parse(text, { eof: true });
          atEof = true;
          break;
        }
        this.#lineNo++;
        text += '\n' + more.line;
        result = parse(text);
      }
      if (text.trim() !== '') this.history.push(text);
      if (interrupted) {
        this.lastStatus = 130;
        continue;
      }
      if (result.kind === 'error') {
        tty.write(`bash: ${result.message}\n`);
        // bash also takes that Ctrl-D as one at the prompt (ignoreeof answers it).
        if (atEof && result.message.startsWith('syntax error: unexpected end of file')) tty.write('Use "logout" to leave the shell.\n');
        this.lastStatus = result.status ?? 2;
        continue;
      }
      if (result.kind !== 'ok') continue;
      for (const w of result.warnings) {
        tty.write(`bash: warning: here-document at line ${startLine + w.line} delimited by end-of-file (wanted \`${w.delimiter}')\n`);
      }
      const signal = new ShellSignal();
      const off = tty.onInterrupt(() => signal.abort());
      try {
        await this.#execute(text, result.list, { stdin: new TtyInput(tty, signal), stdout: tty, stderr: tty, tty, signal }, true);
      } finally {
        off();
      }
      // bash prints a newline after a job killed by SIGINT; here the line
      // discipline already did, with its `^C` echo.
      if (signal.aborted) this.lastStatus = 130;
      if (this.exitRequested !== null) {
        tty.write('logout\n');
        return;
      }
    }
  }

  /**
   * Runs a script or one command line without a terminal, line by line as bash
   * would read it (heredocs included). Returns the last status. Never throws.
   */
  async run(source: string, io: RunIO = {}): Promise<number> {
    const lines = source.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const stderr = io.stderr ?? nullOutput;
    const signal = new ShellSignal();
    const execIO: ExecIO = { stdin: io.stdin ?? emptyInput(), stdout: io.stdout ?? nullOutput, stderr, tty: null, signal };
    this.exitRequested = null;
    let i = 0;
    while (i < lines.length && this.exitRequested === null) {
      const startLine = ++this.#lineNo;
      let text = lines[i++];
      let result = parse(text);
      while (result.kind === 'incomplete') {
        if (i >= lines.length) {
          result = parse(text, { eof: true });
          break;
        }
        this.#lineNo++;
        text += '\n' + lines[i++];
        result = parse(text);
      }
      if (result.kind === 'error') {
        stderr.write(`bash: ${result.message}\n`);
        this.lastStatus = result.status ?? 2;
        continue;
      }
      if (result.kind !== 'ok') continue;
      for (const w of result.warnings) {
        stderr.write(`bash: warning: here-document at line ${startLine + w.line} delimited by end-of-file (wanted \`${w.delimiter}')\n`);
      }
      await this.#execute(text, result.list, execIO, false);
    }
    return this.lastStatus;
  }

  /** Runs `source` and returns what it wrote (stdout and stderr interleaved) and its status. */
  async capture(source: string, stdin = ''): Promise<{ output: string; status: number }> {
    const out = new BufferOutput();
    const status = await this.run(source, { stdin: new StringInput(stdin), stdout: out, stderr: out });
    return { output: out.text, status };
  }

  async #execute(text: string, list: List, io: ExecIO, interactive: boolean): Promise<void> {
    if (list.items.length === 0) return;
    this.lineAborted = false;
    this.trace.emit({ kind: 'shell.command', line: text });
    try {
      for (const item of list.items) {
        if (io.signal.aborted || this.exitRequested !== null || this.lineAborted) break;
        if (item.background) this.#startJob(item, io, interactive);
        else await this.#exec.runList({ items: [item] }, this.#state, io);
      }
    } catch (e) {
      // The executor catches command errors itself; this is a last guard for the REPL.
      io.stderr.write(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
      this.lastStatus = 1;
    }
    this.trace.emit({ kind: 'shell.exit', line: text, code: this.lastStatus });
  }

  #startJob(item: AndOr, io: ExecIO, interactive: boolean): void {
    const signal = new ShellSignal();
    const id = this.#jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
    const proc = this.host.spawn(item.text);
    const job: Job = { id, pid: proc.pid, text: item.text, status: null, signal };
    this.#jobs.push(job);
    this.lastBackgroundPid = proc.pid;
    this.running.set(proc.pid, signal);
    if (interactive) io.stderr.write(`[${id}] ${proc.pid}\n`);
    const jobIO: ExecIO = { ...io, stdin: emptyInput(), tty: null, signal };
    void this.#exec
      .runList({ items: [{ ...item, background: false }] }, cloneState(this.#state), jobIO)
      .catch(() => 1)
      .then((status) => {
        job.status = signal.aborted ? 130 : status;
        this.running.delete(proc.pid);
        proc.done();
        if (!interactive) this.#jobs.splice(this.#jobs.indexOf(job), 1);
      });
    this.lastStatus = 0;
  }

  /**
   * Lets background jobs that need nothing from outside run to their end
   * before the prompt (a bounded number of microtask turns, no timers), so a
   * quick `cmd &` is reported at the next prompt deterministically.
   */
  async #settleJobs(): Promise<void> {
    for (let i = 0; i < 200 && this.#jobs.some((j) => j.status === null); i++) await Promise.resolve();
  }

  /** `[1]+  Done                    cmd` for jobs that finished since the last prompt. */
  #reportJobs(tty: TerminalIO): void {
    const done = this.#jobs.filter((j) => j.status !== null);
    for (const j of done) {
      const current = j === this.#jobs[this.#jobs.length - 1] ? '+' : j === this.#jobs[this.#jobs.length - 2] ? '-' : ' ';
      const state = j.status === 0 ? 'Done' : j.status === 130 ? 'Interrupt' : `Exit ${j.status}`;
      tty.write(`[${j.id}]${current}  ${state.padEnd(24)}${j.text}\n`);
    }
    for (const j of done) this.#jobs.splice(this.#jobs.indexOf(j), 1);
  }

  /** Sends `signal` to a job or foreground command of this shell. */
  signalJob(pid: number, _signal: string): boolean {
    const s = this.running.get(pid);
    if (!s) return false;
    s.abort();
    return true;
  }

  async #read(tty: TerminalIO, opts: Parameters<TerminalIO['readLine']>[0]): Promise<ReadResult> {
    let interrupted = false;
    const off = tty.onInterrupt(() => {
      interrupted = true;
    });
    try {
      const line = await tty.readLine(opts);
      if (interrupted) return { kind: 'interrupt' };
      return line === null ? { kind: 'eof' } : { kind: 'line', line };
    } catch {
      // A terminal that fails to read is as good as closed.
      return { kind: 'eof' };
    } finally {
      off();
    }
  }
}
