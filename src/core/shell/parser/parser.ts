/**
 * Recursive-descent parser for the lab's bash subset (grammar in ast.ts,
 * tokens from lexer.ts). `parse(src)` never throws: it returns a tree,
 * "incomplete" (the REPL then reads a continuation line with the `> ` prompt
 * and parses the joined text again), or a syntax error worded as bash words it.
 */
import type { AndOr, Assignment, CommandNode, List, ParseResult, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';
import { Incomplete } from './words.ts';
import { Lexer, NeedMore, type Token } from './lexer.ts';

export interface ParseOptions {
  /** No more input will come: open constructs become errors, an open heredoc ends with a warning. */
  eof?: boolean;
}

class SyntaxErr {
  constructor(
    readonly message: string,
    readonly status = 2,
  ) {}
}
export function parse(src: string, opts: ParseOptions = {}): ParseResult {
  const p = new Parser(src, !!opts.eof);
  try {
    const list = p.parseProgram();
    return { kind: 'ok', list, warnings: p.lexer.warnings };
  } catch (e) {
    if (e instanceof SyntaxErr) return e.status === 2 ? { kind: 'error', message: e.message } : { kind: 'error', message: e.message, status: e.status };
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
  readonly lexer: Lexer;
  #peeked: Token | null = null;

  constructor(
    readonly src: string,
    eof: boolean,
  ) {
    this.lexer = new Lexer(src, eof);
  }

  parseProgram(): List {
    const list = this.#list([]);
    const t = this.#peek();
    if (t.t !== 'eof') throw this.#unexpected(t);
    return list;
  }

  // ---- grammar --------------------------------------------------------------

  /**
   * A list. Nested lists end at one of `ends`: `)` or reserved words such as
   * `then`, `fi`, `done`, `}` (recognised unquoted, in command position).
   */
  #list(ends: readonly string[]): List {
    const nested = ends.length > 0;
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const t = this.#peek();
      if (t.t === 'eof') {
        if (nested) throw new NeedMore('operator');
        break;
      }
      if (this.#isEnd(t, ends)) {
        if (items.length === 0) throw this.#unexpected(t);
        break;
      }
      if (t.t === 'word' && isReserved(t.word) && ['then', 'elif', 'else', 'fi', 'do', 'done', '}'].includes(t.word.raw)) {
        throw this.#unexpected(t);
      }
      const item = this.#andOr();
      items.push(item);
      const sep = this.#peek();
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#next();
        item.background = sep.op === '&';
      } else if (sep.t === 'nl') {
        this.#next();
      } else if (sep.t === 'eof' || (nested && sep.t === 'op' && sep.op === ')' && ends.includes(')'))) {
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
      const body = this.#list([')']);
      const close = this.#next();
      if (close.t !== 'op' || close.op !== ')') throw this.#unexpected(close);
      return { type: 'subshell', body, redirs: this.#trailingRedirects() };
    }
    if (t.t === 'word' && isReserved(t.word)) {
      switch (t.word.raw) {
        case '{': {
          this.#next();
          const body = this.#list(['}']);
          this.#expectWord('}');
          return { type: 'group', body, redirs: this.#trailingRedirects() };
        }
        case 'if':
          return this.#if();
        case 'for':
          return this.#for();
        case 'while':
        case 'until': {
          this.#next();
          const cond = this.#list(['do']);
          this.#expectWord('do');
          const body = this.#list(['done']);
          this.#expectWord('done');
          return { type: 'while', until: t.word.raw === 'until', cond, body, redirs: this.#trailingRedirects() };
        }
      }
    }
    return this.#simple();
  }

  #if(): CommandNode {
    this.#next();
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | null = null;
    for (;;) {
      const cond = this.#list(['then']);
      this.#expectWord('then');
      const body = this.#list(['elif', 'else', 'fi']);
      clauses.push({ cond, body });
      const t = this.#next() as Extract<Token, { t: 'word' }>;
      if (t.word.raw === 'elif') continue;
      if (t.word.raw === 'else') {
        elseBody = this.#list(['fi']);
        this.#expectWord('fi');
      }
      break;
    }
    return { type: 'if', clauses, elseBody, redirs: this.#trailingRedirects() };
  }

  #for(): CommandNode {
    this.#next();
    const nameTok = this.#next();
    if (nameTok.t === 'eof') throw new NeedMore('operator');
    if (nameTok.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.word.raw)) {
      if (nameTok.t === 'word') throw new SyntaxErr(`\`${nameTok.word.raw}': not a valid identifier`, 1);
      throw this.#unexpected(nameTok);
    }
    const words: Word[] = [];
    this.#skipNewlines();
    let t = this.#peek();
    if (t.t === 'word' && isReserved(t.word) && t.word.raw === 'in') {
      this.#next();
      for (;;) {
        t = this.#peek();
        if (t.t !== 'word') break;
        words.push(t.word);
        this.#next();
      }
    }
    t = this.#peek();
    if (t.t === 'op' && t.op === ';') this.#next();
    else if (t.t !== 'nl' && t.t !== 'eof' && !(t.t === 'word' && t.word.raw === 'do')) throw this.#unexpected(t);
    this.#skipNewlines();
    this.#expectWord('do');
    const body = this.#list(['done']);
    this.#expectWord('done');
    return { type: 'for', name: nameTok.word.raw, words, body, redirs: this.#trailingRedirects() };
  }

  /** Consumes the reserved word `w`, or asks for more input / reports the token found. */
  #expectWord(w: string): void {
    const t = this.#next();
    if (t.t === 'eof') throw new NeedMore('operator');
    if (t.t !== 'word' || t.word.raw !== w || !isReserved(t.word)) throw this.#unexpected(t);
  }

  #isEnd(t: Token, ends: readonly string[]): boolean {
    if (t.t === 'op' && t.op === ')') return ends.includes(')');
    return t.t === 'word' && isReserved(t.word) && ends.includes(t.word.raw);
  }

  /** Redirections after a compound command (`done > log`); a word there is an error. */
  #trailingRedirects(): Redirect[] {
    const redirs: Redirect[] = [];
    for (;;) {
      const r = this.#peek();
      if (r.t === 'redir') redirs.push(this.#redirect());
      else if (r.t === 'word') throw this.#unexpected(r);
      else return redirs;
    }
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
      this.lexer.pending.push({ redir, delimiter, strip: r.op === '<<-', expand, line });
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
    if (this.#peeked === null) this.#peeked = this.lexer.next();
    return this.#peeked;
  }

  #next(): Token {
    const t = this.#peek();
    this.#peeked = null;
    return t;
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

/** A word that can be a reserved word: plain unquoted text. */
function isReserved(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0].k === 'lit' && !word.parts[0].quoted;
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
