/**
 * Keymap: the raw input string a terminal gives (xterm's `onData`, or Node's
 * stdin) parsed into key actions for the line discipline.
 *
 *   "ls -l\r"            -> text("ls -l"), enter
 *   "\x1b[D"  "\x1bOD"   -> left            "\x1b[3~" -> delete
 *   "\x1b[200~a\tb\r\x1b[201~" (bracketed paste) -> text("a\tb"), enter
 *
 * Rules (after strtok/xterm-readline `src/keymap.ts`, extended):
 * - Printable characters are grouped into one `text` action (code points are
 *   kept whole, so surrogate pairs never split).
 * - `\r`, `\n` and `\r\n` are each one `enter`.
 * - A Tab is the `tab` key only when it is the whole chunk (a keystroke). In a
 *   longer chunk (a paste, a piped script) or inside a bracketed paste it is
 *   literal text, so heredoc bodies with tabs survive.
 * - Inside a bracketed paste every other control character and escape is dropped.
 * - Unknown escape sequences become `ignored` (the discipline drops them);
 *   unknown control characters become `control` with the character, so a
 *   program can use them as line terminators (telnet's `^]`).
 */

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'word-left'
  | 'word-right'
  | 'home'
  | 'end'
  | 'up'
  | 'down'
  | 'tab'
  | 'ctrl-a'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-e'
  | 'ctrl-k'
  | 'ctrl-l'
  | 'ctrl-u'
  | 'ctrl-w';

export type KeyAction =
  | { type: 'text'; text: string }
  | { type: 'key'; key: KeyName }
  /** A control character with no editing meaning (e.g. `\x1d`, Ctrl-]). */
  | { type: 'control'; char: string }
  /** An escape sequence we do not handle (function keys, Page Up, ...). */
  | { type: 'ignored'; seq: string };

const CONTROL_KEYS: ReadonlyMap<string, KeyName> = new Map<string, KeyName>([
  ['\x01', 'ctrl-a'],
  ['\x02', 'left'], // Ctrl-B
  ['\x03', 'ctrl-c'],
  ['\x04', 'ctrl-d'],
  ['\x05', 'ctrl-e'],
  ['\x06', 'right'], // Ctrl-F
  ['\x08', 'backspace'], // Ctrl-H
  ['\x0b', 'ctrl-k'],
  ['\x0c', 'ctrl-l'],
  ['\x0e', 'down'], // Ctrl-N
  ['\x10', 'up'], // Ctrl-P
  ['\x15', 'ctrl-u'],
  ['\x17', 'ctrl-w'],
  ['\x7f', 'backspace'],
]);

/** CSI sequences by their final byte, without parameters. */
const CSI_FINAL: ReadonlyMap<string, KeyName> = new Map<string, KeyName>([
  ['A', 'up'],
  ['B', 'down'],
  ['C', 'right'],
  ['D', 'left'],
  ['H', 'home'],
  ['F', 'end'],
]);

/** `\x1b[N~` sequences by N. */
const CSI_TILDE: ReadonlyMap<string, KeyName> = new Map<string, KeyName>([
  ['1', 'home'],
  ['7', 'home'],
  ['4', 'end'],
  ['8', 'end'],
  ['3', 'delete'],
]);

/** Alt-letter (ESC then the letter), as readline binds them. */
const META_KEYS: ReadonlyMap<string, KeyName> = new Map<string, KeyName>([
  ['b', 'word-left'],
  ['f', 'word-right'],
]);

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

function isControl(c: string): boolean {
  const v = c.codePointAt(0) ?? 0;
  return v < 0x20 || v === 0x7f;
}

/**
 * Decodes successive input chunks. Keeps a little state: whether a bracketed
 * paste is open (a paste split over several chunks stays literal), and whether
 * the last chunk ended with CR (so CR | LF across chunks is one Enter).
 */
export class KeyDecoder {
  #inPaste = false;
  /** The last chunk ended with CR: a LF opening the next one is the same Enter. */
  #afterCR = false;

  decode(data: string): KeyAction[] {
    const out: KeyAction[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') out.push({ type: 'text', text });
      text = '';
    };
    const push = (a: KeyAction): void => {
      flush();
      out.push(a);
    };
    const tabIsKey = data === '\t';
    let i = this.#afterCR && data.startsWith('\n') ? 1 : 0;
    this.#afterCR = data.endsWith('\r');
    while (i < data.length) {
      if (this.#inPaste) {
        if (data.startsWith(PASTE_END, i)) {
          this.#inPaste = false;
          i += PASTE_END.length;
          continue;
        }
        const c = String.fromCodePoint(data.codePointAt(i) ?? 0);
        i += c.length;
        if (c === '\r' || c === '\n') {
          if (c === '\r' && data[i] === '\n') i++;
          push({ type: 'key', key: 'enter' });
        } else if (c === '\t' || !isControl(c)) {
          text += c;
        } else if (c === '\x1b') {
          i = skipEscape(data, i - 1);
        }
        continue;
      }
      if (data.startsWith(PASTE_START, i)) {
        flush();
        this.#inPaste = true;
        i += PASTE_START.length;
        continue;
      }
      const c = String.fromCodePoint(data.codePointAt(i) ?? 0);
      if (c === '\x1b') {
        const end = skipEscape(data, i);
        push(escapeAction(data.slice(i, end)));
        i = end;
        continue;
      }
      i += c.length;
      if (c === '\r' || c === '\n') {
        if (c === '\r' && data[i] === '\n') i++;
        push({ type: 'key', key: 'enter' });
        continue;
      }
      if (c === '\t') {
        if (tabIsKey) push({ type: 'key', key: 'tab' });
        else text += c;
        continue;
      }
      if (isControl(c)) {
        const key = CONTROL_KEYS.get(c);
        push(key ? { type: 'key', key } : { type: 'control', char: c });
        continue;
      }
      text += c;
    }
    flush();
    return out;
  }
}

/** Parses one chunk on its own (no paste state carried over). */
export function parseKeys(data: string): KeyAction[] {
  return new KeyDecoder().decode(data);
}

/** Index just past the escape sequence starting at data[start] === ESC. */
function skipEscape(data: string, start: number): number {
  const next = data[start + 1];
  if (next === undefined) return start + 1;
  if (next === '[') {
    let j = start + 2;
    // Parameter and intermediate bytes, then one final byte in @..~.
    while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
    return Math.min(j + 1, data.length);
  }
  if (next === 'O') return Math.min(start + 3, data.length);
  return start + 1 + String.fromCodePoint(data.codePointAt(start + 1) ?? 0).length;
}

function escapeAction(seq: string): KeyAction {
  const ignored: KeyAction = { type: 'ignored', seq };
  if (seq.length < 2) return ignored;
  const kind = seq[1];
  const key = (k: KeyName | undefined): KeyAction => (k ? { type: 'key', key: k } : ignored);
  if (kind === 'O' && seq.length === 3) return key(CSI_FINAL.get(seq[2]));
  if (kind !== '[') return key(META_KEYS.get(seq.slice(1)));
  const params = seq.slice(2, -1);
  const final = seq[seq.length - 1];
  if (final === '~') return key(CSI_TILDE.get(params));
  if (params === '') return key(CSI_FINAL.get(final));
  // Ctrl- or Alt-arrows: ESC [ 1 ; 5 D, ESC [ 1 ; 3 C
  if (/^1;[35]$/.test(params)) {
    if (final === 'D') return key('word-left');
    if (final === 'C') return key('word-right');
  }
  if (params === '1') return key(CSI_FINAL.get(final));
  return ignored;
}
