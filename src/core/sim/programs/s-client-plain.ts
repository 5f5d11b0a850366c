/**
 * `openssl s_client` before TLS: the server's lines in clear, read one at a
 * time (BIO_gets) for the -starttls preamble; what is left belongs to TLS.
 */
import { fromLatin1, latin1 } from '../../bytes/index.ts';

/** Lines in clear before TLS: what the server sends, one line at a time. */
export class PlainReader {
  #buf = '';
  #closed = false;
  #wake: () => void = () => {};
  bytesRead = 0;

  push(bytes: Uint8Array): void {
    this.bytesRead += bytes.length;
    this.#buf += fromLatin1(bytes);
    this.#wake();
  }

  close(): void {
    this.#closed = true;
    this.#wake();
  }

  async #wait(ready: () => boolean): Promise<boolean> {
    while (!ready()) {
      if (this.#closed) return false;
      await new Promise<void>((r) => (this.#wake = r));
    }
    return true;
  }

  /** BIO_gets: one line with its CRLF, or what is left at the close. */
  async line(): Promise<string | null> {
    if (!(await this.#wait(() => this.#buf.includes('\n')))) {
      const rest = this.#buf;
      this.#buf = '';
      return rest === '' ? null : rest;
    }
    const i = this.#buf.indexOf('\n') + 1;
    const l = this.#buf.slice(0, i);
    this.#buf = this.#buf.slice(i);
    return l;
  }

  /** What has arrived and was not read in clear: it belongs to TLS (no longer counted here). */
  drain(): Uint8Array {
    const rest = latin1(this.#buf);
    this.#buf = '';
    this.bytesRead -= rest.length;
    return rest;
  }

  /** BIO_read: whatever has arrived. */
  async chunk(): Promise<string | null> {
    if (!(await this.#wait(() => this.#buf.length > 0))) return null;
    const c = this.#buf;
    this.#buf = '';
    return c;
  }
}
