/**
 * Tab completion replayed against GNU bash: testdata/bash-completion.json holds
 * what bash 5.2 / readline wrote to a pty for the same keys and files
 * (regenerate with testdata/capture-bash-completion.py). The line discipline
 * must write the same bytes after its prompt.
 */
import { describe, expect, test } from 'vitest';
import captured from './testdata/bash-completion.json' with { type: 'json' };
import { commonPrefix, displayName, formatMatchList } from './completion-list.ts';
import { LineDiscipline, type Completer } from './line-discipline.ts';

/** Completes the word before the cursor against a flat directory, like bash's filename completion. */
function filesCompleter(files: readonly string[]): Completer {
  return (line, cursor) => {
    const from = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(from, cursor);
    return { from, candidates: files.filter((f) => f.startsWith(word)) };
  };
}

describe('Tab completion matches bash byte for byte', () => {
  test.each(captured.scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), columns: s.cols });
    void ld.readLine({ prompt: '$ ', completer: filesCompleter(s.files) });
    screen = '';
    for (const k of s.keys) ld.input(k);
    expect(screen).toBe(s.output);
  });
});

describe('completion details', () => {
  test('a completer that throws rings the bell and changes nothing', async () => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t) });
    const line = ld.readLine({
      prompt: '$ ',
      completer: () => {
        throw new Error('bad');
      },
    });
    ld.input('ab');
    ld.input('\t');
    ld.input('\r');
    expect(await line).toBe('ab');
    expect(screen).toBe('$ ab\x07\r\n');
  });

  test('completion in the middle of a line replaces the word before the cursor', async () => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t) });
    const line = ld.readLine({ prompt: '$ ', completer: filesCompleter(['/etc/', 'echo']) });
    ld.input('ec x');
    ld.input('\x1b[D');
    ld.input('\x1b[D');
    ld.input('\t');
    ld.input('\r');
    expect(await line).toBe('echo  x');
    expect(screen).toBe('$ ec x\b\bho  x\b\b\x1b[2C\r\n');
  });

  test('without a completer Tab does nothing', async () => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t) });
    const line = ld.readLine({ prompt: '' });
    ld.input('a');
    ld.input('\t');
    ld.input('\r');
    expect(await line).toBe('a');
    expect(screen).toBe('a\r\n');
  });

  test('listing from the middle of a line keeps the cursor where it was', () => {
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), columns: 80 });
    void ld.readLine({ prompt: '$ ', completer: filesCompleter(['ab', 'ac']) });
    ld.input('a z');
    ld.input('\x1b[D');
    ld.input('\x1b[D');
    ld.input('\t');
    ld.input('\t');
    expect(screen).toBe('$ a z\b\b\x07\x1b[2C\r\nab  ac  \r\n$ a z\b\b');
  });

  test('helpers', () => {
    expect(commonPrefix(['mailq', 'mailstats', 'mail'])).toBe('mail');
    expect(commonPrefix([])).toBe('');
    expect(displayName('/etc/mail/')).toBe('mail/');
    expect(displayName('/etc/hosts')).toBe('hosts');
    expect(displayName('sendmail')).toBe('sendmail');
    expect(formatMatchList(['b', 'a', 'a'], 80)).toEqual(['a  b  ']);
  });
});
