/**
 * `npm run bridge -- --port P [--etc-mail DIR] [--log FILE]`: the reference
 * world's Sendmail daemon on 127.0.0.1:P for real clients (telnet, swaks,
 * Python's smtplib, openssl s_client). Each TCP connection enters the world
 * as a connection from its source address (127.0.0.2 is client.example.test
 * in the world's /etc/hosts) to the daemon's 127.0.0.1:25; each chunk Node
 * reads is one packet for the engine.
 *
 * With --etc-mail DIR the files under DIR (their modes kept, certs/ included)
 * are laid over /etc/mail before the daemon starts, and the world's admin runs
 * `make -C /etc/mail`, which rebuilds sendmail.cf from a newer sendmail.mc (m4),
 * access.db and aliases.db, as on a real host.
 */
import { createServer, type Socket } from 'node:net';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createWorld, rawLine, type World } from '../core/sim/index.ts';
import { BufferOutput } from '../core/shell/io.ts';
import { nodeServices, option } from './platform.ts';

function fail(message: string): never {
  process.stderr.write(`bridge: ${message}\nusage: npm run bridge -- --port P [--etc-mail DIR] [--log FILE]\n`);
  process.exit(2);
}

/** Copies DIR over the world's /etc/mail, keeping each file's mode. */
function overlay(world: World, dir: string, target = '/etc/mail'): void {
  for (const name of readdirSync(dir)) {
    const src = join(dir, name);
    const dst = `${target}/${name}`;
    const st = statSync(src);
    const mode = st.mode & 0o7777;
    if (st.isDirectory()) {
      if (!world.vfs.exists(dst)) world.vfs.mkdir(dst, { mode });
      world.vfs.chmod(dst, mode);
      overlay(world, src, dst);
    } else if (st.isFile()) {
      world.vfs.writeFile(dst, new Uint8Array(readFileSync(src)), { mode });
      world.vfs.chmod(dst, mode);
    }
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const portArg = option(argv, 'port');
  if (portArg === null || !/^\d+$/.test(portArg) || Number(portArg) > 65535) fail('--port P is required (1-65535)');
  const etcMail = option(argv, 'etc-mail');
  const logFile = option(argv, 'log');
  const seedArg = option(argv, 'seed');
  const world = await createWorld({ kind: 'reference', ...nodeServices(seedArg && /^\d+$/.test(seedArg) ? Number(seedArg) : null) });

  if (etcMail) {
    try {
      overlay(world, etcMail);
    } catch (e) {
      fail(`cannot read ${etcMail}: ${(e as Error).message}`);
    }
    const out = new BufferOutput();
    if ((await world.newShell().run('make -C /etc/mail', { stdout: out, stderr: out })) !== 0) fail(`make -C /etc/mail failed:\n${out.text}`);
  }
  if (logFile) world.syslog.subscribe((r) => appendFileSync(logFile, rawLine(r) + '\n'));

  const err = await world.mta.startDaemon({ tag: 'sm-mta', queueInterval: '30m', byHand: false, commandLine: '/usr/sbin/sendmail -L sm-mta -bd -q30m' });
  if (err) fail(err.trim());

  const server = createServer((sock: Socket) => {
    const from = (sock.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    const daemon = world.mta.sockets[0] ?? { addr: '127.0.0.1', port: 25 };
    const end = world.net.connect(from, { addr: daemon.addr === '0.0.0.0' ? '127.0.0.1' : daemon.addr, port: daemon.port });
    if (!end) {
      sock.destroy();
      return;
    }
    end.attach({
      onData: (bytes) => {
        if (!sock.destroyed) sock.write(bytes);
      },
      onClose: () => sock.end(),
    });
    sock.on('data', (chunk: Buffer) => end.send(new Uint8Array(chunk)));
    sock.on('end', () => end.close());
    sock.on('close', () => end.close());
    sock.on('error', () => end.close());
  });
  server.on('error', (e) => fail(e.message));
  server.listen(Number(portArg), '127.0.0.1', () => {
    process.stdout.write(`listening on 127.0.0.1:${portArg}\n`);
  });
  const stop = (): void => {
    world.mta.stopDaemon();
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`bridge: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
