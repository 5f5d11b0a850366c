/** /etc/passwd and /etc/group lookups over their text (the Vfs reads the files, this parses them). */

function table(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/** Name of the entry whose id (third field) is `id`, or null. */
export function nameOf(text: string, id: number): string | null {
  for (const f of table(text)) if (f[2] === String(id)) return f[0];
  return null;
}

/** Numeric id (third field) of the entry named `name`, or null. */
export function idOf(text: string, name: string): number | null {
  for (const f of table(text)) {
    if (f[0] === name && f.length > 2 && /^\d+$/.test(f[2])) return Number(f[2]);
  }
  return null;
}

export interface PasswdEntry {
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export function passwdEntry(text: string, name: string): PasswdEntry | null {
  for (const f of table(text)) {
    if (f[0] === name && f.length >= 7) return { uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6] };
  }
  return null;
}

/** Groups listing `user` as a member (the fourth field of /etc/group). */
export function memberOf(text: string, user: string): { name: string; gid: number }[] {
  const out: { name: string; gid: number }[] = [];
  for (const f of table(text)) {
    if (f.length >= 4 && f[3].split(',').includes(user)) out.push({ name: f[0], gid: Number(f[2]) });
  }
  return out;
}
