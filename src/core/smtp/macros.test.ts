import { describe, expect, it } from 'vitest';
import { expandMacros } from './macros.ts';
import { DEBIAN_GREETING } from './greeting.ts';

const m: Record<string, string> = { j: 'mail.example.test', v: '8.17.1.9', client_addr: '127.0.0.1', client_name: 'localhost', client_resolve: 'OK', _: 'localhost [127.0.0.1]' };
const lookup = (n: string): string | undefined => m[n];

describe('expandMacros', () => {
  it('expands $x and ${name}, and $$', () => {
    expect(expandMacros('$j ${client_name} $$v', lookup)).toBe('mail.example.test localhost $v');
  });
  it('handles $?x ... $| ... $. conditionals', () => {
    expect(expandMacros('$?{client_addr}yes$|no$.', lookup)).toBe('yes');
    expect(expandMacros('$?{nothing}yes$|no$.', lookup)).toBe('no');
  });
  it("expands Debian's greeting as the fresh world shows it", () => {
    expect(expandMacros(DEBIAN_GREETING, (n) => (n === 'b' ? '<DATE>' : n === 'Z' ? '8.17.1.9/Debian-2+deb12u2' : m[n]))).toBe(
      'mail.example.test Sendmail 8.17.1.9/8.17.1.9/Debian-2+deb12u2; <DATE>; (No UCE/UBE) logging access from: localhost(OK)-localhost [127.0.0.1]',
    );
  });
  it('keeps an unterminated ${ as text and never throws', () => {
    expect(expandMacros('a ${oops', lookup)).toBe('a ${oops');
    expect(expandMacros('$', lookup)).toBe('$');
  });
});
