/**
 * The plumbing between commands: inputs (a string, the terminal, a pipe),
 * outputs (a buffer, a vfs file, a pipe, nothing) and the Ctrl-C signal.
 * Everything is promise-based with no timers: a reader waiting on a pipe is
 * woken by the writer's write() or close().
 */
import type { Vfs } from '../vfs/index.ts';
import type { Input, Output, ReadLineOptions, Signal, TerminalIO } from './types.ts';

/** Discards everything (`/dev/null`, `>&-`). */
export const nullOutput: Output = { write(): void {} };

/** Collects everything written (command substitution, tests). */
export class BufferOutput implements Output {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** Reads lines from a fixed text (a file, a heredoc, a here-string). */
export class StringInput implements Input {
  readonly isTerminal = false;
  /** Set when the input is a regular file (what fstat would tell wc). */
  readonly regularSize: number | undefined;
  #text: string;
  constructor(text: string, regularSize?: number) {
    this.#text = text;
    this.regularSize = regularSize;
  }
  async readLine(): Promise<string | null> {
    if (this.#text === '') return null;
    const nl = this.#text.indexOf('\n');
    const line = nl < 0 ? this.#text : this.#text.slice(0, nl);
    this.#text = nl < 0 ? '' : this.#text.slice(nl + 1);
    return line;
  }
  async readAll(): Promise<string> {
    const t = this.#text;
    this.#text = '';
    return t;
  }
}

export const emptyInput = (): Input => new StringInput('');

/**
 * The terminal as standard input: lines as the line discipline delivers them.
 * readAll() reads until end of input (Ctrl-D) or Ctrl-C, each line ending in `\n`.
 */
export class TtyInput implements Input {
  readonly isTerminal = true;
  constructor(
    private readonly tty: TerminalIO,
    private readonly signal: Signal,
  ) {}
  async readLine(opts?: ReadLineOptions): Promise<string | null> {
    if (this.signal.aborted) return null;
    return this.tty.readLine(opts);
  }
  async readAll(): Promise<string> {
    let out = '';
    for (;;) {
      const line = await this.readLine();
      if (line === null) return out;
      out += line + '\n';
    }
  }
}

/**
 * A pipe: the left command writes, the right one reads. Writing never blocks
 * (the buffer grows); reading waits for data or close().
 */
export class Pipe implements Output, Input {
  readonly isTerminal = false;
  #buf = '';
  #closed = false;
  #wake: (() => void) | null = null;

  write(text: string): void {
    if (this.#closed || text === '') return;
    this.#buf += text;
    this.#notify();
  }

  close(): void {
    this.#closed = true;
    this.#notify();
  }

  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.#buf.indexOf('\n');
      if (nl >= 0) {
        const line = this.#buf.slice(0, nl);
        this.#buf = this.#buf.slice(nl + 1);
        return line;
      }
      if (this.#closed) {
        if (this.#buf === '') return null;
        const line = this.#buf;
        this.#buf = '';
        return line;
      }
      await this.#wait();
    }
  }

  async readAll(): Promise<string> {
    while (!this.#closed) await this.#wait();
    const t = this.#buf;
    this.#buf = '';
    return t;
  }

  #notify(): void {
    const w = this.#wake;
    this.#wake = null;
    w?.();
  }

  #wait(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }
}

/**
 * Writes to a vfs file as they come (so `tail -f` sees them), appending after
 * the truncation or creation done when the redirection was opened.
 */
export class FileOutput implements Output {
  constructor(
    private readonly vfs: Vfs,
    private readonly path: string,
  ) {}
  write(text: string): void {
    if (text === '') return;
    try {
      this.vfs.writeFile(this.path, text, { append: true });
    } catch {
      // The file vanished or became a directory: the bytes are lost, as with an unlinked file.
    }
  }
}

/** Ctrl-C for one foreground command line. */
export class ShellSignal implements Signal {
  #aborted = false;
  #resolve!: () => void;
  readonly whenAborted: Promise<void>;
  constructor() {
    this.whenAborted = new Promise<void>((r) => {
      this.#resolve = r;
    });
  }
  get aborted(): boolean {
    return this.#aborted;
  }
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#resolve();
  }
}

/** The standard streams and context of one execution. */
export interface ExecIO {
  stdin: Input;
  stdout: Output;
  stderr: Output;
  tty: TerminalIO | null;
  signal: ShellSignal;
}
