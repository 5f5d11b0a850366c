/**
 * The Crypto object @peculiar/x509 wants, built from what the world passes
 * in (a SubtleCrypto and a Random), so pki never reaches for globals.
 * reflect-metadata must load before @peculiar/x509 (its decorators need it).
 */
import 'reflect-metadata';
import type { Random } from '../trace/index.ts';

export function cryptoFrom(subtle: SubtleCrypto, random: Random): Crypto {
  return {
    subtle,
    getRandomValues<T extends ArrayBufferView | null>(array: T): T {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        bytes.set(random.bytes(bytes.length));
      }
      return array;
    },
    randomUUID(): `${string}-${string}-${string}-${string}-${string}` {
      const b = random.bytes(16);
      const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  } as Crypto;
}
