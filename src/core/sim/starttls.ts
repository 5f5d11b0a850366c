/**
 * STARTTLS in the world: after Sendmail's `220 2.0.0 Ready to start TLS` the
 * connection's bytes go through core/tls (a real TLS 1.3 / 1.2 server on
 * WebCrypto) and the decrypted lines through the same SmtpServer. core/smtp
 * and core/tls never meet; this file joins them.
 *
 *   client bytes ─► TlsConnection.receive ─► appData ─► SmtpServer.receive
 *   client       ◄─ TlsConnection.send    ◄─ replies ◄─ SmtpServer.drainOutput
 *
 * The server presents ServerCertFile with the CA of CACertFile after it (as
 * Sendmail does when CACertFile is set), asks for a client certificate, and
 * reports {verify}: NO without one, OK when its chain verifies as OpenSSL
 * would against the trusted CAs (CACertFile, CACertPath; core/pki/verify.ts),
 * FAIL otherwise, with the certificate's
 * {cert_subject}, {cert_issuer}, {cn_subject} and {cn_issuer} (policy-dn.ts), which
 * the SmtpServer hands to tls_client and check_rcpt's RelayTLS.
 * As real Sendmail on OpenSSL 3.0 (test/fixtures/s-client/kit): P-256 only
 * (a HelloRetryRequest for an X25519 key share), OpenSSL's default
 * CertificateRequest lists, two TLS 1.3 session tickets after the handshake,
 * one TLS 1.2 ticket (RFC 5077) with an empty session id.
 * SIMPLIFIED: the tickets are random bytes of OpenSSL's lengths without a
 * client certificate (the lab never resumes a session); a TLS 1.2 client
 * without P-256 fails (real Sendmail falls back to finite-field DHE,
 * test/fixtures/s-client/kit/groups-x25519-tls12.stdout).
 */
import { TlsConnection, WebCryptoProvider, type ServerConfig, type TlsOutput } from '../tls/index.ts';
import { certificateFacts, pemBlocks } from '../pki/chain.ts';
import { plainPkcs8 } from '../pki/keys.ts';
import { verifyChain } from '../pki/verify.ts';
import type { SmtpServer } from '../smtp/index.ts';
import type { Vfs } from '../vfs/index.ts';
import type { MtaConfig } from './mta-config.ts';
import type { WorldServices } from './services.ts';
import type { SocketEnd } from './network.ts';
import { certNames } from './policy-dn.ts';

/** What real Sendmail 8.17 on OpenSSL 3.0 sends after a TLS 1.3 handshake (kit/tls13.stdout). */
const SENDMAIL_TICKETS = { count: 2, lifetime: 1, ticketLength: 208, ticketLength12: 176 } as const;

interface Credentials {
  server: ServerConfig;
  trusted: Uint8Array[];
}

function readOr(vfs: Vfs, path: string | undefined): string {
  if (!path) return '';
  try {
    return vfs.readText(path);
  } catch {
    return '';
  }
}

/** The CA certificates Sendmail trusts: CACertFile and the *.pem / hashed files of CACertPath. */
function trustedCas(vfs: Vfs, tls: MtaConfig['tls']): Uint8Array[] {
  const out = pemBlocks(readOr(vfs, tls.caCertFile));
  if (tls.caCertPath) {
    let names: string[] = [];
    try {
      names = vfs.readdir(tls.caCertPath);
    } catch {
      names = [];
    }
    for (const n of names) if (/\.(pem|crt|\d+)$/.test(n)) out.push(...pemBlocks(readOr(vfs, `${tls.caCertPath}/${n}`)));
  }
  return out;
}

/** What the daemon loaded at start, or null when a file does not parse (then no TLS). */
export async function loadCredentials(w: WorldServices, config: MtaConfig, provider: WebCryptoProvider): Promise<Credentials | null> {
  const chain = pemBlocks(readOr(w.vfs, config.tls.certFile));
  // PKCS#8 or the traditional RSA/EC forms, as OpenSSL's loader reads an unencrypted key
  const keyDer = plainPkcs8(readOr(w.vfs, config.tls.keyFile));
  const facts = chain[0] ? certificateFacts(chain[0]) : null;
  if (!facts || !keyDer) return null;
  const cas = pemBlocks(readOr(w.vfs, config.tls.caCertFile));
  try {
    const key = await provider.importSigningKey(keyDer, facts.keyKind);
    const caNames = cas.map((c) => certificateFacts(c)?.subjectDer).filter((d): d is Uint8Array => d !== undefined);
    return {
      server: {
        certified: { chain: [...chain, ...cas], key }, requestClientCertificate: true, certificateAuthorities: caNames,
        // Sendmail sets a P-256 temporary ECDH key: prime256v1 only, so OpenSSL's default
        // client (X25519 key share first) gets a HelloRetryRequest (test/fixtures/s-client/kit).
        groups: ['secp256r1'],
        // OpenSSL 3.0's two TLS 1.3 tickets after the handshake, Sendmail's 1-second
        // session timeout as the lifetime hint, 208-byte tickets (kit/tls13.stdout).
        // TLS 1.2: one 176-byte ticket, and an empty session id (no server session cache): kit/tls12.stdout
        sessionTickets: SENDMAIL_TICKETS, sessionCache: false,
      },
      trusted: trustedCas(w.vfs, config.tls),
    };
  } catch {
    return null;
  }
}

/** One connection's TLS layer, once the client's first TLS bytes have come. */
export class StartTls {
  readonly #conn: TlsConnection;
  #started = false;

  constructor(
    private readonly w: WorldServices,
    private readonly creds: Credentials,
    private readonly smtp: SmtpServer,
    private readonly end: SocketEnd,
    private readonly connId: number,
    provider: WebCryptoProvider,
  ) {
    this.#conn = TlsConnection.server(creds.server, {
      provider,
      random: w.random,
      onEvent: (event) => w.trace.emit({ kind: 'tls.event', conn: connId, event }),
    });
  }

  /** Bytes from the client: handshake, then records carrying SMTP. */
  async fromClient(bytes: Uint8Array): Promise<void> {
    const out = await this.#conn.receive(bytes);
    this.#send(out);
    if (!this.#started && out.status === 'connected') await this.#handshakeDone();
    for (const data of out.appData) this.smtp.receive(data);
    await this.#flush();
    if (out.status === 'failed' || out.status === 'closed') {
      if (!this.#started) this.smtp.tlsFailed(opensslReason(out));
      this.end.close();
    }
  }

  async #handshakeDone(): Promise<void> {
    this.#started = true;
    const n = this.#conn.negotiated!;
    const leaf = n.peerCertificates[0];
    // Sendmail accepts any chain during the handshake and reads OpenSSL's verify result
    // afterwards (SSL_get_verify_result): X509_V_OK gives OK, anything else FAIL.
    const verdict = leaf
      ? await verifyChain(leaf, { trusted: this.creds.trusted, untrusted: n.peerCertificates.slice(1), atTime: this.w.clock.now() }, this.w.subtle)
      : null;
    const verify = !verdict ? 'NO' : verdict.ok ? 'OK' : 'FAIL';
    // {cert_subject}, {cert_issuer}, {cn_subject}, {cn_issuer} for the access map (policy-dn.ts)
    const names = leaf ? certNames(leaf) : null;
    this.smtp.tlsStarted({ version: n.version, cipher: n.cipher, bits: n.bits, verify, ...(names ?? {}) });
  }

  /** SMTP replies go out inside TLS records; a closing server sends close_notify first. */
  async #flush(): Promise<void> {
    const replies = this.smtp.drainOutput();
    if (replies.length > 0) this.#send(await this.#conn.send(replies));
    if (this.smtp.closed && !this.end.closed) {
      this.#send(await this.#conn.close());
      this.end.close();
    }
  }

  #send(out: TlsOutput): void {
    if (out.send.length > 0) {
      this.w.trace.emit({ kind: 'net.data', conn: this.connId, dir: 's2c', bytes: out.send });
      this.end.send(out.send);
    }
  }
}

/** SSLv3's own alerts; OpenSSL names the others (TLS 1.0 and later) "tlsv1 alert ..." (ssl_err.c). */
const SSL3_ALERTS = [0, 10, 20, 30, 40, 41, 42, 43, 44, 45, 46, 47];

/** Sendmail logs OpenSSL's reason string for a failed SSL_accept(). */
function opensslReason(out: TlsOutput): string {
  const name = out.error?.name ?? '';
  if (out.error?.by === 'client' || out.error?.by === undefined) {
    if (!name) return 'unexpected eof while reading';
    return `${SSL3_ALERTS.includes(out.error?.alert ?? -1) ? 'sslv3' : 'tlsv1'} alert ${name.replace(/_/g, ' ')}`;
  }
  // the engine's own reason (OpenSSL's wording, e.g. "no suitable key share"), without its alert name
  return out.error.reason.replace(`${name}: `, '') || name.replace(/_/g, ' ');
}
