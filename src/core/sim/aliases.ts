/**
 * /etc/mail/aliases: parsing and expansion to local users, as newaliases and
 * the local delivery agent see it. `name: a, b` lines, continuation lines
 * that start with white space, comments with #. Keys are case-insensitive.
 */

export type AliasMap = Map<string, string[]>;

export interface AliasParse {
  map: AliasMap;
  /** newaliases-style problems: `line N: ...` */
  problems: string[];
  /** Sum of key and value lengths, as newaliases counts "bytes total"; `longest` is the longest value. */
  bytes: number;
  longest: number;
}

export function parseAliases(text: string): AliasParse {
  const map: AliasMap = new Map();
  const problems: string[] = [];
  let bytes = 0;
  let longest = 0;
  const logical: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (/^\s*#/.test(raw) || raw.trim() === '') return;
    if (/^[ \t]/.test(raw) && logical.length > 0) logical[logical.length - 1].text += ' ' + raw.trim();
    else logical.push({ line: i + 1, text: raw });
  });
  for (const { line, text: l } of logical) {
    const colon = l.indexOf(':');
    if (colon <= 0) {
      problems.push(`line ${line}: missing colon`);
      continue;
    }
    const key = l.slice(0, colon).trim().toLowerCase();
    const value = l.slice(colon + 1).trim();
    const targets = value.split(',').map((t) => t.trim()).filter(Boolean);
    map.set(key, targets);
    // newaliases counts key + value bytes, and the longest value
    // (test/fixtures/sendmail/commands/newaliases.stdout: 6 aliases, longest 10 bytes, 77 bytes total).
    bytes += key.length + value.length;
    longest = Math.max(longest, value.length);
  }
  return { map, problems, bytes, longest };
}

/**
 * Expands `name` through the map to the final local users (a name that is
 * no alias is a user). Loops are cut. Returns the users in order, no repeats.
 */
export function expandAlias(map: AliasMap, name: string, seen = new Set<string>()): string[] {
  const key = name.toLowerCase();
  const targets = map.get(key);
  if (!targets || seen.has(key)) return [name];
  seen.add(key);
  const out: string[] = [];
  for (const t of targets) {
    for (const u of expandAlias(map, t.replace(/^<|>$/g, ''), seen)) if (!out.includes(u)) out.push(u);
  }
  return out;
}
