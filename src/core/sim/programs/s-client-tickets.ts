/**
 * `openssl s_client` after the report (OpenSSL 3.0): each TLS 1.3
 * NewSessionTicket prints "Post-Handshake New Session Ticket arrived:" and
 * the new session (SSL_SESSION_print), then "read R BLOCK" as SSL_read wants
 * more; these go to bio_c_out, a stdio stream over stdout, while the server's
 * application data is written to the descriptor at once (raw_write_stdout).
 * So on a file or a pipe the blocks come out when the 4096-byte stdio buffer
 * fills or when s_client exits, after the SMTP replies that came later
 * (test/fixtures/s-client/kit/tls13.stdout, client-cert.stdout); on a
 * terminal, line by line.
 */
import { toHex } from '../../bytes/index.ts';
import { SUITES_13, WebCryptoProvider, hkdfExpandLabel, type Negotiated, type TlsEvent } from '../../tls/index.ts';
import type { Output } from '../../shell/types.ts';

/** glibc's buffer for a stdout that is a file or a pipe (st_blksize). */
const STDIO_BUFSIZ = 4096;

/** bio_c_out: fully buffered unless stdout is a terminal; what is left goes out at exit. */
export class BioOut {
  #buf = '';
  constructor(
    private readonly out: Output,
    private readonly lineBuffered: boolean,
  ) {}

  write(text: string): void {
    if (this.lineBuffered) {
      this.out.write(text);
      return;
    }
    this.#buf += text;
    while (this.#buf.length > STDIO_BUFSIZ) {
      this.out.write(this.#buf.slice(0, STDIO_BUFSIZ));
      this.#buf = this.#buf.slice(STDIO_BUFSIZ);
    }
  }

  /** exit(): stdio flushes what it holds. */
  flush(): void {
    if (this.#buf) this.out.write(this.#buf);
    this.#buf = '';
  }
}

/** BIO_dump_indent(bp, data, len, 4): offset, 16 bytes with a '-' after the 8th, their ASCII. */
export function bioDump(data: Uint8Array, indent = 4): string {
  let o = '';
  for (let at = 0; at < data.length; at += 16) {
    const row = data.subarray(at, at + 16);
    let hex = '';
    let text = '';
    for (let j = 0; j < 16; j++) {
      if (j < row.length) {
        hex += row[j].toString(16).padStart(2, '0') + (j === 7 ? '-' : ' ');
        text += row[j] >= 0x20 && row[j] <= 0x7e ? String.fromCharCode(row[j]) : '.';
      } else hex += '   ';
    }
    o += `${' '.repeat(indent)}${at.toString(16).padStart(4, '0')} - ${hex}  ${text}\n`;
  }
  return o;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** NewSessionTicket fields of a raw message (header included), or null. */
export function readTicket(raw: Uint8Array): { lifetime: number; nonce: Uint8Array; ticket: Uint8Array } | null {
  const b = raw.subarray(4);
  if (b.length < 9) return null;
  const lifetime = u32(b, 0);
  const nl = b[8];
  const nonce = b.subarray(9, 9 + nl);
  const at = 9 + nl;
  if (at + 2 > b.length) return null;
  const ticket = b.subarray(at + 2, at + 2 + u16(b, at));
  return { lifetime, nonce, ticket };
}

/** A TLS 1.2 NewSessionTicket (RFC 5077 §3.3), raw message with its header. */
export function readTicket12(raw: Uint8Array): { lifetimeHint: number; ticket: Uint8Array } | undefined {
  const b = raw.subarray(4);
  if (b.length < 6) return undefined;
  return { lifetimeHint: u32(b, 0), ticket: b.subarray(6, 6 + u16(b, 4)) };
}

export interface TicketFacts {
  readonly negotiated: Negotiated;
  readonly events: readonly TlsEvent[];
  readonly subtle: SubtleCrypto;
  readonly startTime: number;
  /** "N (text)" of the session's verify result. */
  readonly verifyCode: string;
}

/**
 * new_session_cb's block: the session made from the ticket. Its Session-ID is
 * SHA-256 of the ticket (as OpenSSL's client sets it; checked against the kit's
 * captures), its PSK HKDF-Expand-Label(resumption_master_secret, "resumption",
 * ticket_nonce, Hash.length) (RFC 8446 §4.6.1).
 */
export async function ticketBlock(raw: Uint8Array, f: TicketFacts): Promise<string> {
  const t = readTicket(raw);
  const suite = [...SUITES_13.values()].find((s) => s.openssl === f.negotiated.cipher);
  if (!t || !suite) return '';
  const res = f.events.find((e): e is Extract<TlsEvent, { kind: 'tls.secret' }> => e.kind === 'tls.secret' && e.side === 'client' && e.name === 'resumptionMasterSecret');
  const psk = res ? await hkdfExpandLabel(new WebCryptoProvider(f.subtle), suite, res.value, 'resumption', t.nonce, suite.hashLen) : new Uint8Array(0);
  const id = new Uint8Array(await f.subtle.digest('SHA-256', t.ticket.slice()));
  return (
    '---\nPost-Handshake New Session Ticket arrived:\nSSL-Session:\n    Protocol  : TLSv1.3\n' +
    `    Cipher    : ${f.negotiated.cipher}\n    Session-ID: ${toHex(id).toUpperCase()}\n    Session-ID-ctx: \n` +
    `    Resumption PSK: ${toHex(psk).toUpperCase()}\n    PSK identity: None\n    PSK identity hint: None\n    SRP username: None\n` +
    `    TLS session ticket lifetime hint: ${t.lifetime} (seconds)\n    TLS session ticket:\n${bioDump(t.ticket)}\n` +
    `    Start Time: ${f.startTime}\n    Timeout   : 7200 (sec)\n    Verify return code: ${f.verifyCode}\n` +
    '    Extended master secret: no\n    Max Early Data: 0\n---\nread R BLOCK\n'
  );
}
