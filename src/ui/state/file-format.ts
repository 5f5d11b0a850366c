/** How the Files panel writes a file's type, mode and size: the columns of `ls -l`. */

export type EntryType = 'file' | 'dir' | 'symlink';

const TYPE_CHAR: Record<EntryType, string> = { file: '-', dir: 'd', symlink: 'l' };

/** `ls -l` mode string: `drwxr-sr-x`, `-rw-------`, `drwxrwxrwt`, `-rwsr-xr-x`. */
export function modeString(type: EntryType, mode: number): string {
  const rwx = (bits: number, special: boolean, lower: string, upper: string): string => {
    const x = (bits & 1) !== 0;
    return (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (x ? lower : upper) : x ? 'x' : '-');
  };
  return (
    TYPE_CHAR[type] +
    rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's', 'S') +
    rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's', 'S') +
    rwx(mode & 7, (mode & 0o1000) !== 0, 't', 'T')
  );
}

/** The file's bytes as text, or null when they are not UTF-8 text (a .db, a DER certificate). */
export function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
