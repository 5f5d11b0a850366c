/**
 * Platform services for the Node entry points: the real clock, Node's
 * WebCrypto, and for `--seed N` a seeded random source with a clock that
 * starts at a fixed date and steps 1 ms per reading, so a script prints the
 * same bytes every run.
 */
import { webcrypto } from 'node:crypto';
import { seededRandom, steppingClock, type Clock, type Random } from '../core/trace/index.ts';

export const FIXED_START = Date.UTC(2026, 10, 28, 12, 0, 0);

export function nodeServices(seed: number | null): { clock: Clock; random: Random; subtle: SubtleCrypto } {
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;
  if (seed !== null) return { clock: steppingClock(FIXED_START, 1), random: seededRandom(seed), subtle };
  return {
    clock: { now: () => Date.now() },
    random: { bytes: (n) => webcrypto.getRandomValues(new Uint8Array(n)) },
    subtle,
  };
}

/** `--name value` and `--name=value` options; returns null when `name` is absent. */
export function option(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] ?? '';
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return null;
}
