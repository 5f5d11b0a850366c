/**
 * The lab's TLS client on a world socket, shared by telnet's takeover after
 * STARTTLS (telnet-tls.ts), `openssl s_client` and `swaks --tls`: core/tls's
 * TlsConnection.client on WebCrypto, fed with the server's bytes in order,
 * its events kept (for the reports the programs print) and emitted into the
 * world's trace under the connection number the daemon gave the connection
 * (the panels read the server's events; these carry side 'client').
 */
import { TlsConnection, WebCryptoProvider, type ClientConfig, type Negotiated, type TlsEvent, type TlsOutput } from '../../tls/index.ts';
import type { SocketEnd } from '../network.ts';
import type { WorldServices } from '../services.ts';

/** The daemon's number for the connection of `socket` (its latest net.connect from our address to its port), or 0. */
export function connNumber(w: WorldServices, socket: SocketEnd): number {
  const events = w.trace.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind === 'net.connect' && e.from === socket.local.addr && e.port === socket.remote.port) return e.conn;
  }
  return 0;
}

export interface HandshakeResult {
  readonly ok: boolean;
  readonly error?: TlsOutput['error'];
}

export interface TlsClientHooks {
  /** Decrypted application data, in order. */
  onData?(data: Uint8Array): void;
  /** Once, when the handshake ends (before any application data of the same flight). */
  onHandshake?(result: HandshakeResult): void;
  /** The connection failed or was closed by an alert after the handshake. */
  onAlert?(out: TlsOutput): void;
  /** A NewSessionTicket after the handshake (TLS 1.3), raw message with its header. */
  onTicket?(raw: Uint8Array): void;
}

export class TlsClientSession {
  readonly conn: TlsConnection;
  /** Every event of this client, in order. */
  readonly events: TlsEvent[] = [];
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;
  #ready: Promise<HandshakeResult>;
  #settle: (r: HandshakeResult) => void = () => {};
  #done = false;

  constructor(
    private readonly w: WorldServices,
    private readonly socket: SocketEnd,
    config: ClientConfig,
    private readonly hooks: TlsClientHooks = {},
    readonly connId: number = connNumber(w, socket),
  ) {
    this.conn = TlsConnection.client(config, {
      provider: new WebCryptoProvider(w.subtle),
      random: w.random,
      onEvent: (event) => {
        this.events.push(event);
        w.trace.emit({ kind: 'tls.event', conn: this.connId, event });
        if (this.#done && event.kind === 'tls.message' && event.dir === 'received' && event.type === 4) this.hooks.onTicket?.(event.raw);
      },
    });
    this.#ready = new Promise((resolve) => (this.#settle = resolve));
  }

  get negotiated(): Negotiated | null {
    return this.conn.negotiated;
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    this.#pending++;
    this.#queue = this.#queue.then(work).finally(() => this.#pending--);
    return this.#queue;
  }

  #wire(bytes: Uint8Array): void {
    if (bytes.length > 0 && !this.socket.closed) this.socket.send(bytes); // the daemon records net.data
  }

  /** Until both sides have nothing left to do (replies print before the next line is read). */
  async quiesce(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await this.w.settle();
      await this.#queue;
      if (this.#pending === 0) {
        await this.w.settle();
        if (this.#pending === 0) return;
      }
    }
  }

  #finish(r: HandshakeResult): void {
    if (this.#done) return;
    this.#done = true;
    this.hooks.onHandshake?.(r);
    this.#settle(r);
  }

  /** Sends the ClientHello; resolves once the handshake is done or failed. */
  start(): Promise<HandshakeResult> {
    void this.#enqueue(async () => {
      const o = await this.conn.start();
      this.#wire(o.send);
      if (o.status === 'failed') this.#finish({ ok: false, error: o.error });
    });
    return this.#ready;
  }

  /** Bytes from the server. */
  fromServer(bytes: Uint8Array): void {
    void this.#enqueue(async () => {
      const o = await this.conn.receive(bytes);
      this.#wire(o.send);
      if (o.status === 'connected' || (o.status === 'closed' && this.conn.negotiated)) this.#finish({ ok: true });
      for (const d of o.appData) this.hooks.onData?.(d);
      if (o.status === 'failed' || (o.status === 'closed' && o.error)) {
        if (!this.#done) this.#finish({ ok: false, error: o.error });
        else this.hooks.onAlert?.(o);
      }
    });
  }

  /** The server closed the TCP connection: a handshake still running has failed. */
  serverClosed(): void {
    void this.#enqueue(async () => {
      if (!this.#done) this.#finish({ ok: false });
    });
  }

  /** Application data, inside TLS. Resolves once it is on the wire. */
  send(data: Uint8Array): Promise<void> {
    return this.#enqueue(async () => {
      if (this.conn.status !== 'connected') return;
      this.#wire((await this.conn.send(data)).send);
    });
  }

  /** Drop the TCP connection without close_notify (a killed client). */
  abandon(): void {
    this.socket.close();
  }

  /** close_notify. */
  close(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.conn.status !== 'connected') return;
      this.#wire((await this.conn.close()).send);
    });
  }
}
