/**
 * A tiny terminal emulator for tests: enough of xterm's behaviour to check that
 * the line discipline's redraws leave the screen showing what they should.
 * Understands printable characters (with auto-wrap and xterm's pending-wrap
 * state), CR, LF, BS, BEL, TAB, and CSI A B C D H K J (0 and 2).
 */
export class ToyTerminal {
  rows: string[][] = [[]];
  x = 0;
  y = 0;
  /** Cursor on the last column with a wrap pending (xterm's x === cols). */
  pending = false;

  constructor(readonly cols: number) {}

  #row(y: number): string[] {
    while (this.rows.length <= y) this.rows.push([]);
    return this.rows[y];
  }

  write(text: string): void {
    for (let i = 0; i < text.length; ) {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (ch === '\x1b' && text[i + 1] === '[') {
        let j = i + 2;
        while (j < text.length && !/[@-~]/.test(text[j])) j++;
        this.#csi(text.slice(i + 2, j), text[j]);
        i = j + 1;
        continue;
      }
      i += ch.length;
      if (ch === '\r') [this.x, this.pending] = [0, false];
      else if (ch === '\n') [this.y, this.pending] = [this.y + 1, false];
      else if (ch === '\b') [this.x, this.pending] = [Math.max(0, this.x - 1), false];
      else if (ch === '\x07') continue;
      else if (ch === '\t') this.x = Math.min(this.x - (this.x % 8) + 8, this.cols - 1);
      else this.#put(ch);
    }
  }

  #put(ch: string): void {
    if (this.pending) [this.x, this.y, this.pending] = [0, this.y + 1, false];
    const row = this.#row(this.y);
    while (row.length < this.x) row.push(' ');
    row[this.x] = ch;
    if (this.x === this.cols - 1) this.pending = true;
    else this.x++;
  }

  #csi(params: string, final: string): void {
    const n = Math.max(1, Number.parseInt(params || '1', 10) || 1);
    this.pending = false;
    if (final === 'A') this.y = Math.max(0, this.y - n);
    else if (final === 'B') this.y += n;
    else if (final === 'C') this.x = Math.min(this.cols - 1, this.x + n);
    else if (final === 'D') this.x = Math.max(0, this.x - n);
    else if (final === 'H') [this.x, this.y] = [0, 0];
    else if (final === 'K') this.#row(this.y).length = Math.min(this.#row(this.y).length, this.x);
    else if (final === 'J') {
      if (params === '2') this.rows = [[]];
      else {
        this.#row(this.y).length = Math.min(this.#row(this.y).length, this.x);
        this.rows.length = this.y + 1;
      }
    }
  }

  /** The screen as lines of text (trailing blanks trimmed). */
  text(): string[] {
    return this.rows.map((r) => r.join('').replace(/ +$/, ''));
  }
}
