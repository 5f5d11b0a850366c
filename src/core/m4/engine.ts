/**
 * The expansion loop of GNU m4 1.4.19 (macro.c, output.c): tokens are copied
 * to the current diversion, a word naming a macro is called with the
 * arguments collected after it, and the expansion is pushed back and read
 * again. Diversions are kept in memory and appended in order at the end.
 */

import { Input, M4Fatal, at, type Token } from './input.ts';
import { dumpArgs } from './args.ts';
import { type Arg, type Builtin, type Def, type M4Context, type M4Host, type M4Limits } from './types.ts';

export class M4Exit extends Error {
  constructor(readonly status: number) {
    super(`m4exit ${status}`);
  }
}

const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

export class Engine implements M4Context {
  readonly input = new Input();
  private symbols = new Map<string, Def[]>();
  private diversions = new Map<number, string[]>();
  private current = 0;
  private out: string[] = [];
  /** How much of stdout GNU m4 has flushed: it flushes before each diagnostic. */
  private flushed = 0;
  private err: string[] = [];
  private outBytes = 0;
  private steps = 0;
  private depth = 0;
  status = 0;
  sysval = 0;
  readonly substituteState = { warnedZero: false };

  constructor(
    readonly host: M4Host,
    readonly limits: M4Limits,
    private readonly builtins: Record<string, Builtin>,
  ) {}

  // ---- results
  private flush(): void {
    this.flushed = this.out.length;
  }
  /** A stack overflow ends m4 with _exit: what stdio had not flushed is lost. */
  loseUnflushed(): void {
    this.out.length = this.flushed;
  }
  stdoutText(): string {
    return this.out.join('');
  }
  stderrText(): string {
    return this.err.join('');
  }

  // ---- diagnostics
  warn(message: string): void {
    this.flush();
    this.err.push(at(this.input.currentFile, this.input.currentLine, message));
  }
  error(message: string): void {
    this.warn(message);
    this.status = 1;
  }
  fatal(message: string): never {
    throw new M4Fatal(at(this.input.currentFile, this.input.currentLine, message));
  }
  stderr(text: string): void {
    this.flush();
    this.err.push(text);
  }

  // ---- symbols
  lookup(name: string): Def | undefined {
    const s = this.symbols.get(name);
    return s ? s[s.length - 1] : undefined;
  }
  define(name: string, def: Def): void {
    const s = this.symbols.get(name);
    if (s && s.length > 0) s[s.length - 1] = def;
    else this.symbols.set(name, [def]);
  }
  pushdef(name: string, def: Def): void {
    const s = this.symbols.get(name);
    if (s) s.push(def);
    else this.symbols.set(name, [def]);
  }
  undefine(name: string): void {
    this.symbols.delete(name);
  }
  popdef(name: string): void {
    const s = this.symbols.get(name);
    if (!s) return;
    s.pop();
    if (s.length === 0) this.symbols.delete(name);
  }
  names(): string[] {
    return [...this.symbols.keys()];
  }
  quotes(): [string, string] {
    return [this.input.lquote, this.input.rquote];
  }
  setQuotes(l: string, r: string): void {
    this.input.lquote = l;
    this.input.rquote = r;
  }
  setComment(b: string, e: string): void {
    this.input.bcomm = b;
    this.input.ecomm = e;
  }

  // ---- output and diversions
  private count(n: number): void {
    this.outBytes += n;
    if (this.outBytes > this.limits.maxOutput) this.fatal(`ERROR: the lab stops m4 after ${this.limits.maxOutput} bytes of output`);
  }
  output(text: string): void {
    if (text === '' || this.current < 0) return;
    this.count(text.length);
    if (this.current === 0) this.out.push(text);
    else {
      let d = this.diversions.get(this.current);
      if (!d) this.diversions.set(this.current, (d = []));
      d.push(text);
    }
  }
  stdout(text: string): void {
    this.count(text.length);
    this.out.push(text);
  }
  divert(n: number): void {
    this.current = n;
  }
  divnum(): number {
    return this.current;
  }
  undivert(n: number): void {
    if (n === this.current || n <= 0) return;
    const d = this.diversions.get(n);
    if (!d) return;
    this.diversions.delete(n);
    this.outBytes -= d.reduce((a, s) => a + s.length, 0);
    this.output(d.join(''));
  }
  undivertAll(): void {
    for (const n of [...this.diversions.keys()].sort((a, b) => a - b)) this.undivert(n);
  }

  // ---- input
  includeFile(name: string, text: string): void {
    this.input.pushFile(name, text);
  }
  pushMacro(name: string): void {
    this.input.pushMacro(name);
  }
  pushWrapup(text: string): void {
    this.input.pushWrapup(text);
  }
  skipLine(): void {
    const file = this.input.currentFile;
    const line = this.input.currentLine;
    if (!this.input.skipLine()) {
      this.flush();
      this.err.push(at(file, line, 'Warning: end of file treated as newline'));
    }
  }
  currentFile(): string {
    return this.input.currentFile;
  }
  currentLine(): number {
    return this.input.currentLine;
  }
  exit(status: number): never {
    throw new M4Exit(status);
  }

  // ---- expansion
  expandInput(): void {
    for (;;) {
      const t = this.input.nextToken();
      if (t.type === 'eof') return;
      this.expandToken(null, t);
    }
  }

  private expandToken(obs: string[] | null, t: Token): void {
    if (t.type === 'eof' || t.type === 'macdef') return;
    if (t.type === 'word') {
      const def = this.lookup(t.text);
      const blind = def?.kind === 'func' && this.builtins[def.name]?.blind;
      if (def !== undefined && !(blind && !this.input.peekOpen())) {
        this.expandMacro(t.text, def);
        return;
      }
    }
    if (obs) obs.push(t.text);
    else this.output(t.text);
  }

  /**
   * GNU expand_macro: builtins report, and the expansion is pushed, at the
   * location where the macro's name was read; reading then goes on at the
   * location of the closing parenthesis.
   */
  private expandMacro(name: string, def: Def): void {
    const openFile = this.input.currentFile;
    const openLine = this.input.currentLine;
    if (++this.depth > this.limits.maxDepth) {
      // GNU m4 has no default limit: it recurses until the C stack overflows and says so
      throw new M4Fatal('m4: stack overflow\n', 1, true);
    }
    if (++this.steps > this.limits.maxSteps) {
      this.fatal(`ERROR: the lab stops m4 after ${this.limits.maxSteps} macro calls`);
    }
    const groks = def.kind === 'func' && (this.builtins[def.name]?.groks ?? false);
    const args = this.collectArguments(name, groks);
    const closeFile = this.input.currentFile;
    const closeLine = this.input.currentLine;
    this.input.currentFile = openFile;
    this.input.currentLine = openLine;
    const expansion = this.call(def, args);
    if (expansion.length > this.limits.maxOutput) this.fatal(`ERROR: the lab stops m4 at an expansion of more than ${this.limits.maxOutput} bytes`);
    this.input.pushString(expansion);
    this.input.currentFile = closeFile;
    this.input.currentLine = closeLine;
    this.depth--;
  }

  private call(def: Def, args: Arg[]): string {
    if (def.kind === 'func') {
      const b = this.builtins[def.name];
      return b ? b.fn(this, args) : '';
    }
    return expandUser(def.text, args, this.input.lquote, this.input.rquote);
  }

  callBuiltin(name: string, args: Arg[]): string | undefined {
    const b = this.builtins[name];
    if (!b) return undefined;
    return b.fn(this, args);
  }

  callMacro(name: string, args: Arg[]): string | undefined {
    const def = this.lookup(name);
    if (!def) return undefined;
    return this.call(def, [{ text: name }, ...args]);
  }

  private collectArguments(name: string, groks: boolean): Arg[] {
    const args: Arg[] = [{ text: name }];
    if (!this.input.peekOpen()) return args;
    this.input.nextToken();
    for (;;) {
      const [arg, more] = this.expandArgument();
      args.push(!groks && arg.func !== undefined ? { text: '' } : arg);
      if (!more) return args;
    }
  }

  private expandArgument(): [Arg, boolean] {
    const file = this.input.currentFile;
    const line = this.input.currentLine;
    let t: Token;
    do t = this.input.nextToken();
    while (t.type === 'simple' && SPACE.has(t.text));
    const parts: string[] = [];
    let size = 0;
    let func: string | undefined;
    let paren = 0;
    for (;;) {
      switch (t.type) {
        case 'comma':
        case 'close':
          if (paren === 0) {
            const text = parts.join('');
            const arg: Arg = func !== undefined && text === '' ? { text: '', func } : { text };
            return [arg, t.type === 'comma'];
          }
          if (t.type === 'close') paren--;
          parts.push(t.text);
          break;
        case 'open':
          paren++;
          parts.push(t.text);
          break;
        case 'simple':
          parts.push(t.text);
          break;
        case 'eof':
          throw new M4Fatal(at(file, line, 'ERROR: end of file in argument list'));
        case 'word':
        case 'string': {
          const before = parts.length;
          this.expandToken(parts, t);
          for (let i = before; i < parts.length; i++) size += parts[i].length;
          if (size > this.limits.maxOutput) this.fatal(`ERROR: the lab stops m4 at an argument of more than ${this.limits.maxOutput} bytes`);
          break;
        }
        case 'macdef':
          if (parts.length === 0) func = t.builtin;
          break;
      }
      t = this.input.nextToken();
    }
  }
}

/** A user macro's body with $0..$N, $#, $* and $@ replaced (GNU expand_user_macro). */
export function expandUser(body: string, args: Arg[], lq: string, rq: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const d = body.indexOf('$', i);
    if (d < 0) break;
    out += body.slice(i, d);
    i = d + 1;
    const c = body.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let n = 0;
      while (i < body.length && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 57) {
        n = n * 10 + (body.charCodeAt(i) - 48);
        if (n > 1e9) n = 1e9;
        i++;
      }
      if (n < args.length) out += args[n].text;
    } else if (c === 35) {
      out += String(args.length - 1);
      i++;
    } else if (c === 42 || c === 64) {
      out += dumpArgs(args, ',', c === 64 ? lq : '', c === 64 ? rq : '');
      i++;
    } else out += '$';
  }
  return out + body.slice(i);
}
