/**
 * swaks (20201014.0 as in Debian bookworm): one whole SMTP transaction,
 * printed as swaks prints it: `=== ` its own notes, ` -> ` / `<-  ` in clear,
 * ` ~> ` / `<~  ` inside TLS, `<** ` / `<~* ` for an unexpected reply, `*** `
 * errors on stderr; exit codes 2 (connect), 21-27 (the failed step), 29
 * (TLS). With --tls the lab's own TLS client (tls-client.ts) runs the
 * handshake. Date and Message-Id come from the world's clock and the
 * process's pid. Captures: test/fixtures/swaks/ (real swaks against real
 * Sendmail and against the lab's bridge).
 *
 * SIMPLIFIED: without --server the domain of the first recipient is the
 * server (swaks looks up its MX); IO::Socket::INET6 tries the first address
 * only, as captured (localhost is ::1 first, where Sendmail does not listen).
 */
import { fromLatin1, latin1 } from '../../bytes/index.ts';
import type { Command, CommandContext } from '../../shell/types.ts';
import type { CertifiedKey, VersionName } from '../../tls/index.ts';
import { WebCryptoProvider } from '../../tls/index.ts';
import { certificateFacts, pemBlocks } from '../../pki/chain.ts';
import { canonicalName, resolveName } from '../hosts.ts';
import type { SocketEnd } from '../network.ts';
import type { WorldServices } from '../services.ts';
import { parseSwaks, type SwaksOptions } from './swaks-options.ts';
import { certInfo, type CertInfo } from './tls-client-cert.ts';
import { TlsClientSession, connNumber } from './tls-client.ts';
import { verifyChain } from './tls-client-verify.ts';

const VERSION = '20201014.0';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** get_date_string() with Date::Manip: `Sat, 28 Nov 2026 15:33:59 +0000` (the world runs in UTC). */
export function swaksDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** get_messageid(): `20261128153359.005709@vm.example.test`. */
export function swaksMessageId(ms: number, pid: number, host: string): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}.${String(pid).padStart(6, '0')}@${host}`;
}

/** The message swaks sends after DATA (its default template, --header replacing or adding lines, --body). */
export function swaksData(o: SwaksOptions, from: string, to: string, date: string, messageId: string): string {
  const headers: [string, string][] = [
    ['Date', `Date: ${date}`], ['To', `To: ${to}`], ['From', `From: ${from}`], ['Subject', `Subject: test ${date}`],
    ['Message-Id', `Message-Id: <${messageId}>`], ['X-Mailer', `X-Mailer: swaks v${VERSION} jetmore.org/john/code/swaks/`],
  ];
  const added: string[] = [];
  for (const line of o.headers.flatMap((h) => h.split('\\n'))) {
    const name = /^([^:]+):/.exec(line)?.[1];
    const at = name === undefined ? -1 : headers.findIndex(([n]) => n === name);
    if (at >= 0) headers[at][1] = line;
    else added.push(line);
  }
  const body = (o.body ?? 'This is a test mailing').replace(/\\n/g, '\r\n').replace(/^\./gm, '..');
  return [...headers.map(([, l]) => l), ...added].map((l) => l + '\r\n').join('') + '\r\n' + body + '\r\n\r\n\r\n.';
}

/** One connection: replies read line by line, from clear text or from inside TLS. */
class Link {
  #buf = '';
  #closed = false;
  #wake: () => void = () => {};
  tls: TlsClientSession | null = null;

  constructor(
    private readonly ctx: CommandContext,
    readonly socket: SocketEnd,
  ) {
    socket.attach({
      onData: (bytes) => (this.tls ? this.tls.fromServer(bytes) : this.push(bytes)),
      onClose: () => {
        const closed = (): void => {
          this.#closed = true;
          this.#wake();
        };
        // records still being opened (the 221 with close_notify) come first
        if (this.tls) {
          this.tls.serverClosed();
          void this.tls.quiesce().then(closed);
        } else closed();
      },
    });
  }

  push(bytes: Uint8Array): void {
    this.#buf += fromLatin1(bytes);
    this.#wake();
  }

  /** ptrans(): each line of `m` with the prefix of its kind. */
  print(kind: 'info' | 'error' | 'send' | 'recv' | 'recv-error', m: string): void {
    const t = this.tls !== null;
    const f = { info: '===', error: '***', send: t ? ' ~>' : ' ->', recv: t ? '<~ ' : '<- ', 'recv-error': t ? '<~*' : '<**' }[kind];
    (kind === 'error' ? this.ctx.stderr : this.ctx.stdout).write(`${f} ${m.replace(/\n/g, `\n${f} `)}\n`);
  }

  /** One reply (all its lines), or null when the server closed. */
  async reply(): Promise<string | null> {
    const lines: string[] = [];
    for (;;) {
      while (!this.#buf.includes('\n')) {
        if (this.#closed) return null;
        await new Promise<void>((r) => (this.#wake = r));
      }
      const i = this.#buf.indexOf('\n');
      const l = this.#buf.slice(0, i).replace(/\r$/, '');
      this.#buf = this.#buf.slice(i + 1);
      lines.push(l);
      if (!(l.length > 3 && l[3] === '-')) return lines.join('\n');
    }
  }

  async send(text: string): Promise<void> {
    if (this.tls) await this.tls.send(latin1(text));
    else this.socket.send(latin1(text));
  }
}

class Exit {
  constructor(readonly code: number) {}
}

async function transaction(ctx: CommandContext, w: WorldServices, o: SwaksOptions, link: Link, to: string, from: string, helo: string): Promise<void> {
  /** transact(): send, read the reply, print it; ok when a line starts with `expect `. */
  const transact = async (send: string | null, expect: string): Promise<{ ok: boolean; text: string }> => {
    if (send !== null) {
      link.print('send', send);
      await link.send(send + '\r\n');
    }
    const text = await link.reply();
    if (text === null) {
      link.print('error', 'Remote host closed connection unexpectedly.');
      throw new Exit(6);
    }
    const ok = new RegExp(`^${expect} `, 'm').test(text);
    link.print(ok ? 'recv' : 'recv-error', text);
    return { ok, text };
  };
  const quit = async (code: number): Promise<never> => {
    await transact('QUIT', '221');
    link.print('info', 'Connection closed with remote host.');
    if (link.tls) await link.tls.close();
    link.socket.close();
    throw new Exit(code);
  };
  const ehlo = async (code: number): Promise<boolean> => {
    const r = await transact(`EHLO ${helo}`, '250');
    if (!r.ok) await quit(code);
    return r.text.split('\n').some((l) => l.slice(4) === 'STARTTLS');
  };

  if (!(await transact(null, '220')).ok) await quit(21);
  if (o.quitAfter === 'connect') await quit(0);
  const starttls = await ehlo(22);
  if (o.quitAfter === 'first-helo') await quit(0);
  if (o.tls) {
    if (!starttls) {
      link.print('error', 'Host did not advertise STARTTLS');
      await quit(29);
    }
    if (!(await transact('STARTTLS', '220')).ok || !(await startTls(ctx, w, o, link))) {
      link.print('error', 'STARTTLS attempted but failed');
      link.socket.close();
      throw new Exit(29);
    }
  }
  if (o.quitAfter === 'tls') await quit(0);
  if (link.tls) await ehlo(32);
  if (o.quitAfter === 'helo' || o.quitAfter === 'auth') await quit(0);
  if (!(await transact(`MAIL FROM:<${from}>`, '250')).ok) await quit(23);
  if (o.quitAfter === 'mail') await quit(0);
  const rcpts = to.split(',');
  let failed = 0;
  for (const r of rcpts) if (!(await transact(`RCPT TO:<${r}>`, '250')).ok) failed++;
  if (failed === rcpts.length) await quit(24);
  if (o.quitAfter === 'rcpt') await quit(0);
  if (!(await transact('DATA', '354')).ok) await quit(25);
  const now = w.clock.now();
  const date = swaksDate(now);
  const host = canonicalName(w.hosts(), ctx.host.hostname);
  if (!(await transact(swaksData(o, from, to, date, swaksMessageId(now, ownPid(ctx), host)), '250')).ok) await quit(26);
  await quit(0);
}

/** The pid the shell gave this swaks (its `ps` line). */
function ownPid(ctx: CommandContext): number {
  const mine = ctx.host.processes().filter((p) => p.command === ctx.argv.join(' '));
  return mine.length > 0 ? Math.max(...mine.map((p) => p.pid)) : 0;
}

function read(ctx: CommandContext, path: string): string | null {
  try {
    return ctx.vfs.readText(ctx.shell.resolve(path));
  } catch {
    return null;
  }
}

/** The CA certificates of --tls-ca-path (a file or a directory) or of /etc/ssl/certs. */
function caCerts(ctx: CommandContext, path: string | null): CertInfo[] {
  const p = ctx.shell.resolve(path ?? '/etc/ssl/certs');
  let texts: string[] = [];
  try {
    texts = ctx.vfs.stat(p).type === 'dir' ? ctx.vfs.readdir(p).map((n) => read(ctx, `${p}/${n}`) ?? '') : [read(ctx, p) ?? ''];
  } catch {
    texts = [];
  }
  return texts.flatMap((t) => pemBlocks(t)).map((d) => certInfo(d)).filter((c): c is CertInfo => c !== null);
}

async function startTls(ctx: CommandContext, w: WorldServices, o: SwaksOptions, link: Link): Promise<boolean> {
  let clientCertificate: CertifiedKey | undefined;
  let local: CertInfo | null = null;
  if (o.tlsCert && o.tlsKey) {
    const der = pemBlocks(read(ctx, o.tlsCert) ?? '')[0];
    const keyDer = pemBlocks(read(ctx, o.tlsKey) ?? '', 'PRIVATE KEY')[0];
    const facts = der ? certificateFacts(der) : null;
    if (der && keyDer && facts) {
      clientCertificate = { chain: [der], key: await new WebCryptoProvider(w.subtle).importSigningKey(keyDer, facts.keyKind) };
      local = certInfo(der);
    }
  }
  const versions = (o.tlsProtocol ?? 'tlsv1_2,tlsv1_3')
    .split(/,\s*/)
    .map((p): VersionName | null => (/^tlsv1_2$/i.test(p) ? 'TLSv1.2' : /^tlsv1_3$/i.test(p) ? 'TLSv1.3' : null))
    .filter((v): v is VersionName => v !== null);
  let peer: CertInfo | null = null;
  const session = new TlsClientSession(
    w,
    link.socket,
    {
      versions: versions.length > 0 ? versions : undefined,
      clientCertificate,
      verifyServer: async (chain) => {
        const infos = chain.map((d) => certInfo(d)).filter((c): c is CertInfo => c !== null);
        peer = infos[0] ?? null;
        if (!o.tlsVerify) return { ok: true };
        const v = await verifyChain(w.subtle, infos, caCerts(ctx, o.tlsCaPath), w.clock.now());
        return v.code === 0 ? { ok: true } : { ok: false, alert: v.code === 10 ? 'certificate_expired' : 'unknown_ca', reason: 'certificate verify failed' };
      },
    },
    { onData: (d) => link.push(d) },
    connNumber(w, link.socket),
  );
  link.tls = session;
  const r = await session.start();
  if (!r.ok) {
    link.tls = null;
    const why = r.error?.by === 'client' ? 'certificate verify failed' : (r.error?.name ?? 'unexpected eof while reading').replace(/_/g, ' ');
    link.print('error', `TLS startup failed (connect(): error:0A000086:SSL routines::${why})`);
    return false;
  }
  const n = session.negotiated!;
  link.print('info', `TLS started with cipher ${n.version}:${n.cipher}:${n.bits}`);
  link.print('info', local ? `TLS local DN="${local.subjectSlash}"` : 'TLS no local certificate set');
  link.print('info', `TLS peer DN="${(peer as CertInfo | null)?.subjectSlash ?? ''}"`);
  return true;
}

async function run(ctx: CommandContext, w: WorldServices): Promise<number> {
  const parsed = parseSwaks(ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.stderr.write(parsed.stderr);
    return parsed.code;
  }
  const o = parsed.opts;
  if (o.tls && ((o.tlsCert !== null) !== (o.tlsKey !== null))) {
    ctx.stderr.write('*** --tls-cert and --tls-key require each other.  Exiting\n');
    return 1;
  }
  if (o.tls && o.tlsCaPath !== null && !ctx.vfs.exists(ctx.shell.resolve(o.tlsCaPath))) {
    ctx.stderr.write(`*** --tls-ca-path: ${o.tlsCaPath} is not a valid file or directory.  Exiting.\n`);
    return 1;
  }
  const host = canonicalName(w.hosts(), ctx.host.hostname);
  let to = o.to;
  if (to === null && o.quitAfter === null) {
    // "To: " prompt, answered on stdin
    ctx.stdout.write('To: ');
    to = ((ctx.tty ? await ctx.tty.readLine() : await ctx.stdin.readLine()) ?? '').trim();
  }
  to ??= '';
  const from = o.from ?? `${ctx.env.get('USER') ?? 'root'}@${host}`;
  const server = o.server ?? (to.split('@')[1] || 'localhost');
  const port = o.port ?? 25;
  const out = { print: (m: string) => ctx.stdout.write(`=== ${m}\n`) };
  out.print(`Trying ${server}:${port}...`);
  const addr = resolveName(w.hosts(), server)[0];
  const socket = addr === undefined ? null : w.net.connect(addr.includes(':') ? '::1' : '127.0.0.1', { addr, port });
  if (!socket) {
    const why = addr === undefined ? 'getaddrinfo: Name or service not known' : 'connect: Connection refused';
    ctx.stderr.write(`*** Error connecting to ${server}:${port}:\n*** \tIO::Socket::INET6: ${why}\n`);
    return 2;
  }
  out.print(`Connected to ${server}.`);
  const link = new Link(ctx, socket);
  try {
    await transaction(ctx, w, o, link, to, from, o.helo ?? host);
    return 0;
  } catch (e) {
    if (e instanceof Exit) {
      if (link.tls) await link.tls.quiesce();
      return e.code;
    }
    throw e;
  }
}

export function swaks(w: WorldServices): Command {
  return {
    name: 'swaks',
    usage: 'swaks --server HOST [--port P] --from A --to A [--tls] [--tls-verify] [--quit-after STEP]',
    summary: 'Swiss Army Knife for SMTP: send one test message (with --tls, through STARTTLS).',
    manual:
      'swaks runs one whole SMTP transaction and prints it: lines starting with " -> " are what swaks sent, "<-  " what the server answered; after --tls has started TLS they become " ~> " and "<~  ". Lines starting with "===" are swaks\'s own notes, "***" its errors.\n\n' +
      'Options the lab knows: --server HOST[:PORT], --port P, --from ADDRESS, --to ADDRESS[,ADDRESS...], --helo NAME, --tls, --tls-verify, --tls-ca-path FILE|DIR, --tls-cert FILE --tls-key FILE, --tls-protocol tlsv1_2|tlsv1_3, --quit-after CONNECT|FIRST-HELO|TLS|HELO|MAIL|RCPT, --body TEXT, --header "Name: value".\n\n' +
      'Exit status: 0 when the message was accepted; 2 when the connection failed; 21 to 27 for the step that failed (banner, EHLO, MAIL, RCPT, DATA, the message, QUIT); 29 when TLS could not start.',
    run: (ctx) => run(ctx, w),
  };
}
