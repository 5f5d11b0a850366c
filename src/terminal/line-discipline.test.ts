import { describe, expect, test } from 'vitest';
import { LineDiscipline, type LineDisciplineOptions, type ReadLineOptions } from './line-discipline.ts';

const P = 'root@mail:~# ';

function setup(opts: LineDisciplineOptions = {}) {
  let screen = '';
  const ld = new LineDiscipline({ ...opts, onOutput: (t) => (screen += t) });
  return {
    ld,
    /** What reached the screen since the last call. */
    take(): string {
      const s = screen;
      screen = '';
      return s;
    },
  };
}

/** Starts a read, feeds `keys`, and returns the bytes written and the read's result. */
async function edit(keys: string[], opts: ReadLineOptions = { prompt: P }, ldOpts: LineDisciplineOptions = {}) {
  const { ld, take } = setup(ldOpts);
  const line = ld.readLine(opts);
  for (const k of keys) ld.input(k);
  ld.end();
  return { screen: take(), line: await line };
}

describe('echo and Enter', () => {
  test('prompt, typed text, Enter', async () => {
    expect(await edit(['e', 'c', 'h', 'o', '\r'])).toEqual({ screen: P + 'echo\r\n', line: 'echo' });
  });

  test('a chunk of text at once', async () => {
    expect(await edit(['ls -l /etc\r'])).toEqual({ screen: P + 'ls -l /etc\r\n', line: 'ls -l /etc' });
  });

  test('Enter with the cursor inside the line moves to its end first', async () => {
    expect(await edit(['abc', '\x1b[D', '\x1b[D', '\r'])).toEqual({ screen: P + 'abc\b\b\x1b[2C\r\n', line: 'abc' });
  });

  test('newline "\\n" as sent by a pipe', async () => {
    expect(await edit(['date\n'], { prompt: '$ ' }, { newline: '\n' })).toEqual({ screen: '$ date\n', line: 'date' });
  });
});

describe('editing', () => {
  test.each<[string, string[], string, string]>([
    ['Backspace at end', ['foo', '\x7f', '\r'], 'foo\b\x1b[K\r\n', 'fo'],
    ['Ctrl-H is Backspace', ['foo', '\b', '\r'], 'foo\b\x1b[K\r\n', 'fo'],
    ['Backspace on empty line does nothing', ['\x7f', 'a\r'], 'a\r\n', 'a'],
    ['Left then insert', ['fo', '\x1b[D', 'x', '\r'], 'fo\bxo\b\x1b[C\r\n', 'fxo'],
    ['Right at end does nothing', ['ab', '\x1b[C', '\r'], 'ab\r\n', 'ab'],
    ['Home, End', ['abc', '\x1b[H', '\x1b[F', '\r'], 'abc\b\b\b\x1b[3C\r\n', 'abc'],
    ['Ctrl-A, Ctrl-E', ['abc', '\x01', '\x05', '\r'], 'abc\b\b\b\x1b[3C\r\n', 'abc'],
    ['Backspace in the middle', ['abcd', '\x1b[D', '\x1b[D', '\x7f', '\r'], 'abcd\b\b\bcd\x1b[K\b\b\x1b[2C\r\n', 'acd'],
    ['Delete under the cursor', ['abcd', '\x01', '\x1b[3~', '\r'], 'abcd\b\b\b\bbcd\x1b[K\b\b\b\x1b[3C\r\n', 'bcd'],
    ['Delete at end does nothing', ['ab', '\x1b[3~', '\r'], 'ab\r\n', 'ab'],
    ['Ctrl-U kills to the start', ['foo bar', '\x1b[D', '\x15', '\r'], 'foo bar\b\b\b\b\b\b\br\x1b[K\b\x1b[C\r\n', 'r'],
    ['Ctrl-K kills to the end', ['foo bar', '\x01', '\x1b[C', '\x0b', '\r'], 'foo bar\b\b\b\b\b\b\b\x1b[C\x1b[K\r\n', 'f'],
    ['Ctrl-W rubs out a word', ['ls -l /etc  ', '\x17', '\r'], 'ls -l /etc  \b\b\b\b\b\b\x1b[K\r\n', 'ls -l '],
    ['Ctrl-W twice', ['a bc', '\x17', '\x17', 'x\r'], 'a bc\b\b\x1b[K\b\b\x1b[Kx\r\n', 'x'],
    ['Alt-b, Alt-f move by words', ['ab cd', '\x1bb', '\x1bb', '\x1bf', '\r'], 'ab cd\b\b\b\b\b\x1b[2C\x1b[3C\r\n', 'ab cd'],
    ['Ctrl-D inside a line deletes under the cursor', ['abc', '\x01', '\x04', '\r'], 'abc\b\b\bbc\x1b[K\b\b\x1b[2C\r\n', 'bc'],
    ['Ctrl-D at the end of a non-empty line does nothing', ['ab', '\x04', '\r'], 'ab\r\n', 'ab'],
    ['unknown escape sequences are ignored', ['a', '\x1b[5~', '\x1bOP', 'b\r'], 'ab\r\n', 'ab'],
    ['unicode', ['αβ', '\x7f', '𠮷\r'], 'αβ\b\x1b[K𠮷\r\n', 'α𠮷'],
  ])('%s', async (_name, keys, echoed, line) => {
    expect(await edit(keys)).toEqual({ screen: P + echoed, line });
  });

  test('Ctrl-D on an empty line is end of input: null, nothing echoed', async () => {
    expect(await edit(['\x04'])).toEqual({ screen: P, line: null });
  });

  test('Ctrl-L clears the screen and redraws prompt and line with the cursor in place', async () => {
    expect(await edit(['abc', '\x1b[D', '\x0c', '\r'])).toEqual({
      screen: P + 'abc\b\x1b[H\x1b[2J' + P + 'abc\b\x1b[C\r\n',
      line: 'abc',
    });
  });

  test('a typed tab at the end is echoed raw; redraws show it as spaces', async () => {
    // A literal tab arrives inside a longer chunk (paste).
    expect(await edit(['a\tb', '\x01', 'x', '\r'], { prompt: '' })).toEqual({
      screen: 'a\tb\rxa      b\b\b\b\b\b\b\b\b\x1b[8C\r\n',
      line: 'xa\tb',
    });
  });
});

describe('history', () => {
  const history = ['ls', 'cat /etc/hosts'];

  test('Up, Up, Down, Enter', async () => {
    expect(await edit(['\x1b[A', '\x1b[A', '\x1b[B', '\r'], { prompt: P, history })).toEqual({
      screen: P + 'cat /etc/hosts\b\b\b\b\b\b\b\b\b\b\b\b\b\bls\x1b[K' + '\b\bcat /etc/hosts' + '\r\n',
      line: 'cat /etc/hosts',
    });
  });

  test('the line being typed is kept when browsing away and back', async () => {
    const { line } = await edit(['ech', '\x1b[A', '\x1b[B', 'o\r'], { prompt: P, history });
    expect(line).toBe('echo');
  });

  test('an edited history entry keeps its edit during the read', async () => {
    const { line } = await edit(['\x1b[A', '\x7f\x7f', '\x1b[A', '\x1b[B', '\r'], { prompt: P, history });
    expect(line).toBe('cat /etc/hos');
  });

  test('Up past the oldest entry rings the bell', async () => {
    expect(await edit(['\x1b[A', '\x1b[A', '\r'], { prompt: P, history: ['ls'] })).toEqual({
      screen: P + 'ls\x07\r\n',
      line: 'ls',
    });
    expect(history).toEqual(['ls', 'cat /etc/hosts']);
  });
});

describe('Ctrl-C', () => {
  test('during a read: ^C, newline, listeners fire, the read resolves null', async () => {
    const { ld, take } = setup();
    const events: string[] = [];
    ld.onInterrupt(() => events.push('interrupt'));
    const line = ld.readLine({ prompt: P }).then((l) => {
      events.push(`line ${l}`);
      return l;
    });
    ld.input('abc');
    ld.input('\x1b[D');
    ld.input('\x03');
    expect(await line).toBeNull();
    expect(take()).toBe(P + 'abc\b\x1b[C^C\r\n');
    expect(events).toEqual(['interrupt', 'line null']);
  });

  test('with nobody reading: ^C, listeners fire, held input is dropped', async () => {
    const { ld, take } = setup();
    let interrupts = 0;
    const off = ld.onInterrupt(() => interrupts++);
    ld.input('typed ahead\r');
    ld.input('\x03');
    expect(take()).toBe('^C\r\n');
    expect(interrupts).toBe(1);
    off();
    ld.input('\x03');
    expect(interrupts).toBe(1);
    const line = ld.readLine({ prompt: '$ ' });
    ld.input('x\r');
    expect(await line).toBe('x');
    expect(take()).toBe('^C\r\n$ x\r\n');
  });

  test('a throwing listener does not stop the others', () => {
    const { ld } = setup();
    let called = false;
    ld.onInterrupt(() => {
      throw new Error('boom');
    });
    ld.onInterrupt(() => (called = true));
    ld.input('\x03');
    expect(called).toBe(true);
  });
});

describe('typed-ahead and pasted input', () => {
  test('held keys are not echoed until a read; then prompt + line', async () => {
    const { ld, take } = setup();
    ld.input('echo one\recho two\r');
    expect(take()).toBe('');
    expect(await ld.readLine({ prompt: P })).toBe('echo one');
    ld.write('one\n');
    expect(await ld.readLine({ prompt: P })).toBe('echo two');
    ld.write('two\n');
    ld.end();
    expect(await ld.readLine({ prompt: P })).toBeNull();
    expect(take()).toBe(`${P}echo one\r\none\r\n${P}echo two\r\ntwo\r\n${P}`);
  });

  test('a bracketed paste of several lines while reading', async () => {
    const { ld, take } = setup();
    const first = ld.readLine({ prompt: '$ ' });
    ld.input('\x1b[200~ls\ncat <<EOF\n\tx\nEOF\n\x1b[201~');
    expect(await first).toBe('ls');
    expect(await ld.readLine({ prompt: '$ ' })).toBe('cat <<EOF');
    expect(await ld.readLine({ prompt: '> ' })).toBe('\tx');
    expect(await ld.readLine({ prompt: '> ' })).toBe('EOF');
    expect(take()).toBe('$ ls\r\n$ cat <<EOF\r\n> \tx\r\n> EOF\r\n');
  });

  test('end of input with nothing held: the read resolves null after its prompt', async () => {
    const { ld, take } = setup({ newline: '\n' });
    ld.input('a\n');
    ld.end();
    expect(await ld.readLine({ prompt: '$ ' })).toBe('a');
    expect(await ld.readLine({ prompt: '$ ' })).toBeNull();
    expect(take()).toBe('$ a\n$ ');
  });
});

describe('program output', () => {
  test('\\n becomes \\r\\n, \\r\\n stays', () => {
    const { ld, take } = setup();
    ld.write('a\nb\r\nc');
    expect(take()).toBe('a\r\nb\r\nc');
  });

  test('with newline "\\n" output is passed as is', () => {
    const { ld, take } = setup({ newline: '\n' });
    ld.write('a\nb\r\n');
    expect(take()).toBe('a\nb\r\n');
  });

  test('output during a read with an empty prompt and line is written plainly', async () => {
    const { ld, take } = setup();
    const line = ld.readLine();
    ld.write('220 mail.example.test ESMTP\r\n');
    ld.input('EHLO x\r');
    expect(await line).toBe('EHLO x');
    expect(take()).toBe('220 mail.example.test ESMTP\r\nEHLO x\r\n');
  });

  test('output during an edit: prompt and line are taken off, printed, and redrawn', async () => {
    const { ld, take } = setup();
    const line = ld.readLine({ prompt: '$ ' });
    ld.input('abc');
    ld.input('\x1b[D');
    ld.write('note\n');
    ld.input('\r');
    expect(await line).toBe('abc');
    expect(take()).toBe('$ abc\b' + '\r\x1b[K' + 'note\r\n' + '$ abc\b' + '\x1b[C\r\n');
  });

  test('a prompt that starts after partial output is redrawn at its column', async () => {
    const { ld, take } = setup();
    ld.write('Password: ');
    const line = ld.readLine({ prompt: '> ' });
    ld.input('x');
    ld.write('!\n');
    ld.input('\r');
    expect(await line).toBe('x');
    expect(take()).toBe('Password: > x' + '\r\x1b[10C\x1b[K' + '!\r\n' + '> x\r\n');
  });
});

describe('break characters (telnet escape)', () => {
  test('^] ends the read at once, echoed in caret notation', async () => {
    expect(await edit(['EH', '\x1d'], { breakChars: '\x1d' })).toEqual({ screen: 'EH^]', line: 'EH\x1d' });
  });

  test('without breakChars an unknown control character is ignored', async () => {
    expect(await edit(['a\x1d', 'b\r'], { prompt: '' })).toEqual({ screen: 'ab\r\n', line: 'ab' });
  });
});

describe('a new read replaces a pending one', () => {
  test('the old read resolves null', async () => {
    const { ld } = setup();
    const a = ld.readLine();
    const b = ld.readLine();
    ld.input('x\r');
    expect(await a).toBeNull();
    expect(await b).toBe('x');
  });
});

describe('lines longer than the terminal is wide (10 columns)', () => {
  const cols = 10;

  test('typing past the edge settles the cursor on the next row; Home and End cross rows', async () => {
    expect(await edit(['abcdefgh', 'ij', '\x1b[H', '\x1b[F', '\r'], { prompt: '$ ' }, { columns: cols })).toEqual({
      screen: '$ abcdefgh \b' + 'ij' + '\x1b[A\r\x1b[2C' + '\x1b[B\r\x1b[2C' + '\r\n',
      line: 'abcdefghij',
    });
  });

  test('Delete at the start rewrites across the wrap and erases the old last cell', async () => {
    expect(await edit(['abcdefghij', '\x01', '\x1b[3~', '\r'], { prompt: '$ ' }, { columns: cols })).toEqual({
      screen: '$ abcdefghij' + '\x1b[A\r\x1b[2C' + 'bcdefghij\x1b[K' + '\x1b[A\r\x1b[2C' + '\x1b[B\r\x1b[C' + '\r\n',
      line: 'bcdefghij',
    });
  });

  test('Ctrl-U on a two-row line erases to the end of the screen', async () => {
    expect(await edit(['abcdefghij', '\x15', 'x\r'], { prompt: '$ ' }, { columns: cols })).toEqual({
      screen: '$ abcdefghij' + '\x1b[A\r\x1b[2C\x1b[J' + 'x\r\n',
      line: 'x',
    });
  });

  test('output during a two-row edit goes above the redrawn prompt', () => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), columns: cols });
    void ld.readLine({ prompt: '$ ' });
    ld.input('abcdefghij');
    ld.write('log\n');
    expect(screen).toBe('$ abcdefghij' + '\x1b[A\r\x1b[J' + 'log\r\n' + '$ abcdefghij');
  });
});
