import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/core/shell/types.ts';
import { makemap } from '../../src/core/sim/programs/makemap.ts';
import { readDb } from '../../src/core/sim/map-db.ts';
import type { Vfs } from '../../src/core/vfs/index.ts';

function fakeVfs(): Vfs & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    exists: (p: string) => files.has(p),
    readText: (p: string) => {
      const t = files.get(p);
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
    writeFile: (p: string, d: string | Uint8Array) => {
      files.set(p, typeof d === 'string' ? d : new TextDecoder().decode(d));
    },
  } as unknown as Vfs & { files: Map<string, string> };
}

async function run(argv: string[], stdin: string, vfs: Vfs): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx = {
    argv,
    vfs,
    stdin: { isTerminal: false, readLine: async () => null, readAll: async () => stdin },
    stdout: { write: (s: string) => { out += s; } },
    stderr: { write: (s: string) => { err += s; } },
    shell: { resolve: (p: string) => (p.startsWith('/') ? p : `/etc/mail/${p}`) },
  } as unknown as CommandContext;
  const status = await makemap.run(ctx);
  return { status, out, err };
}

describe('makemap hash /etc/mail/access < /etc/mail/access', () => {
  it('writes access.db with lower-cased keys', async () => {
    const vfs = fakeVfs();
    const r = await run(['makemap', 'hash', '/etc/mail/access'], 'TLS_Clt:Laptop.Example\tVERIFY\nConnect:10.1.2.3 REJECT\n', vfs);
    expect(r).toEqual({ status: 0, out: '', err: '' });
    expect([...(readDb(vfs, '/etc/mail/access.db') ?? [])]).toEqual([['tls_clt:laptop.example', 'VERIFY'], ['connect:10.1.2.3', 'REJECT']]);
  });
  it("gives makemap's message and exit 65 for a key without value, and still writes the map", async () => {
    const vfs = fakeVfs();
    const src = 'a OK\n'.repeat(1) + '\n'.repeat(138) + 'connect:10.1.2.3\n';
    const r = await run(['makemap', 'hash', '/etc/mail/access'], src, vfs);
    expect(r.status).toBe(65);
    expect(r.err).toBe('makemap: /etc/mail/access: line 140: no RHS for LHS connect:10.1.2.3\n');
    expect([...(readDb(vfs, '/etc/mail/access.db') ?? [])]).toEqual([['a', 'OK']]);
  });
  it('-u dumps the map; -f keeps the case', async () => {
    const vfs = fakeVfs();
    await run(['makemap', '-f', 'hash', 'access'], 'Key Value\n', vfs);
    expect((await run(['makemap', '-u', 'hash', 'access'], '', vfs)).out).toBe('Key\tValue\n');
  });
  it('refuses other types and bad usage', async () => {
    const vfs = fakeVfs();
    expect((await run(['makemap', 'btree', 'x'], '', vfs)).status).toBe(64);
    expect((await run(['makemap'], '', vfs)).status).toBe(64);
    expect((await run(['makemap', '-u', 'hash', 'missing'], '', vfs)).status).toBe(74);
  });
});
