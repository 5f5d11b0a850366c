/**
 * The lab's openssl key/req/x509/ca/rehash commands against what real
 * OpenSSL 3.0 printed for the same command lines (test/fixtures/pki/commands/,
 * captured by capture.sh there): stdout, stderr and exit status, the thread
 * id of error lines aside. The input files are made in the lab the way
 * capture.sh made them with the real openssl.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { BufferOutput } from '../../src/core/shell/io.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pki', 'commands');
const read = (f: string): string => readFileSync(join(DIR, f), 'utf8');
const thread = (t: string): string => t.replace(/^[0-9A-F]{16}:error:/gm, 'THREAD:error:');

async function sh(w: World, line: string): Promise<{ status: number; out: string; err: string }> {
  const out = new BufferOutput();
  const err = new BufferOutput();
  const status = await w.newShell().run(`cd /tmp/w && ${line}`, { stdout: out, stderr: err });
  return { status, out: out.text, err: err.text };
}

describe('openssl commands as real OpenSSL 3.0 answers them', () => {
  let w: World;
  beforeAll(async () => {
    let t = Date.UTC(2026, 10, 28, 16, 0, 0);
    w = await createWorld({ kind: 'fresh', clock: { now: () => (t += 5) }, random: seededRandom(3), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    for (const setup of [
      'mkdir /tmp/w',
      'echo garbage > bad.pem',
      'openssl genpkey -algorithm RSA -quiet -out plain.pem',
      'openssl pkey -in plain.pem -aes256 -passout pass:right -out enc.pem',
      'openssl req -new -key plain.pem -subj /CN=x -out r.pem',
      'mkdir certs && cp r.pem certs/ && mkdir empty',
    ]) {
      const r = await w.newShell().run(setup.startsWith('mkdir /tmp') ? setup : `cd /tmp/w && ${setup}`, { stderr: new BufferOutput() });
      expect(r, setup).toBe(0);
    }
  });

  // in capture.sh's order: later cases use files earlier ones made (c.pem)
  const order = [...read('capture.sh').matchAll(/^([A-Za-z0-9-]+)\|/gm)].map((m) => m[1]);
  for (const name of order) {
    const f = `${name}.cmd`;
    it(name, async () => {
      const got = await sh(w, read(f).trim());
      expect({ status: got.status, out: got.out, err: thread(got.err) }).toEqual({ status: Number(read(`${name}.exit`)), out: read(`${name}.out`), err: thread(read(`${name}.err`)) });
    });
  }

  it('genrsa writes a 2048-bit PKCS#8 key, 0600; rsa -traditional the PKCS#1 form', async () => {
    expect((await sh(w, 'openssl genrsa -out k.pem && openssl rsa -in k.pem -noout -check && openssl rsa -in k.pem -traditional -out t.pem')).out).toBe('RSA key ok\n');
    expect(w.vfs.readText('/tmp/w/k.pem')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(w.vfs.readText('/tmp/w/t.pem')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(w.vfs.stat('/tmp/w/k.pem').mode & 0o777).toBe(0o600);
    expect((await sh(w, 'openssl x509 -req -in r.pem -signkey k.pem -days 2 -noout -text')).out).toContain('        Version: 1 (0x0)\n');
  });
});
