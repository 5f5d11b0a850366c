/**
 * CA.pl and the openssl req/ca it runs, against real sessions of
 * /usr/lib/ssl/misc/CA.pl (OpenSSL 3.0.19, Debian bookworm) captured on a
 * pty by test/fixtures/pki/capture.sh: the same steps with the same answers
 * in one lab world, the screen compared line by line after the
 * normalisation below (serials, key identifiers, dates, the random progress
 * dots and the thread id of error lines differ from run to run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { normalise } from './ca-pl-normalise.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pki', 'ca-pl');
const CA_PL = '/usr/lib/ssl/misc/CA.pl';

/** The steps of capture.sh: fixture name (null: not compared), command line (CA.pl's argument when it starts with -), answers typed. */
const STEPS: [string | null, string, string[]][] = [
  ['newca', '-newca', ['', 'secret', 'secret', 'US', 'California', 'San Francisco', 'Example Org', 'IT', 'Example Test CA', 'ca@example.test', '', '', 'secret']],
  ['newreq', '-newreq', ['secret', 'secret', 'US', 'California', 'San Francisco', 'Example Org', 'IT', 'mail.example.test', 'postmaster@example.test', '', '']],
  ['sign', '-sign', ['secret', 'y', 'y']],
  ['newreq-nodes', '-newreq-nodes', ['', '', '', '', '', 'mail.example.test', '', '', '']],
  ['sign-nodes', '-sign', ['secret', 'y', 'y']],
  ['sign-refused', '-sign', ['secret']],
  ['sign-badpass', '-sign', ['wrong']],
  ['verify', '-verify', []],
  ['revoke', '-revoke newcert.pem', ['secret']],
  ['crl', '-crl', ['secret']],
  ['newca-again', '-newca', []],
  ['signreq', '-signreq', []],
  ['help', '-help', []],
  ['newcert', '-newcert', ['secret', 'secret', '', '', '', '', '', 'me', '']],
  [null, 'openssl req -new -key newkey.pem -passin pass:secret -subj "/C=DE/ST=Berlin/O=Other/CN=other.example" -out other.pem', []],
  [null, 'openssl req -new -key newkey.pem -passin pass:secret -subj "/C=US/ST=California/O=Example Org/CN=third.example" -out third.pem', []],
  ['ca-policy-mismatch', 'openssl ca -in other.pem -out other-cert.pem', ['secret']],
  ['ca-refused', 'openssl ca -in third.pem -out third-cert.pem', ['secret', 'n']],
  ['ca-cancelled', 'openssl ca -in third.pem -out third-cert.pem', ['secret', 'y', 'n']],
];

/** Runs one command line on the world's terminal with its answers; the screen it produced. */
async function session(w: World, line: string, answers: string[]): Promise<string> {
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (s) => (screen += s), newline: '\r\n' });
  const done = w.runTerminal(ld);
  ld.input(`${line}\r`);
  for (const a of answers) ld.input(`${a}\r`);
  ld.input('exit\r');
  await done;
  const start = screen.indexOf(`${line}\r\n`) + line.length + 2;
  return screen.slice(start, screen.lastIndexOf('root@mail:~# exit'));
}

describe('CA.pl as the real one on a pty', () => {
  it('every step of capture.sh prints what the real CA.pl printed', async () => {
    let t = Date.UTC(2026, 10, 28, 15, 22, 34);
    const w = await createWorld({ kind: 'fresh', clock: { now: () => (t += 1) }, random: seededRandom(11), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    for (const [name, arg, answers] of STEPS) {
      const got = await session(w, arg.startsWith('-') ? `${CA_PL} ${arg}` : arg, answers);
      if (name === null) continue;
      const want = readFileSync(join(DIR, `${name}.txt`), 'latin1');
      expect(normalise(got), name).toBe(normalise(want));
    }
    expect(w.vfs.readdir('/root/demoCA').sort()).toEqual(
      ['cacert.pem', 'careq.pem', 'certs', 'crl', 'crlnumber', 'crlnumber.old', 'index.txt', 'index.txt.attr', 'index.txt.attr.old', 'index.txt.old', 'newcerts', 'private', 'serial', 'serial.old'],
    );
    expect(w.vfs.stat('/root/newkey.pem').mode & 0o777).toBe(0o600);
  }, 120000);
});
