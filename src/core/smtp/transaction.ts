/**
 * The end of a transaction: the message collected after DATA (collect.ts) is
 * accepted, refused (NUL byte, size) or aborted (bare CR/LF, client gone), and the
 * from= line Sendmail logs for every sender it was given (logsender(),
 * fixtures data-*.json, rset.json, mail-*.json):
 *
 *   from=<a@b>, size=141, class=0, nrcpts=1, msgid=<...>, [bodytype=8BITMIME, ]proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]
 */
import { Collector } from './collect.ts';
import { interval, numericDate } from './format.ts';
import {
  R250_ACCEPTED,
  R421_BARE_CR,
  R421_BARE_LF,
  R421_COLLECT_CLOSE,
  R552_MESSAGE_TOO_BIG,
  R554_NUL_NOT_ALLOWED,
} from './replies.ts';
import type { LineReader } from './line-reader.ts';
import type { Envelope } from './session.ts';
import type { TlsSessionInfo } from './types.ts';
import { LOG_INFO, LOG_NOTICE, LOG_WARNING, type VerbContext } from './verb.ts';

/** WkRecipFact: each recipient adds this to a message's priority (pri=). */
const WK_RECIP_FACT = 30000;

interface Host extends VerbContext {
  readonly reader: LineReader;
  /** The TLS session, once STARTTLS succeeded (the Received: header names it). */
  readonly tlsInfo: TlsSessionInfo | null;
  newEnvelope(): void;
}

export class Transaction {
  #collector: Collector | null = null;

  constructor(private readonly host: Host) {}

  get collecting(): boolean {
    return this.#collector !== null;
  }

  begin(): void {
    this.#collector = new Collector();
  }

  /** Feeds buffered bytes to the collector; false when it needs more input. */
  collect(): boolean {
    const c = this.#collector;
    if (c === null) return true;
    const r = c.feed(this.host.reader.peek());
    this.host.reader.skip(r.consumed);
    if (r.kind === 'more') return false;
    this.#collector = null;
    if (r.kind === 'error') this.#abort(c, r.reason === 'bare-lf' ? 'Bare linefeed (LF) not allowed' : 'Bare carriage return (CR) not allowed', r.where);
    else this.#finish(c);
    return true;
  }

  /** The client left in the middle of DATA. */
  unexpectedClose(): void {
    const c = this.#collector;
    if (c === null) return;
    this.#collector = null;
    const h = this.host;
    const e = h.envelope;
    e.size = c.size;
    h.reply(R421_COLLECT_CLOSE(h.peerName, e.fromPaddr));
    h.log(LOG_WARNING, 'collect: premature EOM: unexpected close');
    h.log(LOG_NOTICE, `collect: relay=${h.peerName}, from=${e.fromPaddr}, info=unexpected close`);
    h.quit();
  }

  /** logsender(): the from= line of the current envelope. */
  logSender(): void {
    const h = this.host;
    const e = h.envelope;
    e.logSender = false;
    const parts = [`from=${e.fromPaddr}`, `size=${e.size}`, 'class=0', `nrcpts=${e.nrcpts}`];
    if (e.msgId !== null) parts.push(`msgid=${e.msgId.slice(0, 100)}`);
    if (e.bodyType !== null) parts.push(`bodytype=${e.bodyType.slice(0, 20)}`);
    parts.push(`proto=${e.protocol ?? 'SMTP'}`);
    if (h.config.mode === 'daemon') parts.push(`daemon=${h.config.daemonName}`);
    parts.push(`relay=${h.client}`);
    h.log(LOG_INFO, parts.join(', '));
  }

  #abort(c: Collector, info: string, where: 'header' | 'body'): void {
    const h = this.host;
    const e = h.envelope;
    e.size = c.size;
    h.reply(info.startsWith('Bare linefeed') ? R421_BARE_LF : R421_BARE_CR);
    h.log(LOG_NOTICE, `collect: relay=${h.peerName}, from=${e.fromPaddr}, info=${info}, where=${where}, status=tempfail`);
    h.quit();
  }

  #finish(c: Collector): void {
    const h = this.host;
    const e = h.envelope;
    e.size = c.size;
    e.msgId = c.messageId ?? `<${numericDate(e.createdAt)}.${e.queueId}@${h.hostname}>`;
    const max = h.config.maxMessageSize;
    if (c.sawNul && h.config.rejectNul !== false) {
      h.reply(R554_NUL_NOT_ALLOWED);
      this.logSender();
      this.#undelivered(e, 'NUL byte not allowed');
    } else if (max !== null && max > 0 && c.size > max) {
      h.reply(R552_MESSAGE_TOO_BIG(max));
      this.logSender();
      h.log(LOG_NOTICE, `message size (${c.size}) exceeds maximum (${max})`);
      this.#undelivered(e, `Message exceeds maximum fixed size (${max})`);
    } else if (e.discard || h.session.discardAll) {
      // a ruleset said DISCARD: accepted, logged, dropped (access-live/connect-discard, from-discard)
      h.reply(R250_ACCEPTED(e.queueId));
      this.logSender();
      h.log(LOG_INFO, 'discarded');
    } else if (e.quarantine !== null) {
      // QUARANTINE: accepted and held, not delivered (access-live/connect-quarantine, from-quarantine).
      // SIMPLIFIED: the held message is not written to the queue.
      h.reply(R250_ACCEPTED(e.queueId));
      this.logSender();
    } else {
      this.logSender();
      const t = h.tlsInfo;
      const transcript = h.env.deliver({
        queueId: e.queueId,
        from: e.fromAddr,
        rcpts: e.rcpts.map((r) => r.resolved),
        rcptAddresses: e.rcpts.map((r) => r.paddr),
        data: c.data(),
        size: c.size,
        msgId: e.msgId,
        createdAt: e.createdAt,
        protocol: e.protocol ?? 'SMTP',
        heloName: h.session.heloName ?? h.peerName,
        verbose: h.session.verbose,
        ...(t ? { tls: { version: t.version, cipher: t.cipher, bits: t.bits, verify: t.verify } } : {}),
      });
      h.reply([...(h.session.verbose && transcript ? transcript : []), R250_ACCEPTED(e.queueId)]);
    }
    h.newEnvelope();
  }

  /** logundelrcpts(): a to= line for each recipient of a refused message. */
  #undelivered(e: Envelope, stat: string): void {
    const h = this.host;
    const delay = interval(h.env.now() - e.createdAt);
    const pri = e.size + WK_RECIP_FACT * e.nrcpts;
    for (const r of e.rcpts) h.log(LOG_INFO, `to=${r.paddr}, delay=${delay}, pri=${pri}, stat=${stat}`);
  }
}
