/**
 * Command-line framing, as Sendmail's sfgets() reads SMTP commands.
 *
 *   bytes ──push()──► buffer ──readLine()──► { text, length, endsPacket }
 *
 * - A line ends at LF (CRLF or a bare LF: Sendmail accepts both for commands), or
 *   when MAX_INPUT_LINE - 1 = 12287 bytes have arrived without one (sm_io_fgets
 *   fills its buffer; the rest is the next "line").
 * - `length` is strlen() of what was read, EOL included: this is the number
 *   Sendmail compares with MAXLINE (2048) and logs as "input too long: N".
 *   A NUL byte ends the C string, so it also ends `length` and `text`.
 * - `text` is the command as Sendmail processes it: cut at the first NUL, trailing
 *   CRLF/LF removed (fixcrlf). Eight-bit bytes stay (a HELO argument with one is
 *   invalid; replies echo them with the high bit cleared, eight-bit-command.json).
 *   `raw` is the same before fixcrlf (EOL kept), for the open-proxy check.
 * - `endsPacket` is true when nothing else is buffered once the line is taken:
 *   Sendmail's "traffic before response" check (channel_readable) after HELO,
 *   EHLO and DATA looks exactly at that.
 *
 * Checked against real Sendmail: test/fixtures/sendmail/reference/long-line-*.json,
 * bare-lf.json, nul-command.json, eight-bit-command.json.
 */

/** Sendmail's MAXINPLINE: the command buffer; a line is at most this minus one byte. */
export const MAX_INPUT_LINE = 12288;
/** Sendmail's MAXLINE: a command longer than this (EOL included) gets 421 and the connection closes. */
export const MAX_COMMAND_LENGTH = 2048;

export interface InputLine {
  /** The command text (7-bit, no EOL, cut at NUL). */
  text: string;
  /** The bytes as read (latin1), EOL included, cut at the first NUL. */
  raw: string;
  /** strlen(inp): bytes up to the first NUL, EOL included. */
  length: number;
  /** Nothing more buffered after this line (the client waited for our reply). */
  endsPacket: boolean;
}

export class LineReader {
  #buf: Uint8Array = new Uint8Array(0);
  #start = 0;

  /** Appends one packet's bytes. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const rest = this.#buf.subarray(this.#start);
    const next = new Uint8Array(rest.length + bytes.length);
    next.set(rest, 0);
    next.set(bytes, rest.length);
    this.#buf = next;
    this.#start = 0;
  }

  /** Bytes received and not yet taken. */
  get buffered(): number {
    return this.#buf.length - this.#start;
  }

  /** The next complete line, or null when no LF (and fewer than 12287 bytes) is buffered. */
  readLine(): InputLine | null {
    const end = this.#findEnd();
    if (end < 0) return null;
    return this.#take(end);
  }

  /** At end of input: what is left (a line without its LF), as fgets returns it; null if nothing. */
  readRest(): InputLine | null {
    if (this.buffered === 0) return null;
    const line = this.readLine();
    if (line) return line;
    return this.#take(this.#buf.length);
  }

  /** A view of everything buffered (for the DATA collector, which then calls skip()). */
  peek(): Uint8Array {
    return this.#buf.subarray(this.#start);
  }

  /** Consumes `n` buffered bytes. */
  skip(n: number): void {
    this.#start = Math.min(this.#buf.length, this.#start + Math.max(0, n));
    if (this.#start === this.#buf.length) {
      this.#buf = new Uint8Array(0);
      this.#start = 0;
    }
  }

  /** Drops everything buffered (the connection is closing). */
  clear(): void {
    this.#buf = new Uint8Array(0);
    this.#start = 0;
  }

  #findEnd(): number {
    const limit = Math.min(this.#buf.length, this.#start + MAX_INPUT_LINE - 1);
    for (let i = this.#start; i < limit; i++) {
      if (this.#buf[i] === 0x0a) return i + 1;
    }
    return limit - this.#start === MAX_INPUT_LINE - 1 ? limit : -1;
  }

  #take(end: number): InputLine {
    const bytes = this.#buf.subarray(this.#start, end);
    this.#start = end;
    if (this.#start === this.#buf.length) {
      this.#buf = new Uint8Array(0);
      this.#start = 0;
    }
    return { ...commandText(bytes), endsPacket: this.buffered === 0 };
  }
}

/** Sendmail's view of one line read by sfgets: see the module comment. */
export function commandText(bytes: Uint8Array): { text: string; raw: string; length: number } {
  let raw = '';
  for (const b of bytes) {
    if (b === 0) break; // a NUL ends the C string
    raw += String.fromCharCode(b);
  }
  return { text: fixcrlf(raw), raw, length: raw.length };
}

/** fixcrlf(line, true): removes the first LF and a CR just before it, and what follows. */
export function fixcrlf(line: string): string {
  const nl = line.indexOf('\n');
  if (nl < 0) return line;
  return line.slice(0, nl > 0 && line[nl - 1] === '\r' ? nl - 1 : nl);
}
