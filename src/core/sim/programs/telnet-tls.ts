/**
 * telnet cannot speak TLS. When a learner types STARTTLS and the server
 * answers `220 ... Ready to start TLS`, the lab's own TLS client (core/tls)
 * takes over the connection, says so in one line, and carries the typed
 * lines inside TLS from then on: a deliberate difference from the real
 * telnet, which would go on sending plain text (and be dropped with
 * `wrong version number`).
 */
import { TlsConnection, WebCryptoProvider } from '../../tls/index.ts';
import { fromLatin1, latin1 } from '../../bytes/index.ts';
import type { Output } from '../../shell/types.ts';
import type { SocketEnd } from '../network.ts';
import type { WorldServices } from '../services.ts';

export class TelnetTls {
  readonly #conn: TlsConnection;
  #queue: Promise<void> = Promise.resolve();
  #ready: Promise<boolean>;
  #settle: (ok: boolean) => void = () => {};
  #done = false;
  #pending = 0;

  constructor(
    private readonly w: WorldServices,
    private readonly socket: SocketEnd,
    private readonly out: Output,
    private readonly err: Output,
    serverName: string,
  ) {
    this.#conn = TlsConnection.client(
      { serverName, verifyServer: async () => ({ ok: true }) },
      { provider: new WebCryptoProvider(w.subtle), random: w.random, onEvent: (event) => w.trace.emit({ kind: 'tls.event', conn: 0, event }) },
    );
    this.#ready = new Promise((resolve) => (this.#settle = resolve));
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    this.#pending++;
    this.#queue = this.#queue.then(work).finally(() => this.#pending--);
    return this.#queue;
  }

  /**
   * Until both sides have nothing left to do: what the server sends back is
   * printed before the next line is read (so a pasted script reads as typed).
   */
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

  /** Sends the ClientHello; resolves true once the handshake is done, false if it failed. */
  start(): Promise<boolean> {
    void this.#enqueue(async () => {
      const o = await this.#conn.start();
      if (o.send.length > 0) this.socket.send(o.send);
    });
    return this.#ready;
  }

  /** Bytes from the server: records to open; replies to print. */
  fromServer(bytes: Uint8Array): void {
    void this.#enqueue(async () => {
      const o = await this.#conn.receive(bytes);
      if (o.send.length > 0) this.socket.send(o.send);
      if (!this.#done && o.status === 'connected') {
        this.#done = true;
        const n = this.#conn.negotiated!;
        this.err.write(`lab: telnet cannot speak TLS; the lab's TLS client took over: ${n.version}, ${n.cipher}, ${n.bits} bits. Type EHLO again.\n`);
        this.#settle(true);
      }
      for (const d of o.appData) this.out.write(fromLatin1(d).replace(/\r\n/g, '\n'));
      if (o.status === 'failed') {
        this.err.write(`lab: the TLS handshake failed: ${o.error?.name ?? 'error'} ${o.error?.reason ?? ''}\n`);
        this.#settle(false);
        this.socket.close();
      }
    });
  }

  /** A typed line, inside TLS. Resolves once it is on the wire. */
  send(line: string): Promise<void> {
    return this.#enqueue(async () => {
      const o = await this.#conn.send(latin1(line));
      if (o.send.length > 0) this.socket.send(o.send);
    });
  }
}
