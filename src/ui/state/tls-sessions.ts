/**
 * The TLS sessions in a world's trace, as the TLS panels (Handshake, Cipher,
 * Hash, Wire) read them: one entry per SMTP connection whose server ran a
 * handshake, with that server's core/tls events in order and the plain
 * network bytes of the connection. Pure: no Svelte, testable in Node.
 *
 * The server side of the simulated Sendmail sees every message of the
 * handshake (sent and received) and derives the same secrets as the client,
 * so the panels show the server's view. Client-side events of the lab's own
 * TLS client (telnet's takeover) are kept apart in `client`.
 */
import type { TraceEvent } from '../../core/trace/index.ts';
import type { Negotiated, TlsEvent } from '../../core/tls/events.ts';

export interface TlsSessionView {
  /** The world's connection number (as in net.* and smtp.* events). */
  readonly conn: number;
  /** Client address and port connected to, from net.connect. */
  readonly from: string;
  readonly port: number;
  /** The server's core/tls events, oldest first. */
  readonly server: readonly TlsEvent[];
  /** What the handshake agreed on, once it has. */
  readonly negotiated: Negotiated | null;
  /** The connection's bytes on the wire, both ways, oldest first (clear and TLS). */
  readonly wire: readonly { dir: 'c2s' | 's2c'; bytes: Uint8Array }[];
}

/** Sessions in order of connection; only connections with at least one TLS event. */
export function tlsSessions(events: readonly TraceEvent[]): TlsSessionView[] {
  const byConn = new Map<number, { from: string; port: number; server: TlsEvent[]; wire: { dir: 'c2s' | 's2c'; bytes: Uint8Array }[] }>();
  const get = (conn: number) => {
    let s = byConn.get(conn);
    if (!s) byConn.set(conn, (s = { from: '', port: 0, server: [], wire: [] }));
    return s;
  };
  for (const e of events) {
    if (e.kind === 'net.connect') Object.assign(get(e.conn), { from: e.from, port: e.port });
    else if (e.kind === 'net.data') get(e.conn).wire.push({ dir: e.dir, bytes: e.bytes });
    else if (e.kind === 'tls.event') {
      const ev = e.event as TlsEvent;
      if (ev.side === 'server') get(e.conn).server.push(ev);
    }
  }
  const out: TlsSessionView[] = [];
  for (const [conn, s] of byConn) {
    if (s.server.length === 0) continue;
    const neg = s.server.find((ev): ev is Extract<TlsEvent, { kind: 'tls.negotiated' }> => ev.kind === 'tls.negotiated');
    out.push({ conn, from: s.from, port: s.port, server: s.server, negotiated: neg?.negotiated ?? null, wire: s.wire });
  }
  return out;
}

/** The events of one kind of a session, typed. */
export function eventsOf<K extends TlsEvent['kind']>(s: TlsSessionView, kind: K): Extract<TlsEvent, { kind: K }>[] {
  return s.server.filter((e): e is Extract<TlsEvent, { kind: K }> => e.kind === kind);
}
