/**
 * Expansion of Sendmail macros in the greeting template (SmtpGreetingMessage):
 * `$x` (one character), `${name}`, the conditional `$?x then $| else $.` (true
 * when the macro has a non-empty value) and `$$` for a dollar sign.
 * Undefined macros expand to nothing, as in expand() (macro.c).
 */

export type MacroLookup = (name: string) => string | undefined;

/** Expands `template`; never throws (an unterminated `${` is kept as text). */
export function expandMacros(template: string, lookup: MacroLookup): string {
  let out = '';
  // a stack of conditionals: is the current branch being emitted?
  const emit: boolean[] = [];
  const on = (): boolean => emit.every(Boolean);
  let i = 0;
  const readName = (): string | null => {
    if (template[i] === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) return null;
      const name = template.slice(i + 1, end);
      i = end + 1;
      return name;
    }
    if (i >= template.length) return null;
    return template[i++];
  };
  while (i < template.length) {
    const ch = template[i];
    if (ch !== '$' || i + 1 >= template.length) {
      if (on()) out += ch;
      i++;
      continue;
    }
    const op = template[i + 1];
    i += 2;
    if (op === '$') {
      if (on()) out += '$';
    } else if (op === '?') {
      const name = readName();
      const v = name === null ? undefined : lookup(name);
      emit.push(v !== undefined && v !== '');
    } else if (op === '|') {
      if (emit.length > 0) emit[emit.length - 1] = !emit[emit.length - 1];
    } else if (op === '.') {
      emit.pop();
    } else {
      i -= 1; // op is the start of the name
      const start = i - 1;
      const name = readName();
      if (name === null) {
        if (on()) out += template.slice(start);
        break;
      }
      if (on()) out += lookup(name) ?? '';
    }
  }
  return out;
}
