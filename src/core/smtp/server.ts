/**
 * SmtpServer: one SMTP connection to a simulated Sendmail 8.17.1.9, sans-IO.
 *
 *   world ──receive(packet)──► LineReader ─► command loop (smtp() in srvrsmtp.c) ─► verbs/*
 *         ◄─drainOutput()───── replies                      │
 *                                                           ├─► Collector (DATA) ─► deliver()
 *         ◄─takeTlsBytes()──── after 220 Ready to start TLS ┘
 *
 * States: greeting sent → commands (HELO/EHLO, MAIL, RCPT, ...) → DATA collect →
 * commands ... → closed (QUIT, 421, a dropped STARTTLS, a client that left).
 * Every reply and log line reproduces the captured real dialogues in
 * test/fixtures/sendmail/reference/ (replayed by test/sendmail/replay.test.ts).
 * SIMPLIFIED: Sendmail's anti-abuse sleeps (third HELO, sixth VRFY) are not
 * slept; takeDelay() reports them for a world that wants to honour them.
 */
import { concat } from '../bytes/index.ts';
import type { TraceLog } from '../trace/index.ts';
import { computeFeatures, type Features } from './features.ts';
import { greetingLines } from './greeting.ts';
import { LineReader, MAX_COMMAND_LENGTH, type InputLine } from './line-reader.ts';
import { R421_OPEN_PROXY, R421_TOO_LONG, R421_TOO_MANY_BAD, R501_AUTH_ABORTED, R535_AUTH_FAILED } from './replies.ts';
import { Envelope, Session } from './session.ts';
import { Transaction } from './transaction.ts';
import type { PolicyResult, SessionMacros, SmtpConfig, SmtpEnv, SmtpPeer, TlsSessionInfo } from './types.ts';
import { LOG_INFO, LOG_NOTICE, LOG_WARNING, type VerbContext } from './verb.ts';
import { escapeLog, replyBytes } from './wire.ts';
import { policyLogTail } from './policy-log.ts';
import { VERBS } from './verbs/index.ts';
import { MAX_BAD_COMMANDS, unrecognized } from './verbs/unknown.ts';

const HTTP_COMMANDS = ['GET', 'POST', 'CONNECT', 'USER'];

const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);

export interface SmtpServerOptions {
  config: SmtpConfig;
  env: SmtpEnv;
  peer: SmtpPeer;
  conn: number;
  trace?: TraceLog;
}

export class SmtpServer implements VerbContext {
  readonly config: SmtpConfig;
  readonly env: SmtpEnv;
  readonly peer: SmtpPeer;
  readonly features: Features;
  readonly session = new Session();
  readonly hostname: string;
  readonly client: string;
  readonly peerName: string;
  readonly daemonLabel: string;
  #envelope: Envelope | null = null;
  readonly #conn: number;
  readonly #trace: TraceLog | undefined;
  readonly #reader = new LineReader();
  readonly #tx: Transaction;
  #out: Uint8Array[] = [];
  #tls: Uint8Array[] = [];
  #closed = false;
  #awaitingTls = false;
  #delayMs = 0;
  #tlsInfo: TlsSessionInfo | null = null;

  constructor(opts: SmtpServerOptions) {
    this.config = opts.config;
    this.env = opts.env;
    this.peer = opts.peer;
    this.#conn = opts.conn;
    this.#trace = opts.trace;
    this.features = computeFeatures(opts.config);
    this.hostname = opts.config.hostname;
    const submit = opts.config.mode === 'submit';
    this.client = submit ? `${opts.config.localUser ?? 'root'}@localhost` : opts.peer.name ? `${opts.peer.name} [${opts.peer.addr}]` : `[${opts.peer.addr}]`;
    this.peerName = submit ? 'localhost' : opts.peer.name || `[${opts.peer.addr}]`;
    this.daemonLabel = submit ? 'stdin' : opts.config.daemonName;
    this.#tx = new Transaction(this);
  }

  /** The current transaction. */
  get envelope(): Envelope {
    if (this.#envelope === null) this.#envelope = new Envelope(this.env.newQueueId(), this.env.now());
    return this.#envelope;
  }

  /** The TLS session after STARTTLS, null before. */
  get tlsInfo(): TlsSessionInfo | null {
    return this.#tlsInfo;
  }

  /** The server has closed the connection (QUIT, 421, dropped STARTTLS, the client left). */
  get closed(): boolean {
    return this.#closed;
  }

  /** True after '220 2.0.0 Ready to start TLS' until tlsStarted() / tlsFailed() or the drop. */
  get awaitingTls(): boolean {
    return this.#awaitingTls;
  }

  /** Sends the greeting; the connection's first queue id is assigned now. */
  start(): void {
    if (this.#envelope !== null || this.#closed) return;
    const submit = this.config.mode === 'submit';
    void this.envelope;
    const m0 = this.macros();
    const relay = this.traced('check_relay', `${m0.client_name} $| ${m0.client_addr}`, this.env.policy?.checkRelay(m0) ?? null);
    if (relay) this.#onConnectDecision(relay);
    if (relay?.kind === 'error' && relay.reply.startsWith('421')) {
      // a 421 from check_relay replaces the greeting and ends the connection (access-live/connect-error-421)
      this.reply(relay.reply);
      this.#close();
      return;
    }
    this.reply(
      greetingLines(this.config, this.env.now(), {
        clientName: submit ? '' : this.peer.name || `[${this.peer.addr}]`,
        clientResolve: submit ? '' : this.peer.resolve ?? (this.peer.name ? 'OK' : 'TEMP'),
        clientAddr: submit ? '0' : this.peer.addr,
        client: this.client,
      }),
    );
  }

  /** One TCP packet (or one write) from the client. Never throws. */
  receive(packet: Uint8Array): void {
    if (this.#closed) return;
    try {
      if (this.#awaitingTls) {
        this.#tls.push(packet.slice());
        this.#checkClientHello();
        return;
      }
      this.#reader.push(packet);
      this.#run();
    } catch (err) {
      // a defect in the engine must not take the world down: close as Sendmail does after a syserr()
      this.reply(`421 4.3.0 ${this.hostname} Internal error; closing connection`);
      this.log(LOG_WARNING, `SYSERR: ${err instanceof Error ? err.message : String(err)}`, false);
      this.#close();
    }
  }

  /** Bytes to send to the client since the last call. */
  drainOutput(): Uint8Array {
    const parts = this.#out;
    this.#out = [];
    return concat(parts);
  }

  /** While awaitingTls: the bytes the client sent for the TLS handshake (taken once). */
  takeTlsBytes(): Uint8Array {
    const parts = this.#tls;
    this.#tls = [];
    return concat(parts);
  }

  /** Sleep Sendmail would have taken before its last replies (ms), then reset to 0. */
  takeDelay(): number {
    const d = this.#delayMs;
    this.#delayMs = 0;
    return d;
  }

  /** The world completed the TLS handshake: Sendmail's state after SSL_accept(). */
  tlsStarted(info: TlsSessionInfo): void {
    if (this.#closed || !this.#awaitingTls) return;
    this.#awaitingTls = false;
    this.#tls = [];
    const s = this.session;
    s.tlsActive = true;
    s.tlsOffered = false;
    s.first = true;
    s.nHelo = 0;
    this.#trace?.emit({ kind: 'smtp.state', conn: this.#conn, state: 'tls' });
    this.#tlsInfo = info;
    this.log(LOG_INFO, `STARTTLS=server, relay=${this.client}, version=${info.version}, verify=${info.verify}, cipher=${info.cipher}, bits=${info.bits}/${info.bits}`, false);
    const policy = this.env.policy;
    const decision: PolicyResult | null = policy
      ? this.traced('tls_client', `${info.verify} $| STARTTLS`, policy.tlsClient(this.macros()))
      : info.reject ? { kind: 'error', reply: info.reject } : null;
    if (decision?.kind === 'error') {
      this.log(LOG_NOTICE, `ruleset=tls_client, arg1=${info.verify}, arg2=STARTTLS, relay=${this.client}, reject=${decision.reply}`, false);
      // srvrsmtp.c: the ruleset's reply if it is one, else "503 5.7.0 Authentication required."
      s.nullServer = /^[245]\d\d /.test(decision.reply) ? decision.reply : '503 5.7.0 Authentication required.';
    }
  }

  /** The world's TLS handshake failed (e.g. reason 'unexpected message'): logged, connection dropped. */
  tlsFailed(reason: string): void {
    if (this.#closed || !this.#awaitingTls) return;
    this.#awaitingTls = false;
    this.#tls = [];
    this.log(LOG_WARNING, `STARTTLS=server, error: accept failed=-1, reason=${reason}, SSL_error=1, errno=0, retry=-1, relay=${this.client}`, false);
    this.quit();
  }

  /** The client hung up (EOF). */
  clientClosed(): void {
    if (this.#closed) return;
    try {
      if (this.#tx.collecting) {
        this.#tx.unexpectedClose();
        return;
      }
      if (this.#awaitingTls) {
        this.tlsFailed('unexpected eof while reading');
        return;
      }
      const rest = this.#reader.readRest();
      if (rest) this.#command(rest);
      this.#run();
      if (this.#closed) return;
      this.reply(`421 4.4.1 ${this.hostname} Lost input channel from ${this.client}`);
      if (this.envelope.gotMail) {
        this.log(LOG_NOTICE, `lost input channel from ${this.client} to ${this.daemonLabel} after ${this.session.lastCommand ?? 'startup'}`);
      }
      this.quit();
    } catch {
      this.#close();
    }
  }

  /**
   * The macros the rulesets see now ({client_name}, {client_addr}, {verify}, the TLS and
   * certificate macros, {mail_from} and $f of the transaction).
   */
  macros(): SessionMacros {
    const submit = this.config.mode === 'submit';
    const t = this.#tlsInfo;
    const e = this.#envelope;
    const m: Record<string, string> = {
      client_name: submit ? 'localhost' : this.peerName,
      client_addr: submit ? '0' : this.peer.addr,
      client_resolve: submit ? '' : this.peer.resolve ?? (this.peer.name ? 'OK' : 'TEMP'),
      daemon_name: this.daemonLabel,
      // no STARTTLS (yet): Sendmail's {verify} is empty here (test/fixtures/access-live/tlsclt-verify-plain)
      verify: t?.verify ?? '',
    };
    if (t) {
      m.tls_version = t.version;
      m.cipher = t.cipher;
      m.cipher_bits = String(t.bits);
      m.cert_subject = t.certSubject ?? '';
      m.cert_issuer = t.certIssuer ?? '';
      m.cn_subject = t.cnSubject ?? '';
      m.cn_issuer = t.cnIssuer ?? '';
    }
    if (e?.logSender) {
      m.mail_from = e.fromPaddr;
      m.f = e.fromAddr;
    }
    return m;
  }

  traced<T extends PolicyResult | null>(ruleset: string, arg: string, r: T): T {
    if (r !== null) {
      this.#trace?.emit({
        kind: 'smtp.policy',
        conn: this.#conn,
        ruleset,
        arg,
        result: r.kind,
        reply: r.kind === 'error' ? r.reply : r.kind === 'quarantine' ? r.reason : null,
        trace: r.trace ?? [],
      });
    }
    return r;
  }

  /** check_relay's verdict at connect: a rejection answers every later command (nullserver). */
  #onConnectDecision(r: PolicyResult): void {
    const s = this.session;
    const m = this.macros();
    const what = policyLogTail(r);
    if (what !== null) this.log(LOG_NOTICE, `ruleset=check_relay, arg1=${m.client_name}, arg2=${m.client_addr}, relay=${this.client}, ${what}`, false);
    // QUARANTINE at connect is only logged: the messages are delivered (access-live/connect-quarantine)
    if (r.kind === 'discard') s.discardAll = true;
    else if (r.kind === 'error') s.nullServer = r.reply;
  }

  // ---- VerbContext ----------------------------------------------------------

  reply(lines: string | readonly string[]): void {
    const list = typeof lines === 'string' ? [lines] : lines;
    if (list.length === 0) return;
    this.#out.push(replyBytes(list));
    const code = Number(list[0].slice(0, 3));
    this.#trace?.emit({ kind: 'smtp.reply', conn: this.#conn, code: Number.isFinite(code) ? code : 0, text: list.map((l) => l.slice(4)).join('\n') });
  }

  log(priority: number, text: string, qid = true): void {
    const t = escapeLog(text);
    this.env.log(priority, qid ? `${this.envelope.queueId}: ${t}` : t);
  }

  userError(reply: string, logIt: boolean): void {
    this.reply(reply);
    if (logIt) this.log(LOG_NOTICE, reply.replace(/^\d{3}[ -]/, '').replace(/^\d\.\d{1,3}\.\d{1,3} /, ''));
  }

  resetEnvelope(): void {
    if (this.#envelope?.logSender) this.#tx.logSender();
    this.#envelope = new Envelope(this.env.newQueueId(), this.env.now());
  }

  checkAttack(counter: 'nHelo' | 'nVrfy' | 'nEtrn' | 'nNoop', max: number, name: string, waitNow: boolean): number {
    const n = ++this.session[counter];
    if (n < max) return 0;
    if (n === max) this.log(LOG_INFO, `${this.client}: possible SMTP attack: command=${name.slice(0, 40)}, count=${n}`);
    const shift = n - max;
    let s = shift > 8 ? 240 : Math.min(240, 2 ** shift);
    const first = Math.floor(n / max);
    s -= first;
    if (s >= 240 || s < 0) s = 240;
    this.delay(first * 1000);
    if (waitNow && s > 0) {
      this.delay(s * 1000);
      return 0;
    }
    return s;
  }

  startData(): void {
    this.#tx.begin();
  }

  startTls(): void {
    this.#awaitingTls = true;
    const rest = this.#reader.peek();
    if (rest.length > 0) {
      this.#tls.push(rest.slice());
      this.#reader.clear();
      this.#checkClientHello();
    }
  }

  quit(): void {
    const e = this.#envelope;
    if (e?.logSender) this.#tx.logSender();
    if (!this.session.issuedCommand && this.session.nullServer === null) {
      this.log(LOG_INFO, `${this.client} did not issue MAIL/EXPN/VRFY/ETRN during connection to ${this.daemonLabel}`);
    }
    this.#close();
  }

  delay(ms: number): void {
    this.#delayMs += Math.max(0, ms);
  }

  /** exists / unknown / tempfail, from the world (domainStatus, else domainExists). */
  domainStatus(domain: string): 'exists' | 'unknown' | 'tempfail' {
    if (this.env.isLocalDomain(domain)) return 'exists';
    if (this.env.domainStatus) return this.env.domainStatus(domain);
    return this.env.domainExists(domain) ? 'exists' : 'unknown';
  }

  /** Replaces the envelope after a message (no sender left to log). */
  newEnvelope(): void {
    this.#envelope = new Envelope(this.env.newQueueId(), this.env.now());
  }

  /** The reader, for the DATA collector. */
  get reader(): LineReader {
    return this.#reader;
  }

  // ---- command loop ------------------------------------------------------------

  #run(): void {
    while (!this.#closed && !this.#awaitingTls) {
      if (this.#tx.collecting) {
        if (!this.#tx.collect()) return;
        continue;
      }
      const line = this.#reader.readLine();
      if (line === null) return;
      this.#command(line);
    }
  }

  #command(line: InputLine): void {
    const s = this.session;
    if (s.authPending) {
      s.authPending = false;
      this.reply(line.text === '*' ? R501_AUTH_ABORTED : R535_AUTH_FAILED);
      return;
    }
    if (line.length > MAX_COMMAND_LENGTH && !/^auth /i.test(line.raw)) {
      this.reply(R421_TOO_LONG(this.hostname, this.client));
      this.log(LOG_INFO, `${this.client}: SMTP violation, input too long: ${line.length}`);
      this.quit();
      return;
    }
    if (s.first) {
      for (const cmd of HTTP_COMMANDS) {
        if (cmd.length < line.length && line.raw.slice(0, cmd.length).toUpperCase() === cmd && isSpace(line.raw[cmd.length])) {
          this.reply(R421_OPEN_PROXY(this.hostname, this.client));
          this.log(LOG_INFO, `${this.client}: probable open proxy: command=${line.raw.slice(0, 40)}`);
          this.quit();
          return;
        }
      }
      s.first = false;
    }
    this.#trace?.emit({ kind: 'smtp.command', conn: this.#conn, line: line.text });

    let i = 0;
    while (isSpace(line.text[i])) i++;
    let j = i;
    while (j < line.text.length && !isSpace(line.text[j])) j++;
    const word = line.text.slice(i, Math.min(j, i + MAX_COMMAND_LENGTH - 2));
    let k = j;
    while (isSpace(line.text[k])) k++;
    const arg = line.text.slice(k);
    const spec = VERBS.get(word.toLowerCase());
    s.lastCommand = spec ? spec.verb : null;
    if (spec?.issues) s.issuedCommand = true;

    if (s.nullServer !== null && spec && !spec.allowedWhenRejecting) {
      if (++s.nBadCommands > MAX_BAD_COMMANDS) {
        this.reply(R421_TOO_MANY_BAD(this.hostname));
        this.quit();
        return;
      }
      this.reply(/^\d{3}[ -]/.test(s.nullServer) ? s.nullServer : `550 5.0.0 ${s.nullServer}`);
      return;
    }
    if (!spec) {
      unrecognized(this, line);
      return;
    }
    spec.handle(this, arg, line);
  }

  #checkClientHello(): void {
    const first = this.#tls.find((p) => p.length > 0);
    if (first === undefined || first[0] === 0x16) return; // a TLS handshake record: the TLS engine's turn
    this.#awaitingTls = false;
    this.#tls = [];
    this.log(LOG_WARNING, `STARTTLS=server, error: accept failed=-1, reason=wrong version number, SSL_error=1, errno=0, retry=-1, relay=${this.client}`, false);
    this.quit();
  }

  #close(): void {
    this.#closed = true;
    this.#reader.clear();
  }
}
