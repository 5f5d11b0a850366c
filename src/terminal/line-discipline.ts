/**
 * The line discipline: a cooked-mode tty between the screen and the program in
 * the foreground (after mame/xterm-pty `src/lineDiscipline.ts`, with readline's
 * editing keys).
 *
 *     xterm onData / stdin ──input()──►  KeyDecoder ─► queue ─► editor ──readLine()──► shell, telnet, cat
 *     xterm.write / stdout ◄─onOutput── echo, prompt, redraws ◄──────────── write() ◄── program output
 *                                              Ctrl-C ─────────────────── onInterrupt ─►
 *
 * - Lower side: `input(data)` takes what the keyboard (or a paste, or a piped
 *   script) sends; everything for the screen goes to `onOutput`, with `\n`
 *   turned into `\r\n`.
 * - Upper side (TerminalIO): `readLine({prompt, completer, history})` writes
 *   the prompt, echoes the editing and resolves with the line on Enter;
 *   `write(text)`; `onInterrupt(listener)`.
 * - Keys typed while nobody reads are held, not echoed, and replayed when the
 *   next readLine comes: a pasted script shows `prompt + command`, then the
 *   command's output, line by line, exactly as `npm run lab` prints it.
 * - Ctrl-C is never held: it echoes `^C` and a newline, drops held input,
 *   fires the interrupt listeners and, when a read is pending, resolves it
 *   with null. Ctrl-D on an empty line resolves null (end of input).
 */
import { commonPrefix, formatMatchList } from './completion-list.ts';
import { editLine, insertText } from './editing.ts';
import { KeyDecoder, type KeyAction, type KeyName } from './keymap.ts';
import {
  advanceColumn,
  moveCursor,
  newlineCount,
  positions,
  renderTail,
  rowOf,
  settleWrap,
} from './screen.ts';

/* The TerminalIO contract of src/core/shell/types.ts, repeated here because
 * src/terminal imports nothing from src/core (it moves strings). */
export interface Completion {
  from: number;
  candidates: string[];
}
export type Completer = (line: string, cursor: number) => Completion;
export interface ReadLineOptions {
  prompt?: string;
  completer?: Completer;
  /** Up/Down browse this list (most recent last); the caller adds to it. */
  history?: readonly string[];
  /**
   * Characters that end the read at once, like termios VEOL: the character is
   * echoed in caret notation (`^]`) and the line is returned with it at the end.
   * telnet passes '\x1d' for its escape character.
   */
  breakChars?: string;
  /** false: typed keys are not echoed (termios ~ECHO), as for a pass phrase. */
  echo?: boolean;
}
export interface TerminalIO {
  readLine(opts?: ReadLineOptions): Promise<string | null>;
  write(text: string): void;
  onInterrupt(listener: () => void): () => void;
}

export interface LineDisciplineOptions {
  /** Where screen output goes (xterm.write, process.stdout.write). */
  onOutput?: (text: string) => void;
  /** Terminal width; Infinity (the default) when unknown or not a terminal. */
  columns?: number;
  /** Newline sent to the screen: '\r\n' for a terminal, '\n' for a pipe. */
  newline?: '\r\n' | '\n';
}

interface Reader {
  opts: ReadLineOptions;
  resolve: (line: string | null) => void;
  /** Column where the prompt started, and rows the prompt spans above the origin row. */
  startCol: number;
  promptRows: number;
  /** Position of the line's first character (the prompt's end column). */
  base: number;
  chars: string[];
  cursor: number;
  history: string[];
  historyIndex: number;
  lastWasTab: boolean;
}

const BELL = '\x07';

function caret(ch: string): string {
  const v = ch.charCodeAt(0);
  return v === 0x7f ? '^?' : '^' + String.fromCharCode(v + 0x40);
}

export class LineDiscipline implements TerminalIO {
  #sink: (text: string) => void;
  #cols: number;
  readonly #nl: '\r\n' | '\n';
  readonly #decoder = new KeyDecoder();
  #queue: KeyAction[] = [];
  #reader: Reader | null = null;
  readonly #listeners = new Set<() => void>();
  #ended = false;
  /** Cursor column on the screen, tracked through everything we output. */
  #col = 0;
  /** Set while applying keys to a read with `echo: false`: nothing is echoed. */
  #echoOff = false;

  constructor(opts: LineDisciplineOptions = {}) {
    this.#sink = opts.onOutput ?? (() => {});
    this.#cols = opts.columns ?? Infinity;
    this.#nl = opts.newline ?? '\r\n';
  }

  /** Connects the screen (the xterm addon calls this when it activates). */
  set onOutput(sink: (text: string) => void) {
    this.#sink = sink;
  }

  set columns(cols: number) {
    this.#cols = cols > 0 ? cols : Infinity;
  }

  get columns(): number {
    return this.#cols;
  }

  /** True while a program waits in readLine. */
  get reading(): boolean {
    return this.#reader !== null;
  }

  // ---- lower side ------------------------------------------------------

  /** Keyboard input, a paste or a piped script, as the terminal sends it. */
  input(data: string): void {
    for (const action of this.#decoder.decode(data)) {
      if (action.type === 'key' && action.key === 'ctrl-c') {
        this.#pump();
        this.#interrupt();
      } else {
        this.#queue.push(action);
      }
    }
    this.#pump();
  }

  /** End of input (a piped script is over): reads resolve null once the held input is used. */
  end(): void {
    this.#ended = true;
    this.#pump();
  }

  // ---- upper side (TerminalIO) ------------------------------------------

  readLine(opts: ReadLineOptions = {}): Promise<string | null> {
    if (this.#reader) this.#finish(null);
    return new Promise((resolve) => {
      const history = [...(opts.history ?? []), ''];
      this.#reader = {
        opts,
        resolve,
        startCol: 0,
        promptRows: 0,
        base: 0,
        chars: [],
        cursor: 0,
        history,
        historyIndex: history.length - 1,
        lastWasTab: false,
      };
      this.#redraw();
      this.#pump();
    });
  }

  write(text: string): void {
    if (text === '') return;
    const r = this.#reader;
    if (!r || (r.chars.length === 0 && !r.opts.prompt)) {
      this.#emit(this.#convert(text));
      if (r) r.startCol = r.base = this.#col;
      return;
    }
    // Output while a line is being edited: take the prompt and line off the
    // screen, print, and draw them again below.
    const pos = positions(r.chars, r.base);
    const here = pos[r.cursor];
    const end = pos[r.chars.length];
    const up = rowOf(here, this.#cols) + r.promptRows;
    let s = up > 0 ? `\x1b[${up === 1 ? '' : up}A` : '';
    s += '\r' + (r.startCol > 0 ? `\x1b[${r.startCol === 1 ? '' : r.startCol}C` : '');
    s += up > 0 || rowOf(end, this.#cols) > 0 ? '\x1b[J' : '\x1b[K';
    this.#emit(s + this.#convert(text));
    this.#redraw();
  }

  onInterrupt(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  // ---- internals ----------------------------------------------------------

  #emit(text: string): void {
    if (text === '' || this.#echoOff) return;
    this.#col = advanceColumn(this.#col, text, this.#cols);
    this.#sink(text);
  }

  #convert(text: string): string {
    return this.#nl === '\r\n' ? text.replace(/(?<!\r)\n/g, '\r\n') : text;
  }

  /** Applies held input while someone reads; at end of input, resolves null. */
  #pump(): void {
    while (this.#reader && this.#queue.length > 0) {
      const action = this.#queue.shift() as KeyAction;
      this.#echoOff = this.#reader.opts.echo === false;
      this.#apply(this.#reader, action);
      this.#echoOff = false;
    }
    if (this.#reader && this.#ended) this.#finish(null);
  }

  #finish(line: string | null): void {
    const r = this.#reader;
    if (!r) return;
    this.#reader = null;
    r.resolve(line);
  }

  #interrupt(): void {
    this.#queue = [];
    const r = this.#reader;
    if (r) this.#moveTo(r, r.chars.length);
    this.#emit('^C' + this.#nl);
    this.#reader = null;
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch {
        // A failing listener must not stop the others or the terminal.
      }
    }
    r?.resolve(null);
  }

  /** Writes the prompt and the line, and puts the cursor in place. */
  #redraw(): void {
    const r = this.#reader;
    if (!r) return;
    const prompt = this.#convert(r.opts.prompt ?? '');
    r.startCol = this.#col;
    r.promptRows = newlineCount(prompt);
    this.#emit(prompt);
    r.base = this.#col;
    if (r.chars.length === 0) return;
    const pos = positions(r.chars, r.base);
    const end = pos[r.chars.length];
    this.#emit(renderTail(r.chars, 0, pos, false) + settleWrap(end, this.#cols) + moveCursor(end, pos[r.cursor], this.#cols));
  }

  /** Replaces the line and cursor, writing only what changed. */
  #update(r: Reader, chars: string[], cursor: number): void {
    const oldPos = positions(r.chars, r.base);
    const newPos = positions(chars, r.base);
    let d = 0;
    while (d < r.chars.length && d < chars.length && r.chars[d] === chars[d]) d++;
    let s = '';
    let here = oldPos[r.cursor];
    if (d < r.chars.length || d < chars.length) {
      const append = d === r.chars.length && r.cursor === d;
      s += moveCursor(here, newPos[d], this.#cols);
      const tail = renderTail(chars, d, newPos, append);
      here = newPos[chars.length];
      s += tail + (tail ? settleWrap(here, this.#cols) : '');
      const oldEnd = oldPos[r.chars.length];
      if (oldEnd > here) s += rowOf(oldEnd, this.#cols) > rowOf(here, this.#cols) ? '\x1b[J' : '\x1b[K';
    }
    s += moveCursor(here, newPos[cursor], this.#cols);
    r.chars = chars;
    r.cursor = cursor;
    this.#emit(s);
  }

  #moveTo(r: Reader, cursor: number): void {
    this.#update(r, r.chars, Math.max(0, Math.min(cursor, r.chars.length)));
  }

  #splice(r: Reader, from: number, to: number, insert: string[] = []): void {
    const chars = [...r.chars.slice(0, from), ...insert, ...r.chars.slice(to)];
    this.#update(r, chars, from + insert.length);
  }

  #apply(r: Reader, action: KeyAction): void {
    const wasTab = r.lastWasTab;
    r.lastWasTab = false;
    switch (action.type) {
      case 'text': {
        const edited = insertText(r, action.text);
        this.#update(r, [...edited.chars], edited.cursor);
        return;
      }
      case 'control': {
        if (r.opts.breakChars?.includes(action.char)) {
          this.#moveTo(r, r.chars.length);
          this.#emit(caret(action.char));
          this.#finish(r.chars.join('') + action.char);
        }
        return;
      }
      case 'ignored':
        return;
      case 'key':
        this.#key(r, action.key, wasTab);
    }
  }

  #key(r: Reader, key: KeyName, wasTab: boolean): void {
    switch (key) {
      case 'enter':
        this.#moveTo(r, r.chars.length);
        this.#emit(this.#nl);
        this.#finish(r.chars.join(''));
        return;
      case 'ctrl-d':
        if (r.chars.length === 0) return this.#finish(null);
        break;
      case 'ctrl-l':
        this.#emit('\x1b[H\x1b[2J');
        this.#col = 0;
        return this.#redraw();
      case 'up':
      case 'down':
        return this.#history(r, key === 'up' ? -1 : 1);
      case 'tab':
        return this.#complete(r, wasTab);
      case 'ctrl-c':
        return; // handled in input(), never queued
    }
    const edited = editLine(r, key);
    if (edited) this.#update(r, [...edited.chars], edited.cursor);
  }

  #history(r: Reader, step: number): void {
    const next = r.historyIndex + step;
    if (next < 0 || next >= r.history.length) {
      this.#emit(BELL);
      return;
    }
    r.history[r.historyIndex] = r.chars.join('');
    r.historyIndex = next;
    const chars = [...r.history[next]];
    this.#update(r, chars, chars.length);
  }

  /**
   * Readline's complete (complete.c): one match completes (a space after it,
   * none after a directory's slash); several ring the bell and complete their
   * common prefix; a second Tab that changed nothing lists them.
   */
  #complete(r: Reader, wasTab: boolean): void {
    r.lastWasTab = true;
    const completer = r.opts.completer;
    if (!completer) return;
    const line = r.chars.join('');
    const cursorIndex = r.chars.slice(0, r.cursor).join('').length;
    let completion: Completion;
    try {
      completion = completer(line, cursorIndex);
    } catch {
      completion = { from: cursorIndex, candidates: [] };
    }
    const candidates = [...new Set(completion.candidates)];
    const from = Math.max(0, Math.min(completion.from, cursorIndex));
    const fromChar = [...line.slice(0, from)].length;
    const word = line.slice(from, cursorIndex);
    if (candidates.length === 0) {
      this.#emit(BELL);
      return;
    }
    if (candidates.length === 1) {
      // The buffer changed: the next Tab completes afresh (readline's completion_changed_buffer).
      r.lastWasTab = false;
      const only = candidates[0];
      this.#splice(r, fromChar, r.cursor, [...(only.endsWith('/') ? only : only + ' ')]);
      return;
    }
    // Several matches: readline rings the bell, then inserts their common prefix.
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      r.lastWasTab = false;
      this.#emit(BELL);
      this.#splice(r, fromChar, r.cursor, [...prefix]);
      return;
    }
    if (!wasTab) {
      this.#emit(BELL);
      return;
    }
    const cols = Number.isFinite(this.#cols) ? this.#cols : 80;
    const cursor = r.cursor;
    this.#moveTo(r, r.chars.length);
    this.#emit(this.#nl + formatMatchList(candidates, cols).map((row) => row + this.#nl).join(''));
    this.#col = 0;
    r.cursor = cursor;
    this.#redraw();
  }
}
