/**
 * Sendmail's token view of strings (prescan in parseaddr.c): operator characters
 * (`O OperatorChars=.:%@!^/[]+` of the generated cf) and `()<>,;` are tokens of
 * their own, blanks separate tokens, a quoted string is one token. Rule matching
 * compares tokens case-insensitively. `cataddr` joins tokens back for map keys
 * and reply texts (a blank only between two word tokens).
 */

const OPERATORS = '.:%@!^/[]+()<>,;';

export type Tokens = readonly string[];

export function tokenize(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = (): void => {
    if (cur !== '') out.push(cur);
    cur = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      flush();
      let j = i + 1;
      let q = '"';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) q += text[j++];
        q += text[j++];
      }
      out.push(q + '"');
      i = j;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush();
    } else if (OPERATORS.includes(c)) {
      flush();
      out.push(c);
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

function isWord(t: string): boolean {
  return t.length > 0 && !(t.length === 1 && OPERATORS.includes(t));
}

/** Tokens joined as sendmail's cataddr does: a blank only between two word tokens. */
export function cataddr(tokens: Tokens): string {
  let s = '';
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && isWord(tokens[i - 1]) && isWord(tokens[i])) s += ' ';
    s += tokens[i];
  }
  return s;
}

/** The way `sendmail -bt` prints a workspace: tokens separated by one blank. */
export function btText(tokens: Tokens): string {
  return tokens.join(' ');
}

export function eqi(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Token lists equal, case-insensitively (rule matching). */
export function tokensEq(a: Tokens, b: Tokens): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eqi(a[i], b[i])) return false;
  return true;
}

/** Reply text as the client sees it: quotes removed, runs of blanks collapsed. */
export function wireText(tokens: Tokens): string {
  return cataddr(tokens).replace(/"/g, '').replace(/\s+/g, ' ').trim();
}
