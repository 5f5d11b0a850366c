import { describe, expect, it } from 'vitest';
import { escapeLog, replyBytes } from './wire.ts';

const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('replyBytes', () => {
  it('ends every line with CRLF', () => {
    expect(text(replyBytes(['250-a', '250 b']))).toBe('250-a\r\n250 b\r\n');
  });
  it('clears the eighth bit and stops a line at the NUL that leaves (eight-bit-command.json)', () => {
    expect(text(replyBytes(['500 "FOO\xe9bar"']))).toBe('500 "FOOibar"\r\n');
    expect(text(replyBytes(['500 "E\x80F"']))).toBe('500 "E\r\n');
  });
  it('never lets an eight-bit byte become a line end (SIMPLIFIED)', () => {
    expect(text(replyBytes(['500 "\x8d\x8a"']))).toBe('500 "??"\r\n');
  });
});

describe('escapeLog', () => {
  it('writes CR, LF and tab as C escapes and other controls and eight-bit bytes in octal', () => {
    expect(escapeLog('GET / HTTP/1.0\r\n')).toBe('GET / HTTP/1.0\\r\\n');
    expect(escapeLog('VRFY r\xf6ot')).toBe('VRFY r\\366ot');
    expect(escapeLog('a\x01b')).toBe('a\\001b');
  });
});
