/**
 * Tab completion helpers shaped after GNU readline (complete.c): the longest
 * common prefix of the candidates, and the list a second Tab prints, laid out
 * in columns down then across as `rl_display_match_list` does.
 */

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * The part of a candidate readline prints (`printable_part`): the file name
 * after the last slash, keeping a directory's trailing slash
 * (`/etc/mail/` -> `mail/`, `/etc/hosts` -> `hosts`, `ls` -> `ls`).
 */
export function displayName(candidate: string): string {
  const body = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
  const slash = body.lastIndexOf('/');
  return slash < 0 ? candidate : candidate.slice(slash + 1);
}

function width(s: string): number {
  return [...s].length;
}

/**
 * The rows readline prints for a list of matches on a screen `screenWidth`
 * wide (rl_display_match_list, print-completions-horizontally off). Column
 * width is the longest name (without a directory's slash) plus 2; every name
 * but those in the last column is padded to it.
 */
export function formatMatchList(candidates: readonly string[], screenWidth: number): string[] {
  const names = [...new Set(candidates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(displayName);
  if (names.length === 0) return [];
  let max = 0;
  for (const n of names) max = Math.max(max, width(n.endsWith('/') ? n.slice(0, -1) : n));
  max += 2;
  let limit = Math.floor(screenWidth / max);
  if (limit !== 1 && limit * max === screenWidth) limit--;
  if (limit <= 0) limit = 1;
  const count = Math.ceil(names.length / limit);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    let row = '';
    for (let j = 0, l = i; j < limit; j++, l += count) {
      if (l >= names.length) break;
      const name = names[l];
      row += name;
      if (j + 1 < limit) {
        const printed = width(name);
        row += max <= printed ? ' ' : ' '.repeat(max - printed);
      }
    }
    rows.push(row);
  }
  return rows;
}
