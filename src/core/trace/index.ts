/**
 * What the engines need from the outside world, passed in rather than reached
 * for (no Date.now, no Math.random, no crypto.subtle in src/core), and the
 * trace: the append-only log of typed events that panels, lessons and tests read.
 */

/** Wall clock, in milliseconds since the epoch. Tests pass a fixed or stepping clock. */
export interface Clock {
  now(): number;
}

/** Random bytes. The page passes crypto.getRandomValues; tests a seeded generator. */
export interface Random {
  bytes(n: number): Uint8Array;
}

/** Uniform integer in [0, max) from a Random source. */
export function randomInt(random: Random, max: number): number {
  if (max <= 1) return 0;
  const b = random.bytes(4);
  const v = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  return v % max;
}

/** A deterministic generator (xorshift128+ on a 32-bit seed) for tests and seeded demos. */
export function seededRandom(seed: number): Random {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (seed * 0x85ebca6b) >>> 0 || 2;
  const next = (): number => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    s1 = x >>> 0;
    return (s0 + s1) >>> 0;
  };
  return {
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = next() & 0xff;
      return out;
    },
  };
}

/** A clock fixed at `start` that advances `stepMs` each time it is read. */
export function steppingClock(start: number, stepMs = 0): Clock {
  let t = start;
  return {
    now(): number {
      const v = t;
      t += stepMs;
      return v;
    },
  };
}

/** The trace: a discriminated union keyed on `kind`, with dotted names. */
export type TraceEvent =
  | { kind: 'smtp.command'; conn: number; line: string }
  | { kind: 'smtp.reply'; conn: number; code: number; text: string }
  | { kind: 'smtp.state'; conn: number; state: string }
  | { kind: 'smtp.starttls'; conn: number }
  /** A policy ruleset the SMTP server ran (check_relay, tls_client, check_mail, check_rcpt): its verdict and why. */
  | { kind: 'smtp.policy'; conn: number; ruleset: string; arg: string; result: string; reply: string | null; trace: readonly string[] }
  | { kind: 'net.connect'; conn: number; from: string; to: string; port: number }
  | { kind: 'net.data'; conn: number; dir: 'c2s' | 's2c'; bytes: Uint8Array }
  | { kind: 'net.close'; conn: number; by: 'client' | 'server' }
  | { kind: 'syslog'; line: string; pri: number; tag: string; text: string }
  | { kind: 'vfs.write'; path: string }
  | { kind: 'shell.command'; line: string }
  | { kind: 'shell.exit'; line: string; code: number }
  | { kind: 'daemon.start'; name: string; pid: number }
  | { kind: 'daemon.stop'; name: string; pid: number }
  /** A core/tls event of connection `conn` (handshake messages, secrets, records, alerts). */
  | { kind: 'tls.event'; conn: number; event: { readonly kind: string } };

export type TraceKind = TraceEvent['kind'];

/** Append-only event log with subscribers (the UI bridges it with createSubscriber). */
export class TraceLog {
  readonly #events: TraceEvent[] = [];
  readonly #listeners = new Set<(e: TraceEvent) => void>();

  emit(event: TraceEvent): void {
    this.#events.push(event);
    for (const l of this.#listeners) l(event);
  }

  get events(): readonly TraceEvent[] {
    return this.#events;
  }

  get length(): number {
    return this.#events.length;
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  of<K extends TraceKind>(kind: K): Extract<TraceEvent, { kind: K }>[] {
    return this.#events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
  }
}
