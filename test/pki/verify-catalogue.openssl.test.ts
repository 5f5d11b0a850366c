// The panel's failure catalogue, made with WebCrypto (ECDSA P-256) on a fixed
// clock: each case written out and given to real `openssl verify -attime`, whose
// output the lab's verify must equal byte for byte.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { CATALOGUE_TIME, makeCatalogue } from '../../src/core/pki/verify-catalogue.ts';
import { runVerify } from '../../src/core/sim/programs/openssl-verify.ts';
import { seededRandom } from '../../src/core/trace/index.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe('failure catalogue against real openssl verify', () => {
  it('every case: same stdout, stderr and status as OpenSSL 3.0', async () => {
    const cases = await makeCatalogue(subtle, seededRandom(3));
    expect(cases.map((c) => c.id)).toEqual(['ok', 'expired', 'not-yet-valid', 'wrong-host', 'unknown-ca', 'missing-intermediate', 'issuer-not-ca', 'revoked', 'crl-missing']);
    const at = String(CATALOGUE_TIME / 1000);
    for (const c of cases) {
      const dir = mkdtempSync(join(tmpdir(), `lab-cat-${c.id}-`));
      for (const [name, text] of Object.entries(c.files)) writeFileSync(join(dir, name), text);
      const real = spawnSync('openssl', ['verify', '-attime', at, ...c.args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, SSL_CERT_DIR: '/nonexistent', SSL_CERT_FILE: '/nonexistent' },
      });
      const lab = await runVerify(['-attime', at, ...c.args], { read: (p) => (c.files[p] ? new TextEncoder().encode(c.files[p]) : null), list: () => null }, subtle, 0);
      expect({ id: c.id, out: lab.out, err: lab.err, rc: lab.rc }).toEqual({ id: c.id, out: real.stdout, err: real.stderr, rc: real.status });
    }
    expect(cases.filter((c) => c.id !== 'ok').length).toBe(8);
  }, 60000);
});
