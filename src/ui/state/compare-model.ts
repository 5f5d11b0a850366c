/**
 * "TLS 1.2 and 1.3 side by side": the model of the comparison view. Runs a
 * fresh TLS 1.3 and TLS 1.2 handshake with the world's server credentials
 * (core/sim/tls-compare.ts) and lines the two timelines up flight by flight.
 */
import type { World } from '../../core/sim/index.ts';
import { compareHandshakes, type HandshakeRun } from '../../core/sim/tls-compare.ts';
import type { Random } from '../../core/trace/index.ts';
import { type Flight, type HandshakeTimeline, handshakeTimeline } from './handshake-model.ts';

export interface CompareColumn {
  readonly version: 'TLSv1.3' | 'TLSv1.2';
  readonly timeline: HandshakeTimeline;
  /** What was agreed besides the version: "TLS_AES_256_GCM_SHA384 256 bits, x25519, rsa_pss_rsae_sha256". */
  readonly summary: string;
  /** Bytes each way on the wire during the handshake. */
  readonly bytes: { readonly c2s: number; readonly s2c: number };
  readonly error: string | null;
}

export interface CompareView {
  readonly serverName: string;
  readonly columns: readonly [CompareColumn, CompareColumn];
  /** Row k holds each version's k-th flight (or null when that version has fewer). */
  readonly rows: readonly (readonly [Flight | null, Flight | null])[];
}

export function compareColumn(run: HandshakeRun): CompareColumn {
  const timeline = handshakeTimeline(run.events, 'server');
  const n = run.negotiated;
  const sum = (from: 'client' | 'server') => run.flights.filter((f) => f.from === from).reduce((s, f) => s + f.bytes.length, 0);
  return {
    version: run.version,
    timeline,
    summary: n ? `${n.cipher} ${n.bits} bits, ${n.group}, ${n.signatureScheme}` : 'no agreement',
    bytes: { c2s: sum('client'), s2c: sum('server') },
    error: run.error ?? null,
  };
}

export function alignColumns(a: CompareColumn, b: CompareColumn): CompareView['rows'] {
  const n = Math.max(a.timeline.flights.length, b.timeline.flights.length);
  return Array.from({ length: n }, (_, i) => [a.timeline.flights[i] ?? null, b.timeline.flights[i] ?? null] as const);
}

/** Runs both handshakes now; an error text when the world's Sendmail has no usable certificate. */
export async function compareView(world: World, random: Random): Promise<CompareView | string> {
  const r = await compareHandshakes(world, random);
  if (!r.ok) return r.error;
  const [a, b] = r.runs.map(compareColumn) as [CompareColumn, CompareColumn];
  return { serverName: r.serverName, columns: [a, b], rows: alignColumns(a, b) };
}
