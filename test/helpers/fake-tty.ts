/**
 * A scripted TerminalIO for tests: lines are queued in advance; `'\x03'`
 * in the queue is a Ctrl-C (echoes `^C` and a newline as src/terminal's line
 * discipline does, fires the interrupt listeners, and the pending read
 * resolves null), `null` is a Ctrl-D on an empty line. Everything written
 * is recorded, prompts included, so tests can compare whole transcripts.
 * When the queue is empty a read waits until feed() adds more (or resolves
 * null if `endWhenEmpty`).
 */
import type { ReadLineOptions, TerminalIO } from '../../src/core/shell/types.ts';

export const CTRL_C = '\x03';

export type Scripted = string | null;

export class FakeTty implements TerminalIO {
  /** Everything written: output and prompts (prompts are also written here, as a terminal shows them). */
  output = '';
  /** Every readLine call's options, in order. */
  readonly reads: ReadLineOptions[] = [];
  columns = 80;
  readonly #queue: Scripted[];
  readonly #listeners = new Set<() => void>();
  #waiter: ((v: string | null) => void) | null = null;
  readonly #endWhenEmpty: boolean;
  /** Echo typed lines after the prompt, like a terminal with echo on. */
  echo: boolean;

  constructor(lines: Scripted[] = [], opts: { endWhenEmpty?: boolean; echo?: boolean } = {}) {
    this.#queue = [...lines];
    this.#endWhenEmpty = opts.endWhenEmpty ?? true;
    this.echo = opts.echo ?? true;
  }

  feed(...lines: Scripted[]): void {
    this.#queue.push(...lines);
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = null;
      this.#deliver(w);
    }
  }

  /** Ctrl-C now (while a command runs without reading). */
  interrupt(): void {
    this.output += '^C\n';
    for (const l of [...this.#listeners]) l();
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = null;
      w(null);
    }
  }

  readLine(opts: ReadLineOptions = {}): Promise<string | null> {
    this.reads.push(opts);
    if (opts.prompt) this.output += opts.prompt;
    return new Promise((resolve) => {
      if (this.#queue.length === 0 && !this.#endWhenEmpty) {
        this.#waiter = resolve;
        return;
      }
      this.#deliver(resolve);
    });
  }

  #deliver(resolve: (v: string | null) => void): void {
    if (this.#queue.length === 0) {
      resolve(null);
      return;
    }
    const next = this.#queue.shift() as Scripted;
    if (next === CTRL_C) {
      this.output += '^C\n';
      for (const l of [...this.#listeners]) l();
      resolve(null);
      return;
    }
    if (next !== null && this.echo) this.output += next + '\n';
    resolve(next);
  }

  write(text: string): void {
    this.output += text;
  }

  onInterrupt(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
