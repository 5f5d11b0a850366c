/**
 * TLS 1.3 and TLS 1.2 side by side (issue 3, item 5): the world's Sendmail
 * credentials (ServerCertFile, ServerKeyFile, CACertFile of sendmail.cf, loaded
 * as the daemon loads them) serve two fresh in-memory handshakes, one per
 * version, against the lab's own client offering a P-256 key share first.
 * Nothing touches the network or the
 * trace: the events come back in lists.
 */
import type { Random } from '../trace/index.ts';
import { TlsConnection, WebCryptoProvider, type Negotiated, type TlsEvent, type TlsOutput, type VersionName } from '../tls/index.ts';
import { loadMtaConfig } from './mta-config.ts';
import type { WorldServices } from './services.ts';
import { loadCredentials } from './starttls.ts';

/** One write of one side: the bytes the other side reads next. */
export interface CompareFlight {
  readonly from: 'client' | 'server';
  readonly bytes: Uint8Array;
}

export interface HandshakeRun {
  readonly version: VersionName;
  /** Both sides' events, each tagged, in the order they happened. */
  readonly events: readonly TlsEvent[];
  readonly flights: readonly CompareFlight[];
  readonly negotiated: Negotiated | null;
  /** The alert that ended the handshake, if it failed. */
  readonly error?: string;
}

export type CompareResult = { ok: true; runs: readonly HandshakeRun[]; serverName: string } | { ok: false; error: string };

/** Runs one handshake of `version` between the lab's client and a server with `server`'s config. */
async function run(
  version: VersionName,
  server: Parameters<typeof TlsConnection.server>[0],
  serverName: string,
  provider: WebCryptoProvider,
  random: Random,
): Promise<HandshakeRun> {
  const events: TlsEvent[] = [];
  const deps = { provider, random, onEvent: (e: TlsEvent) => events.push(e) };
  // The client's first key share is P-256, the one group Sendmail's server takes, so TLS 1.3 needs
  // no HelloRetryRequest here (OpenSSL's default client leads with X25519 and gets one).
  const c = TlsConnection.client({ serverName, versions: [version], keyShares: ['secp256r1'], verifyServer: async () => ({ ok: true }) }, deps);
  const s = TlsConnection.server({ ...server, versions: [version] }, deps);
  const flights: CompareFlight[] = [];
  let out: TlsOutput = await c.start();
  let from: 'client' | 'server' = 'client';
  let error: string | undefined;
  // a handshake is a handful of flights; the bound only guards against a bug looping forever
  for (let i = 0; out.send.length > 0 && i < 16; i++) {
    flights.push({ from, bytes: out.send });
    out = await (from === 'client' ? s : c).receive(out.send);
    if (out.error) error = `${out.error.by} alert ${out.error.name}: ${out.error.reason}`;
    from = from === 'client' ? 'server' : 'client';
  }
  return { version, events, flights, negotiated: c.negotiated, ...(error ? { error } : {}) };
}

/** Both handshakes with the world's server credentials, TLS 1.3 first. */
export async function compareHandshakes(w: WorldServices, random: Random): Promise<CompareResult> {
  const config = loadMtaConfig(w.vfs);
  if (!config) return { ok: false, error: '/etc/mail/sendmail.cf cannot be read' };
  const provider = new WebCryptoProvider(w.subtle);
  const creds = await loadCredentials(w, config, provider);
  if (!creds) return { ok: false, error: 'sendmail.cf names no usable server certificate and key (ServerCertFile, ServerKeyFile)' };
  const runs: HandshakeRun[] = [];
  for (const v of ['TLSv1.3', 'TLSv1.2'] as const) runs.push(await run(v, creds.server, config.hostname, provider, random));
  return { ok: true, runs, serverName: config.hostname };
}
