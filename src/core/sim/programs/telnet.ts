/**
 * telnet (Debian bookworm's inetutils-telnet) as far as talking to an SMTP
 * port by hand needs: resolve the name from /etc/hosts, try each address
 * (IPv6 first, as getaddrinfo orders them), print the banner, send each line
 * typed with CRLF, print what comes back, and `^]` for the `telnet>` prompt.
 * Texts and exit codes: test/fixtures/sendmail/commands/telnet-*.
 *
 * SIMPLIFIED: Ctrl-C closes the connection (real telnet sends Telnet's
 * Interrupt Process to the server); the lab says so on screen.
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import { canonicalName, resolveName } from '../hosts.ts';
import { fromLatin1, latin1 } from '../../bytes/index.ts';
import type { WorldServices } from '../services.ts';
import { TelnetTls } from './telnet-tls.ts';

const ESCAPE = '\x1d';

/**
 * `?` at the `telnet>` prompt, as inetutils telnet prints it (test/fixtures/sendmail/texts/telnet-help.json).
 * SIMPLIFIED: of these commands the lab's telnet does open, close and quit (and ?); others say ?Invalid command.
 */
const HELP_ROWS: [string, string][] = [
  ['close', 'close current connection'],
  ['logout', 'forcibly logout remote user and close the connection'],
  ['display', 'display operating parameters'],
  ['mode', "try to enter line or character mode ('mode ?' for more)"],
  ['open', 'connect to a site'],
  ['quit', 'exit telnet'],
  ['send', "transmit special characters ('send ?' for more)"],
  ['set', "set operating parameters ('set ?' for more)"],
  ['unset', "unset operating parameters ('unset ?' for more)"],
  ['status', 'print status information'],
  ['toggle', "toggle operating parameters ('toggle ?' for more)"],
  ['slc', "change state of special characters ('slc ?' for more)"],
  ['auth', "turn on (off) authentication ('auth ?' for more)"],
  ['encrypt', "turn on (off) encryption ('encrypt ?' for more)"],
  ['z', 'suspend telnet'],
  ['!', 'invoke a subshell'],
  ['environ', "change environment variables ('environ ?' for more)"],
  ['?', 'print help information'],
];
export const HELP = `Commands may be abbreviated.  Commands are:\n\n${HELP_ROWS.map(([c, h]) => `${c.padEnd(8)}\t${h}\n`).join('')}`;

/** SIMPLIFIED, and said so on screen: what Ctrl-C does here and what the real telnet does. */
export const LAB_NOTE_CTRL_C =
  "lab: Ctrl-C closed the connection. The real telnet would pass the interrupt to the server and stay connected; leave it with ^] then 'quit'.\n";

function parsePort(p: string | undefined): number | null {
  if (p === undefined) return 23;
  if (p === 'smtp') return 25;
  if (p === 'telnet') return 23;
  if (p === 'submission') return 587;
  return /^\d+$/.test(p) && Number(p) < 65536 ? Number(p) : null;
}

async function session(ctx: CommandContext, w: WorldServices, host: string, portArg: string | undefined): Promise<number> {
  const port = parsePort(portArg);
  if (port === null) {
    ctx.stderr.write(`telnet: could not resolve ${host}/${portArg}: Servname not supported for ai_socktype\n`);
    return 1;
  }
  const addrs = resolveName(w.hosts(), host);
  if (addrs.length === 0) {
    // test/fixtures/sendmail/commands/telnet-unknown-host.stdout (on stdout, two spaces)
    ctx.stdout.write(`Server lookup failure:  ${host}:${portArg ?? 'telnet'}, Name or service not known\n`);
    return 1;
  }
  let socket = null;
  for (const addr of addrs) {
    ctx.stdout.write(`Trying ${addr}...\n`);
    socket = w.net.connect(addr.includes(':') ? '::1' : '127.0.0.1', { addr, port });
    if (socket) break;
    // ../shared/reference/sendmail.md (fresh world): inetutils-telnet's words
    if (addr !== addrs[addrs.length - 1]) ctx.stderr.write('Connection failed: Connection refused\n');
  }
  if (!socket) {
    ctx.stderr.write('telnet: Unable to connect to remote host: Connection refused\n');
    return 1;
  }
  ctx.stdout.write(`Connected to ${canonicalName(w.hosts(), host)}.\n`);
  ctx.stdout.write("Escape character is '^]'.\n");

  let closedByPeer = false;
  let wake: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  // After STARTTLS and its 220, the lab's TLS client takes over (telnet-tls.ts).
  let tls: TelnetTls | null = null;
  let sentStartTls = false;
  let readyForTls = false;
  socket.attach({
    onData: (bytes) => {
      if (tls) return tls.fromServer(bytes);
      const text = fromLatin1(bytes);
      if (sentStartTls && /^220 /m.test(text)) readyForTls = true;
      ctx.stdout.write(text.replace(/\r\n/g, '\n'));
    },
    onClose: () => {
      closedByPeer = true;
      wake();
    },
  });

  const tty = ctx.tty;
  while (!closedByPeer) {
    const line = await Promise.race([
      tty ? tty.readLine({ breakChars: ESCAPE }) : ctx.stdin.readLine(),
      closed.then(() => undefined),
      ctx.signal.whenAborted.then(() => 'interrupt' as const),
    ]);
    if (line === undefined) break; // the server closed the connection
    if (line === 'interrupt' || (line === null && ctx.signal.aborted)) {
      socket.close();
      ctx.stdout.write('Connection closed.\n');
      ctx.stderr.write(LAB_NOTE_CTRL_C);
      return 1;
    }
    if (line === null) {
      // end of input: telnet closes its side
      socket.close();
      ctx.stdout.write('Connection closed.\n');
      return 0;
    }
    if (line.endsWith(ESCAPE)) {
      const before = line.slice(0, -1);
      if (before) socket.send(latin1(before));
      const action = await escapeMode(ctx);
      if (action === 'quit') {
        socket.close();
        ctx.stdout.write('Connection closed.\n');
        return 0;
      }
      continue;
    }
    if (tls) {
      await tls.send(line + '\r\n');
      await Promise.race([tls.quiesce(), closed]);
      continue;
    }
    sentStartTls = /^\s*starttls\s*$/i.test(line);
    socket.send(latin1(line + '\r\n'));
    if (readyForTls) {
      tls = new TelnetTls(w, socket, ctx.stdout, ctx.stderr, host);
      await Promise.race([tls.start().then(() => tls?.quiesce()), closed]);
    }
  }
  if (tls) await tls.quiesce(); // the last records (221, close_notify) before the close
  ctx.stderr.write('Connection closed by foreign host.\n');
  return 0;
}

/** The `telnet>` prompt after `^]`: quit/close end the session; an empty line goes back. */
async function escapeMode(ctx: CommandContext): Promise<'quit' | 'resume'> {
  // a new line after ^] only: after `?` the prompt follows at once (test/fixtures/sendmail/texts/telnet-escape-help.json)
  ctx.stdout.write('\n');
  for (;;) {
    const cmd = ctx.tty ? await ctx.tty.readLine({ prompt: 'telnet> ' }) : await ctx.stdin.readLine();
    if (cmd === null) return 'quit';
    const word = cmd.trim().split(/\s+/)[0] ?? '';
    if (word === '') return 'resume';
    if ('quit'.startsWith(word) || 'close'.startsWith(word)) return 'quit';
    if (word === '?' || 'help'.startsWith(word)) {
      ctx.stdout.write(HELP);
      continue;
    }
    ctx.stdout.write("?Invalid command\n");
  }
}

export function telnet(w: WorldServices): Command {
  return {
    name: 'telnet',
    path: '/usr/bin/telnet',
    usage: 'telnet HOST [PORT]',
    summary: 'Open a plain-text TCP connection (talk SMTP by hand: telnet localhost 25).',
    async run(ctx) {
      const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
      if (args.length > 0) return session(ctx, w, args[0], args[1]);
      // No host: telnet's own prompt (test/fixtures/sendmail/commands/telnet-no-args.*).
      for (;;) {
        const line = ctx.tty ? await ctx.tty.readLine({ prompt: 'telnet> ' }) : await ctx.stdin.readLine();
        if (line === null) return 0;
        const [word = '', host, port] = line.trim().split(/\s+/);
        if (word === '') continue;
        if ('quit'.startsWith(word) || 'close'.startsWith(word)) return 0;
        if ('open'.startsWith(word) && host) return session(ctx, w, host, port);
        if (word === '?' || 'help'.startsWith(word)) {
          ctx.stdout.write(HELP);
          continue;
        }
        ctx.stdout.write('?Invalid command\n');
      }
    },
  };
}
