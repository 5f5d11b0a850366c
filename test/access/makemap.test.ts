import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compileMap } from '../../src/core/access/index.ts';

const dir = new URL('../fixtures/access/makemap/', import.meta.url);
const read = (n: string): string => readFileSync(new URL(n, dir)).toString('latin1');
const names = readdirSync(dir).filter((f) => f.endsWith('.in')).map((f) => f.slice(0, -3));

describe('makemap hash /etc/mail/access < input, against the real makemap', () => {
  it('has the captured inputs', () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
  });
  for (const n of names) {
    it(n, () => {
      const r = compileMap(read(`${n}.in`), '/etc/mail/access');
      expect(r.messages.map((m) => m + '\n').join('')).toBe(read(`${n}.stderr`));
      expect(String(r.exitCode)).toBe(read(`${n}.rc`).trim());
      const dump = [...r.entries].map(([k, v]) => `${k}\t${v}`);
      dump.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(dump.map((l) => l + '\n').join('')).toBe(read(`${n}.dump`));
    });
  }
  it('takes bytes as well as text', () => {
    const r = compileMap(new Uint8Array([0x4b, 0x20, 0x56, 0x0a]), 'm');
    expect([...r.entries]).toEqual([['k', 'V']]);
  });
});
