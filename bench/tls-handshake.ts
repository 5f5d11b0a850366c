/**
 * The TLS benchmark's body, the same in Node and in Chromium (no Node or DOM
 * imports): full TLS 1.3 handshakes (x25519) between the lab's client and
 * server in memory, with an RSA-2048 or an ECDSA P-256 server certificate,
 * timed end to end next to the time spent inside WebCrypto in the same run.
 *
 * WebCrypto time is measured by wrapping SubtleCrypto: the union of the
 * intervals during which at least one WebCrypto call is pending (so calls
 * that overlap are not counted twice). ratio = handshake / WebCrypto; the
 * goal is <= 1.5 (the engine's own work adds at most half again).
 */
import { TlsConnection, WebCryptoProvider, type SigningKey } from '../src/core/tls/index.ts';
import type { KeyKind } from '../src/core/tls/suites.ts';
import { seededRandom } from '../src/core/trace/index.ts';

export interface BenchCert {
  readonly name: string;
  readonly kind: KeyKind;
  /** DER certificates, leaf first, and the PKCS#8 DER key, as plain arrays (they cross into the page). */
  readonly chain: number[][];
  readonly key: number[];
}

export interface BenchRow {
  readonly name: string;
  readonly runs: number;
  /** Medians over the runs, milliseconds. */
  readonly handshakeMs: number;
  readonly webcryptoMs: number;
  readonly ratio: number;
  readonly version: string;
  readonly cipher: string;
}

/**
 * SubtleCrypto whose calls are timed (union of pending intervals). The caller
 * gets WebCrypto's own promise back (no extra promise hop of ours after it);
 * the timer listens on a side branch registered first, so it stops in the
 * same microtask checkpoint in which the caller resumes.
 */
function timedSubtle(subtle: SubtleCrypto, now: () => number): { subtle: SubtleCrypto; take(): number } {
  let pending = 0;
  let since = 0;
  let total = 0;
  const done = (): void => {
    if (--pending === 0) total += now() - since;
  };
  const wrapped: Record<string, unknown> = {};
  for (const name of ['digest', 'importKey', 'exportKey', 'sign', 'verify', 'encrypt', 'decrypt', 'deriveBits', 'deriveKey', 'generateKey', 'wrapKey', 'unwrapKey'] as const) {
    const f = (subtle[name] as (...a: unknown[]) => Promise<unknown>).bind(subtle);
    wrapped[name] = (...args: unknown[]): Promise<unknown> => {
      if (pending++ === 0) since = now();
      const p = f(...args);
      p.then(done, done);
      return p;
    };
  }
  return {
    subtle: wrapped as unknown as SubtleCrypto,
    take() {
      const t = total;
      total = 0;
      return t;
    },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One full handshake in memory; returns the server's negotiated version and cipher. */
async function handshake(provider: WebCryptoProvider, cert: BenchCert, key: SigningKey, seed: number): Promise<{ version: string; cipher: string }> {
  const client = TlsConnection.client(
    { serverName: 'mail.example.test', groups: ['x25519'], versions: ['TLSv1.3'], verifyServer: async () => ({ ok: true }) },
    { provider, random: seededRandom(seed) },
  );
  const server = TlsConnection.server(
    { certified: { chain: cert.chain.map((c) => new Uint8Array(c)), key } },
    { provider, random: seededRandom(seed + 1) },
  );
  await server.start();
  let out = await client.start();
  let to: TlsConnection = server;
  for (let i = 0; out.send.length > 0 && i < 10; i++) {
    out = await to.receive(out.send);
    to = to === server ? client : server;
  }
  const n = server.negotiated;
  if (!n || client.negotiated === null) throw new Error(`handshake with ${cert.name} did not complete`);
  return { version: n.version, cipher: n.cipher };
}

/**
 * Runs `runs` handshakes per certificate after `warmup` untimed ones.
 * `now` is performance.now of the caller's platform.
 */
export async function tlsHandshakeBench(subtle: SubtleCrypto, certs: readonly BenchCert[], now: () => number, runs = 20, warmup = 3): Promise<BenchRow[]> {
  const timed = timedSubtle(subtle, now);
  const provider = new WebCryptoProvider(timed.subtle);
  const rows: BenchRow[] = [];
  for (const cert of certs) {
    const hs: number[] = [];
    const wc: number[] = [];
    let got = { version: '', cipher: '' };
    // the server's key is imported once, as a server does at start
    const key = await provider.importSigningKey(new Uint8Array(cert.key), cert.kind);
    for (let i = 0; i < warmup + runs; i++) {
      timed.take();
      const t0 = now();
      got = await handshake(provider, cert, key, i + 1);
      const t = now() - t0;
      const w = timed.take();
      if (i >= warmup) {
        hs.push(t);
        wc.push(w);
      }
    }
    const h = median(hs);
    const w = median(wc);
    rows.push({ name: cert.name, runs, handshakeMs: h, webcryptoMs: w, ratio: h / w, ...got });
  }
  return rows;
}
