/**
 * DATA mode: Sendmail's collect() as Debian bookworm builds it (8.17.1.9 with the
 * CVE-2023-51765 "SMTP smuggling" fix).
 *
 *   bytes ─► Collector.feed() ─► 'more' | { end } | { error: 'Bare linefeed ...' }
 *
 * - Lines must end with CRLF. A bare LF or a bare CR anywhere (also in the final
 *   '.' line) aborts the transaction: 421 4.5.0 and the connection closes
 *   (fixtures bare-lf.json, cr-without-lf.json, data-bare-lf.json).
 * - A line '.' CRLF ends the message. A line starting with '.' loses that dot
 *   (dot-unstuffing, RFC 5321 §4.5.2).
 * - size= counts the message as stored: every line with an LF end, the
 *   unstuffed dot removed, headers included (data-full.json: 141).
 * - NUL bytes are kept and counted; with RejectNUL the message is refused after
 *   the final dot (554 5.6.1).
 * - Headers: the leading lines of the form `Name: value` (and their continuation
 *   lines) up to the first blank or non-header line. Only Message-Id matters here
 *   (msgid= of the from= line); `where=` in the bare-LF log says whether the error
 *   came in the header or the body.
 *
 * feed() consumes only up to the end of the message: what follows the final dot
 * is the next command and stays with the caller.
 */

export type CollectResult =
  | { kind: 'more'; consumed: number }
  | { kind: 'end'; consumed: number }
  | { kind: 'error'; consumed: number; reason: 'bare-lf' | 'bare-cr'; where: 'header' | 'body' };

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

export class Collector {
  /** size= so far (LF line ends, unstuffed). */
  size = 0;
  /** A NUL byte was seen. */
  sawNul = false;
  /** The Message-Id header's value, trimmed, if one came. */
  messageId: string | null = null;

  #out: number[] = [];
  #chunks: Uint8Array[] = [];
  #bol = true;
  #dotAtBol = false;
  #afterCr = false;
  #inHeader = true;
  #line: number[] = [];
  #lineLen = 0;
  #lastHeader: string | null = null;
  #done = false;

  /** Processes buffered bytes; see the module comment. */
  feed(bytes: Uint8Array): CollectResult {
    if (this.#done) return { kind: 'end', consumed: 0 };
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.#afterCr) {
        this.#afterCr = false;
        if (b !== LF) return this.#fail(i + 1, 'bare-cr');
        if (this.#dotAtBol && this.#lineLen === 0) {
          this.#done = true;
          this.#flush();
          return { kind: 'end', consumed: i + 1 };
        }
        this.#endLine();
        continue;
      }
      if (b === CR) {
        this.#afterCr = true;
        continue;
      }
      if (b === LF) return this.#fail(i + 1, 'bare-lf');
      if (this.#bol) {
        this.#bol = false;
        if (b === DOT) {
          this.#dotAtBol = true;
          continue; // the leading dot is dropped (or ends the message)
        }
      }
      this.#byte(b);
    }
    this.#flush();
    return { kind: 'more', consumed: bytes.length };
  }

  /** The message collected so far with CRLF line ends. */
  data(): Uint8Array {
    this.#flush();
    let n = 0;
    for (const c of this.#chunks) n += c.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of this.#chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** Where an error now would be reported: still in the header block, or in the body. */
  get where(): 'header' | 'body' {
    return this.#inHeader ? 'header' : 'body';
  }

  #byte(b: number): void {
    if (b === 0) this.sawNul = true;
    this.size++;
    this.#lineLen++;
    this.#out.push(b);
    if (this.#inHeader) this.#line.push(b);
  }

  #endLine(): void {
    this.size++;
    this.#out.push(CR, LF);
    if (this.#inHeader) this.#headerLine(String.fromCharCode(...this.#line));
    this.#line = [];
    this.#lineLen = 0;
    this.#bol = true;
    this.#dotAtBol = false;
    if (this.#out.length > 65536) this.#flush();
  }

  #headerLine(line: string): void {
    if (line === '') {
      this.#inHeader = false;
      return;
    }
    if ((line[0] === ' ' || line[0] === '\t') && this.#lastHeader !== null) {
      if (this.#lastHeader === 'message-id' && this.messageId !== null) this.messageId = `${this.messageId} ${line.trim()}`.trim();
      return;
    }
    const m = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/.exec(line);
    if (!m) {
      this.#inHeader = false;
      return;
    }
    this.#lastHeader = m[1].toLowerCase();
    if (this.#lastHeader === 'message-id') this.messageId = m[2].trim();
  }

  #fail(consumed: number, reason: 'bare-lf' | 'bare-cr'): CollectResult {
    this.#done = true;
    this.#flush();
    return { kind: 'error', consumed, reason, where: this.where };
  }

  #flush(): void {
    if (this.#out.length === 0) return;
    this.#chunks.push(Uint8Array.from(this.#out));
    this.#out = [];
  }
}
