import { describe, expect, it } from 'vitest';
import { Collector, type CollectResult } from './collect.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

/** Feeds `pieces` in order; returns the final result, the collector and the bytes not consumed. */
function run(pieces: string[]): { r: CollectResult; c: Collector; rest: string } {
  const c = new Collector();
  let r: CollectResult = { kind: 'more', consumed: 0 };
  let rest = '';
  for (const p of pieces) {
    if (r.kind !== 'more') {
      rest += p;
      continue;
    }
    r = c.feed(bytes(p));
    rest += p.slice(r.consumed);
  }
  return { r, c, rest };
}

describe('Collector (DATA)', () => {
  const message = 'From: Alice <alice@example.test>\r\nTo: root@example.test\r\nSubject: test message\r\n\r\nHello root.\r\n..a line that starts with a dot (dot-stuffed)\r\n\r\nBye.\r\n.\r\n';

  it('ends at CRLF.CRLF, unstuffs dots and counts size= with LF line ends (data-full.json: 141)', () => {
    const { r, c } = run([message]);
    expect(r.kind).toBe('end');
    expect(c.size).toBe(141);
    expect(text(c.data())).toBe(message.slice(0, -3).replace('\r\n..a', '\r\n.a'));
  });

  it('gives the same result byte by byte', () => {
    const { r, c } = run([...message]);
    expect(r.kind).toBe('end');
    expect(c.size).toBe(141);
  });

  it('leaves what follows the final dot to the command reader', () => {
    const { r, rest } = run(['x\r\n.\r\nQUIT\r\n']);
    expect(r).toEqual({ kind: 'end', consumed: 6 });
    expect(rest).toBe('QUIT\r\n');
  });

  it('does not end on ". not the end" (data-lines-separately.json: 43)', () => {
    const { r, c } = run(['Subject: one by one\r\n', '\r\n', 'line 1\r\n', '..\r\n', '. not the end\r\n', '.\r\n']);
    expect(r.kind).toBe('end');
    expect(c.size).toBe(43);
  });

  it('refuses a bare LF, in the header or the body (data-bare-lf.json)', () => {
    expect(run(['a\n.\n']).r).toMatchObject({ kind: 'error', reason: 'bare-lf', where: 'header' });
    const body = run(['a\r\n.\n']);
    expect(body.r).toMatchObject({ kind: 'error', reason: 'bare-lf', where: 'body' });
    expect(body.c.size).toBe(2);
  });

  it('refuses a bare CR (cr-without-lf.json)', () => {
    const { r, c } = run(['b\rc\r\n.\r\n']);
    expect(r).toMatchObject({ kind: 'error', reason: 'bare-cr', where: 'header' });
    expect(c.size).toBe(1);
  });

  it('notes NUL bytes and takes Message-Id from the headers', () => {
    const { c } = run(['Message-Id: <abc@def>\r\n\r\nx\0y\r\n.\r\n']);
    expect(c.sawNul).toBe(true);
    expect(c.messageId).toBe('<abc@def>');
    expect(c.size).toBe(27);
  });

  it('treats a first line that is no header as body (no Message-Id taken from it)', () => {
    const { c } = run(['just a body line\r\nMessage-Id: <x@y>\r\n.\r\n']);
    expect(c.messageId).toBeNull();
    expect(c.where).toBe('body');
  });
});
