/**
 * GNU m4's regular expressions (GNU regex, RE_SYNTAX_EMACS) translated to a
 * JavaScript RegExp, and the replacement text of `regexp`/`patsubst`
 * (`\0`..`\9`, `\&`, `\\`).
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export type Compiled = { ok: true; re: RegExp; groups: number } | { ok: false; error: string };

export function compileEmacs(src: string): Compiled {
  let out = '';
  let groups = 0;
  let open = 0;
  let atStart = true; // where `^` is an anchor and `*` is literal
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      i++;
      if (i >= src.length) return { ok: false, error: 'Trailing backslash' };
      const d = src[i];
      if (d === '(') {
        groups++;
        open++;
        out += '(';
        atStart = true;
      } else if (d === ')') {
        if (open === 0) return { ok: false, error: 'Unmatched ) or \\)' };
        open--;
        out += ')';
      } else if (d === '|') {
        out += '|';
        atStart = true;
      } else if (d === '{') {
        const end = src.indexOf('\\}', i);
        if (end < 0) return { ok: false, error: 'Unmatched \\{' };
        out += '{' + src.slice(i + 1, end) + '}';
        i = end + 1;
      } else if (d >= '1' && d <= '9') {
        out += '\\' + d;
      } else if (d === 'w' || d === 'W' || d === 'b' || d === 'B') {
        out += '\\' + d;
      } else if (d === '<') {
        out += '\\b(?=\\w)';
      } else if (d === '>') {
        out += '\\b(?<=\\w)';
      } else if (d === '`') {
        out += '(?<![\\s\\S])';
      } else if (d === "'") {
        out += '(?![\\s\\S])';
      } else {
        out += escapeChar(d);
      }
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (src[j] === '^') {
        cls += '^';
        j++;
      }
      if (src[j] === ']') {
        cls += '\\]';
        j++;
      }
      for (; j < src.length && src[j] !== ']'; j++) {
        if (src[j] === '[' && src[j + 1] === ':') {
          const end = src.indexOf(':]', j + 2);
          if (end < 0) return { ok: false, error: 'Unmatched [ or [^' };
          const name = src.slice(j + 2, end);
          if (!(name in CLASSES)) return { ok: false, error: 'Invalid character class name' };
          cls += CLASSES[name];
          j = end + 1;
        } else if (src[j] === '\\' || src[j] === '[' || src[j] === '^') cls += '\\' + src[j];
        else cls += src[j];
      }
      if (j >= src.length) return { ok: false, error: 'Unmatched [ or [^' };
      out += cls + ']';
      i = j;
      continue;
    }
    if (c === '^') {
      out += wasStart ? '^' : '\\^';
      if (wasStart) atStart = true;
      continue;
    }
    if (c === '$') {
      const rest = src.slice(i + 1);
      out += rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$';
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (wasStart) out += '\\' + c;
      else {
        out += c;
        // GNU collapses repeated operators; JS rejects `a**`.
        while (i + 1 < src.length && '*+?'.includes(src[i + 1])) i++;
      }
      continue;
    }
    if (c === '.') {
      out += '[^\\n]';
      continue;
    }
    out += escapeChar(c);
  }
  if (open > 0) return { ok: false, error: 'Unmatched ( or \\(' };
  try {
    return { ok: true, re: new RegExp(out, 'g'), groups };
  } catch {
    return { ok: false, error: 'Invalid regular expression' };
  }
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

/** Expand `\N`, `\&` and `\\` of a replacement for one match. */
export function substitute(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '\\' || i + 1 >= replacement.length) {
      out += c;
      continue;
    }
    const d = replacement[++i];
    if (d === '&') out += match[0];
    else if (d >= '0' && d <= '9') out += match[+d] ?? '';
    else out += d;
  }
  return out;
}
