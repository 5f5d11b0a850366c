/**
 * The editing keys as pure functions on a line (an array of code points) and
 * a cursor, with GNU readline's meanings (emacs mode). The line discipline
 * applies the result and redraws what changed.
 */
import type { KeyName } from './keymap.ts';

export interface LineState {
  readonly chars: readonly string[];
  readonly cursor: number;
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

function isBlank(ch: string): boolean {
  return /\s/.test(ch);
}

function cut(s: LineState, from: number, to: number): LineState {
  return { chars: [...s.chars.slice(0, from), ...s.chars.slice(to)], cursor: from };
}

function move(s: LineState, cursor: number): LineState {
  return { chars: s.chars, cursor: Math.max(0, Math.min(cursor, s.chars.length)) };
}

/** Inserts `text` at the cursor. */
export function insertText(s: LineState, text: string): LineState {
  const add = [...text];
  return { chars: [...s.chars.slice(0, s.cursor), ...add, ...s.chars.slice(s.cursor)], cursor: s.cursor + add.length };
}

/** The line after an editing key, or null when `key` is not an editing key. */
export function editLine(s: LineState, key: KeyName): LineState | null {
  const { chars, cursor } = s;
  const n = chars.length;
  switch (key) {
    case 'backspace':
      return cursor > 0 ? cut(s, cursor - 1, cursor) : s;
    case 'delete':
    case 'ctrl-d': // on a non-empty line: delete-char, as bash
      return cursor < n ? cut(s, cursor, cursor + 1) : s;
    case 'left':
      return move(s, cursor - 1);
    case 'right':
      return move(s, cursor + 1);
    case 'home':
    case 'ctrl-a':
      return move(s, 0);
    case 'end':
    case 'ctrl-e':
      return move(s, n);
    case 'word-left': {
      let i = cursor;
      while (i > 0 && !isWordChar(chars[i - 1])) i--;
      while (i > 0 && isWordChar(chars[i - 1])) i--;
      return move(s, i);
    }
    case 'word-right': {
      let i = cursor;
      while (i < n && !isWordChar(chars[i])) i++;
      while (i < n && isWordChar(chars[i])) i++;
      return move(s, i);
    }
    case 'ctrl-u': // unix-line-discard
      return cut(s, 0, cursor);
    case 'ctrl-k': // kill-line
      return cut(s, cursor, n);
    case 'ctrl-w': {
      // unix-word-rubout: back over blanks, then over non-blanks.
      let i = cursor;
      while (i > 0 && isBlank(chars[i - 1])) i--;
      while (i > 0 && !isBlank(chars[i - 1])) i--;
      return cut(s, i, cursor);
    }
    default:
      return null;
  }
}
