/**
 * The Wire panel's model: what an eavesdropper on the path sees of each
 * connection in the world's trace (net.* events). Before STARTTLS the SMTP
 * dialogue is plain text, and the client's EHLO/HELO name and envelope
 * addresses (MAIL FROM, RCPT TO) are readable by anyone on the path; after
 * `220 Ready to start TLS` only TLS records: content type, version, length
 * and opaque bytes, plus the ClientHello's server name (SNI), which is sent
 * in clear. Pure; tested in Node against a real session's trace.
 */
import type { TraceEvent } from '../../core/trace/index.ts';
import { clientHelloOf, splitRecords, type WireRecord } from '../../core/tls/inspect/records.ts';

export type Dir = 'c2s' | 's2c';

/** Something an eavesdropper reads in a clear line. */
export interface Exposure {
  readonly what: 'EHLO' | 'HELO' | 'MAIL FROM' | 'RCPT TO';
  readonly value: string;
  /** Character offsets of `value` in the line's text. */
  readonly start: number;
  readonly end: number;
}

export type WireItem =
  | { readonly kind: 'line'; readonly dir: Dir; readonly offset: number; readonly bytes: Uint8Array; readonly text: string; readonly exposures: readonly Exposure[] }
  | { readonly kind: 'record'; readonly dir: Dir; readonly offset: number; readonly bytes: Uint8Array; readonly record: WireRecord; readonly serverName?: string }
  /** Bytes that do not (yet) form a whole line or record. */
  | { readonly kind: 'partial'; readonly dir: Dir; readonly offset: number; readonly bytes: Uint8Array; readonly tls: boolean };

export interface WireConnection {
  readonly conn: number;
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly items: readonly WireItem[];
  /** Whether TLS started on this connection (after STARTTLS and its 220). */
  readonly tls: boolean;
  /** The server name the ClientHello carried in clear, if any. */
  readonly serverName?: string;
  /** SMTP commands the server received inside TLS that an eavesdropper cannot read (envelope included). */
  readonly hidden: readonly string[];
}

const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

const EXPOSE: readonly [Exposure['what'], RegExp][] = [
  ['EHLO', /^EHLO\s+(\S+)/i],
  ['HELO', /^HELO\s+(\S+)/i],
  ['MAIL FROM', /^MAIL FROM:\s*(<[^>]*>|\S+)/i],
  ['RCPT TO', /^RCPT TO:\s*(<[^>]*>|\S+)/i],
];

export function exposuresOf(text: string): Exposure[] {
  for (const [what, re] of EXPOSE) {
    const m = re.exec(text);
    if (m) {
      const start = m.index + m[0].length - m[1]!.length;
      return [{ what, value: m[1]!, start, end: start + m[1]!.length }];
    }
  }
  return [];
}

interface Stream {
  bytes: number[];
  /** Offset in the direction's stream where the next item starts. */
  cut: number;
  /** Offset from which this direction carries TLS. */
  tlsFrom: number | null;
}

function cutLines(dir: Dir, st: Stream, end: number, items: WireItem[]): void {
  const b = st.bytes;
  for (let i = st.cut; i + 1 < end; i++) {
    if (b[i] === 13 && b[i + 1] === 10) {
      const bytes = Uint8Array.from(b.slice(st.cut, i + 2));
      const text = latin1(bytes.subarray(0, bytes.length - 2));
      items.push({ kind: 'line', dir, offset: st.cut, bytes, text, exposures: dir === 'c2s' ? exposuresOf(text) : [] });
      st.cut = i + 2;
      i++;
    }
  }
}

/** Each connection of the trace as an eavesdropper sees it, in order of connection. */
export function wireConnections(events: readonly TraceEvent[]): WireConnection[] {
  const conns = new Map<number, { from: string; to: string; port: number; items: WireItem[]; s: Record<Dir, Stream>; startTls: boolean; hidden: string[] }>();
  const get = (conn: number) => {
    let c = conns.get(conn);
    if (!c) {
      const fresh = (): Stream => ({ bytes: [], cut: 0, tlsFrom: null });
      conns.set(conn, (c = { from: '', to: '', port: 0, items: [], s: { c2s: fresh(), s2c: fresh() }, startTls: false, hidden: [] }));
    }
    return c;
  };
  for (const e of events) {
    if (e.kind === 'net.connect') Object.assign(get(e.conn), { from: e.from, to: e.to, port: e.port });
    else if (e.kind === 'smtp.command') {
      const c = get(e.conn);
      if (c.s.c2s.tlsFrom !== null) c.hidden.push(e.line);
    } else if (e.kind === 'net.data') {
      const c = get(e.conn);
      const st = c.s[e.dir];
      const other = c.s[e.dir === 'c2s' ? 's2c' : 'c2s'];
      const start = st.bytes.length;
      for (const x of e.bytes) st.bytes.push(x);
      if (st.tlsFrom === null) {
        // The client's first bytes after the 220 to STARTTLS: a handshake record (anything else stays text,
        // as a real server would see it: "wrong version number").
        if (e.dir === 'c2s' && other.tlsFrom !== null && e.bytes[0] === 22) st.tlsFrom = start;
        else {
          cutLines(e.dir, st, st.bytes.length, c.items);
          const last = c.items.at(-1);
          if (e.dir === 'c2s' && last?.kind === 'line' && last.dir === 'c2s' && /^STARTTLS$/i.test(last.text)) c.startTls = true;
          if (e.dir === 's2c' && c.startTls && last?.kind === 'line' && last.dir === 's2c' && /^220[ -]/.test(last.text) && st.cut === st.bytes.length) {
            st.tlsFrom = st.bytes.length;
          }
          continue;
        }
      }
      // Only the bytes not yet cut into records (not the whole stream again).
      const { records } = splitRecords(Uint8Array.from(st.bytes.slice(st.cut)));
      for (const r of records) {
        const offset = st.cut + r.offset;
        const record = { ...r, offset };
        const ch = e.dir === 'c2s' && r.type === 22 ? clientHelloOf(r.fragment) : null;
        c.items.push({ kind: 'record', dir: e.dir, offset, bytes: r.bytes, record, ...(ch?.serverName ? { serverName: ch.serverName } : {}) });
      }
      st.cut = records.length ? st.cut + records.at(-1)!.offset + records.at(-1)!.bytes.length : st.cut;
    }
  }
  const out: WireConnection[] = [];
  for (const [conn, c] of conns) {
    const items = [...c.items];
    for (const dir of ['c2s', 's2c'] as const) {
      const st = c.s[dir];
      if (st.cut < st.bytes.length) items.push({ kind: 'partial', dir, offset: st.cut, bytes: Uint8Array.from(st.bytes.slice(st.cut)), tls: st.tlsFrom !== null });
    }
    const sni = items.find((i): i is Extract<WireItem, { kind: 'record' }> => i.kind === 'record' && i.serverName !== undefined);
    out.push({
      conn, from: c.from, to: c.to, port: c.port, items, tls: c.s.c2s.tlsFrom !== null || c.s.s2c.tlsFrom !== null,
      ...(sni ? { serverName: sni.serverName } : {}), hidden: c.hidden,
    });
  }
  return out;
}

/** The bytes of one direction, put back together from the items (equals what was sent). */
export function joinDirection(c: WireConnection, dir: Dir): Uint8Array {
  const parts = c.items.filter((i) => i.dir === dir).sort((a, b) => a.offset - b.offset);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.bytes.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p.bytes, o);
    o += p.bytes.length;
  }
  return out;
}
