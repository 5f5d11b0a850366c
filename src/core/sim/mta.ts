/**
 * The simulated Sendmail as a program of the world: the daemon started by
 * `sendmail -bd` (a listener per DaemonPortOptions, one "forked child" per
 * connection with its own pid, as ps and the log show), and the same engine
 * run on a terminal for `sendmail -bs`. core/smtp decides every reply; this
 * file connects it to the world (config, names, queue ids, delivery, syslog).
 *
 *   sendmail -bd ─► startDaemon ─► net.listen(addr, port) ─► accept ─► SmtpServer per connection
 */
import { SmtpServer, formatQueueId, type SmtpConfig, type SmtpPeer } from '../smtp/index.ts';
import type { SocketEnd } from './network.ts';
import { loadMtaConfig, SENDMAIL_VERSION, type MtaConfig } from './mta-config.ts';
import { checkServerTls, checkServerTlsKeys, type TlsSetup } from './tls-setup.ts';
import { LOG_ALERT, LOG_CRIT, LOG_INFO, LOG_WARNING } from './syslog.ts';
import { nameOf } from './hosts.ts';
import { WorldSmtpEnv } from './smtp-env.ts';
import type { WorldServices } from './services.ts';
import { StartTls, loadCredentials } from './starttls.ts';
import { WebCryptoProvider } from '../tls/index.ts';

type Credentials = NonNullable<Awaited<ReturnType<typeof loadCredentials>>>;

export interface DaemonStart {
  /** syslog tag: 'sm-mta' with `-L sm-mta`, else 'sendmail' */
  tag: string;
  /** `-q30m` → '30m'; null without -q */
  queueInterval: string | null;
  /** argv[0] was not a full path (`sendmail -bd` typed by hand) */
  byHand: boolean;
  /** The command line as ps and the pid file show it */
  commandLine: string;
}

interface Daemon {
  pid: number;
  /** The TLS credentials loaded at start (null: no STARTTLS) and the crypto they use. */
  creds: Credentials | null;
  provider: WebCryptoProvider;
  tag: string;
  config: MtaConfig;
  tls: TlsSetup;
  sockets: { addr: string; port: number; name: string }[];
  connections: Set<SocketEnd>;
}

/** How often a daemon tries to bind a busy port before it exits. */
const BIND_TRIES = 11;

/** `30m` → `00:30:00`, as Sendmail prints its queue interval. */
export function queueIntervalText(q: string): string {
  const m = /^(\d+)([smhdw]?)$/.exec(q);
  let secs = 0;
  if (m) {
    const n = Number(m[1]);
    secs = n * ({ s: 1, m: 60, h: 3600, d: 86400, w: 604800, '': 60 } as Record<string, number>)[m[2]];
  }
  const h = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  return `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

export class Mta {
  #daemon: Daemon | null = null;
  #conn = 0;

  constructor(private readonly w: WorldServices) {}

  get running(): boolean {
    return this.#daemon !== null;
  }

  get daemonPid(): number | null {
    return this.#daemon?.pid ?? null;
  }

  /** The sockets the running daemon listens on (DaemonPortOptions). */
  get sockets(): readonly { addr: string; port: number; name: string }[] {
    return this.#daemon?.sockets ?? [];
  }

  /** Whether the running daemon offers STARTTLS. */
  get tlsUsable(): boolean {
    return this.#daemon?.tls.usable ?? false;
  }

  /**
   * `sendmail -bd`. Returns an error text for the terminal (empty when the
   * daemon started; Sendmail itself prints nothing and goes to background).
   */
  async startDaemon(opts: DaemonStart): Promise<string> {
    const config = loadMtaConfig(this.w.vfs);
    // Real 8.17.1.9 (`sendmail -C /nonexistent.cf -bd`): on stdout, exit 72.
    if (!config) return `451 4.0.0 /etc/mail/sendmail.cf: line 0: cannot open: No such file or directory\n`;
    const pid = this.w.procs.add({ ppid: 1, user: 'root', tty: '?', command: '' });
    const log = (sev: number, text: string): void => this.w.syslog.log(opts.tag, pid, sev, text);
    if (opts.byHand) log(LOG_WARNING, 'daemon invoked without full pathname; kill -1 won\'t work');

    const what = opts.queueInterval ? `SMTP+queueing@${queueIntervalText(opts.queueInterval)}` : 'SMTP';
    log(LOG_INFO, `starting daemon (${SENDMAIL_VERSION}): ${what}`);
    const tls = await checkServerTlsKeys(this.w.vfs, this.w.subtle, config.tls);
    for (const e of tls.errors) log(LOG_WARNING, e);

    const sockets: Daemon['sockets'] = [];
    for (const d of config.daemons) {
      if (this.w.net.listen(d.addr, d.port, (end) => this.#accept(end))) {
        sockets.push({ addr: d.addr, port: d.port, name: d.name });
        continue;
      }
      // test/fixtures/sendmail/commands/sendmail-bd-busy.log: eleven tries, then it gives up.
      // SIMPLIFIED: the real daemon waits 5 seconds between tries; the lab logs them at once.
      for (let i = 0; i < BIND_TRIES; i++) {
        log(LOG_CRIT, `NOQUEUE: SYSERR(root): opendaemonsocket: daemon ${d.name}: cannot bind: Address already in use`);
        log(LOG_ALERT, `daemon ${d.name}: problem creating SMTP socket`);
      }
      log(LOG_ALERT, `NOQUEUE: SYSERR(root): opendaemonsocket: daemon ${d.name}: server SMTP socket wedged: exiting`);
      for (const s of sockets) this.w.net.unlisten(s.addr, s.port);
      this.w.procs.remove(pid);
      return '';
    }

    const provider = new WebCryptoProvider(this.w.subtle);
    const creds = tls.usable ? await loadCredentials(this.w, config, provider) : null;
    const daemon: Daemon = { pid, tag: opts.tag, config, tls, sockets, connections: new Set(), creds, provider };
    this.#daemon = daemon;
    this.w.procs.setCommand(pid, `sendmail: MTA: accepting connections`);
    this.w.procs.setSignalHandler(pid, (sig) => {
      if (sig === 'HUP' || sig === 'CONT' || sig === 'WINCH' || sig === '0') return;
      this.stopDaemon();
    });
    this.#writePidFile(pid, opts.commandLine);
    this.w.trace.emit({ kind: 'daemon.start', name: 'sendmail', pid });
    return '';
  }

  stopDaemon(): void {
    const d = this.#daemon;
    if (!d) return;
    for (const s of d.sockets) this.w.net.unlisten(s.addr, s.port);
    for (const c of d.connections) c.close();
    this.w.procs.remove(d.pid);
    try {
      this.w.vfs.unlink('/run/sendmail/mta/sendmail.pid');
    } catch {
      /* already gone */
    }
    this.#daemon = null;
    this.w.trace.emit({ kind: 'daemon.stop', name: 'sendmail', pid: d.pid });
  }

  #writePidFile(pid: number, commandLine: string): void {
    const dir = '/run/sendmail/mta';
    if (!this.w.vfs.exists(dir)) this.w.vfs.mkdir(dir, { parents: true });
    this.w.vfs.writeFile(`${dir}/sendmail.pid`, `${pid}\n${commandLine}\n`, { mode: 0o644 });
  }

  /** The SMTP engine's view of this Sendmail's configuration. */
  smtpConfig(config: MtaConfig, mode: 'daemon' | 'submit', daemonName: string): SmtpConfig {
    return {
      hostname: config.hostname,
      greetingTemplate: config.greetingTemplate,
      version: `${SENDMAIL_VERSION}/${config.versionZ}`,
      mode,
      maxMessageSize: config.maxMessageSize,
      authMechanisms: config.authMechanisms,
      privacy: config.privacy,
      daemonName,
      acceptUnqualifiedSenders: config.canonify,
    };
  }

  readonly #inflight = new Set<Promise<void>>();

  #track(p: Promise<void>): Promise<void> {
    this.#inflight.add(p);
    void p.finally(() => this.#inflight.delete(p));
    return p;
  }

  /** Resolves once every connection has handled what it was sent (TLS work is asynchronous). */
  async settled(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  /** One accepted connection: Sendmail forks a child with its own pid. */
  #accept(end: SocketEnd): void {
    const d = this.#daemon;
    if (!d) {
      end.close();
      return;
    }
    const childPid = this.w.procs.allocate();
    const conn = ++this.#conn;
    const hosts = this.w.hosts();
    const peer: SmtpPeer = { name: nameOf(hosts, end.remote.addr) ?? '', addr: end.remote.addr, port: end.remote.port };
    const socket = d.sockets.find((s) => s.port === end.local.port) ?? d.sockets[0];
    const env = new WorldSmtpEnv(this.w, d.config, {
      tag: d.tag,
      pid: childPid,
      tlsAvailable: () => d.tls.usable && d.creds !== null,
      newQueueId: (seq) => formatQueueId(this.w.clock.now(), seq, childPid),
      peerDescription: peer.name ? `${peer.name} [${peer.addr}]` : `[${peer.addr}]`,
    });
    const server = new SmtpServer({ config: this.smtpConfig(d.config, 'daemon', socket.name), env, peer, conn, trace: this.w.trace });
    d.connections.add(end);
    this.w.trace.emit({ kind: 'net.connect', conn, from: end.remote.addr, to: end.local.addr, port: end.local.port });
    const flush = (): void => {
      const out = server.drainOutput();
      if (out.length > 0) {
        this.w.trace.emit({ kind: 'net.data', conn, dir: 's2c', bytes: out });
        end.send(out);
      }
      if (server.closed && !end.closed) {
        end.close();
        d.connections.delete(end);
        this.w.trace.emit({ kind: 'net.close', conn, by: 'server' });
      }
    };
    // Plain SMTP is answered synchronously; once TLS starts, each packet waits for the
    // one before it (WebCrypto is asynchronous) so records stay in order.
    let tls: StartTls | null = null;
    let queue: Promise<void> = Promise.resolve();
    const intoTls = (bytes: Uint8Array): void => {
      const t = tls!;
      queue = this.#track(queue.then(() => t.fromClient(bytes)).catch(() => end.close()));
    };
    end.attach({
      onData: (bytes) => {
        this.w.trace.emit({ kind: 'net.data', conn, dir: 'c2s', bytes });
        if (tls) return intoTls(bytes);
        server.receive(bytes);
        const hello = server.awaitingTls ? server.takeTlsBytes() : new Uint8Array(0);
        if (hello.length > 0 && d.creds) {
          tls = new StartTls(this.w, d.creds, server, end, conn, d.provider);
          intoTls(hello);
          return;
        }
        flush();
      },
      onClose: () => {
        d.connections.delete(end);
        this.w.trace.emit({ kind: 'net.close', conn, by: 'client' });
        if (tls) queue = this.#track(queue.then(() => server.clientClosed()));
        else server.clientClosed();
      },
    });
    server.start();
    flush();
  }

  /**
   * `sendmail -bs`: the engine on a terminal for the local user root. Debian runs
   * submit.cf (the MSP); `-Am` takes the daemon's sendmail.cf instead, TLS included
   * (test/fixtures/sendmail/commands/sendmail-bs.json, sendmail-Am-bs.json).
   */
  submitSession(useMtaConfig: boolean): { server: SmtpServer; config: MtaConfig } | string {
    const cfPath = useMtaConfig ? '/etc/mail/sendmail.cf' : '/etc/mail/submit.cf';
    const config = loadMtaConfig(this.w.vfs, cfPath);
    if (!config) return `451 4.0.0 ${cfPath}: line 0: cannot open: No such file or directory\n`;
    const pid = this.w.procs.allocate();
    const tls = useMtaConfig ? checkServerTls(this.w.vfs, config.tls).usable : false;  // SIMPLIFIED: key/cert match checked by the daemon only
    const env = new WorldSmtpEnv(this.w, config, {
      tag: 'sendmail',
      pid,
      tlsAvailable: () => tls,
      newQueueId: (seq) => formatQueueId(this.w.clock.now(), seq, pid),
      peerDescription: 'root@localhost',
      submit: !useMtaConfig,
    });
    const peer: SmtpPeer = { name: 'localhost', addr: '127.0.0.1', port: 0 };
    const server = new SmtpServer({ config: this.smtpConfig(config, 'submit', 'MTA'), env, peer, conn: ++this.#conn, trace: this.w.trace });
    return { server, config };
  }
}
