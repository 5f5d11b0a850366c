/**
 * The simulated Berkeley DB hash files (aliases.db, access.db). Real ones are
 * binary; ours are a readable text form with a header that says what they are
 * (a deliberate difference: `cat aliases.db` shows the pairs). Keys are stored
 * as given (newaliases and makemap lower-case them before).
 */
import type { Vfs } from '../vfs/index.ts';

export const DB_MAGIC = '# STARTTLS Lab simulated hash database (real Sendmail writes Berkeley DB here)\n';

export function encodeDb(entries: Iterable<[string, string]>): string {
  let out = DB_MAGIC;
  for (const [k, v] of entries) out += `${encodeURIComponent(k)}\t${encodeURIComponent(v)}\n`;
  return out;
}

/** The map in a .db file, or null when the file is missing or not one of ours. */
export function readDb(vfs: Vfs, path: string): Map<string, string> | null {
  let text: string;
  try {
    text = vfs.readText(path);
  } catch {
    return null;
  }
  if (!text.startsWith(DB_MAGIC)) return null;
  const map = new Map<string, string>();
  for (const line of text.slice(DB_MAGIC.length).split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    try {
      map.set(decodeURIComponent(line.slice(0, tab)), decodeURIComponent(line.slice(tab + 1)));
    } catch {
      // a damaged line is skipped, as a damaged DB page would be unreadable
    }
  }
  return map;
}
