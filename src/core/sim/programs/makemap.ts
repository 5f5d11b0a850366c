/**
 * makemap (Sendmail 8.17.1.9): `makemap [-N] [-o] hash MAP < SOURCE` compiles
 * the source on stdin into MAP.db, and `makemap -u hash MAP` dumps it. The
 * reading of the source, its messages and exit 65 come from core/access
 * (test/fixtures/access/makemap/). The .db is the lab's readable text form
 * (map-db.ts), written even when some lines were bad, as makemap does.
 *
 * SIMPLIFIED: only the `hash` type; options other than -u/-N/-o/-f are refused.
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import { compileMap } from '../../access/index.ts';
import { encodeDb, readDb } from '../map-db.ts';

const USAGE = 'Usage: makemap [-C cffile] [-N] [-c cachesize] [-D commentchar] [-d] [-e] [-f] [-l] [-o] [-r] [-s] [-t delimiter] [-u] [-v] type mapname\n';

export async function makemapMain(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let dump = false;
  let fold = true;
  const pos: string[] = [];
  for (const a of args) {
    if (a === '-u') dump = true;
    else if (a === '-f') fold = false;
    else if (a === '-N' || a === '-o') continue;
    else if (a.startsWith('-')) {
      ctx.stderr.write(USAGE);
      return 64;
    } else pos.push(a);
  }
  if (pos.length !== 2) {
    ctx.stderr.write(USAGE);
    return 64;
  }
  const [type, name] = pos;
  if (type !== 'hash') {
    ctx.stderr.write(`makemap: Unknown database type ${type}\n`);
    return 64;
  }
  const path = ctx.shell.resolve(name.endsWith('.db') ? name : `${name}.db`);
  if (dump) {
    const db = readDb(ctx.vfs, path);
    if (db === null) {
      ctx.stderr.write(`makemap: error opening type ${type} map ${name}: No such file or directory\n`);
      return 74;
    }
    for (const [k, v] of db) ctx.stdout.write(`${k}\t${v}\n`);
    return 0;
  }
  const source = await ctx.stdin.readAll();
  const r = compileMap(source, name, { foldCase: fold });
  const entries = r.entries;
  for (const m of r.messages) ctx.stderr.write(m + '\n');
  try {
    const existed = ctx.vfs.exists(path);
    ctx.vfs.writeFile(path, encodeDb(entries), existed ? {} : { mode: 0o640 });
  } catch (e) {
    ctx.stderr.write(`makemap: error opening type ${type} map ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 73;
  }
  return r.exitCode;
}

export const makemap: Command = {
  name: 'makemap',
  path: '/usr/sbin/makemap',
  usage: 'makemap [-u] hash MAP < SOURCE',
  summary: 'compile a Sendmail map (access, ...) from its text source',
  run: makemapMain,
};
