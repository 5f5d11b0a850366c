/**
 * The input stack and tokenizer of GNU m4 1.4.19 (input.c), byte for byte in
 * what matters for output and diagnostics: a stack of files and pushed-back
 * strings, the lazy line counting (a file's line advances when the character
 * after a newline is read), the location a string inherits from where it was
 * pushed, quotes and comments of any length, words `[A-Za-z_][A-Za-z0-9_]*`.
 *
 * Text is a JS string holding one byte per char code (latin1).
 */

export const EOF = -1;
/** A builtin pushed back by `defn` (GNU's CHAR_MACRO). */
export const MACRO = -2;

interface StringSource { kind: 'string'; text: string; pos: number; file: string; line: number }
interface FileSource { kind: 'file'; text: string; pos: number; file: string; line: number; advance: boolean }
interface MacroSource { kind: 'macro'; builtin: string; used: boolean; file: string; line: number }
type Source = StringSource | FileSource | MacroSource;

export type TokenType = 'eof' | 'macdef' | 'string' | 'word' | 'open' | 'comma' | 'close' | 'simple';

export interface Token {
  type: TokenType;
  text: string;
  /** For `macdef`: the builtin's name. */
  builtin?: string;
  file: string;
  line: number;
}

/** A fatal error: m4 prints it and exits 1 at once (diversions are lost). */
export class M4Fatal extends Error {
  constructor(
    readonly diagnostic: string,
    readonly status = 1,
    /** m4 dies without flushing stdout (stack overflow). */
    readonly abrupt = false,
  ) {
    super(diagnostic);
  }
}

export class Input {
  private stack: Source[] = [];
  private wrapup: Source[] = [];
  currentFile = '';
  currentLine = 0;
  private inputChange = false;
  private startOfInputLine = false;
  lquote = '`';
  rquote = "'";
  bcomm = '#';
  ecomm = '\n';

  pushFile(name: string, text: string): void {
    this.stack.push({ kind: 'file', text, pos: 0, file: name, line: 1, advance: this.startOfInputLine });
    this.startOfInputLine = false;
    this.inputChange = true;
  }

  pushString(text: string): void {
    if (text === '') return;
    this.stack.push({ kind: 'string', text, pos: 0, file: this.currentFile, line: this.currentLine });
    this.inputChange = true;
  }

  pushMacro(builtin: string): void {
    this.stack.push({ kind: 'macro', builtin, used: false, file: this.currentFile, line: this.currentLine });
  }

  pushWrapup(text: string): void {
    this.wrapup.push({ kind: 'string', text, pos: 0, file: this.currentFile, line: this.currentLine });
  }

  /** After the input is exhausted: make the m4wrap text the input (GNU pop_wrapup). */
  popWrapup(): boolean {
    this.stack = [];
    if (this.wrapup.length === 0) return false;
    this.stack = this.wrapup;
    this.wrapup = [];
    this.inputChange = true;
    return true;
  }

  private popInput(): void {
    const top = this.stack.pop();
    if (top && top.kind === 'file') this.startOfInputLine = top.advance;
    this.inputChange = true;
  }

  peekChar(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const s = this.stack[i];
      if (s.kind === 'macro') {
        if (!s.used) return MACRO;
        continue;
      }
      if (s.pos < s.text.length) return s.text.charCodeAt(s.pos);
    }
    return EOF;
  }

  nextChar(): number {
    for (;;) {
      const s = this.stack[this.stack.length - 1];
      if (s === undefined) {
        this.currentFile = '';
        this.currentLine = 0;
        return EOF;
      }
      if (this.inputChange) {
        this.currentFile = s.file;
        this.currentLine = s.line;
        this.inputChange = false;
      }
      if (s.kind === 'string') {
        if (s.pos < s.text.length) return s.text.charCodeAt(s.pos++);
      } else if (s.kind === 'file') {
        if (this.startOfInputLine) {
          this.startOfInputLine = false;
          this.currentLine = ++s.line;
        }
        if (s.pos < s.text.length) {
          const ch = s.text.charCodeAt(s.pos++);
          if (ch === 10) this.startOfInputLine = true;
          return ch;
        }
      } else if (!s.used) {
        s.used = true;
        return MACRO;
      }
      this.popInput();
    }
  }

  /** The builtin name of the macro source just consumed (after nextChar() returned MACRO). */
  lastMacro(): string {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const s = this.stack[i];
      if (s.kind === 'macro' && s.used) return s.builtin;
    }
    return '';
  }

  /** GNU MATCH: `ch` was just read; does it start `delim`? Consumes the rest on success. */
  private match(ch: number, delim: string): boolean {
    if (delim.length === 0 || ch !== delim.charCodeAt(0)) return false;
    if (delim.length === 1) return true;
    if (this.peekChar() !== delim.charCodeAt(1)) return false;
    let read = '';
    for (let i = 1; i < delim.length; i++) {
      const c = this.nextChar();
      if (c < 0) {
        this.pushString(read);
        return false;
      }
      read += String.fromCharCode(c);
      if (c !== delim.charCodeAt(i)) {
        this.pushString(read);
        return false;
      }
    }
    return true;
  }

  /** Skip to the end of the line (dnl). Returns false at end of input. */
  skipLine(): boolean {
    for (;;) {
      const ch = this.nextChar();
      if (ch === EOF) return false;
      if (ch === 10) return true;
    }
  }

  /** True when the next character is `(` (GNU peek_token() == TOKEN_OPEN). */
  peekOpen(): boolean {
    return this.peekChar() === 40;
  }

  nextToken(): Token {
    const peek = this.peekChar();
    if (peek === EOF) {
      this.nextChar();
      return { type: 'eof', text: '', file: this.currentFile, line: this.currentLine };
    }
    if (peek === MACRO) {
      this.nextChar();
      return { type: 'macdef', text: '', builtin: this.lastMacro(), file: this.currentFile, line: this.currentLine };
    }
    const ch = this.nextChar();
    const file = this.currentFile;
    const line = this.currentLine;
    if (this.match(ch, this.bcomm)) {
      let text = this.bcomm;
      for (;;) {
        const c = this.nextChar();
        if (c === EOF) throw new M4Fatal(at(file, line, 'ERROR: end of file in comment'));
        if (c === MACRO) continue;
        if (this.match(c, this.ecomm)) {
          text += this.ecomm;
          break;
        }
        text += String.fromCharCode(c);
      }
      return { type: 'string', text, file, line };
    }
    if (isWordStart(ch)) {
      let text = String.fromCharCode(ch);
      for (;;) {
        const c = this.peekChar();
        if (c < 0 || !isWordChar(c)) break;
        text += String.fromCharCode(this.nextChar());
      }
      return { type: 'word', text, file, line };
    }
    if (!this.match(ch, this.lquote)) {
      const text = String.fromCharCode(ch);
      const type: TokenType = ch === 40 ? 'open' : ch === 44 ? 'comma' : ch === 41 ? 'close' : 'simple';
      return { type, text, file, line };
    }
    let level = 1;
    const parts: string[] = [];
    for (;;) {
      const c = this.nextChar();
      if (c === EOF) throw new M4Fatal(at(file, line, 'ERROR: end of file in string'));
      if (c === MACRO) continue;
      if (this.match(c, this.rquote)) {
        if (--level === 0) break;
        parts.push(this.rquote);
      } else if (this.match(c, this.lquote)) {
        level++;
        parts.push(this.lquote);
      } else {
        parts.push(String.fromCharCode(c));
      }
    }
    return { type: 'string', text: parts.join(''), file, line };
  }
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

/** GNU's `m4:FILE:LINE: message` (or `m4: message` where no line is known). */
export function at(file: string, line: number, message: string): string {
  return line !== 0 ? `m4:${file}:${line}: ${message}\n` : `m4: ${message}\n`;
}
