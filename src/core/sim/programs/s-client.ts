/**
 * `openssl s_client -starttls smtp -connect HOST:PORT ...` (OpenSSL 3.0): the
 * SMTP preamble in clear (greeting, `EHLO mail.example.com`, STARTTLS), a
 * real handshake by the lab's TLS client (tls-client.ts), the verify
 * callback's lines and the report (s-client-report.ts), then what the
 * learner types goes inside TLS, as s_client does it: a line starting with
 * `Q` ends the session (DONE), one starting with `R` asks for renegotiation
 * (so `RCPT TO` needs lower case or -quiet / -ign_eof), `k`/`K` a key update.
 * Texts: test/fixtures/s-client/ (real s_client against the lab's bridge and
 * against real Sendmail; capture.sh there).
 *
 * SIMPLIFIED: -starttls speaks smtp (and lmtp) only; `R` in TLS 1.2 prints
 * what OpenSSL prints when the lab's server refuses (no_renegotiation)
 * without sending a new ClientHello; `k`/`K` print KEYUPDATE but send no
 * KeyUpdate; OpenSSL's error-queue thread id is made from the world's random.
 */
import { fromLatin1, latin1, toHex } from '../../bytes/index.ts';
import type { CommandContext } from '../../shell/types.ts';
import type { CertifiedKey, GroupName, TlsEvent } from '../../tls/index.ts';
import { SUITES_12, SUITES_13, WebCryptoProvider } from '../../tls/index.ts';
import { certificateFacts, pemBlocks } from '../../pki/chain.ts';
import { checkKeyPair } from '../../pki/key-pair.ts';
import { isIpLiteral, resolveName } from '../hosts.ts';
import type { SocketEnd } from '../network.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { parseSClient, type SClientOptions } from './s-client-options.ts';
import { briefReport, fullReport, readCertificateRequest, serverHelloSessionId, serverPointFormats, type SessionFacts } from './s-client-report.ts';
import { PlainReader } from './s-client-plain.ts';
import { BioOut, readTicket12, ticketBlock } from './s-client-tickets.ts';
import { certInfo, nameLine, type CertInfo } from './tls-client-cert.ts';
import { TlsClientSession, connNumber, type HandshakeResult } from './tls-client.ts';
import { VERIFY_TEXT, verifyChain, verifyLines } from './tls-client-verify.ts';

/** A file of the world, or null. */
function read(ctx: CommandContext, path: string): string | null {
  try {
    return ctx.vfs.readText(ctx.shell.resolve(path));
  } catch {
    return null;
  }
}

/** OpenSSL's error-queue prefix: a thread id (`80DBAED4DA7F0000`). */
function threadId(w: WorldServices): string {
  return `80${toHex(w.random.bytes(4)).toUpperCase()}7F0000`;
}

/** The trusted CAs: -CAfile, -CApath and the default /etc/ssl/certs. */
function trustStore(ctx: CommandContext, o: SClientOptions): CertInfo[] {
  const out: CertInfo[] = [];
  const add = (text: string | null) => {
    for (const der of pemBlocks(text ?? '')) {
      const c = certInfo(der);
      if (c) out.push(c);
    }
  };
  if (o.caFile) add(read(ctx, o.caFile));
  const dirs = [o.caPath, o.noDefaultCa ? null : '/etc/ssl/certs'].filter((d): d is string => d !== null);
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = ctx.vfs.readdir(ctx.shell.resolve(dir));
    } catch {
      continue;
    }
    for (const n of names) if (/\.(pem|crt|\d+)$/.test(n)) add(read(ctx, `${dir}/${n}`));
  }
  return out;
}

/** -cert/-key: the client's certificate and key, or the message OpenSSL prints. */
async function clientCredentials(ctx: CommandContext, w: WorldServices, o: SClientOptions, tid: string): Promise<CertifiedKey | string | null> {
  if (!o.cert) return null;
  const keyPath = o.key ?? o.cert;
  const certPem = read(ctx, o.cert);
  const chain = pemBlocks(certPem ?? '');
  if (certPem === null || chain.length === 0) {
    return (
      `Could not open file or uri for loading client certificate from ${o.cert}\n` +
      `${tid}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
      `${tid}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${o.cert})\n` +
      'Unable to load client certificate\n'
    );
  }
  const keyPem = read(ctx, keyPath) ?? '';
  const keyDer = pemBlocks(keyPem, 'PRIVATE KEY')[0];
  if (!keyDer) return `Could not read client certificate private key from ${keyPath}\n`;
  if ((await checkKeyPair(w.subtle, certPem, keyPem)) !== 'match') {
    return `error setting private key\n${tid}:error:05800074:x509 certificate routines:X509_check_private_key:key values mismatch:../crypto/x509/x509_cmp.c:403:\n`;
  }
  const facts = certificateFacts(chain[0]);
  if (!facts) return 'Unable to load client certificate\n';
  const key = await new WebCryptoProvider(w.subtle).importSigningKey(keyDer, facts.keyKind);
  return { chain: [chain[0]], key };
}

/** OpenSSL's reason for an alert: SSL_AD_REASON_OFFSET + the alert, "sslv3 alert" for SSLv3's own alerts. */
function alertReason(alert: number, name: string): string {
  const ssl3 = [10, 20, 30, 40, 41, 42, 43, 44, 45, 46, 47].includes(alert);
  return `0A000${(1000 + alert).toString(16).toUpperCase()}:SSL routines:ssl3_read_bytes:${ssl3 ? 'sslv3' : 'tlsv1'} alert ${name.replace(/_/g, ' ')}:../ssl/record/rec_layer_s3.c:1601:SSL alert number ${alert}`;
}

/**
 * The error line of a failed handshake: the server's alert, or (plain text
 * where a TLS record should be: a server that did not start TLS)
 * "wrong version number" (test/fixtures/s-client/bridge-notls).
 * SIMPLIFIED: the lab client's own other failures print the same line.
 */
function handshakeError(tid: string, error: HandshakeResult['error']): string {
  if (error && error.by === 'server') return `${tid}:error:${alertReason(error.alert, error.name)}\n`;
  return `${tid}:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:350:\n`;
}

/** print_stuff() when no session was set up. */
function failedReport(read: number, written: number): string {
  return (
    '---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\n' +
    `SSL handshake has read ${read} bytes and written ${written} bytes\nVerification: OK\n---\n` +
    'New, (NONE), Cipher is (NONE)\nSecure Renegotiation IS NOT supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\n' +
    'Early data was not sent\nVerify return code: 0 (ok)\n---\n'
  );
}

/** OpenSSL's names of the groups the lab's engine has (SIMPLIFIED: other names are left out). */
const GROUP_NAMES: Record<string, GroupName> = { x25519: 'x25519', 'p-256': 'secp256r1', prime256v1: 'secp256r1', secp256r1: 'secp256r1', 'p-384': 'secp384r1', secp384r1: 'secp384r1' };

function groupList(list: string | null): GroupName[] | undefined {
  if (list === null) return undefined;
  const out = list.split(':').flatMap((n) => (GROUP_NAMES[n.toLowerCase()] ? [GROUP_NAMES[n.toLowerCase()]] : []));
  return out.length ? out : undefined;
}

function connect(ctx: CommandContext, w: WorldServices, o: SClientOptions, tid: string): SocketEnd | null {
  const addrs = resolveName(w.hosts(), o.host);
  const port = /^\d+$/.test(o.port) ? Number(o.port) : o.port === 'smtp' ? 25 : o.port === 'submission' ? 587 : NaN;
  if (addrs.length === 0 || Number.isNaN(port)) {
    // test/fixtures/s-client/README.md: a name /etc/hosts does not have
    ctx.stderr.write(`${tid}:error:10080002:BIO routines:BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:746:Name or service not known\nconnect:errno=22\n`);
    return null;
  }
  for (const addr of addrs) {
    const s = w.net.connect(addr.includes(':') ? '::1' : '127.0.0.1', { addr, port });
    if (s) return s;
  }
  const refused =
    `${tid}:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:117:calling connect()\n` +
    `${tid}:error:10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:119:\n`;
  ctx.stderr.write(refused.repeat(addrs.length) + 'connect:errno=111\n');
  return null;
}

async function run(ctx: CommandContext, w: WorldServices): Promise<number> {
  const parsed = parseSClient(ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.stderr.write(parsed.stderr);
    return parsed.code ?? 1;
  }
  const o = parsed.opts;
  ctx.stderr.write(o.notes);
  const tid = threadId(w);
  const creds = await clientCredentials(ctx, w, o, tid);
  if (typeof creds === 'string') {
    ctx.stderr.write(creds);
    return 1;
  }
  if (o.caFile && read(ctx, o.caFile) === null) {
    ctx.stderr.write(
      `${tid}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${o.caFile}, r)\n` +
        `${tid}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n` +
        `${tid}:error:05880002:x509 certificate routines:X509_load_cert_crl_file_ex:system lib:../crypto/x509/by_file.c:229:\n`,
    );
    return 1;
  }
  const trusted = trustStore(ctx, o);
  const socket = connect(ctx, w, o, tid);
  if (!socket) return 1;
  if (!o.quiet) ctx.stdout.write('CONNECTED(00000003)\n');

  const plain = new PlainReader();
  let tls: TlsClientSession | null = null;
  let closed = false;
  let wakeClosed: () => void = () => {};
  const closedP = new Promise<void>((r) => (wakeClosed = r));
  socket.attach({
    onData: (bytes) => (tls ? tls.fromServer(bytes) : plain.push(bytes)),
    onClose: () => {
      closed = true;
      plain.close();
      tls?.serverClosed();
      wakeClosed();
    },
  });
  let written = 0;
  const sendPlain = (text: string): void => {
    written += text.length;
    socket.send(latin1(text));
  };

  // The SMTP preamble (s_client.c, PROTO_SMTP): greeting, EHLO, STARTTLS.
  let mbuf = '';
  if (o.starttls === 'smtp' || o.starttls === 'lmtp') {
    let l: string | null;
    do l = await plain.line();
    while (l !== null && l.length > 3 && l[3] === '-');
    sendPlain(`${o.starttls === 'lmtp' ? 'LHLO' : 'EHLO'} ${o.ehloName}\r\n`);
    let found = false;
    do {
      l = await plain.line();
      if (l !== null) mbuf = l;
      if (l?.includes('STARTTLS')) found = true;
    } while (l !== null && l.length > 3 && l[3] === '-');
    if (!found) ctx.stderr.write("Didn't find STARTTLS in server response, trying anyway...\n");
    sendPlain('STARTTLS\r\n');
    await plain.chunk();
  } else if (o.starttls !== null) {
    ctx.stderr.write(`lab: s_client here speaks -starttls smtp and lmtp only, not ${o.starttls}.\n`);
    socket.close();
    return 1;
  }

  const sni = o.noServername ? undefined : (o.servername ?? (!isIpLiteral(o.host) && o.host.includes('.') ? o.host : undefined));
  let chainDer: readonly Uint8Array[] = [];
  const groups = groupList(o.groups);
  // After the report, stdout in the order things arrive: application data at once, bio_c_out buffered (s-client-tickets.ts).
  const cout = new BioOut(ctx.stdout, ctx.tty !== undefined && ctx.tty !== null);
  let inOrder: Promise<void> = Promise.resolve();
  const then = (f: () => void | Promise<void>): void => void (inOrder = inOrder.then(f));
  const tickets: Uint8Array[] = [];
  let onTicket = (raw: Uint8Array): void => void tickets.push(raw);
  const pick = <T extends { openssl: string }>(list: string | null, all: Iterable<T>): T[] | undefined =>
    list === null ? undefined : [...all].filter((s) => list.split(':').includes(s.openssl));
  const session = new TlsClientSession(
    w,
    socket,
    {
      serverName: sni,
      versions: o.versions,
      suites12: pick(o.cipher12, SUITES_12.values()),
      suites: pick(o.ciphersuites, SUITES_13.values()),
      clientCertificate: creds ?? undefined,
      sessionTicket: true,
      // -groups: supported_groups in that order, a key share for the first (as OpenSSL's client)
      ...(groups ? { groups, keyShares: groups.slice(0, 1) } : {}),
      verifyServer: async (chain) => {
        chainDer = chain;
        return { ok: true };
      },
    },
    {
      onData: (d) => then(() => ctx.stdout.write(fromLatin1(d))),
      onTicket: (raw) => onTicket(raw),
      onAlert: (out) => {
        if (out.error && out.error.by === 'server') ctx.stderr.write(`${tid}:error:${alertReason(out.error.alert, out.error.name)}\n`);
      },
    },
    connNumber(w, socket),
  );
  tls = session;
  const started = session.start();
  // Without -starttls the greeting came in before the ClientHello went out: TLS reads it.
  const early = plain.drain();
  if (early.length > 0) session.fromServer(early);
  const result = await started;
  if (!result.ok) {
    ctx.stderr.write(handshakeError(tid, result.error));
    if (!o.quiet) {
      const b = session.conn.byteCounts;
      // On a record that is not TLS, OpenSSL has read its 5-byte header and stops there.
      const tlsRead = result.error?.by === 'server' ? b.read : Math.min(5, b.read);
      ctx.stdout.write(failedReport(plain.bytesRead + tlsRead, written + b.written));
    }
    socket.close();
    return 1;
  }
  if (sni === undefined && !o.noServername) ctx.stderr.write("Can't use SSL_get_servername\n");
  const n = session.negotiated!;
  const chain = chainDer.map((d) => certInfo(d)).filter((c): c is CertInfo => c !== null);
  const verdict = await verifyChain(w.subtle, chain, trusted, w.clock.now(), o.verifyHostname ?? undefined);
  ctx.stderr.write(verifyLines(verdict.calls, o.brief));
  const crMsg = session.events.find((e): e is Extract<TlsEvent, { kind: 'tls.message' }> => e.kind === 'tls.message' && e.dir === 'received' && e.type === 13);
  const certRequest = crMsg ? readCertificateRequest(crMsg.raw, n.version) : null;
  const master = session.events.find((e): e is Extract<TlsEvent, { kind: 'tls.secret' }> => e.kind === 'tls.secret' && e.name === 'masterSecret');
  const bytes = session.conn.byteCounts;
  const nst = n.version === 'TLSv1.2' ? session.events.find((e): e is Extract<TlsEvent, { kind: 'tls.message' }> => e.kind === 'tls.message' && e.dir === 'received' && e.type === 4) : undefined;
  const ticket12 = nst ? readTicket12(nst.raw) : undefined;
  const facts: SessionFacts = {
    negotiated: n, chain, verdict, certRequest,
    caNames: (certRequest?.authorities ?? []).map(nameLine),
    read: plain.bytesRead + bytes.read, written: written + bytes.written,
    // with a TLS 1.2 ticket OpenSSL's client makes the session id SHA-256 of the ticket (kit/tls12.stdout)
    sessionId: ticket12 ? new Uint8Array(await w.subtle.digest('SHA-256', ticket12.ticket.slice())) : serverHelloSessionId(session.events),
    masterSecret: master?.value, ticket12,
    startTime: Math.floor(w.clock.now() / 1000), showcerts: o.showcerts,
    pointFormats: n.version === 'TLSv1.2' ? serverPointFormats(session.events) : undefined,
  };
  if (o.brief) ctx.stderr.write(briefReport(facts));
  else if (!o.quiet) ctx.stdout.write(fullReport(facts));
  if (mbuf) ctx.stderr.write(mbuf);
  if (!o.quiet && !o.brief && n.version === 'TLSv1.3') {
    const tf = { negotiated: n, events: session.events, subtle: w.subtle, startTime: facts.startTime, verifyCode: `${verdict.code} (${VERIFY_TEXT[verdict.code]})` };
    onTicket = (raw) => then(async () => cout.write(await ticketBlock(raw, tf)));
    for (const raw of tickets.splice(0)) onTicket(raw);
  }
  const quiesce = async (): Promise<void> => {
    await session.quiesce();
    await inOrder;
  };
  await quiesce();
  const rc = await interact(ctx, o, session, quiesce, cout, tid, () => closed, closedP);
  await inOrder;
  if (rc !== 130) cout.flush(); // a signal kills it with its stdio buffer
  if (!socket.closed) socket.close(); // the process ends: its TCP connection with it
  return rc;
}

async function interact(
  ctx: CommandContext, o: SClientOptions, s: TlsClientSession, quiesce: () => Promise<void>, cout: BioOut, tid: string, isClosed: () => boolean, closed: Promise<void>,
): Promise<number> {
  const eol = o.crlf ? '\r\n' : '\n';
  // SSL_ERROR_ZERO_RETURN: the server's close_notify ends the session ("closed" goes to bio_c_out, null under -quiet).
  const ended = async (): Promise<number> => {
    await quiesce(); // what came before the close prints first
    if (!o.quiet && s.events.some((e) => e.kind === 'tls.closed' && e.by === 'server')) cout.write('closed\n');
    return 0;
  };
  for (;;) {
    if (isClosed() || s.conn.status !== 'connected') return await ended();
    const line = await Promise.race([ctx.tty ? ctx.tty.readLine() : ctx.stdin.readLine(), closed.then(() => undefined), ctx.signal.whenAborted.then(() => 'interrupt' as const)]);
    if (line === 'interrupt' || (line === null && ctx.signal.aborted)) {
      // SIGINT ends s_client at once: no DONE, no close_notify; the shell reports the signal.
      s.abandon();
      return 130;
    }
    if (line === undefined) {
      await quiesce();
      return await ended();
    }
    if (line === null) {
      if (o.ignEof && !ctx.signal.aborted) {
        // SIMPLIFIED: the real s_client waits for the server to close; the lab waits until nothing moves, then closes.
        await Promise.race([quiesce(), closed]);
      } else ctx.stderr.write('DONE\n');
      await s.close();
      await quiesce();
      return 0;
    }
    if (!o.ignEof && o.cmdletters) {
      const c = line[0];
      if (c === 'Q') {
        ctx.stderr.write('DONE\n');
        await s.close();
        await quiesce();
        return 0;
      }
      if (c === 'R') {
        ctx.stderr.write('RENEGOTIATING\n');
        ctx.stderr.write(
          s.negotiated?.version === 'TLSv1.3'
            ? `${tid}:error:0A00010A:SSL routines:can_renegotiate:wrong ssl version:../ssl/ssl_lib.c:2287:\n`
            : `${tid}:error:0A00044C:SSL routines:ssl3_read_bytes:tlsv1 alert no renegotiation:../ssl/record/rec_layer_s3.c:1601:SSL alert number 100\n`,
        );
        return 1;
      }
      if (c === 'k' || c === 'K') {
        ctx.stderr.write('KEYUPDATE\n');
        continue;
      }
    }
    await s.send(latin1(line + eol));
    await Promise.race([quiesce(), closed]);
    await quiesce();
  }
}

export const sClient: OpensslSubcommand = {
  name: 's_client',
  summary: 'Connect to a TLS server (with -starttls smtp: STARTTLS first) and show the handshake.',
  run,
};
