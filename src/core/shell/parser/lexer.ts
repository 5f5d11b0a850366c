/**
 * The tokenizer: words (scanned by words.ts), operators, redirection operators
 * with their optional fd (`2>&1`), newlines, and heredoc bodies. When it
 * passes a newline and heredocs are pending, the following lines up to each
 * delimiter are the bodies, as bash reads them.
 */
import type { HeredocWarning, Redirect, RedirOp, Word } from './ast.ts';
import { Incomplete, META, scanHeredocBody, scanWord } from './words.ts';

export type Token =
  | { t: 'word'; word: Word; pos: number }
  | { t: 'op'; op: string; pos: number }
  | { t: 'redir'; op: RedirOp; fd: number | null; pos: number }
  | { t: 'nl'; pos: number }
  | { t: 'eof'; pos: number };

/** Input ended inside a construct: the REPL reads a continuation line. */
export class NeedMore {
  constructor(
    readonly reason: 'quote' | 'heredoc' | 'operator' | 'backslash',
    readonly quote = '',
  ) {}
}

export interface PendingHeredoc {
  redir: Redirect;
  delimiter: string;
  strip: boolean;
  expand: boolean;
  /** 0-based line of the `<<` (for bash's end-of-file warning). */
  line: number;
}

const OPERATORS = ['&&', '||', '|&', ';;', '&', '|', ';', '(', ')'];
const REDIRS: RedirOp[] = ['<<<', '<<-', '&>>', '<<', '<&', '<>', '>>', '>&', '>|', '&>', '<', '>'];

export class Lexer {
  readonly warnings: HeredocWarning[] = [];
  readonly pending: PendingHeredoc[] = [];
  pos = 0;

  constructor(
    readonly src: string,
    readonly eof: boolean,
  ) {}

  next(): Token {
    const src = this.src;
    let i = this.pos;
    for (;;) {
      while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
      if (src[i] === '\\' && src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      break;
    }
    if (i < src.length && src[i] === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    }
    if (i >= src.length) {
      this.pos = i;
      if (this.pending.length > 0) this.#readHeredocs();
      return { t: 'eof', pos: i };
    }
    const c = src[i];
    if (c === '\n') {
      this.pos = i + 1;
      this.#readHeredocs();
      return { t: 'nl', pos: i };
    }
    const digits = /^[0-9]+(?=[<>])/.exec(src.slice(i, i + 12));
    if (digits) {
      const at = i + digits[0].length;
      const op = REDIRS.find((r) => !r.startsWith('&') && src.startsWith(r, at)) as RedirOp;
      this.pos = at + op.length;
      return { t: 'redir', op, fd: Math.min(Number(digits[0]), 2 ** 31), pos: i };
    }
    for (const op of REDIRS) {
      if (src.startsWith(op, i)) {
        this.pos = i + op.length;
        return { t: 'redir', op, fd: null, pos: i };
      }
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, i)) {
        this.pos = i + op.length;
        return { t: 'op', op, pos: i };
      }
    }
    if (META.has(c)) throw new Error(`unhandled character ${JSON.stringify(c)}`);
    try {
      const { word, end } = scanWord(src, i);
      this.pos = end;
      return { t: 'word', word, pos: i };
    } catch (e) {
      if (e instanceof Incomplete && this.eof && e.reason === 'backslash') {
        // A lone backslash at the very end of input is kept as a literal.
        const { word, end } = scanWord(src.slice(0, src.length - 1), i);
        word.parts.push({ k: 'lit', text: '\\', quoted: true });
        word.raw += '\\';
        this.pos = end + 1;
        return { t: 'word', word, pos: i };
      }
      throw e;
    }
  }

  /** Reads the bodies of the pending heredocs from the lines after the current position. */
  #readHeredocs(): void {
    const src = this.src;
    while (this.pending.length > 0) {
      const h = this.pending[0];
      const lines: string[] = [];
      let found = false;
      while (this.pos < src.length) {
        const nl = src.indexOf('\n', this.pos);
        const end = nl < 0 ? src.length : nl;
        let line = src.slice(this.pos, end);
        this.pos = nl < 0 ? src.length : nl + 1;
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) {
        if (!this.eof) throw new NeedMore('heredoc');
        this.warnings.push({ line: h.line, delimiter: h.delimiter });
      }
      const body = lines.map((l) => l + '\n').join('');
      h.redir.heredoc = {
        body: h.expand ? scanHeredocBody(body) : { parts: [{ k: 'lit', text: body, quoted: true }], raw: body },
        delimiter: h.delimiter,
        expand: h.expand,
      };
      this.pending.shift();
    }
  }
}
