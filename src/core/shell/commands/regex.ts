/**
 * POSIX regular expressions (GNU grep's BRE and ERE dialects) translated to
 * JavaScript RegExp source. BRE: `\( \) \{ \} \| \+ \?` are operators and
 * `( ) { } | + ?` literals; ERE the reverse. Bracket expressions keep POSIX
 * rules (a leading `]` is literal, backslash is literal, `[:alpha:]` classes).
 * Errors carry GNU grep's messages.
 */

export class RegexError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  let atStart = true; // where `*` is literal
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const r = bracket(pattern, i);
      out += r.re;
      i = r.end;
      atStart = false;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      i++;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (!extended && '(){}|+?'.includes(n)) {
        if (n === '(') {
          depth++;
          out += '(';
          atStart = true;
          continue;
        }
        if (n === ')') {
          if (depth === 0) throw new RegexError('Unmatched ) or \\)');
          depth--;
          out += ')';
        } else if (n === '|') {
          out += '|';
          atStart = true;
          continue;
        } else out += n;
        atStart = false;
        continue;
      }
      if (n === '<' || n === '>' || n === 'b') out += '\\b';
      else if (n === 'B') out += '\\B';
      else if ('wWsS'.includes(n)) out += '\\' + n;
      else if (/[0-9]/.test(n)) out += '\\' + n;
      else out += escapeJs(n);
      atStart = false;
      continue;
    }
    if (extended) {
      if (c === '(') {
        depth++;
        out += '(';
        atStart = true;
        continue;
      }
      if (c === ')') {
        if (depth === 0) {
          out += '\\)';
        } else {
          depth--;
          out += ')';
        }
        atStart = false;
        continue;
      }
      if (c === '|') {
        out += '|';
        atStart = true;
        continue;
      }
      if (c === '{') {
        const m = /^\{([0-9]*)(,?)([0-9]*)\}/.exec(pattern.slice(i));
        if (m && (m[1] !== '' || m[3] !== '')) {
          out += m[0].startsWith('{,') ? `{0${m[0].slice(1)}` : m[0];
          i += m[0].length - 1;
        } else out += '\\{';
        continue;
      }
      if ((c === '*' || c === '+' || c === '?') && atStart) {
        out += '\\' + c;
        atStart = false;
        continue;
      }
      out += c === '}' ? '\\}' : c;
      atStart = false;
      continue;
    }
    // BRE
    if (c === '*' && atStart) {
      out += '\\*';
      atStart = false;
      continue;
    }
    if ('(){}|+?'.includes(c)) {
      out += '\\' + c;
      atStart = false;
      continue;
    }
    if (c === '^' && !atStart) {
      out += '\\^';
      continue;
    }
    if (c === '$' && i + 1 < pattern.length && !(pattern[i + 1] === '\\' && (pattern[i + 2] === ')' || pattern[i + 2] === '|'))) {
      out += '\\$';
      atStart = false;
      continue;
    }
    out += c === '/' ? '\\/' : c;
    atStart = c === '^';
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

function bracket(p: string, start: number): { re: string; end: number } {
  let i = start + 1;
  let body = '';
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, close);
      const cls = CLASSES[name];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      body += cls;
      i = close + 1;
      continue;
    }
    if (c === '\\' || c === '[' || c === ']' || c === '^') body += '\\' + c;
    else body += c;
  }
  // grep 3.8: `a[` and `a[^` (nothing after the bracket) vs `a[b`.
  throw new RegexError(body === '' ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=');
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

export function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
