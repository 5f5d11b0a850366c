/**
 * GNU m4's regular expressions (GNU regex, RE_SYNTAX_EMACS) translated to a
 * JavaScript RegExp, and the replacement text of `regexp`/`patsubst`
 * (`\0`..`\9`, `\&`, `\\`).
 */

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
      const lit = (ch: string): string => (/[\\[\]^-]/.test(ch) ? '\\' + ch : ch);
      for (; j < src.length && src[j] !== ']'; j++) {
        if (src[j + 1] === '-' && j + 2 < src.length && src[j + 2] !== ']') {
          // a range; GNU accepts an empty one (z-a), which matches nothing
          if (src.charCodeAt(j) <= src.charCodeAt(j + 2)) cls += lit(src[j]) + '-' + lit(src[j + 2]);
          j += 2;
        } else cls += lit(src[j]);
      }
      if (j >= src.length) return { ok: false, error: i + 1 >= src.length ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=' };
      if (cls === '[') cls = '[^\\s\\S';
      else if (cls === '[^') cls = '[\\s\\S';
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

/**
 * Expand `\N`, `\&` and `\\` of a replacement for one match, with GNU's
 * warnings (`\0` once per run, a group the expression does not have).
 */
export function substitute(replacement: string, match: RegExpExecArray, groups: number, warn: (message: string) => void, state: { warnedZero: boolean }): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= replacement.length) {
      warn('Warning: trailing \\ ignored in replacement');
      break;
    }
    const d = replacement[++i];
    if (d === '&') out += match[0];
    else if (d >= '0' && d <= '9') {
      const n = +d;
      if (n === 0 && !state.warnedZero) {
        state.warnedZero = true;
        warn('Warning: \\0 will disappear, use \\& instead in replacements');
      }
      if (n > groups) warn(`Warning: sub-expression ${n} not present`);
      else out += match[n] ?? '';
    } else out += d;
  }
  return out;
}
