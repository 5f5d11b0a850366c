// `openssl` itself (not its subcommands): version and an unknown command,
// byte for byte against real OpenSSL 3.0 (test/fixtures/openssl/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { BufferOutput } from '../../src/core/shell/io.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'openssl');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');

describe('openssl', () => {
  for (const [name, line] of [
    ['foo', 'openssl foo'],
    ['version', 'openssl version'],
  ] as const) {
    it(`${line} prints what OpenSSL 3.0 prints`, async () => {
      const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(1), subtle: webcrypto.subtle as unknown as SubtleCrypto });
      const out = new BufferOutput();
      const err = new BufferOutput();
      const status = await w.newShell().run(line, { stdout: out, stderr: err });
      expect({ out: out.text, err: err.text, status }).toEqual({ out: read(`${name}.out`), err: read(`${name}.err`), status: Number(read(`${name}.exit`)) });
    });
  }
});
