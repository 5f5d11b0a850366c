/**
 * The files of `openssl ca` (CA_default of openssl.cnf): index.txt (one
 * line per certificate: status, expiry, revocation, serial, file, DN),
 * index.txt.attr (`unique_subject = yes`), serial and crlnumber (hex, the
 * next number), each saved with a `.old` copy first, as OpenSSL does.
 */
import type { CommandContext } from '../../shell/types.ts';

export interface IndexEntry {
  status: 'V' | 'R' | 'E';
  expires: string; // 271128152245Z
  revoked: string; // '' or 261128153000Z[,reason]
  serial: string; // upper-case hex
  file: string; // 'unknown'
  dn: string; // /C=US/.../CN=x
}

export function readIndex(ctx: CommandContext, path: string): IndexEntry[] | null {
  if (!ctx.vfs.exists(path)) return null;
  return ctx.vfs
    .readText(path)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [status, expires, revoked, serial, file, dn] = l.split('\t');
      return { status: (status as IndexEntry['status']) ?? 'V', expires: expires ?? '', revoked: revoked ?? '', serial: serial ?? '', file: file ?? 'unknown', dn: dn ?? '' };
    });
}

export const indexText = (entries: IndexEntry[]): string => entries.map((e) => [e.status, e.expires, e.revoked, e.serial, e.file, e.dn].join('\t') + '\n').join('');

/** Writes `path`, keeping the previous content in `path.old` (rotate_index / save_serial). */
export function saveWithOld(ctx: CommandContext, path: string, text: string): void {
  if (ctx.vfs.exists(path)) ctx.vfs.writeFile(`${path}.old`, ctx.vfs.readText(path));
  ctx.vfs.writeFile(path, text);
}

export function writeIndex(ctx: CommandContext, path: string, entries: IndexEntry[], uniqueSubject: boolean): void {
  saveWithOld(ctx, `${path}.attr`, `unique_subject = ${uniqueSubject ? 'yes' : 'no'}\n`);
  saveWithOld(ctx, path, indexText(entries));
}
