import { describe, expect, it } from 'vitest';
import { LineReader, MAX_INPUT_LINE, commandText, fixcrlf, type InputLine } from './line-reader.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function readAll(r: LineReader): InputLine[] {
  const out: InputLine[] = [];
  for (let l = r.readLine(); l !== null; l = r.readLine()) out.push(l);
  return out;
}

/** Pushes `input` in the given pieces and collects every line as soon as it is complete. */
function feed(pieces: string[]): { lines: string[]; rest: number } {
  const r = new LineReader();
  const lines: string[] = [];
  for (const p of pieces) {
    r.push(bytes(p));
    lines.push(...readAll(r).map((l) => l.text));
  }
  return { lines, rest: r.buffered };
}

describe('LineReader (h11 test_io style: whole, byte by byte, with trailing data)', () => {
  const input = 'EHLO client.example.test\r\nMAIL FROM:<a@b>\r\nNOOP\n\r\n';
  const expected = ['EHLO client.example.test', 'MAIL FROM:<a@b>', 'NOOP', ''];

  it('reads lines given whole', () => {
    expect(feed([input])).toEqual({ lines: expected, rest: 0 });
  });

  it('reads the same lines given one byte at a time', () => {
    expect(feed([...input])).toEqual({ lines: expected, rest: 0 });
  });

  it('keeps trailing data without LF for later', () => {
    const r = feed([input + 'QUI']);
    expect(r).toEqual({ lines: expected, rest: 3 });
  });

  it('accepts a bare LF as the end of a command, as Sendmail does (bare-lf.json)', () => {
    expect(feed(['NOOP\nRSET\n']).lines).toEqual(['NOOP', 'RSET']);
  });

  it('keeps a CR inside the line and strips only the final CRLF', () => {
    expect(feed(['fo\ro\r\n']).lines).toEqual(['fo\ro']);
  });

  it('marks whether more bytes followed the line in the buffer (the pipelining check)', () => {
    const r = new LineReader();
    r.push(bytes('EHLO x\r\nNOOP\r\n'));
    expect(r.readLine()?.endsPacket).toBe(false);
    expect(r.readLine()?.endsPacket).toBe(true);
    r.push(bytes('EH'));
    r.push(bytes('LO y\r\n'));
    expect(r.readLine()).toMatchObject({ text: 'EHLO y', endsPacket: true });
  });

  it('counts strlen() with the EOL: the number compared with 2048 (long-line-2049.json)', () => {
    const r = new LineReader();
    r.push(bytes(`NOOP ${'x'.repeat(2042)}\r\n`));
    expect(r.readLine()?.length).toBe(2049);
  });

  it('cuts a line at MAXINPLINE-1 bytes when no LF comes (input too long: 12287)', () => {
    const r = new LineReader();
    r.push(bytes('x'.repeat(20000)));
    const l = r.readLine();
    expect(l?.length).toBe(MAX_INPUT_LINE - 1);
    expect(r.buffered).toBe(20000 - (MAX_INPUT_LINE - 1));
  });

  it('gives the unterminated rest at end of input', () => {
    const r = new LineReader();
    r.push(bytes('NOOP\r\nQUI'));
    expect(r.readRest()?.text).toBe('NOOP');
    expect(r.readRest()?.text).toBe('QUI');
    expect(r.readRest()).toBeNull();
  });

  it('peek/skip hand raw bytes to the DATA collector', () => {
    const r = new LineReader();
    r.push(bytes('abc\r\n.\r\nQUIT\r\n'));
    expect(String.fromCharCode(...r.peek())).toBe('abc\r\n.\r\nQUIT\r\n');
    r.skip(8);
    expect(r.readLine()?.text).toBe('QUIT');
  });
});

describe('commandText (what sfgets() leaves)', () => {
  it('ends the string at a NUL byte (nul-command.json)', () => {
    expect(commandText(bytes('FOO\0BAR\r\n'))).toEqual({ text: 'FOO', raw: 'FOO', length: 3 });
  });
  it('keeps eight-bit bytes', () => {
    expect(commandText(bytes('FOO\xe9bar\r\n')).text).toBe('FOO\xe9bar');
  });
  it('fixcrlf removes CRLF or LF and what follows', () => {
    expect(fixcrlf('a\r\n')).toBe('a');
    expect(fixcrlf('a\n')).toBe('a');
    expect(fixcrlf('a')).toBe('a');
    expect(fixcrlf('\n')).toBe('');
  });
});
