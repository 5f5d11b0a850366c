/**
 * Runs a parsed command line: lists, `&&`/`||`, pipelines (all stages run
 * concurrently, joined by Pipes; each stage of a multi-command pipeline runs
 * in a copy of the shell state, as bash forks it), subshells, redirections,
 * assignments, and simple commands looked up in the command map.
 *
 * Errors are bash's: `bash: foo: command not found` (127), `bash: x: No such
 * file or directory` for a bad redirection (1), expansion errors (1). A
 * command that throws is reported as `NAME: MESSAGE` with status 1: nothing
 * escapes to the caller.
 */
import type { Vfs } from '../vfs/index.ts';
import type { AndOr, CommandNode, List, Pipeline, Redirect, SimpleCommand } from './parser/ast.ts';
import { parse } from './parser/parser.ts';
import { ExpandError, expandString, expandWords, type ExpandEnv } from './expand.ts';
import { applyRedirects } from './redirect.ts';
import { BufferOutput, Pipe, emptyInput, type ExecIO, type ShellSignal } from './io.ts';
import type { Command, CommandContext, ShellApi, ShellHost } from './types.ts';
import type { Clock, TraceLog } from '../trace/index.ts';

/** Iterations after which a while/until loop is stopped (nothing can interrupt a loop that never waits). */
const MAX_LOOPS = 10000;

/** Variables and directory of a shell or subshell. */
export interface ExecState {
  cwd: string;
  vars: Map<string, string>;
  exported: Set<string>;
}

export function cloneState(s: ExecState): ExecState {
  return { cwd: s.cwd, vars: new Map(s.vars), exported: new Set(s.exported) };
}

export type { ExecIO } from './io.ts';

/** What the executor needs from the Shell. */
export interface ExecHost {
  readonly vfs: Vfs;
  readonly host: ShellHost;
  readonly clock: Clock;
  readonly trace: TraceLog;
  readonly commands: ReadonlyMap<string, Command>;
  readonly history: readonly string[];
  readonly pid: number;
  lastStatus: number;
  lastBackgroundPid: number | null;
  exitRequested: number | null;
  /** Set by a fatal expansion error: the rest of the command line is skipped. */
  lineAborted: boolean;
  /** pid -> Ctrl-C signal of each command this shell runs. */
  readonly running: Map<number, ShellSignal>;
  signalJob(pid: number, signal: string): boolean;
}

export class Executor {
  constructor(private readonly sh: ExecHost) {}

  async runList(list: List, state: ExecState, io: ExecIO): Promise<number> {
    let status = this.sh.lastStatus;
    for (const item of list.items) {
      if (io.signal.aborted || this.sh.exitRequested !== null || this.sh.lineAborted) break;
      status = await this.#andOr(item, state, io);
      this.sh.lastStatus = status;
    }
    return status;
  }

  async #andOr(item: AndOr, state: ExecState, io: ExecIO): Promise<number> {
    let status = await this.#pipeline(item.first, state, io);
    this.sh.lastStatus = status;
    for (const { op, pipeline } of item.rest) {
      if (io.signal.aborted || this.sh.exitRequested !== null || this.sh.lineAborted) break;
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.#pipeline(pipeline, state, io);
      this.sh.lastStatus = status;
    }
    return status;
  }

  async #pipeline(p: Pipeline, state: ExecState, io: ExecIO): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.#command(p.commands[0], state, io);
    } else {
      const pipes = p.commands.slice(1).map(() => new Pipe());
      const runs = p.commands.map(async (cmd, i) => {
        const stageIO: ExecIO = {
          ...io,
          stdin: i === 0 ? io.stdin : pipes[i - 1],
          stdout: i === p.commands.length - 1 ? io.stdout : pipes[i],
        };
        try {
          return await this.#command(cmd, cloneState(state), stageIO);
        } finally {
          if (i < pipes.length) pipes[i].close();
        }
      });
      const statuses = await Promise.all(runs);
      status = statuses[statuses.length - 1];
    }
    if (io.signal.aborted) status = 130;
    return p.negated ? (status === 0 ? 1 : 0) : status;
  }

  async #command(node: CommandNode, state: ExecState, io: ExecIO): Promise<number> {
    if (node.type === 'subshell') {
      const sub = cloneState(state);
      const rio = await this.#redirect(node.redirs, sub, io);
      if (typeof rio === 'number') return rio;
      const saved = this.sh.exitRequested;
      const aborted = this.sh.lineAborted;
      const status = await this.runList(node.body, sub, rio);
      // `exit` or a fatal expansion error in a subshell ends only the subshell.
      this.sh.exitRequested = saved;
      this.sh.lineAborted = aborted;
      return status;
    }
    if (node.type === 'simple') return this.#simple(node, state, io);
    const rio = await this.#redirect(node.redirs, state, io);
    if (typeof rio === 'number') return rio;
    return this.#compound(node, state, rio);
  }

  /** `{ }`, if, for, while/until. */
  async #compound(node: Exclude<CommandNode, SimpleCommand | { type: 'subshell' }>, state: ExecState, io: ExecIO): Promise<number> {
    const stop = (): boolean => io.signal.aborted || this.sh.exitRequested !== null || this.sh.lineAborted;
    switch (node.type) {
      case 'group':
        return this.runList(node.body, state, io);
      case 'if': {
        for (const c of node.clauses) {
          const cond = await this.runList(c.cond, state, io);
          if (stop()) return cond;
          if (cond === 0) return this.runList(c.body, state, io);
        }
        return node.elseBody ? this.runList(node.elseBody, state, io) : 0;
      }
      case 'for': {
        let values: string[];
        try {
          values = await expandWords(node.words, this.expandEnv(state, io));
        } catch (e) {
          return this.#expandFailed(e, io);
        }
        let status = 0;
        for (const v of values) {
          if (stop()) break;
          state.vars.set(node.name, v);
          status = await this.runList(node.body, state, io);
        }
        return status;
      }
      case 'while': {
        let status = 0;
        for (let n = 0; ; n++) {
          if (n >= MAX_LOOPS) {
            // SIMPLIFIED: the simulation cannot take Ctrl-C inside a loop that never waits, so it stops one.
            io.stderr.write(`bash: ${node.until ? 'until' : 'while'}: loop stopped after ${MAX_LOOPS} iterations (lab limit)\n`);
            return 1;
          }
          const cond = await this.runList(node.cond, state, io);
          if (stop() || (cond === 0) === node.until) break;
          status = await this.runList(node.body, state, io);
          if (stop()) break;
        }
        return status;
      }
    }
  }

  async #simple(node: SimpleCommand, state: ExecState, io: ExecIO): Promise<number> {
    const env = this.expandEnv(state, io);
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      for (const a of node.assigns) assigns.push([a.name, await expandString(a.value, env)]);
      argv = await expandWords(node.words, env);
    } catch (e) {
      return this.#expandFailed(e, io);
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) state.vars.set(k, v);
      const rio = await this.#redirect(node.redirs, state, io);
      return typeof rio === 'number' ? rio : 0;
    }
    const rio = await this.#redirect(node.redirs, state, io);
    if (typeof rio === 'number') return rio;
    const name = argv[0];
    const found = this.lookup(name, state.cwd);
    if (typeof found === 'string') {
      rio.stderr.write(`bash: ${found}\n`);
      return found.endsWith('command not found') || found.endsWith('No such file or directory') ? 127 : 126;
    }
    const cmdEnv = new Map<string, string>();
    for (const k of state.exported) {
      const v = state.vars.get(k);
      if (v !== undefined) cmdEnv.set(k, v);
    }
    for (const [k, v] of assigns) cmdEnv.set(k, v);
    const proc = found.builtin ? null : this.sh.host.spawn(argv.join(' '));
    if (proc) this.sh.running.set(proc.pid, io.signal);
    const ctx: CommandContext = {
      argv,
      stdin: rio.stdin,
      stdout: rio.stdout,
      stderr: rio.stderr,
      vfs: this.sh.vfs,
      host: this.sh.host,
      clock: this.sh.clock,
      trace: this.sh.trace,
      signal: io.signal,
      tty: rio.tty,
      env: cmdEnv,
      cwd: state.cwd,
      shell: this.shellApi(state),
    };
    try {
      const status = await found.run(ctx);
      return Number.isInteger(status) ? status & 0xff : 1;
    } catch (e) {
      rio.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      if (proc) {
        this.sh.running.delete(proc.pid);
        proc.done();
      }
    }
  }

  /** A command by name or path, or the text of bash's error. */
  lookup(name: string, cwd: string): Command | string {
    if (!name.includes('/')) {
      return this.sh.commands.get(name) ?? `${name}: command not found`;
    }
    const vfs = this.sh.vfs;
    const abs = resolve(cwd, name);
    for (const cmd of this.sh.commands.values()) {
      if (cmd.builtin) continue;
      const path = cmd.path ?? `/usr/bin/${cmd.name}`;
      const alt = path.replace(/^\/usr\//, '/');
      if (abs === path || abs === alt || (vfs.exists(abs) && vfs.exists(path) && safeReal(vfs, abs) === safeReal(vfs, path))) return cmd;
    }
    if (!vfs.exists(abs)) return `${name}: No such file or directory`;
    if (vfs.isDir(abs)) return `${name}: Is a directory`;
    // SIMPLIFIED: the lab runs no scripts or binaries from the vfs.
    return `${name}: Permission denied`;
  }

  async #redirect(redirs: readonly Redirect[], state: ExecState, io: ExecIO): Promise<ExecIO | number> {
    if (redirs.length === 0) return io;
    try {
      return await applyRedirects(redirs, state.cwd, io, this.sh.vfs, this.expandEnv(state, io));
    } catch (e) {
      return this.#expandFailed(e, io);
    }
  }

  #expandFailed(e: unknown, io: ExecIO): number {
    if (e instanceof ExpandError) {
      io.stderr.write(`bash: ${e.message}\n`);
      if (e.fatal) this.sh.lineAborted = true;
      return 1;
    }
    io.stderr.write(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }

  expandEnv(state: ExecState, io: ExecIO): ExpandEnv {
    const sh = this.sh;
    return {
      vfs: sh.vfs,
      cwd: state.cwd,
      getVar: (name) => {
        switch (name) {
          case '?':
            return String(sh.lastStatus);
          case '$':
            return String(sh.pid);
          case '#':
            return '0';
          case '0':
            return '-bash';
          case '!':
            return sh.lastBackgroundPid === null ? undefined : String(sh.lastBackgroundPid);
          case '-':
            return 'himBHs';
          case '@':
          case '*':
            return '';
          default:
            return /^[0-9]+$/.test(name) ? undefined : state.vars.get(name);
        }
      },
      setVar: (name, value) => {
        state.vars.set(name, value);
      },
      substitute: async (src) => {
        const r = parse(src, { eof: true });
        if (r.kind !== 'ok') {
          io.stderr.write(`bash: command substitution: line 1: ${r.kind === 'error' ? r.message : 'syntax error'}\n`);
          return '';
        }
        const buf = new BufferOutput();
        const saved = sh.exitRequested;
        const aborted = sh.lineAborted;
        await this.runList(r.list, cloneState(state), { ...io, stdin: emptyInput(), stdout: buf, tty: null });
        sh.exitRequested = saved;
        sh.lineAborted = aborted;
        return buf.text;
      },
    };
  }

  shellApi(state: ExecState): ShellApi {
    const sh = this.sh;
    return {
      get cwd() {
        return state.cwd;
      },
      set cwd(v: string) {
        state.cwd = v;
      },
      history: sh.history,
      commands: sh.commands,
      resolve: (p: string) => resolve(state.cwd, p),
      get lastStatus() {
        return sh.lastStatus;
      },
      set lastStatus(v: number) {
        sh.lastStatus = v;
      },
      vars: state.vars,
      exported: state.exported,
      pid: sh.pid,
      exit: (code: number) => {
        sh.exitRequested = code & 0xff;
      },
      signalJob: (pid: number, signal: string) => sh.signalJob(pid, signal),
    };
  }
}

function resolve(cwd: string, p: string): string {
  const full = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}


function safeReal(vfs: Vfs, p: string): string {
  try {
    return vfs.realpath(p);
  } catch {
    return p;
  }
}


