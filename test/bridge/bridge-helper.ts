/**
 * Starts `src/node/bridge.ts` on a free loopback port for a test and stops it
 * afterwards. Waits for the `listening on 127.0.0.1:P` line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Bridge {
  port: number;
  logFile: string;
  stdout: () => string;
  log: () => string[];
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startBridge(extra: string[] = []): Promise<Bridge> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'lab-bridge-'));
  const logFile = join(dir, 'syslog.txt');
  const child: ChildProcess = spawn('npx', ['tsx', 'src/node/bridge.ts', '--port', String(port), '--log', logFile, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const tick = (): void => {
      if (out.includes(`listening on 127.0.0.1:${port}\n`)) resolve();
      else if (child.exitCode !== null) reject(new Error(`bridge exited ${child.exitCode}: ${err}`));
      else if (Date.now() - t0 > 30000) reject(new Error(`bridge did not start: ${out} ${err}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
  return {
    port,
    logFile,
    stdout: () => out,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A client from `from` (127.0.0.2 is client.example.test): sends each packet
 * once the previous reply is complete and returns everything received.
 */
export function dialogue(port: number, from: string, packets: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host: '127.0.0.1', port, localAddress: from });
    let got = '';
    let i = 0;
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(got) && i < packets.length) sock.write(packets[i++]);
    });
    sock.on('close', () => resolve(got));
    sock.on('error', reject);
    setTimeout(() => {
      sock.destroy();
      resolve(got);
    }, 10000);
  });
}
