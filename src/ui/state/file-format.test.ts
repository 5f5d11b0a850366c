import { expect, test } from 'vitest';
import { asText, modeString } from './file-format.ts';

test.each<[Parameters<typeof modeString>[0], number, string]>([
  ['file', 0o600, '-rw-------'],
  ['file', 0o644, '-rw-r--r--'],
  ['dir', 0o2755, 'drwxr-sr-x'],
  ['dir', 0o1777, 'drwxrwxrwt'],
  ['dir', 0o1776, 'drwxrwxrwT'],
  ['file', 0o4755, '-rwsr-xr-x'],
  ['file', 0o4644, '-rwSr--r--'],
  ['file', 0o2640, '-rw-r-S---'],
  ['symlink', 0o777, 'lrwxrwxrwx'],
])('%s %o -> %s', (type, mode, expected) => {
  expect(modeString(type, mode)).toBe(expected);
});

test('asText', () => {
  expect(asText(new TextEncoder().encode('héllo\n'))).toBe('héllo\n');
  expect(asText(new Uint8Array([0x30, 0x82, 0x00, 0x01]))).toBeNull();
  expect(asText(new Uint8Array([0xff, 0xfe]))).toBeNull();
});
