/**
 * Browser services handed to the core (which never reaches for them itself):
 * the wall clock, WebCrypto randomness and WebCrypto's SubtleCrypto.
 * `?seed=N` in the page's address gives a seeded random source instead, so a
 * teacher's demo (or a screenshot) shows the same queue ids and keys each time.
 */
import { seededRandom, type Clock, type Random } from '../core/trace/index.ts';

export const browserClock: Clock = { now: () => Date.now() };

/** crypto.getRandomValues, in slices of at most 65,536 bytes (its limit per call). */
export const browserRandom: Random = {
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
    return out;
  },
};

export function browserSubtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) {
    throw new Error('WebCrypto (crypto.subtle) is unavailable: open the lab over https or on localhost.');
  }
  return crypto.subtle;
}

export interface PlatformServices {
  clock: Clock;
  random: Random;
  subtle: SubtleCrypto;
}

/** The services for this page; `seed` (from `?seed=N`) makes randomness reproducible. */
export function browserServices(seed: number | null): PlatformServices {
  return { clock: browserClock, random: seed === null ? browserRandom : seededRandom(seed), subtle: browserSubtle() };
}
