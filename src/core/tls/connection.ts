/**
 * A TLS 1.3 connection, sans-IO (h11 / rustls): bytes from the peer go in
 * through `receive`, bytes for the peer, decrypted application data and trace
 * events come out. Calls are chained so that one connection handles its
 * inputs strictly in order even though WebCrypto is async.
 */
import { concat } from '../bytes/index.ts';
import type { Random } from '../trace/index.ts';
import { AlertDescription, AlertLevel, TlsAlert, alertName } from './alerts.ts';
import { DecodeError } from './codec/cursor.ts';
import { HandshakeJoiner, HandshakeType, encodeHandshake, handshakeName } from './codec/handshake.ts';
import type { CryptoProvider } from './crypto-provider.ts';
import type { Epoch, Negotiated, Side, TlsEvent } from './events.ts';
import { startClient } from './handshake/client13.ts';
import type { ClientConfig, ServerConfig } from './handshake/config.ts';
import { type Context, type State, Transcript } from './handshake/context.ts';
import { ExpectClientHello } from './handshake/server13.ts';
import type { TrafficKeys } from './key-schedule.ts';
import { ContentType, RecordDeframer, type TlsRecord, fragment, frameRecord } from './record/deframer.ts';
import { RecordProtection13 } from './record/protection13.ts';
import type { RecordProtector } from './record/protector.ts';

export type ConnectionStatus = 'handshaking' | 'connected' | 'closed' | 'failed';

/** The result of one call: what to write to the peer, what the application reads, what happened. */
export interface TlsOutput {
  /** Bytes to send to the peer (possibly empty). */
  readonly send: Uint8Array;
  /** Application data received, decrypted, in order. */
  readonly appData: readonly Uint8Array[];
  readonly events: readonly TlsEvent[];
  readonly status: ConnectionStatus;
  /** Set when this call ended the connection with an alert (sent or received). */
  readonly error?: { readonly alert: number; readonly name: string; readonly reason: string; readonly by: Side };
}

export interface ConnectionDeps {
  readonly provider: CryptoProvider;
  readonly random: Random;
  /** Called with each event as it happens (also returned in TlsOutput.events). */
  readonly onEvent?: (e: TlsEvent) => void;
}

export class TlsConnection {
  readonly side: Side;
  #deps: ConnectionDeps;
  #chain: Promise<unknown> = Promise.resolve();
  #state: State | null = null;
  #initial: () => Promise<State>;
  #status: ConnectionStatus = 'handshaking';
  #negotiated: Negotiated | null = null;
  #deframer = new RecordDeframer();
  #joiner = new HandshakeJoiner();
  #read: RecordProtector | null = null;
  #write: RecordProtector | null = null;
  #writeEpoch: Epoch = 'plaintext';
  #readEpoch: Epoch = 'plaintext';
  #pending: Uint8Array[] = [];
  #recordsSent = 0;
  #secretsSeen = new Set<string>();
  // per-call buffers
  #out: Uint8Array[] = [];
  #app: Uint8Array[] = [];
  #events: TlsEvent[] = [];
  #error: TlsOutput['error'];
  readonly transcript: Transcript;
  #context: Context;

  #coalesce: boolean;
  #bytesIn = 0;
  #recordsReceived = 0;
  #closeSent = false;
  #bytesOut = 0;

  private constructor(side: Side, deps: ConnectionDeps, initial: (cx: Context) => Promise<State>, coalesce: boolean) {
    this.side = side;
    this.#coalesce = coalesce;
    this.#deps = deps;
    this.transcript = new Transcript(deps.provider);
    this.#context = this.#makeContext();
    this.#initial = () => initial(this.#context);
  }

  static client(config: ClientConfig, deps: ConnectionDeps): TlsConnection {
    return new TlsConnection('client', deps, (cx) => startClient(cx, config), config.coalesceHandshake ?? false);
  }

  static server(config: ServerConfig, deps: ConnectionDeps): TlsConnection {
    return new TlsConnection('server', deps, async () => new ExpectClientHello(config), config.coalesceHandshake ?? false);
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Set once the handshake is complete. */
  get negotiated(): Negotiated | null {
    return this.#negotiated;
  }

  /** Wire bytes received and sent so far (s_client's "SSL handshake has read N bytes and written M bytes"). */
  get byteCounts(): { read: number; written: number } {
    return { read: this.#bytesIn, written: this.#bytesOut };
  }

  get state(): string {
    return this.#state?.name ?? 'Start';
  }

  /** Begin: the client returns its ClientHello; the server just gets ready. */
  start(): Promise<TlsOutput> {
    return this.#serial(async () => {
      if (this.#state) return;
      this.#state = await this.#guard(() => this.#initial());
      if (this.#state) this.#emit({ kind: 'tls.state', side: this.side, state: this.#state.name });
    });
  }

  /** Bytes from the peer, in any chunking. */
  receive(bytes: Uint8Array): Promise<TlsOutput> {
    return this.#serial(async () => {
      if (!this.#state) {
        this.#state = await this.#guard(() => this.#initial());
        if (!this.#state) return;
      }
      this.#bytesIn += bytes.length;
      this.#deframer.push(bytes);
      while (this.#status === 'handshaking' || this.#status === 'connected') {
        const r = this.#deframer.next();
        if (r.kind === 'need-more') break;
        if (r.kind === 'error') {
          // OpenSSL sends no alert when the very first record is not TLS at all (SSL_AD_NO_ALERT).
          await this.#fail(r.alert, r.reason, this.#recordsReceived === 0 && r.alert === AlertDescription.protocol_version);
          break;
        }
        this.#recordsReceived++;
        await this.#guard(() => this.#record(r.record));
      }
    });
  }

  /** Application data to protect and send (after the handshake). */
  send(data: Uint8Array): Promise<TlsOutput> {
    return this.#serial(async () => {
      if (this.#status !== 'connected' || !this.#write) throw new Error(`cannot send application data while ${this.#status}`);
      for (const part of fragment(data)) await this.#writeRecord(ContentType.application_data, part);
    });
  }

  /** Send close_notify (RFC 8446 §6.1). */
  close(): Promise<TlsOutput> {
    return this.#serial(async () => {
      // §6.1: each side sends its own close_notify, also after the peer's.
      if (this.#status === 'failed' || this.#closeSent) return;
      this.#closeSent = true;
      await this.#sendAlert(AlertLevel.warning, AlertDescription.close_notify);
      this.#status = 'closed';
      this.#emit({ kind: 'tls.closed', side: this.side, by: this.side });
    });
  }

  #serial(f: () => Promise<void>): Promise<TlsOutput> {
    const run = this.#chain.then(async () => {
      this.#out = [];
      this.#app = [];
      this.#events = [];
      this.#error = undefined;
      await f();
      for (const o of this.#out) this.#bytesOut += o.length;
      return { send: concat(this.#out), appData: this.#app, events: this.#events, status: this.#status, error: this.#error } satisfies TlsOutput;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Run a step; a TlsAlert or DecodeError becomes a fatal alert, anything else internal_error. */
  async #guard<T>(f: () => Promise<T>): Promise<T | null> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof TlsAlert) await this.#fail(e.description, e.message);
      else if (e instanceof DecodeError) await this.#fail(e.alert, e.message);
      else await this.#fail(AlertDescription.internal_error, (e as Error).message ?? String(e));
      return null;
    }
  }

  async #record(rec: TlsRecord): Promise<void> {
    let type = rec.type;
    let content = rec.fragment;
    if (type === ContentType.change_cipher_spec) {
      // RFC 8446 §5: a change_cipher_spec of one 0x01 byte during the handshake is dropped; otherwise unexpected_message.
      // RFC 5246 §7.1: in TLS 1.2 it switches the read keys, which the state does.
      if (this.#status !== 'handshaking' || content.length !== 1 || content[0] !== 1) throw new TlsAlert(AlertDescription.unexpected_message, 'unexpected change_cipher_spec');
      if (this.#joiner.pending) throw new TlsAlert(AlertDescription.unexpected_message, 'change_cipher_spec inside a handshake message');
      this.#emit({ kind: 'tls.record', side: this.side, dir: 'received', contentType: type, bytes: frameRecord(rec.type, rec.version, rec.fragment) });
      if (this.#state?.handleChangeCipherSpec) {
        this.#state = await this.#state.handleChangeCipherSpec(this.#context);
        this.#emit({ kind: 'tls.state', side: this.side, state: this.#state.name });
      }
      return;
    }
    if (this.#read && (this.#read.version === 'tls12' || type === ContentType.application_data)) {
      const opened = await this.#read.open(rec);
      if (!opened.ok) throw new TlsAlert(opened.alert, opened.reason);
      type = opened.value.contentType;
      content = opened.value.plaintext;
      this.#emit({ kind: 'tls.record', side: this.side, dir: 'received', contentType: type, bytes: opened.value.record, protection: opened.value });
    } else {
      // Before read keys, or a plaintext alert from a peer that failed early.
      if (this.#read && type !== ContentType.alert) throw new TlsAlert(AlertDescription.unexpected_message, `unprotected record of type ${type}`);
      if (type === ContentType.application_data) throw new TlsAlert(AlertDescription.unexpected_message, 'application data before keys');
      if (content.length === 0 && type !== ContentType.application_data) throw new TlsAlert(AlertDescription.decode_error, 'empty record');
      this.#emit({ kind: 'tls.record', side: this.side, dir: 'received', contentType: type, bytes: frameRecord(rec.type, rec.version, rec.fragment) });
    }
    switch (type) {
      case ContentType.alert:
        return this.#receivedAlert(content);
      case ContentType.handshake: {
        const msgs = this.#joiner.push(content);
        if (msgs instanceof DecodeError) throw msgs;
        for (const msg of msgs) {
          if (!this.#state || this.#status === 'failed') return;
          this.#emit({ kind: 'tls.message', side: this.side, dir: 'received', type: msg.type, name: handshakeName(msg.type), raw: msg.raw, epoch: this.#readEpoch });
          this.#state = await this.#state.handle(this.#context, msg);
          this.#emit({ kind: 'tls.state', side: this.side, state: this.#state.name });
          await this.#flushPending();
        }
        return;
      }
      case ContentType.application_data:
        if (this.#status !== 'connected') throw new TlsAlert(AlertDescription.unexpected_message, 'application data during the handshake');
        this.#app.push(content);
        return;
      default:
        throw new TlsAlert(AlertDescription.unexpected_message, `content type ${type}`);
    }
  }

  async #receivedAlert(content: Uint8Array): Promise<void> {
    if (content.length !== 2) throw new TlsAlert(AlertDescription.decode_error, 'alert of wrong length');
    const [level, description] = content;
    this.#emit({ kind: 'tls.alert', side: this.side, dir: 'received', level, description, name: alertName(description) });
    const peer: Side = this.side === 'client' ? 'server' : 'client';
    if (description === AlertDescription.close_notify) {
      this.#emit({ kind: 'tls.closed', side: this.side, by: peer });
      this.#status = 'closed';
      return;
    }
    // §6.2: every error alert is fatal in TLS 1.3.
    this.#status = 'failed';
    this.#error = { alert: description, name: alertName(description), reason: `received ${alertName(description)} alert`, by: peer };
  }

  async #fail(alert: number, reason: string, silent = false): Promise<void> {
    if (this.#status === 'failed' || this.#status === 'closed') return;
    this.#pending = [];
    try {
      if (!silent) await this.#sendAlert(AlertLevel.fatal, alert, reason);
    } catch {
      /* the alert could not be sealed; the connection is over anyway */
    }
    this.#status = 'failed';
    this.#error = { alert, name: alertName(alert), reason, by: this.side };
  }

  async #sendAlert(level: number, description: number, reason?: string): Promise<void> {
    this.#emit({ kind: 'tls.alert', side: this.side, dir: 'sent', level, description, name: alertName(description), reason });
    await this.#writeRecord(ContentType.alert, Uint8Array.of(level, description));
  }

  async #writeRecord(type: number, content: Uint8Array): Promise<void> {
    if (this.#write) {
      const p = await this.#write.seal(type, content);
      this.#out.push(p.record);
      this.#emit({ kind: 'tls.record', side: this.side, dir: 'sent', contentType: type, bytes: p.record, protection: p });
    } else {
      // RFC 8446 §5.1: the first ClientHello may use 0x0301; everything else 0x0303.
      const version = this.#recordsSent === 0 && this.side === 'client' ? 0x0301 : 0x0303;
      const rec = frameRecord(type, version, content);
      this.#out.push(rec);
      this.#emit({ kind: 'tls.record', side: this.side, dir: 'sent', contentType: type, bytes: rec });
    }
    this.#recordsSent++;
  }

  async #flushPending(): Promise<void> {
    if (!this.#pending.length) return;
    // OpenSSL writes one record per handshake message; RFC 8448's trace packs a flight into one.
    const units = this.#coalesce ? [concat(this.#pending)] : this.#pending;
    this.#pending = [];
    for (const unit of units) for (const part of fragment(unit)) await this.#writeRecord(ContentType.handshake, part);
  }

  #emit(e: TlsEvent): void {
    if (e.kind === 'tls.secret') {
      if (this.#secretsSeen.has(e.name)) return;
      this.#secretsSeen.add(e.name);
    }
    this.#events.push(e);
    this.#deps.onEvent?.(e);
  }

  #makeContext(): Context {
    return {
      side: this.side,
      provider: this.#deps.provider,
      random: this.#deps.random,
      transcript: this.transcript,
      emit: (e) => this.#emit(e),
      sendHandshake: async (type, body) => {
        const raw = encodeHandshake(type, body);
        // RFC 8446 §4.4.1: post-handshake messages (tickets, KeyUpdate) are not in the transcript.
        const postHandshake = this.#writeEpoch === 'application' && (type === HandshakeType.new_session_ticket || type === HandshakeType.key_update);
        if (!postHandshake) this.transcript.add(raw);
        this.#pending.push(raw);
        this.#emit({ kind: 'tls.message', side: this.side, dir: 'sent', type, name: handshakeName(type), raw, epoch: this.#writeEpoch });
        if (this.transcript.hashKnown && !postHandshake) this.#emit({ kind: 'tls.transcript', side: this.side, after: handshakeName(type), hash: await this.transcript.hash() });
        return raw;
      },
      flush: () => this.#flushPending(),
      sendChangeCipherSpec: async () => {
        await this.#flushPending();
        const rec = frameRecord(ContentType.change_cipher_spec, 0x0303, Uint8Array.of(1));
        this.#out.push(rec);
        this.#recordsSent++;
        this.#emit({ kind: 'tls.record', side: this.side, dir: 'sent', contentType: ContentType.change_cipher_spec, bytes: rec });
      },
      setWriteKeys: async (keys: TrafficKeys, epoch) => {
        await this.#flushPending();
        this.#write = new RecordProtection13(this.#deps.provider, keys);
        this.#writeEpoch = epoch;
        this.#emit({ kind: 'tls.traffic-keys', side: this.side, use: 'write', epoch, secret: keys.secret, key: keys.key, iv: keys.iv });
      },
      setReadKeys: (keys: TrafficKeys, epoch) => {
        // §5.1: handshake messages may not span a key change.
        if (this.#joiner.pending) throw new TlsAlert(AlertDescription.unexpected_message, 'handshake message spans a key change');
        this.#read = new RecordProtection13(this.#deps.provider, keys);
        this.#readEpoch = epoch;
        this.#emit({ kind: 'tls.traffic-keys', side: this.side, use: 'read', epoch, secret: keys.secret, key: keys.key, iv: keys.iv });
      },
      setProtection: (use, p, keys) => {
        const epoch = this.#status === 'handshaking' ? 'handshake' : 'application';
        if (use === 'read') {
          this.#read = p;
          this.#readEpoch = epoch;
        } else {
          this.#write = p;
          this.#writeEpoch = epoch;
        }
        this.#emit({ kind: 'tls.traffic-keys', side: this.side, use, epoch, secret: keys.secret, key: keys.key, iv: keys.iv });
      },
      complete: (n) => {
        this.#negotiated = n;
        this.#status = 'connected';
        this.#emit({ kind: 'tls.negotiated', side: this.side, negotiated: n });
      },
    };
  }
}
