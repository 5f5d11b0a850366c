/**
 * The map databases a Debian host has after installation: aliases.db (what
 * `newaliases` builds from /etc/mail/aliases) and access.db (what `makemap
 * hash /etc/mail/access < /etc/mail/access` builds). The world builds both at
 * start; the commands rebuild them.
 */
import type { Vfs } from '../vfs/index.ts';
import { parseAliases } from './aliases.ts';
import { encodeDb } from './map-db.ts';

export interface AliasDbResult {
  count: number;
  longest: number;
  bytes: number;
  problems: string[];
}

function writeDb(vfs: Vfs, path: string, text: string): void {
  const existed = vfs.exists(path);
  vfs.writeFile(path, text, existed ? {} : { mode: 0o640 });
  if (!existed) {
    const uid = vfs.uidOf('smmta') ?? 0;
    const gid = vfs.gidOf('smmsp') ?? 0;
    vfs.chown(path, uid, gid);
  }
}

export function buildAliasDb(vfs: Vfs, aliasFile = '/etc/mail/aliases'): AliasDbResult | null {
  if (!vfs.exists(aliasFile)) return null;
  const parsed = parseAliases(vfs.readText(aliasFile));
  writeDb(vfs, `${aliasFile}.db`, encodeDb([...parsed.map].map(([k, v]) => [k, v.join(',')])));
  return { count: parsed.map.size, longest: parsed.longest, bytes: parsed.bytes, problems: parsed.problems };
}

/** makemap's reading of a map source: `key value` lines, keys lower-cased, # comments. */
export function parseMapSource(text: string): { entries: [string, string][]; problems: string[] } {
  const entries: [string, string][] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+)\s*(.*)$/.exec(line);
    if (!m) return;
    const key = m[1].toLowerCase();
    if (m[2].trim() === '') {
      problems.push(`line ${i + 1}: no RHS for LHS ${key}`);
      return;
    }
    entries.push([key, m[2].trim()]);
  });
  return { entries, problems };
}

export function buildAccessDb(vfs: Vfs, source = '/etc/mail/access'): void {
  if (!vfs.exists(source)) return;
  writeDb(vfs, `${source}.db`, encodeDb(parseMapSource(vfs.readText(source)).entries));
}
