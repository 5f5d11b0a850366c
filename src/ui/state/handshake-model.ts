/**
 * The Handshake panel's model: one side's core/tls events as a timeline of
 * flights (consecutive messages in one direction), each message with its
 * epoch, its raw bytes, the transcript hash after it and its annotated
 * fields (core/tls/annotate). Pure: testable in Node against the trace.
 */
import { type AnnotatedMessage, annotateHandshake, findField } from '../../core/tls/annotate/index.ts';
import { SUITES_13, type Epoch, type Side, type TlsEvent } from '../../core/tls/index.ts';
import type { TlsSessionView } from './tls-sessions.ts';

export type Direction = 'c2s' | 's2c';

export interface TimelineMessage {
  /** Position in the handshake, from 0. */
  readonly index: number;
  readonly dir: Direction;
  readonly type: number;
  readonly name: string;
  readonly epoch: Epoch;
  /** The message as hashed into the transcript (header and body), the engine's own bytes. */
  readonly raw: Uint8Array;
  /** The transcript hash the engine reported after this message, if it did. */
  readonly transcriptHash: Uint8Array | null;
  /**
   * A ChangeCipherSpec record (content type 20, not a handshake message) went
   * the same way just before this message: TLS 1.2's switch to the new keys,
   * TLS 1.3's middlebox-compatibility dummy (RFC 8446 §D.4).
   */
  readonly afterChangeCipherSpec: boolean;
  readonly fields: AnnotatedMessage;
}

export interface Flight {
  readonly index: number;
  readonly dir: Direction;
  readonly messages: readonly TimelineMessage[];
  /** The epochs its messages were protected under, in order, without repeats. */
  readonly epochs: readonly Epoch[];
}

export interface HandshakeTimeline {
  readonly version: 'TLSv1.3' | 'TLSv1.2' | null;
  readonly messages: readonly TimelineMessage[];
  readonly flights: readonly Flight[];
  /**
   * Round trips before the client may send application data: the server's
   * flights of the handshake (a NewSessionTicket after it does not count).
   */
  readonly roundTrips: number;
  /** The alert that ended the handshake, if one did. */
  readonly alert: string | null;
}

/** Which version a ServerHello selects (supported_versions, else legacy_version). */
function versionOf(sh: AnnotatedMessage): 'TLSv1.3' | 'TLSv1.2' | null {
  const v = findField(sh, 'selected_version')?.data ?? findField(sh, 'legacy_version')?.data;
  return v === 0x0304 ? 'TLSv1.3' : v === 0x0303 ? 'TLSv1.2' : null;
}

/** The timeline as `viewpoint` saw it (the panels show the server's view; both sides see the same messages). */
export function handshakeTimeline(events: readonly TlsEvent[], viewpoint: Side = 'server'): HandshakeTimeline {
  const mine = events.filter((e) => e.side === viewpoint);
  // the ServerHello fixes the version (Certificate's shape) and the hash (Finished's length)
  let version: HandshakeTimeline['version'] = null;
  let hashLength: number | undefined;
  for (const e of mine) {
    if (e.kind !== 'tls.message' || e.name !== 'server_hello') continue;
    const sh = annotateHandshake(e.raw);
    const v = versionOf(sh);
    if (findField(sh, 'random')?.value.includes('HelloRetryRequest')) continue;
    version = v;
    const suite = findField(sh, 'cipher_suite')?.data;
    if (v === 'TLSv1.3' && typeof suite === 'number') hashLength = SUITES_13.get(suite)?.hashLen;
  }
  const ctx = { ...(version ? { version } : {}), ...(hashLength ? { hashLength } : {}) };

  const messages: (Omit<TimelineMessage, 'transcriptHash'> & { transcriptHash: Uint8Array | null })[] = [];
  let alert: string | null = null;
  const ccs = { c2s: false, s2c: false };
  const direction = (d: 'sent' | 'received'): Direction => ((d === 'sent') === (viewpoint === 'client') ? 'c2s' : 's2c');
  for (const e of mine) {
    if (e.kind === 'tls.message') {
      const dir = direction(e.dir);
      messages.push({
        index: messages.length, dir, type: e.type, name: e.name, epoch: e.epoch, raw: e.raw, transcriptHash: null,
        afterChangeCipherSpec: ccs[dir], fields: annotateHandshake(e.raw, ctx),
      });
      ccs[dir] = false;
    } else if (e.kind === 'tls.record' && e.contentType === 20) {
      ccs[direction(e.dir)] = true;
    } else if (e.kind === 'tls.transcript') {
      const m = messages.findLast((x) => x.name === e.after && x.transcriptHash === null);
      if (m) m.transcriptHash = e.hash;
    } else if (e.kind === 'tls.alert' && alert === null && e.level === 2) {
      alert = `${e.dir === 'sent' ? viewpoint : viewpoint === 'client' ? 'server' : 'client'} sent ${e.name}${e.reason ? `: ${e.reason}` : ''}`;
    }
  }

  const flights: Flight[] = [];
  for (const m of messages) {
    const last = flights[flights.length - 1];
    if (last && last.dir === m.dir) {
      (last.messages as TimelineMessage[]).push(m);
      if (!last.epochs.includes(m.epoch)) (last.epochs as Epoch[]).push(m.epoch);
    } else flights.push({ index: flights.length, dir: m.dir, messages: [m], epochs: [m.epoch] });
  }
  const roundTrips = flights.filter((f) => f.dir === 's2c' && f.messages.some((m) => m.name !== 'new_session_ticket')).length;
  return { version, messages, flights, roundTrips, alert };
}

export interface HandshakeSession {
  readonly conn: number;
  /** For the session picker: "connection 2 from 127.0.0.1 to port 25, TLSv1.3". */
  readonly label: string;
  readonly timeline: HandshakeTimeline;
}

export function handshakeSessions(sessions: readonly TlsSessionView[]): HandshakeSession[] {
  return sessions.map((s) => ({
    conn: s.conn,
    label: `connection ${s.conn} from ${s.from || 'unknown'} to port ${s.port}${s.negotiated ? `, ${s.negotiated.version} ${s.negotiated.cipher}` : ', handshaking'}`,
    timeline: handshakeTimeline(s.server, 'server'),
  }));
}

/** Direction as the timeline's text says it. */
export const arrow = (d: Direction): string => (d === 'c2s' ? 'client → server' : 'server → client');
