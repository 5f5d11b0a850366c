/**
 * Screen geometry for the line editor: where the cursor is after some output,
 * where each character of the edited line starts, and the escape sequences
 * that move between two such places.
 *
 * Positions are columns counted from the start of the row where the edited
 * line's prompt ends ("origin row"); with a finite width `cols`, position p is
 * on row floor(p / cols) at column p % cols. With `cols = Infinity` (a pipe, or
 * a terminal of unknown width) everything is one row.
 *
 * Sequences used: `\b` (left one column), `\r` (column 0), `ESC[nC` (right),
 * `ESC[nA` / `ESC[nB` (up/down), `ESC[K` (erase to end of row), `ESC[J`
 * (erase to end of screen).
 */

export const TAB_WIDTH = 8;

/** ESC [ params final | ESC ] ... BEL or ST | ESC x: the length of the escape at text[i]. */
function escapeLength(text: string, i: number): number {
  const next = text[i + 1];
  if (next === '[') {
    let j = i + 2;
    while (j < text.length && !/[@-~]/.test(text[j])) j++;
    return Math.min(j + 1, text.length) - i;
  }
  if (next === ']') {
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '\x07') return j + 1 - i;
      if (text[j] === '\x1b' && text[j + 1] === '\\') return j + 2 - i;
    }
    return text.length - i;
  }
  return next === undefined ? 1 : 2;
}

/**
 * The cursor column after `text` is written at column `col` of a terminal
 * `cols` wide. `col === cols` is xterm's "pending wrap" state: the cursor sits
 * on the last column and the next printable character goes to the next row.
 */
export function advanceColumn(col: number, text: string, cols: number): number {
  let c = col;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\x1b') {
      i += escapeLength(text, i);
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (ch === '\r' || ch === '\n') c = ch === '\r' ? 0 : c;
    else if (ch === '\b') c = Math.max(0, Math.min(c, cols - 1) - 1);
    else if (ch === '\t') c = Math.min(c - (c % TAB_WIDTH) + TAB_WIDTH, cols - 1);
    else if (cp < 0x20 || cp === 0x7f) continue;
    else c = c >= cols ? 1 : c + 1;
  }
  return c;
}

/** Number of rows a prompt adds above the row where it ends. */
export function newlineCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** Start position of each character of `chars`, plus the end (length n + 1). */
export function positions(chars: readonly string[], base: number): number[] {
  const out = [base];
  let p = base;
  for (const ch of chars) {
    p += ch === '\t' ? TAB_WIDTH - (p % TAB_WIDTH) : 1;
    out.push(p);
  }
  return out;
}

/** chars[from..] as printed from pos[from]: tabs as spaces (or raw when `rawTabs`). */
export function renderTail(chars: readonly string[], from: number, pos: readonly number[], rawTabs: boolean): string {
  let s = '';
  for (let i = from; i < chars.length; i++) {
    const ch = chars[i];
    s += ch === '\t' && !rawTabs ? ' '.repeat(pos[i + 1] - pos[i]) : ch;
  }
  return s;
}

export function rowOf(p: number, cols: number): number {
  return Number.isFinite(cols) ? Math.floor(p / cols) : 0;
}

export function colOf(p: number, cols: number): number {
  return Number.isFinite(cols) ? p % cols : p;
}

function csi(n: number, final: string): string {
  return n === 1 ? `\x1b[${final}` : `\x1b[${n}${final}`;
}

/** The bytes that move the cursor from position `from` to position `to`. */
export function moveCursor(from: number, to: number, cols: number): string {
  if (from === to) return '';
  const fr = rowOf(from, cols);
  const tr = rowOf(to, cols);
  const fc = colOf(from, cols);
  const tc = colOf(to, cols);
  if (fr === tr) {
    if (tc < fc) return tc === 0 ? '\r' : '\b'.repeat(fc - tc);
    return csi(tc - fc, 'C');
  }
  let s = tr < fr ? csi(fr - tr, 'A') : csi(tr - fr, 'B');
  s += '\r';
  if (tc > 0) s += csi(tc, 'C');
  return s;
}

/**
 * After printing up to position `p`: when p ends a full row, xterm holds the
 * cursor on the last column (pending wrap). A space and a backspace put it on
 * the next row's first column, where the position arithmetic expects it.
 */
export function settleWrap(p: number, cols: number): string {
  return Number.isFinite(cols) && p > 0 && p % cols === 0 ? ' \b' : '';
}
