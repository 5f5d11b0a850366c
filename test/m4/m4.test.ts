/**
 * core/m4 against the real GNU m4 1.4.19: every case in test/fixtures/m4/cases
 * was run through /usr/bin/m4 by test/fixtures/m4/capture.sh; the TS m4 must
 * write the same stdout and stderr bytes and exit with the same status.
 *
 * Only makeinfo.sh's two header lines differ by nature (`##### built by
 * USER@HOST on DATE` and `##### in CWD`: the capture machine is `root@vm` at
 * capture time, the lab says what its world says), so both sides have those
 * two lines replaced before comparing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runM4, sendmailCfShell, type M4Host } from '../../src/core/m4/index.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'm4');
const cases = join(fixtures, 'cases');
const cfLayer = join(root, 'lessons', '_worlds', 'sendmail-cf', 'files');
const fresh = join(root, 'lessons', '_worlds', 'fresh');

/** The files m4 sees: the cases directory as cwd, the cf world layer, /etc/mail/m4 of the fresh world, a scratch /tmp. */
export function fixtureHost(): { host: M4Host; tmp: Map<string, string> } {
  const tmp = new Map<string, string>();
  let n = 0;
  const real = (p: string): string | undefined => {
    if (p.startsWith('/usr/share/sendmail/cf/')) return join(cfLayer, p);
    if (p.startsWith('/etc/mail/')) return join(fresh, p);
    if (!p.startsWith('/')) return join(cases, p);
    return undefined;
  };
  const host: M4Host = {
    readFile(p) {
      const t = tmp.get(p);
      if (t !== undefined) return { text: t };
      const f = real(p.replace(/\/+/g, '/'));
      if (f === undefined || !existsSync(f)) return { error: 'No such file or directory' };
      return { text: readFileSync(f, 'latin1') };
    },
    syscmd: sendmailCfShell({
      user: 'root',
      host: 'mail',
      date: 'Sat Nov 28 12:00:00 UTC 2026',
      cwd: '/etc/mail',
      files: { write: (p, t) => tmp.set(p, t), remove: (p) => tmp.delete(p) },
    }),
    maketemp: (t) => t.replace(/X+$/, (x) => String(n++).padStart(x.length, '0')),
  };
  return { host, tmp };
}

function normalise(s: string): string {
  return s.replace(/^##### built by .*$/m, '##### built by USER@HOST on DATE').replace(/^##### in .*$/m, '##### in DIR');
}

function expected(name: string): { stdout: string; stderr: string; status: number } {
  const e = join(fixtures, 'expected', name);
  return {
    stdout: readFileSync(`${e}.out`, 'latin1'),
    stderr: readFileSync(`${e}.err`, 'latin1'),
    status: Number(readFileSync(`${e}.rc`, 'latin1').trim()),
  };
}

describe('m4 writes what GNU m4 1.4.19 writes', () => {
  it('the fixtures were captured with GNU m4 1.4.19', () => {
    expect(readFileSync(join(fixtures, 'expected', 'VERSION'), 'latin1')).toBe('m4 (GNU M4) 1.4.19\n');
  });
  for (const name of readdirSync(cases).sort()) {
    it(name, () => {
      const { host, tmp } = fixtureHost();
      const r = runM4({ files: [name], host });
      const want = expected(name);
      expect(normalise(r.stdout)).toBe(normalise(want.stdout));
      expect(r.stderr).toBe(want.stderr);
      expect(r.status).toBe(want.status);
      expect([...tmp.keys()]).toEqual([]); // cfhead.m4 removes its temporary file
    });
  }
  it('reads its standard input when given no file', () => {
    const { host } = fixtureHost();
    const r = runM4({ files: [], stdin: readFileSync(join(cases, 'basics.m4'), 'latin1'), host });
    const want = expected('stdin');
    expect([r.stdout, r.stderr, r.status]).toEqual([want.stdout, want.stderr, want.status]);
  });
  it('goes on after a file operand it cannot open, and exits 1', () => {
    const { host } = fixtureHost();
    const r = runM4({ files: ['no-such.m4', 'exit.m4'], host });
    const want = expected('missing-operand');
    expect([r.stdout, r.stderr, r.status]).toEqual([want.stdout, want.stderr, want.status]);
  });
  it('-D, -U and -I', () => {
    const { host } = fixtureHost();
    const r = runM4({
      files: ['options.m4'],
      host,
      defines: [{ define: 'X', value: 'defined' }, { define: 'Y', value: '' }, { undefine: '__gnu__' }],
      includeDirs: ['../inc'],
    });
    const want = expected('options-flags');
    expect([r.stdout, r.stderr, r.status]).toEqual([want.stdout, want.stderr, want.status]);
  });
  it('the header names the lab user, host, clock and directory', () => {
    const { host } = fixtureHost();
    const r = runM4({ files: ['reference.mc'], host });
    expect(r.stdout).toContain(
      '##### built by root@mail on Sat Nov 28 12:00:00 UTC 2026\n##### in /etc/mail\n##### using /usr/share/sendmail/cf/ as configuration include directory\n',
    );
  });
});
