// `openssl verify` and `openssl crl` inside the world's shell: registered in the
// openssl dispatcher, reading the world's files (relative to the shell's
// directory), stdin by redirection; the reference world's certificate verifies.
import { webcrypto } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { BufferOutput } from '../../src/core/shell/io.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const fixtures = join(__dirname, '../fixtures/pki-verify');

describe('openssl verify and crl in the world', () => {
  it('verify the reference certificate, a revoked one with its CRL, and a CRL by stdin', async () => {
    const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(1), subtle });
    for (const f of ['cafile.pem', 'untrusted.pem', 'revoked.pem', 'inter.crl.pem']) w.vfs.writeFile(`/root/${f}`, readFileSync(join(fixtures, 'certs', f), 'utf8'));
    const sh = w.newShell();
    const run = async (line: string) => {
      const out = new BufferOutput();
      const err = new BufferOutput();
      const status = await sh.run(line, { stdout: out, stderr: err });
      return { out: out.text, err: err.text, status };
    };
    expect(await run('cd /etc/mail/certs && openssl verify -CAfile CAcert.pem -verify_hostname mail.example.test mycert.pem')).toEqual({ out: 'mycert.pem: OK\n', err: '', status: 0 });
    expect(await run('cd /root && openssl verify -attime 1893456000 -CAfile cafile.pem -untrusted untrusted.pem -crl_check -CRLfile inter.crl.pem revoked.pem')).toEqual({
      out: '',
      err: 'C = US, O = Example Org, CN = revoked.example.test\nerror 23 at 0 depth lookup: certificate revoked\nerror revoked.pem: verification failed\n',
      status: 2,
    });
    const crl = await run('openssl crl -noout -text < /root/inter.crl.pem');
    expect(crl.out).toBe(readFileSync(join(fixtures, 'expected', 'crl-stdin.out'), 'utf8'));
    expect((await run('openssl help')).out).toMatch(/\bcrl\b[\s\S]*\bverify\b/);
  }, 30000);
});

describe('default trust in the world', () => {
  it('SSL_CERT_DIR names a hashed directory; without the hash link the root is not found', async () => {
    const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(1), subtle });
    w.vfs.mkdir('/root/trust', { parents: true });
    w.vfs.writeFile('/root/trust/root.pem', readFileSync(join(fixtures, 'certs', 'root.pem'), 'utf8'));
    for (const f of ['untrusted.pem', 'good.pem']) w.vfs.writeFile(`/root/${f}`, readFileSync(join(fixtures, 'certs', f), 'utf8'));
    const sh = w.newShell();
    const run = async (line: string) => {
      const out = new BufferOutput();
      const err = new BufferOutput();
      const status = await sh.run(line, { stdout: out, stderr: err });
      return { out: out.text, err: err.text, status };
    };
    const v = 'openssl verify -attime 1893456000 -untrusted untrusted.pem good.pem';
    expect((await run(`cd /root && SSL_CERT_DIR=/root/trust ${v}`)).err).toContain('error 20 at 1 depth lookup: unable to get local issuer certificate\n');
    // the name `openssl rehash` gives the root (its subject hash, as the fixture's capath/ holds it)
    const [hashed] = readdirSync(join(fixtures, 'certs', 'capath')).filter((n) => n.endsWith('.0'));
    w.vfs.writeFile(`/root/trust/${hashed}`, readFileSync(join(fixtures, 'certs', 'root.pem'), 'utf8'));
    expect(await run(`cd /root && SSL_CERT_DIR=/root/trust ${v}`)).toEqual({ out: 'good.pem: OK\n', err: '', status: 0 });
    expect((await run(`cd /root && ${v}`)).status).toBe(2);
  }, 30000);
});
