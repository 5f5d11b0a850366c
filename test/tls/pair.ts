// Test helpers: our client against our server in memory, with seeded randomness,
// and the fixture certificates (test/fixtures/tls/certs, made by make-certs.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { concat } from '../../src/core/bytes/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import {
  type CertificateVerifier, type ClientConfig, type KeyKind, type ServerConfig, type TlsEvent, type TlsOutput,
  TlsConnection, WebCryptoProvider,
} from '../../src/core/tls/index.ts';

export const provider = new WebCryptoProvider(webcrypto.subtle as SubtleCrypto);
/** RSA-PSS salts and ECDSA nonces from the seeded Random: the same session gives the same bytes. */
export const seededProvider = new WebCryptoProvider(webcrypto.subtle as SubtleCrypto, { seededRsaPss: true, seededEcdsa: true });

const CERTS = join(import.meta.dirname, '..', 'fixtures', 'tls', 'certs');

export function pemToDer(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN [A-Z ]+-----([^-]+)-----END/g)].map((m) => new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
}

export const certPath = (name: string): string => join(CERTS, name);
export const readDer = (name: string): Uint8Array[] => pemToDer(readFileSync(certPath(name), 'utf8'));

export type ServerKeyName = 'server-rsa' | 'server-p256' | 'server-p384' | 'client';
const KIND: Record<ServerKeyName, KeyKind> = { 'server-rsa': 'rsa', 'server-p256': 'ecdsa-p256', 'server-p384': 'ecdsa-p384', client: 'ecdsa-p256' };

export async function certified(name: ServerKeyName) {
  return { chain: readDer(`${name}.crt`), key: await provider.importSigningKey(readDer(`${name}.key`)[0], KIND[name]) };
}

export const acceptAll: CertificateVerifier = async () => ({ ok: true });

export interface PairResult {
  client: TlsConnection;
  server: TlsConnection;
  /** Every chunk in flight order: who wrote it and the bytes. */
  wire: { from: 'client' | 'server'; bytes: Uint8Array }[];
  clientEvents: TlsEvent[];
  serverEvents: TlsEvent[];
  /** Application data each side received. */
  clientReceived: Uint8Array[];
  serverReceived: Uint8Array[];
  last: { client?: TlsOutput; server?: TlsOutput };
}

/** Run a handshake in memory until neither side has anything to send. */
export async function pair(opts: {
  client?: Partial<ClientConfig>;
  server?: Partial<ServerConfig>;
  serverKey?: ServerKeyName;
  seed?: number;
  /** Tamper with bytes in flight (index of the chunk, its bytes) -> bytes delivered. */
  tamper?: (i: number, from: 'client' | 'server', b: Uint8Array) => Uint8Array;
  /** Deliver each flight in pieces of this many bytes. */
  chunk?: number;
}): Promise<PairResult> {
  const seed = opts.seed ?? 1;
  const clientEvents: TlsEvent[] = [];
  const serverEvents: TlsEvent[] = [];
  const client = TlsConnection.client(
    { verifyServer: acceptAll, serverName: 'mail.example.test', ...opts.client },
    { provider: seededProvider, random: seededRandom(seed), onEvent: (e) => clientEvents.push(e) },
  );
  const server = TlsConnection.server(
    { certified: await certified(opts.serverKey ?? 'server-rsa'), ...opts.server },
    { provider: seededProvider, random: seededRandom(seed + 1000), onEvent: (e) => serverEvents.push(e) },
  );
  const res: PairResult = { client, server, wire: [], clientEvents, serverEvents, clientReceived: [], serverReceived: [], last: {} };
  await server.start();
  let out = await client.start();
  let from: 'client' | 'server' = 'client';
  for (let i = 0; out.send.length > 0 && i < 20; i++) {
    const bytes = opts.tamper ? opts.tamper(res.wire.length, from, out.send) : out.send;
    res.wire.push({ from, bytes });
    const to = from === 'client' ? server : client;
    const step = opts.chunk ?? bytes.length;
    const sends: Uint8Array[] = [];
    for (let o = 0; o < bytes.length; o += step) {
      out = await to.receive(bytes.subarray(o, o + step));
      sends.push(out.send);
      (from === 'client' ? res.serverReceived : res.clientReceived).push(...out.appData);
    }
    out = { ...out, send: concat(sends) };
    res.last[from === 'client' ? 'server' : 'client'] = out;
    from = from === 'client' ? 'server' : 'client';
  }
  return res;
}

export const wireBytes = (r: PairResult, from?: 'client' | 'server'): Uint8Array =>
  concat(r.wire.filter((w) => !from || w.from === from).map((w) => w.bytes));
