/**
 * Arithmetic expansion `$(( ))`: bash's integer expressions (64-bit, C
 * precedence, `**`, `?:`, variables evaluated recursively, unset = 0) with
 * bash's error texts (`1/0: division by 0 (error token is "0")`).
 * SIMPLIFIED: no assignments (`x=1`, `++`), no `base#n` constants.
 */

export class ArithError extends Error {}

type Tok = { t: 'num'; v: bigint; pos: number } | { t: 'name'; v: string; pos: number } | { t: 'op'; v: string; pos: number } | { t: 'end'; pos: number };

const OPS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*', '/', '%', '+', '-', '<', '>', '&', '^', '|', '!', '~', '?', ':', '(', ')'];

/** Binary operators by precedence, lowest first (`?:` is handled apart). */
const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'], ['**']];

export function evaluateArith(expr: string, getVar: (name: string) => string | undefined, depth = 0): bigint {
  if (depth > 32) throw new ArithError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
  const toks = lex(expr);
  let i = 0;
  const peek = (): Tok => toks[i];
  const fail = (kind: string, at: number): never => {
    throw new ArithError(`${expr.trim()}: ${kind} (error token is "${expr.slice(at).trim()}")`);
  };
  const operand = (): bigint => {
    const t = toks[i];
    if (t.t === 'num') {
      i++;
      return t.v;
    }
    if (t.t === 'name') {
      i++;
      const v = getVar(t.v);
      if (v === undefined || v.trim() === '') return 0n;
      return evaluateArith(v, getVar, depth + 1);
    }
    if (t.t === 'op' && ['-', '+', '!', '~'].includes(t.v)) {
      i++;
      const v = operand();
      return t.v === '-' ? BigInt.asIntN(64, -v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : BigInt.asIntN(64, ~v);
    }
    if (t.t === 'op' && t.v === '(') {
      i++;
      const v = ternary();
      if (!(toks[i].t === 'op' && (toks[i] as { v: string }).v === ')')) fail("missing `)'", toks[i].pos);
      i++;
      return v;
    }
    const prev = i > 0 ? toks[i - 1].pos : t.pos;
    return fail('syntax error: operand expected', t.t === 'end' ? prev : t.pos);
  };
  const binary = (level: number): bigint => {
    if (level >= LEVELS.length) return operand();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.t !== 'op' || !LEVELS[level].includes(t.v)) return left;
      i++;
      if (t.v === '**') {
        const right = binary(level); // right-associative
        if (right < 0n) fail('exponent less than 0', t.pos + 2);
        left = BigInt.asIntN(64, left ** right);
        continue;
      }
      const at = toks[i].pos;
      const right = binary(level + 1);
      left = apply(t.v, left, right, () => fail('division by 0', at));
    }
  };
  const ternary = (): bigint => {
    const cond = binary(0);
    const t = peek();
    if (t.t !== 'op' || t.v !== '?') return cond;
    i++;
    const a = ternary();
    const c = peek();
    if (c.t !== 'op' || c.v !== ':') fail("`:' expected for conditional expression", c.pos);
    i++;
    const b = ternary();
    return cond !== 0n ? a : b;
  };
  if (toks.length === 1) return 0n;
  const v = ternary();
  if (peek().t !== 'end') fail('syntax error in expression', peek().pos);
  return v;
}

function apply(op: string, a: bigint, b: bigint, divZero: () => never): bigint {
  const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
  switch (op) {
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': if (b === 0n) divZero(); return wrap(a / b);
    case '%': if (b === 0n) divZero(); return wrap(a % b);
  }
  return 0n;
}

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i));
    if (num && /[0-9]/.test(c)) {
      const text = num[0];
      const v = /^0[xX]/.test(text) ? BigInt(text) : text.length > 1 && text.startsWith('0') ? BigInt('0o' + text.slice(1)) : BigInt(text);
      if (/[A-Za-z0-9_]/.test(s[i + text.length] ?? '')) {
        const bad = /^[A-Za-z0-9_]+/.exec(s.slice(i)) as RegExpExecArray;
        throw new ArithError(`${s.trim()}: value too great for base (error token is "${bad[0]}")`);
      }
      out.push({ t: 'num', v: BigInt.asIntN(64, v), pos: i });
      i += text.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new ArithError(`${s.trim()}: syntax error: invalid arithmetic operator (error token is "${s.slice(i).trim()}")`);
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', pos: s.length });
  return out;
}
