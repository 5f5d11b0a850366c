import { execFileSync } from 'node:child_process';
// Helpers to run our engine against real `openssl s_server` / `s_client` on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Socket, type AddressInfo } from 'node:net';
import { concat, fromLatin1 } from '../../src/core/bytes/index.ts';
import type { TlsConnection, TlsOutput } from '../../src/core/tls/index.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

export function run(args: string[], stdin?: string): Proc {
  const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('latin1')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('latin1')));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  if (stdin !== undefined) child.stdin!.write(stdin);
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function waitFor(cond: () => boolean, ms = 10000): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Drive a TlsConnection over a socket: one promise chain, outputs written in order. */
export function drive(sock: Socket, conn: TlsConnection, onOutput?: (o: TlsOutput) => void | Promise<void>) {
  const received: Uint8Array[] = [];
  let chain: Promise<void> = Promise.resolve();
  const handle = (o: TlsOutput): Promise<void> => {
    if (o.send.length) sock.write(o.send);
    received.push(...o.appData);
    return Promise.resolve(onOutput?.(o));
  };
  sock.on('data', (d: Buffer) => {
    chain = chain.then(() => conn.receive(new Uint8Array(d))).then(handle);
  });
  return {
    start: () => (chain = chain.then(() => conn.start()).then(handle)),
    send: (data: Uint8Array) => (chain = chain.then(() => conn.send(data)).then(handle)),
    close: () => (chain = chain.then(() => conn.close()).then(handle)),
    text: () => fromLatin1(concat(received)),
    idle: () => chain,
  };
}

export function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

export function listenOnce(onSocket: (s: Socket) => void): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const srv = createServer(onSocket);
    srv.listen(0, '127.0.0.1', () => resolve({ port: (srv.address() as AddressInfo).port, close: () => srv.close() }));
  });
}

/** Never skipped: npm test installs openssl (scripts/test.mjs); run alone without it, say how. */
export function requireOpenssl(): void {
  try {
    execFileSync('openssl', ['version']);
  } catch {
    throw new Error('these tests drive the real openssl, which is missing: apt-get install -y openssl');
  }
}
