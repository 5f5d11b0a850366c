/**
 * Tokenizer and recursive-descent parser for the lab's bash subset (grammar in
 * ast.ts). `parse(src)` never throws: it returns a tree, "incomplete" (the
 * REPL then reads a continuation line with the `> ` prompt and parses the
 * joined text again), or a syntax error worded as bash words it.
 *
 * Heredoc bodies are read by the tokenizer: when it passes a newline and
 * heredocs are pending, the following lines up to each delimiter are the
 * bodies, as bash does.
 */
import type { AndOr, Assignment, CommandNode, HeredocWarning, List, ParseResult, Pipeline, Redirect, RedirOp, SimpleCommand, Word } from './ast.ts';
import { Incomplete, META, scanHeredocBody, scanWord } from './words.ts';

export interface ParseOptions {
  /** No more input will come: open constructs become errors, an open heredoc ends with a warning. */
  eof?: boolean;
}

type Token =
  | { t: 'word'; word: Word; pos: number }
  | { t: 'op'; op: string; pos: number }
  | { t: 'redir'; op: RedirOp; fd: number | null; pos: number }
  | { t: 'nl'; pos: number }
  | { t: 'eof'; pos: number };

class SyntaxErr {
  constructor(readonly message: string) {}
}
class NeedMore {
  constructor(
    readonly reason: 'quote' | 'heredoc' | 'operator' | 'backslash',
    readonly quote = '',
  ) {}
}

interface PendingHeredoc {
  redir: Redirect;
  delimiter: string;
  strip: boolean;
  expand: boolean;
  line: number;
}

const OPERATORS = ['&&', '||', '|&', ';;', '&', '|', ';', '(', ')'];
const REDIRS: RedirOp[] = ['<<<', '<<-', '&>>', '<<', '<&', '<>', '>>', '>&', '>|', '&>', '<', '>'];

export function parse(src: string, opts: ParseOptions = {}): ParseResult {
  const p = new Parser(src, !!opts.eof);
  try {
    const list = p.parseProgram();
    return { kind: 'ok', list, warnings: p.warnings };
  } catch (e) {
    if (e instanceof SyntaxErr) return { kind: 'error', message: e.message };
    if (e instanceof NeedMore) {
      if (!opts.eof) return { kind: 'incomplete', reason: e.reason, ...(e.quote ? { quote: e.quote } : {}) };
      if (e.reason === 'quote') return { kind: 'error', message: `unexpected EOF while looking for matching \`${e.quote}'` };
      return { kind: 'error', message: 'syntax error: unexpected end of file' };
    }
    if (e instanceof Incomplete) {
      return opts.eof
        ? { kind: 'error', message: `unexpected EOF while looking for matching \`${e.quote}'` }
        : { kind: 'incomplete', reason: e.reason, ...(e.quote ? { quote: e.quote } : {}) };
    }
    // A bug in the parser must not escape to the terminal.
    return { kind: 'error', message: `syntax error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

class Parser {
  readonly warnings: HeredocWarning[] = [];
  #pos = 0;
  #peeked: Token | null = null;
  #pending: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    readonly eof: boolean,
  ) {}

  parseProgram(): List {
    const list = this.#list(false);
    const t = this.#peek();
    if (t.t !== 'eof') throw this.#unexpected(t);
    return list;
  }

  // ---- grammar --------------------------------------------------------------

  /** A list; inside `( )` it ends at `)`. */
  #list(nested: boolean): List {
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const t = this.#peek();
      if (t.t === 'eof') {
        if (nested) throw new NeedMore('operator');
        break;
      }
      if (t.t === 'op' && t.op === ')' && nested) {
        if (items.length === 0) throw this.#unexpected(t);
        break;
      }
      const item = this.#andOr();
      items.push(item);
      const sep = this.#peek();
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#next();
        item.background = sep.op === '&';
      } else if (sep.t === 'nl') {
        this.#next();
      } else if (sep.t === 'eof' || (nested && sep.t === 'op' && sep.op === ')')) {
        continue;
      } else {
        throw this.#unexpected(sep);
      }
    }
    return { items };
  }

  #andOr(): AndOr {
    const start = this.#peek().pos;
    const first = this.#pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.#peek();
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.#next();
      this.#skipNewlinesOrNeedMore();
      rest.push({ op: t.op as '&&' | '||', pipeline: this.#pipeline() });
    }
    const end = this.#peek().pos;
    return { first, rest, background: false, text: this.src.slice(start, end).replace(/\n[\s\S]*$/, '').trim() };
  }

  #pipeline(): Pipeline {
    let negated = false;
    const t = this.#peek();
    if (t.t === 'word' && t.word.raw === '!') {
      this.#next();
      negated = true;
    }
    const commands: CommandNode[] = [this.#command()];
    for (;;) {
      const n = this.#peek();
      if (n.t !== 'op' || (n.op !== '|' && n.op !== '|&')) break;
      this.#next();
      if (n.op === '|&') {
        // `a |& b` is `a 2>&1 | b`.
        commands[commands.length - 1].redirs.push({ fd: 2, op: '>&', target: { parts: [{ k: 'lit', text: '1', quoted: false }], raw: '1' } });
      }
      this.#skipNewlinesOrNeedMore();
      commands.push(this.#command());
    }
    return { negated, commands };
  }

  #command(): CommandNode {
    const t = this.#peek();
    if (t.t === 'op' && t.op === '(') {
      this.#next();
      const body = this.#list(true);
      const close = this.#next();
      if (close.t !== 'op' || close.op !== ')') throw this.#unexpected(close);
      const redirs: Redirect[] = [];
      for (;;) {
        const r = this.#peek();
        if (r.t === 'redir') redirs.push(this.#redirect());
        else if (r.t === 'word') throw this.#unexpected(r);
        else break;
      }
      return { type: 'subshell', body, redirs };
    }
    return this.#simple();
  }

  #simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.#peek();
      if (t.t === 'word') {
        this.#next();
        const a = cmd.words.length === 0 ? asAssignment(t.word) : null;
        if (a) cmd.assigns.push(a);
        else cmd.words.push(t.word);
      } else if (t.t === 'redir') {
        cmd.redirs.push(this.#redirect());
      } else if (t.t === 'op' && t.op === '(' && cmd.words.length > 0) {
        // `foo (` : bash reads a function definition only for `name ()`; anything else is an error.
        throw this.#unexpected(t);
      } else {
        break;
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) {
      const t = this.#peek();
      if (t.t === 'eof') throw new NeedMore('operator');
      throw this.#unexpected(t);
    }
    return cmd;
  }

  #redirect(): Redirect {
    const r = this.#next() as Extract<Token, { t: 'redir' }>;
    const target = this.#next();
    if (target.t !== 'word') {
      if (target.t === 'eof') throw this.#unexpected({ t: 'nl', pos: target.pos });
      throw this.#unexpected(target);
    }
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    const redir: Redirect = { fd, op: r.op, target: target.word };
    if (r.op === '<<' || r.op === '<<-') {
      const delimiter = target.word.parts.map((p) => (p.k === 'lit' ? p.text : p.k === 'tilde' ? '~' + p.user : rawOf(p))).join('');
      const expand = !/["'\\]/.test(target.word.raw);
      const line = countNewlines(this.src, r.pos);
      this.#pending.push({ redir, delimiter, strip: r.op === '<<-', expand, line });
    }
    return redir;
  }

  #skipNewlines(): void {
    while (this.#peek().t === 'nl') this.#next();
  }

  #skipNewlinesOrNeedMore(): void {
    this.#skipNewlines();
    if (this.#peek().t === 'eof') throw new NeedMore('operator');
  }

  #unexpected(t: Token): SyntaxErr {
    let text: string;
    if (t.t === 'nl' || t.t === 'eof') text = 'newline';
    else if (t.t === 'word') text = t.word.raw;
    else text = t.op;
    return new SyntaxErr(`syntax error near unexpected token \`${text}'`);
  }

  // ---- tokens -----------------------------------------------------------------

  #peek(): Token {
    if (this.#peeked === null) this.#peeked = this.#lex();
    return this.#peeked;
  }

  #next(): Token {
    const t = this.#peek();
    this.#peeked = null;
    return t;
  }

  #lex(): Token {
    const src = this.src;
    let i = this.#pos;
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
      this.#pos = i;
      if (this.#pending.length > 0) this.#readHeredocs();
      return { t: 'eof', pos: i };
    }
    const c = src[i];
    if (c === '\n') {
      this.#pos = i + 1;
      this.#readHeredocs();
      return { t: 'nl', pos: i };
    }
    const digits = /^[0-9]+(?=[<>])/.exec(src.slice(i, i + 12));
    if (digits) {
      const at = i + digits[0].length;
      const op = REDIRS.find((r) => !r.startsWith('&') && src.startsWith(r, at)) as RedirOp;
      this.#pos = at + op.length;
      return { t: 'redir', op, fd: Math.min(Number(digits[0]), 2 ** 31), pos: i };
    }
    for (const op of REDIRS) {
      if (src.startsWith(op, i)) {
        this.#pos = i + op.length;
        return { t: 'redir', op, fd: null, pos: i };
      }
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, i)) {
        this.#pos = i + op.length;
        return { t: 'op', op, pos: i };
      }
    }
    if (META.has(c)) throw new Error(`unhandled character ${JSON.stringify(c)}`);
    try {
      const { word, end } = scanWord(src, i);
      this.#pos = end;
      return { t: 'word', word, pos: i };
    } catch (e) {
      if (e instanceof Incomplete && this.eof && e.reason === 'backslash') {
        // A lone backslash at the very end of input is kept as a literal.
        const { word, end } = scanWord(src.slice(0, src.length - 1), i);
        word.parts.push({ k: 'lit', text: '\\', quoted: true });
        word.raw += '\\';
        this.#pos = end + 1;
        return { t: 'word', word, pos: i };
      }
      throw e;
    }
  }

  /** Reads the bodies of the pending heredocs from the lines after the current position. */
  #readHeredocs(): void {
    const src = this.src;
    while (this.#pending.length > 0) {
      const h = this.#pending[0];
      const lines: string[] = [];
      let found = false;
      while (this.#pos < src.length) {
        const nl = src.indexOf('\n', this.#pos);
        const end = nl < 0 ? src.length : nl;
        let line = src.slice(this.#pos, end);
        this.#pos = nl < 0 ? src.length : nl + 1;
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
      this.#pending.shift();
    }
  }
}

function countNewlines(src: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (src[i] === '\n') n++;
  return n;
}

function rawOf(p: Word['parts'][number]): string {
  if (p.k === 'param') return '$' + p.name;
  if (p.k === 'cmd') return '$(' + p.src + ')';
  if (p.k === 'arith') return '$((' + p.src + '))';
  if (p.k === 'bad') return p.text;
  return '';
}

/** `NAME=value` at the start of a simple command (NAME unquoted). */
function asAssignment(word: Word): Assignment | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.raw);
  const first = word.parts[0];
  if (!m || !first || first.k !== 'lit' || first.quoted || !first.text.startsWith(m[0])) return null;
  const rest = first.text.slice(m[0].length);
  const parts: Word['parts'] = [];
  if (rest.startsWith('~') && (rest.length === 1 || rest[1] === '/' || word.parts.length === 1)) {
    const user = /^~([A-Za-z0-9._-]*)/.exec(rest) as RegExpExecArray;
    const after = rest.slice(user[0].length);
    if (after === '' || after.startsWith('/')) {
      parts.push({ k: 'tilde', user: user[1] });
      if (after) parts.push({ k: 'lit', text: after, quoted: false });
    } else parts.push({ k: 'lit', text: rest, quoted: false });
  } else if (rest) {
    parts.push({ k: 'lit', text: rest, quoted: false });
  }
  parts.push(...word.parts.slice(1));
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) } };
}
