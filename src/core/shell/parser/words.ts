/**
 * Word scanning: quotes, escapes, `$` expansions, command substitutions and
 * tilde, turning the characters of one shell word into WordParts. Scanning
 * stops at the first unquoted metacharacter (blank, newline, | & ; ( ) < >).
 * Running out of input inside a construct raises `Incomplete` (bash would
 * prompt for more with `> `).
 */
import type { ParamOp, Word, WordPart } from './ast.ts';

/** Input ended inside a construct; `quote` is the closing character bash looks for. */
export class Incomplete {
  constructor(
    readonly reason: 'quote' | 'backslash',
    readonly quote = '',
  ) {}
}

export const META = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '@', '*', '-', '0']);

class Parts {
  readonly list: WordPart[] = [];
  lit(text: string, quoted: boolean): void {
    if (text === '' && !quoted) return;
    const last = this.list[this.list.length - 1];
    if (last && last.k === 'lit' && last.quoted === quoted) last.text += text;
    else this.list.push({ k: 'lit', text, quoted });
  }
  push(p: WordPart): void {
    this.list.push(p);
  }
}

/** Scans one word starting at `i` (not at a metacharacter). Returns the word and the index after it. */
export function scanWord(src: string, i: number): { word: Word; end: number } {
  const start = i;
  const parts = new Parts();
  if (src[i] === '~') {
    let j = i + 1;
    while (j < src.length && !META.has(src[j]) && src[j] !== '/' && /[A-Za-z0-9._-]/.test(src[j])) j++;
    if (j >= src.length || META.has(src[j]) || src[j] === '/') {
      parts.push({ k: 'tilde', user: src.slice(i + 1, j) });
      i = j;
    }
  }
  while (i < src.length && !META.has(src[i])) {
    const c = src[i];
    if (c === '\\') {
      if (i + 1 >= src.length) throw new Incomplete('backslash');
      if (src[i + 1] !== '\n') parts.lit(src[i + 1], true);
      i += 2;
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) throw new Incomplete('quote', "'");
      parts.lit(src.slice(i + 1, close), true);
      i = close + 1;
    } else if (c === '"') {
      i = scanDouble(src, i + 1, parts, 'dq');
    } else if (c === '$') {
      i = scanDollar(src, i, parts, false);
    } else if (c === '`') {
      i = scanBackquote(src, i, parts, false);
    } else {
      parts.lit(c, false);
      i++;
    }
  }
  return { word: { parts: parts.list, raw: src.slice(start, i) }, end: i };
}

/**
 * Scans the inside of double quotes (mode 'dq', from after the opening `"`,
 * returns the index after the closing one) or a whole heredoc body (mode
 * 'heredoc': `"` is literal, runs to the end of `src`).
 */
export function scanDouble(src: string, i: number, parts: Parts, mode: 'dq' | 'heredoc'): number {
  const escapable = mode === 'dq' ? '$`"\\\n' : '$`\\\n';
  parts.lit('', true);
  while (i < src.length) {
    const c = src[i];
    if (mode === 'dq' && c === '"') return i + 1;
    if (c === '\\') {
      if (i + 1 >= src.length) {
        if (mode === 'dq') throw new Incomplete('quote', '"');
        parts.lit('\\', true);
        return i + 1;
      }
      const n = src[i + 1];
      if (escapable.includes(n)) {
        if (n !== '\n') parts.lit(n, true);
      } else {
        parts.lit('\\' + n, true);
      }
      i += 2;
    } else if (c === '$') {
      i = scanDollar(src, i, parts, true);
    } else if (c === '`') {
      i = scanBackquote(src, i, parts, true);
    } else {
      parts.lit(c, true);
      i++;
    }
  }
  if (mode === 'dq') throw new Incomplete('quote', '"');
  return i;
}

/** A heredoc body as a word (expanding `$` and backquotes like double quotes, `"` literal). */
export function scanHeredocBody(body: string): Word {
  const parts = new Parts();
  try {
    scanDouble(body, 0, parts, 'heredoc');
  } catch {
    // An unterminated `$(` in a body: bash keeps the text as it is.
    return { parts: [{ k: 'lit', text: body, quoted: true }], raw: body };
  }
  return { parts: parts.list, raw: body };
}

function scanDollar(src: string, i: number, parts: Parts, quoted: boolean): number {
  const n = src[i + 1];
  if (n === undefined) {
    parts.lit('$', quoted);
    return i + 1;
  }
  if (n === "'" && !quoted) return scanAnsiC(src, i + 2, parts);
  if (n === '"' && !quoted) return scanDouble(src, i + 2, parts, 'dq');
  if (n === '{') {
    const close = findBraceClose(src, i + 2);
    if (close < 0) throw new Incomplete('quote', '}');
    parts.push(paramFromBraces(src.slice(i + 2, close), quoted));
    return close + 1;
  }
  if (n === '(' && src[i + 2] === '(') {
    const close = findParenClose(src, i + 2);
    if (close < 0) throw new Incomplete('quote', ')');
    if (src[close - 1] === ')' && findParenClose(src, i + 3) === close - 1) {
      parts.push({ k: 'arith', src: src.slice(i + 3, close - 1), quoted });
      return close + 1;
    }
  }
  if (n === '(') {
    const close = findParenClose(src, i + 2);
    if (close < 0) throw new Incomplete('quote', ')');
    parts.push({ k: 'cmd', src: src.slice(i + 2, close), quoted });
    return close + 1;
  }
  if (NAME_START.test(n)) {
    let j = i + 1;
    while (j < src.length && NAME_CHAR.test(src[j])) j++;
    parts.push({ k: 'param', name: src.slice(i + 1, j), quoted });
    return j;
  }
  if (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n)) {
    parts.push({ k: 'param', name: n, quoted });
    return i + 2;
  }
  parts.lit('$', quoted);
  return i + 1;
}

function paramFromBraces(inner: string, quoted: boolean): WordPart {
  const bad: WordPart = { k: 'bad', text: '${' + inner + '}' };
  const simple = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])$/;
  if (simple.test(inner)) return { k: 'param', name: inner, quoted };
  const len = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])$/.exec(inner);
  if (len) return { k: 'param', name: len[1], quoted, op: { kind: 'length' } };
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])(:?)([-=+])([\s\S]*)$/.exec(inner);
  if (!m) return bad;
  let word: Word;
  try {
    const parts = new Parts();
    scanDouble(m[4], 0, parts, 'heredoc');
    word = { parts: quoted ? parts.list : parts.list.map(unquoteLit), raw: m[4] };
  } catch {
    return bad;
  }
  const kind = m[3] === '-' ? 'default' : m[3] === '=' ? 'assign' : 'alt';
  const op: ParamOp = { kind, colon: m[2] === ':', word };
  return { k: 'param', name: m[1], quoted, op };
}

function unquoteLit(p: WordPart): WordPart {
  return p.k === 'lit' ? { ...p, quoted: false } : p;
}

function scanAnsiC(src: string, i: number, parts: Parts): number {
  let out = '';
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      parts.lit(out, true);
      return i + 1;
    }
    if (c === '\\' && i + 1 < src.length) {
      const n = src[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (n in simple) {
        out += simple[n];
        i += 2;
      } else if (n === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 2));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += 2 + m[0].length;
        } else {
          out += '\\x';
          i += 2;
        }
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(src.slice(i + 1)) as RegExpExecArray;
        out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
        i += 1 + m[0].length;
      } else {
        out += '\\' + n;
        i += 2;
      }
    } else {
      out += c;
      i++;
    }
  }
  throw new Incomplete('quote', "'");
}

function scanBackquote(src: string, i: number, parts: Parts, quoted: boolean): number {
  let inner = '';
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '`') {
      parts.push({ k: 'cmd', src: inner, quoted });
      return j + 1;
    }
    if (c === '\\' && j + 1 < src.length && '$`\\'.includes(src[j + 1])) {
      inner += src[j + 1];
      j += 2;
    } else {
      inner += c;
      j++;
    }
  }
  throw new Incomplete('quote', '`');
}

/** Index of the `}` closing a `${` whose contents start at `i`, or -1. */
function findBraceClose(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === '$' && src[i + 1] === '{') {
      depth++;
      i += 2;
    } else if (c === '}') {
      if (--depth === 0) return i;
      i++;
    } else i++;
  }
  return -1;
}

/** Index of the `)` closing a `$(` whose contents start at `i`, or -1 (quotes and nesting respected). */
export function findParenClose(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) return -1;
      i++;
    } else if (c === '(') {
      depth++;
      i++;
    } else if (c === ')') {
      if (--depth === 0) return i;
      i++;
    } else i++;
  }
  return -1;
}
