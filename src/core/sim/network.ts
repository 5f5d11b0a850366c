/**
 * The in-memory network between the world's programs: a listener per
 * address:port and connections as two ends that hand bytes to each other.
 * Delivery is synchronous and in order (one call per write, so a write is
 * one "packet": Sendmail's pipelining check looks at packet boundaries).
 *
 *   client end --send(bytes)--> onData of server end, and back
 */
export interface Endpoint {
  addr: string;
  port: number;
}

export interface SocketHandler {
  onData(bytes: Uint8Array): void;
  onClose(): void;
}

export class SocketEnd {
  #handler: SocketHandler | null = null;
  /** What arrived before a handler was attached (the greeting sent while connecting). */
  #inbox: Uint8Array[] = [];
  #closePending = false;
  #peer: SocketEnd | null = null;
  #closed = false;

  constructor(
    readonly local: Endpoint,
    readonly remote: Endpoint,
  ) {}

  static pair(client: Endpoint, server: Endpoint): [SocketEnd, SocketEnd] {
    const c = new SocketEnd(client, server);
    const s = new SocketEnd(server, client);
    c.#peer = s;
    s.#peer = c;
    return [c, s];
  }

  /** Starts delivery to `handler`, first of anything that arrived before. */
  attach(handler: SocketHandler): void {
    this.#handler = handler;
    const queued = this.#inbox;
    this.#inbox = [];
    for (const b of queued) handler.onData(b);
    if (this.#closePending) {
      this.#closePending = false;
      handler.onClose();
    }
  }

  #deliver(bytes: Uint8Array): void {
    if (this.#handler) this.#handler.onData(bytes);
    else this.#inbox.push(bytes);
  }

  #hangUp(): void {
    if (this.#handler) this.#handler.onClose();
    else this.#closePending = true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(bytes: Uint8Array): void {
    if (this.#closed || !this.#peer || this.#peer.#closed || bytes.length === 0) return;
    this.#peer.#deliver(bytes.slice());
  }

  /** Closes both directions; the peer's onClose runs once. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const peer = this.#peer;
    if (peer && !peer.#closed) {
      peer.#closed = true;
      peer.#hangUp();
    }
  }
}

export type Acceptor = (server: SocketEnd) => void;

export class Network {
  readonly #listeners = new Map<string, Acceptor>();
  #ephemeral = 40000;

  constructor(firstEphemeralPort = 40000) {
    this.#ephemeral = firstEphemeralPort;
  }

  #key(addr: string, port: number): string {
    return `${addr}:${port}`;
  }

  /** Returns false when the address is in use (EADDRINUSE). */
  listen(addr: string, port: number, accept: Acceptor): boolean {
    const k = this.#key(addr, port);
    if (this.#listeners.has(k)) return false;
    this.#listeners.set(k, accept);
    return true;
  }

  unlisten(addr: string, port: number): void {
    this.#listeners.delete(this.#key(addr, port));
  }

  isListening(addr: string, port: number): boolean {
    return this.#listeners.has(this.#key(addr, port)) || this.#listeners.has(this.#key('0.0.0.0', port));
  }

  /** Opens a connection from `fromAddr`; null when nothing listens (ECONNREFUSED). */
  connect(fromAddr: string, to: Endpoint): SocketEnd | null {
    const accept = this.#listeners.get(this.#key(to.addr, to.port)) ?? (to.addr.includes(':') ? undefined : this.#listeners.get(this.#key('0.0.0.0', to.port)));
    if (!accept) return null;
    const port = this.#ephemeral++;
    if (this.#ephemeral > 60999) this.#ephemeral = 40000;
    const [client, server] = SocketEnd.pair({ addr: fromAddr, port }, to);
    accept(server);
    return client;
  }
}
