/**
 * telnet cannot speak TLS. When a learner types STARTTLS and the server
 * answers `220 ... Ready to start TLS`, the lab's own TLS client (tls-client.ts)
 * takes over the connection, says so in one line, and carries the typed
 * lines inside TLS from then on: a deliberate difference from the real
 * telnet, which would go on sending plain text (and be dropped with
 * `wrong version number`).
 */
import { fromLatin1, latin1 } from '../../bytes/index.ts';
import type { Output } from '../../shell/types.ts';
import type { SocketEnd } from '../network.ts';
import type { WorldServices } from '../services.ts';
import { TlsClientSession } from './tls-client.ts';

export class TelnetTls {
  readonly #session: TlsClientSession;

  constructor(w: WorldServices, socket: SocketEnd, out: Output, err: Output, serverName: string) {
    this.#session = new TlsClientSession(w, socket, { serverName, verifyServer: async () => ({ ok: true }) }, {
      onHandshake: (r) => {
        if (r.ok) {
          const n = this.#session.negotiated!;
          err.write(`lab: telnet cannot speak TLS; the lab's TLS client took over: ${n.version}, ${n.cipher}, ${n.bits} bits. Type EHLO again.\n`);
        } else {
          err.write(`lab: the TLS handshake failed: ${r.error?.name ?? 'error'} ${r.error?.reason ?? ''}\n`);
          socket.close();
        }
      },
      onData: (d) => out.write(fromLatin1(d).replace(/\r\n/g, '\n')),
      onAlert: (o) => {
        err.write(`lab: the TLS handshake failed: ${o.error?.name ?? 'error'} ${o.error?.reason ?? ''}\n`);
        socket.close();
      },
    });
  }

  /** Until both sides have nothing left to do: replies print before the next line is read. */
  quiesce(): Promise<void> {
    return this.#session.quiesce();
  }

  /** Sends the ClientHello; resolves true once the handshake is done, false if it failed. */
  async start(): Promise<boolean> {
    return (await this.#session.start()).ok;
  }

  /** Bytes from the server: records to open; replies to print. */
  fromServer(bytes: Uint8Array): void {
    this.#session.fromServer(bytes);
  }

  /** A typed line, inside TLS. Resolves once it is on the wire. */
  send(line: string): Promise<void> {
    return this.#session.send(latin1(line));
  }
}
