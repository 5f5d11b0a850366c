/**
 * The contract between the shell, the programs it runs, the terminal that
 * feeds it and the world (core/sim) that hosts it. No implementation here.
 *
 *   terminal (line discipline) --TerminalIO--> Shell --CommandContext--> Command.run()
 *                                                 \--ShellHost (implemented by core/sim)
 */
import type { Clock, TraceLog } from '../trace/index.ts';
import type { Vfs } from '../vfs/index.ts';

/** What a completer returns: replace line[from, cursor) by one of `candidates`. */
export interface Completion {
  from: number;
  candidates: string[];
}
export type Completer = (line: string, cursor: number) => Completion;

export interface ReadLineOptions {
  /** Printed before the line is read (the line discipline redraws it on Ctrl-L). */
  prompt?: string;
  /** Tab completion for this read (the shell's prompt has one; telnet has none). */
  completer?: Completer;
  /** Up/Down browse this list (most recent last); the reader adds to it itself. */
  history?: readonly string[];
  /**
   * Characters that end the read at once, like termios VEOL: echoed in caret
   * notation (`^]`) and returned at the end of the line (telnet's escape).
   */
  breakChars?: string;
  /** false: what is typed is not shown (termios ~ECHO, e.g. a pass phrase); the program prints the newline. */
  echo?: boolean;
}

/**
 * The terminal seen from the program in the foreground: a cooked-mode tty.
 * `readLine` resolves with the line (no newline), or null at end of input
 * (Ctrl-D on an empty line, end of a script) or when Ctrl-C interrupts the read
 * (then `interrupted()` was signalled first).
 */
export interface TerminalIO {
  readLine(opts?: ReadLineOptions): Promise<string | null>;
  write(text: string): void;
  /** Called on Ctrl-C while a program is in the foreground. Returns an unsubscribe function. */
  onInterrupt(listener: () => void): () => void;
  /** Width in character cells, when known (ls lays out columns with it; default 80). */
  readonly columns?: number;
}

/** A byte-less text sink (stdout, stderr, a file being redirected to, a pipe). */
export interface Output {
  write(text: string): void;
}

/** Standard input of a command: the terminal, a file, a heredoc or a pipe. */
export interface Input {
  /** The next line without its newline; null at end of input or on interrupt. */
  readLine(opts?: ReadLineOptions): Promise<string | null>;
  /** Everything up to end of input (for cat, grep, wc when reading stdin). */
  readAll(): Promise<string>;
  readonly isTerminal: boolean;
}

/** Raised by Ctrl-C for the command in the foreground. */
export interface Signal {
  readonly aborted: boolean;
  /** Resolves when aborted (never rejects). */
  readonly whenAborted: Promise<void>;
}

/** A process as `ps` and `kill` see it. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  user: string;
  tty: string; // 'pts/0' or '?'
  startedAt: number; // ms since epoch
  command: string; // as ps shows it in the CMD column (e.g. 'sendmail: MTA: accepting connections')
}

/** What the world offers the shell. core/sim implements it. */
export interface ShellHost {
  readonly hostname: string; // short name for the prompt, e.g. 'mail'
  processes(): ProcInfo[];
  /** Sends `signal` (e.g. 'TERM', 'KILL', 'HUP') to pid; false when no such process. */
  kill(pid: number, signal: string): boolean;
  /** Allocates a pid for a foreground command and registers it until `done()`. */
  spawn(command: string): { pid: number; done(): void };
}

/** Everything a command gets when it runs. */
export interface CommandContext {
  readonly argv: readonly string[]; // argv[0] is the name as typed
  readonly stdin: Input;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly vfs: Vfs;
  readonly host: ShellHost;
  readonly clock: Clock;
  readonly trace: TraceLog;
  readonly signal: Signal;
  /** The terminal, when the command runs in the foreground of an interactive session. */
  readonly tty: TerminalIO | null;
  readonly env: Map<string, string>;
  /** Current directory; commands like cd change it through `shell`. */
  readonly cwd: string;
  readonly shell: ShellApi;
}

/** The parts of the shell that builtins (cd, history, help, type) need. */
export interface ShellApi {
  cwd: string;
  readonly history: readonly string[];
  readonly commands: ReadonlyMap<string, Command>;
  resolve(path: string): string; // relative -> absolute against cwd
  lastStatus: number;
  /** Shell variables (exported or not) of the running shell or subshell. */
  readonly vars: Map<string, string>;
  /** Names of the exported variables (what `env` and child commands see). */
  readonly exported: Set<string>;
  /** The shell's own pid (`$$`). */
  readonly pid: number;
  /** `exit`/`logout`: leave the shell with `code` once the current command line ends. */
  exit(code: number): void;
  /**
   * Delivers a signal to a command this shell runs (foreground or `&` job);
   * false when `pid` is not one of them (then `kill` asks the host).
   */
  signalJob(pid: number, signal: string): boolean;
}

/** One shell command: CyberChef-like uniform module with metadata. */
export interface Command {
  readonly name: string;
  /** One line, as `help` lists it (e.g. 'chmod [-R] MODE FILE...'). */
  readonly usage: string;
  /** One sentence for `help`. */
  readonly summary: string;
  /** A shell builtin (`type` says so; no process is spawned for it). */
  readonly builtin?: boolean;
  /** Where the program lives (`type` and `/usr/sbin/sendmail` find it there); default `/usr/bin/<name>`. */
  readonly path?: string;
  /** Longer description for `man` (plain text, paragraphs separated by blank lines). */
  readonly manual?: string;
  /** Manual section for `man` (default 1; 8 for daemons such as sendmail). */
  readonly section?: number;
  run(ctx: CommandContext): Promise<number>;
}
