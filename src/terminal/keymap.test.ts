import { describe, expect, test } from 'vitest';
import { KeyDecoder, parseKeys, type KeyAction, type KeyName } from './keymap.ts';

const k = (key: KeyName): KeyAction => ({ type: 'key', key });
const t = (text: string): KeyAction => ({ type: 'text', text });

describe('parseKeys', () => {
  test.each<[string, KeyAction[]]>([
    ['ls -l', [t('ls -l')]],
    ['\r', [k('enter')]],
    ['\n', [k('enter')]],
    ['\x7f', [k('backspace')]],
    ['\b', [k('backspace')]],
    ['\x1b[3~', [k('delete')]],
    ['\x1b[D', [k('left')]],
    ['\x1b[C', [k('right')]],
    ['\x1bOD', [k('left')]],
    ['\x1bOC', [k('right')]],
    ['\x1b[A', [k('up')]],
    ['\x1b[B', [k('down')]],
    ['\x1bOA', [k('up')]],
    ['\x1bOB', [k('down')]],
    ['\x1b[H', [k('home')]],
    ['\x1b[F', [k('end')]],
    ['\x1bOH', [k('home')]],
    ['\x1bOF', [k('end')]],
    ['\x1b[1~', [k('home')]],
    ['\x1b[4~', [k('end')]],
    ['\x1b[7~', [k('home')]],
    ['\x1b[8~', [k('end')]],
    ['\x1b[1;5D', [k('word-left')]],
    ['\x1b[1;5C', [k('word-right')]],
    ['\x1bb', [k('word-left')]],
    ['\x1bf', [k('word-right')]],
    ['\x01', [k('ctrl-a')]],
    ['\x05', [k('ctrl-e')]],
    ['\x15', [k('ctrl-u')]],
    ['\x0b', [k('ctrl-k')]],
    ['\x17', [k('ctrl-w')]],
    ['\x03', [k('ctrl-c')]],
    ['\x04', [k('ctrl-d')]],
    ['\x0c', [k('ctrl-l')]],
    ['\x02', [k('left')]],
    ['\x06', [k('right')]],
    ['\x10', [k('up')]],
    ['\x0e', [k('down')]],
    ['\t', [k('tab')]],
    ['\x1d', [{ type: 'control', char: '\x1d' }]],
    ['\x1b[5~', [{ type: 'ignored', seq: '\x1b[5~' }]],
    ['\x1b[15~', [{ type: 'ignored', seq: '\x1b[15~' }]],
    ['\x1bOP', [{ type: 'ignored', seq: '\x1bOP' }]],
    ['\x1b', [{ type: 'ignored', seq: '\x1b' }]],
  ])('%j', (input, expected) => {
    expect(parseKeys(input)).toEqual(expected);
  });

  test('text is split around keys, code points kept whole', () => {
    expect(parseKeys('ab\x1b[Dc𠮷\x7fd')).toEqual([t('ab'), k('left'), t('c𠮷'), k('backspace'), t('d')]);
  });

  test('a multi-line chunk is several lines, CRLF is one Enter', () => {
    expect(parseKeys('echo a\rcat b\r\ntail\n\n')).toEqual([
      t('echo a'),
      k('enter'),
      t('cat b'),
      k('enter'),
      t('tail'),
      k('enter'),
      k('enter'),
    ]);
  });

  test('a tab inside a longer chunk is text, not completion', () => {
    expect(parseKeys('cat <<EOF\r\tindented\r')).toEqual([t('cat <<EOF'), k('enter'), t('\tindented'), k('enter')]);
  });

  test('bracketed paste: lines become Enters, tabs stay, controls and escapes drop', () => {
    expect(parseKeys('\x1b[200~a\tb\r\nc\x03\x1b[Ad\x1b[201~\r')).toEqual([t('a\tb'), k('enter'), t('cd'), k('enter')]);
  });
});

describe('KeyDecoder', () => {
  test('a bracketed paste split over chunks stays a paste', () => {
    const d = new KeyDecoder();
    expect(d.decode('\x1b[200~one\x03')).toEqual([t('one')]);
    expect(d.decode('\ttwo\x1b[201~')).toEqual([t('\ttwo')]);
    expect(d.decode('\t')).toEqual([k('tab')]);
  });

  test('CR at the end of one chunk and LF at the start of the next are one Enter', () => {
    const d = new KeyDecoder();
    expect(d.decode('a\r')).toEqual([t('a'), k('enter')]);
    expect(d.decode('\nb\n')).toEqual([t('b'), k('enter')]);
    expect(d.decode('\n')).toEqual([k('enter')]);
  });
});
