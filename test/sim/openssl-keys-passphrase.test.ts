/**
 * A new key's pass phrase typed wrong on the terminal (too short; the two
 * entries differing), for req -new and genpkey -aes256, against real
 * OpenSSL 3.0 on a pty (test/fixtures/pki/passphrase/): the screen (pass
 * phrases not echoed), the exit status, and the empty 0600 key file left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { normalise } from './ca-pl-normalise.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pki', 'passphrase');
const CASES: [string, string, string[]][] = [
  ['req-short', 'openssl req -new -keyout k.pem -out r.pem', ['abc']],
  ['req-mismatch', 'openssl req -new -keyout k.pem -out r.pem', ['abcd', 'abce']],
  ['genpkey-short', 'openssl genpkey -algorithm RSA -aes256 -out k.pem', ['abc']],
  ['genpkey-mismatch', 'openssl genpkey -algorithm RSA -aes256 -out k.pem', ['abcd', 'abce']],
];

describe('pass phrases typed wrong, as real OpenSSL 3.0 answers', () => {
  for (const [name, line, answers] of CASES) {
    it(name, async () => {
      let t = Date.UTC(2026, 10, 28, 16, 0, 0);
      const w = await createWorld({ kind: 'fresh', clock: { now: () => (t += 5) }, random: seededRandom(8), subtle: webcrypto.subtle as unknown as SubtleCrypto });
      let screen = '';
      const ld = new LineDiscipline({ onOutput: (s) => (screen += s), newline: '\r\n' });
      const done = w.runTerminal(ld);
      const cmd = `mkdir /w && cd /w && ${line} ; echo "exit=$?"`;
      ld.input(`${cmd}\r`);
      for (const a of answers) ld.input(`${a}\r`);
      ld.input('exit\r');
      await done;
      const got = screen.slice(screen.indexOf(`${cmd}\r\n`) + cmd.length + 2, screen.lastIndexOf('root@mail:'));
      expect(normalise(got)).toBe(normalise(readFileSync(join(DIR, `${name}.txt`), 'latin1')));
      const files = w.vfs.readdir('/w').map((f) => `${f} ${(w.vfs.stat(`/w/${f}`).mode & 0o777).toString(8)} ${w.vfs.stat(`/w/${f}`).size}\n`).join('');
      expect(files).toBe(readFileSync(join(DIR, `${name}.files`), 'latin1'));
    });
  }

  it('Ctrl-C at the pass phrase ends CA.pl and openssl at once (status 130, no more output)', async () => {
    const w = await createWorld({ kind: 'fresh', clock: { now: () => Date.UTC(2026, 10, 28, 16) }, random: seededRandom(8), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (s) => (screen += s), newline: '\r\n' });
    const done = w.runTerminal(ld);
    ld.input('/usr/lib/ssl/misc/CA.pl -newreq\r');
    for (let i = 0; i < 1000 && !screen.includes('Enter PEM pass phrase:'); i++) await new Promise((r) => setTimeout(r, 5));
    ld.input('\x03');
    ld.input('echo "exit=$?"\rexit\r');
    await done;
    const after = normalise(screen.slice(screen.indexOf('Enter PEM pass phrase:')));
    expect(after).not.toContain('error');
    expect(after).not.toContain('==>');
    expect(after).toContain('exit=130');
  });
});
