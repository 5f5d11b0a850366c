/**
 * `eval` as GNU m4 1.4.19 (eval.c): 32-bit signed integers that wrap, C
 * precedence, `**` for powers, `||`/`&&` that do not evaluate (nor complain
 * about) their unused side, numbers in decimal, 0octal, 0x hex, 0b binary and
 * 0r<radix>:digits. No `?:` in 1.4.19.
 */

export type EvalResult = { ok: true; value: number; warnings: string[] } | { ok: false; error: string; warnings: string[] };

type Tok =
  | { t: 'num'; v: number }
  | { t: 'op'; v: string }
  | { t: 'lp' }
  | { t: 'rp' }
  | { t: 'end' }
  | { t: 'bad' }
  | { t: 'badop' };

class EvalError extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

const OPS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '~', '!', '='];

function i32(n: number): number {
  return n | 0;
}

export function evaluate(expr: string): EvalResult {
  const warnings: string[] = [];
  let pos = 0;
  let tok: Tok = { t: 'end' };

  function lex(): Tok {
    while (pos < expr.length && /\s/.test(expr[pos])) pos++;
    if (pos >= expr.length) return { t: 'end' };
    const c = expr[pos];
    if (c >= '0' && c <= '9') {
      let base = 10;
      if (c === '0') {
        pos++;
        const n = expr[pos];
        if (n === 'x' || n === 'X') {
          base = 16;
          pos++;
        } else if (n === 'b' || n === 'B') {
          base = 2;
          pos++;
        } else if (n === 'r' || n === 'R') {
          pos++;
          base = 0;
          while (pos < expr.length && expr[pos] >= '0' && expr[pos] <= '9') base = base * 10 + (expr.charCodeAt(pos++) - 48);
          if (base === 0 || base > 36 || expr[pos] !== ':') return { t: 'bad' };
          pos++;
        } else base = 8;
      }
      let value = 0;
      for (; pos < expr.length; pos++) {
        const d = expr.charCodeAt(pos);
        let digit: number;
        if (d >= 48 && d <= 57) digit = d - 48;
        else if (d >= 97 && d <= 122) digit = d - 87;
        else if (d >= 65 && d <= 90) digit = d - 55;
        else break;
        if (base === 1) {
          if (digit === 1) value = i32(value + 1);
          else if (digit === 0 && value === 0) continue;
          else break;
        } else if (digit >= base) break;
        else value = i32(Math.imul(value, base) + digit);
      }
      return { t: 'num', v: value };
    }
    if (c === '(') {
      pos++;
      return { t: 'lp' };
    }
    if (c === ')') {
      pos++;
      return { t: 'rp' };
    }
    // GNU eval_lex: C's assignment and increment operators are not m4's
    if (/^(\+[+=]|-[-=]|\*=|\/=|%=|\^=|&=|\|=|<<=|>>=)/.test(expr.slice(pos, pos + 3))) {
      pos++;
      return { t: 'badop' };
    }
    for (const op of OPS) {
      if (expr.startsWith(op, pos)) {
        pos += op.length;
        if (op === '=') {
          warnings.push('Warning: recommend ==, not =, for equality operator');
          return { t: 'op', v: '==' };
        }
        return { t: 'op', v: op };
      }
    }
    return { t: 'bad' };
  }

  function next(): void {
    tok = lex();
  }
  /** Where an operator may follow: GNU reports what cannot be one. */
  function operatorPosition(): void {
    if (tok.t === 'bad') throw new EvalError('bad input');
    if (tok.t === 'badop') throw new EvalError('invalid');
  }
  function isOp(v: string): boolean {
    return tok.t === 'op' && tok.v === v;
  }

  type Level = { ops: string[]; apply: (op: string, a: number, b: number, live: boolean) => number };
  const levels: Level[] = [
    { ops: ['|'], apply: (_o, a, b) => a | b },
    { ops: ['^'], apply: (_o, a, b) => a ^ b },
    { ops: ['&'], apply: (_o, a, b) => a & b },
    { ops: ['==', '!='], apply: (o, a, b) => (o === '==' ? +(a === b) : +(a !== b)) },
    { ops: ['<', '<=', '>', '>='], apply: (o, a, b) => +(o === '<' ? a < b : o === '<=' ? a <= b : o === '>' ? a > b : a >= b) },
    { ops: ['<<', '>>'], apply: (o, a, b) => (o === '<<' ? a << (b & 31) : a >> (b & 31)) },
    { ops: ['+', '-'], apply: (o, a, b) => (o === '+' ? i32(a + b) : i32(a - b)) },
    {
      ops: ['*', '/', '%'],
      apply: (o, a, b, live) => {
        if (o === '*') return Math.imul(a, b);
        if (b === 0) {
          if (live) throw new EvalError(o === '/' ? 'divide' : 'modulo');
          return 0;
        }
        if (b === -1) return o === '/' ? i32(-a) : 0;
        return o === '/' ? i32(Math.trunc(a / b)) : i32(a % b);
      },
    },
  ];

  function orTerm(live: boolean): number {
    let v = andTerm(live);
    operatorPosition();
    while (isOp('||')) {
      next();
      const r = andTerm(live && v === 0);
      v = +(v !== 0 || r !== 0);
    }
    return v;
  }
  function andTerm(live: boolean): number {
    let v = binary(0, live);
    operatorPosition();
    while (isOp('&&')) {
      next();
      const r = binary(0, live && v !== 0);
      v = +(v !== 0 && r !== 0);
    }
    return v;
  }
  function binary(level: number, live: boolean): number {
    if (level >= levels.length) return expTerm(live);
    const L = levels[level];
    let v = binary(level + 1, live);
    operatorPosition();
    while (tok.t === 'op' && L.ops.includes(tok.v)) {
      const op = tok.v;
      next();
      const r = binary(level + 1, live);
      v = L.apply(op, v, r, live);
    }
    return v;
  }
  function expTerm(live: boolean): number {
    const base = unary(live);
    operatorPosition();
    if (!isOp('**')) return base;
    next();
    const e = expTerm(live);
    if (e < 0) {
      if (live) throw new EvalError('negative');
      return 0;
    }
    let r = 1;
    for (let i = 0; i < e && i < 64; i++) r = Math.imul(r, base);
    if (e >= 64) r = base === 1 ? 1 : base === -1 ? (e % 2 ? -1 : 1) : base === 0 ? 0 : powBig(base, e);
    return r;
  }
  function unary(live: boolean): number {
    if (tok.t === 'badop') throw new EvalError('invalid');
    if (tok.t === 'op') {
      const op = tok.v;
      if (op === '+' || op === '-' || op === '~' || op === '!') {
        next();
        const v = unary(live);
        return op === '+' ? v : op === '-' ? i32(-v) : op === '~' ? ~v : +(v === 0);
      }
      throw new EvalError('syntax');
    }
    if (tok.t === 'lp') {
      next();
      const v = orTerm(live);
      if ((tok as Tok).t !== 'rp') throw new EvalError('missing');
      next();
      return v;
    }
    if (tok.t === 'num') {
      const v = tok.v;
      next();
      return v;
    }
    throw new EvalError('syntax');
  }

  try {
    next();
    const v = orTerm(true);
    operatorPosition();
    if (tok.t !== 'end') throw new EvalError('excess');
    return { ok: true, value: v, warnings };
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    const msg: Record<string, string> = {
      syntax: `bad expression in eval: ${expr}`,
      missing: `bad expression in eval (missing right parenthesis): ${expr}`,
      'bad input': `bad expression in eval (bad input): ${expr}`,
      excess: `bad expression in eval (excess input): ${expr}`,
      divide: `divide by zero in eval: ${expr}`,
      modulo: `modulo by zero in eval: ${expr}`,
      negative: `negative exponent in eval: ${expr}`,
      invalid: `invalid operator in eval: ${expr}`,
    };
    return { ok: false, error: msg[e.kind], warnings };
  }
}

function powBig(base: number, e: number): number {
  let r = 1;
  let b = base;
  let n = e;
  while (n > 0) {
    if (n & 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
    n = Math.floor(n / 2);
  }
  return r;
}

/** eval's second and third arguments: the value in `radix`, zero-padded to `width` digits. */
export function formatRadix(value: number, radix: number, width: number): string {
  let digits: string;
  let neg = false;
  let v = value;
  if (v < 0) {
    neg = true;
    v = -v;
  }
  if (radix === 1) digits = '1'.repeat(v >>> 0);
  else digits = (v >>> 0).toString(radix);
  if (digits.length < width) digits = '0'.repeat(width - digits.length) + digits;
  return (neg ? '-' : '') + digits;
}
