/**
 * The SMTP engine's contracts: what a Sendmail configuration tells the engine
 * (SmtpConfig), who is at the other end (SmtpPeer), and the world behind one
 * connection (SmtpEnv: clock, queue ids, syslog, users and aliases, class w,
 * relaying, delivery). core/sim implements SmtpEnv; tests use
 * test/helpers/smtp-env.ts.
 */

/** Sendmail's configuration as the SMTP server sees it (read from sendmail.cf / submit.cf). */
export interface SmtpConfig {
  /** $j, e.g. 'mail.example.test'. */
  hostname: string;
  /**
   * SmtpGreetingMessage with its macros not yet expanded, e.g. '$j Sendmail $v/$Z; $b'
   * (upstream) or Debian's '$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging
   * access from: ${client_name}(${client_resolve})-$_$.'. The engine expands it at
   * connection time ($b is the date) and inserts 'ESMTP' after the first word.
   */
  greetingTemplate: string;
  /** $v/$Z, e.g. '8.17.1.9/8.17.1.9/Debian-2+deb12u2' ($v is the part before the first '/'). */
  version: string;
  /**
   * 'daemon': a connection accepted by `sendmail -bd` (the client is named `host [addr]`,
   * log lines carry daemon=). 'submit': SMTP on stdin (`sendmail -bs`, also `-Am -bs`):
   * the client is `root@localhost`, no daemon=, "during connection to stdin".
   */
  mode: 'daemon' | 'submit';
  /** MaxMessageSize; null (or 0) advertises a bare '250-SIZE' and sets no limit. */
  maxMessageSize: number | null;
  /** AuthMechanisms that SASL offers; [] → no 250-AUTH line. */
  authMechanisms: readonly string[];
  /** PrivacyOptions, lower-cased names ('needmailhelo', 'goaway', 'noexpn', ...). */
  privacy: ReadonlySet<string> | readonly string[];
  /** The DaemonPortOptions Name= of the listening socket ('MTA', 'MTA-v4'): daemon= in log lines. */
  daemonName: string;
  /** RejectNUL (Debian bookworm sets it true): NUL bytes in DATA are refused. Default true. */
  rejectNul?: boolean;
  /**
   * Unqualified senders (`MAIL FROM:<alice>`) get $j added and pass check_mail, as in a
   * stock Debian install (fresh/mail-no-domain.json). False (the default) for a
   * sendmail.mc with FEATURE(`nocanonify'), like the reference world: 553 Domain name required.
   * (sendmail.cf built with nocanonify contains a line `$Id: nocanonify.m4`.)
   */
  acceptUnqualifiedSenders?: boolean;
  /** The local user running `sendmail -bs` (submit mode); default 'root'. */
  localUser?: string;
}

/** The client of one connection, named as Sendmail names it (reverse lookup in /etc/hosts). */
export interface SmtpPeer {
  /** Resolved host name, e.g. 'localhost' or 'client.example.test'; '' when unknown. */
  name: string;
  addr: string;
  port: number;
  /**
   * {client_resolve} of the greeting: 'OK' when the name was found, 'TEMP' when the
   * lookup failed for want of DNS (the fresh world: `[127.0.0.2](TEMP)`), 'FAIL', 'FORGED'.
   * Default: 'OK' with a name, 'TEMP' without.
   */
  resolve?: string;
}

/** What an address resolves to. */
export type Recipient =
  | { kind: 'local'; user: string; /** GECOS full name (VRFY/EXPN print it) */ fullName?: string }
  | { kind: 'alias'; name: string; expansion: string[] }
  | { kind: 'remote'; address: string };

/** One accepted message, handed to the world after `250 2.0.0 <qid> Message accepted`. */
export interface DeliveryRequest {
  queueId: string;
  /** The envelope sender without brackets ('' for the null sender). */
  from: string;
  /** The recipients in RCPT order (duplicates removed), resolved. */
  rcpts: Recipient[];
  /** The RCPT addresses as Sendmail prints them in to= lines (q_paddr), parallel to rcpts. */
  rcptAddresses: string[];
  /** The message with CRLF line ends, dot-unstuffed, without the final '.'. */
  data: Uint8Array;
  /** Sendmail's size= (LF line ends). */
  size: number;
  /** The msgid= of the from= line, e.g. '<202611281154.6ASBwoq4019738@mail.example.test>'. */
  msgId: string;
  /** Envelope creation time (ms), the base of delay= in to= lines. */
  createdAt: number;
  /** The Received: header fields Sendmail writes: protocol and sending host (HELO name). */
  protocol: string;
  heloName: string;
  /** The TLS session the message came in (Received: `(version=... cipher=... bits=... verify=...)`). */
  tls?: { version: string; cipher: string; bits: number; verify: string };
  /** VERB was given: Sendmail delivers at once and shows the transcript (050 lines) before its 250. */
  verbose: boolean;
}

/** The world behind one connection. */
export interface SmtpEnv {
  /** ms since the epoch. */
  now(): number;
  /** A fresh queue id (Sendmail's format, see formatQueueId). Called at connect, at each reset and after each message. */
  newQueueId(): string;
  /** One syslog message: priority (22 info, 21 notice, 20 warning, 18 crit) and the text after 'sm-mta[pid]: '. */
  log(priority: number, text: string): void;
  /** A local part in a local domain (domain null for an unqualified address); null → User unknown. */
  lookupRecipient(localPart: string, domain: string | null): Recipient | null;
  /** Class w: local-host-names and $j (also '[127.0.0.1]' literals the world counts as local). */
  isLocalDomain(domain: string): boolean;
  /** The sender-domain check (hosts file, no DNS). */
  domainExists(domain: string): boolean;
  /**
   * Optional finer answer for a domain: 'exists', 'unknown' (definitely not: 553 for a
   * sender) or 'tempfail' (no DNS to ask: 451 for a sender, `Recipient ok (will queue)`
   * for a recipient; fresh/rcpt-variants.json). Without it domainExists() decides.
   */
  domainStatus?(domain: string): 'exists' | 'unknown' | 'tempfail';
  /** access map Connect: ... RELAY for this client (used only when there is no `policy`). */
  mayRelay(peer: SmtpPeer): boolean;
  /**
   * Sendmail's policy rulesets (check_relay, check_mail, check_rcpt, tls_client) for this
   * connection. Without one the engine applies Debian's built-in sender checks and
   * mayRelay() (test/helpers/smtp-env.ts).
   */
  readonly policy?: SmtpPolicy;
  /** TLS configured and usable: STARTTLS is advertised and accepted. */
  tlsAvailable(): boolean;
  /**
   * Delivers an accepted message (the world logs the to= lines). When msg.verbose,
   * it may return the transcript lines Sendmail shows the client, e.g.
   * ['050 <root@example.test>... Connecting to local...', '050 <root@example.test>... Sent'] (data-verb.json).
   */
  deliver(msg: DeliveryRequest): void | readonly string[];
}

/**
 * The macros a connection has defined when a ruleset runs (Sendmail's names without braces):
 * client_name, client_addr, client_resolve, verify, cipher, cipher_bits, tls_version,
 * cert_subject, cert_issuer, cn_subject, cn_issuer, mail_from, ...
 */
export type SessionMacros = Readonly<Record<string, string>>;

/**
 * What a policy ruleset decided, as the SMTP server acts on it: 'ok' / 'relay' go on,
 * 'discard' accepts and drops the message, 'quarantine' accepts and holds it (reason),
 * 'error' refuses with `reply` (the whole reply line, `<addr>... ` included where Sendmail
 * puts it). `trace` tells the lab's panels why (keys looked up, the rule).
 */
export type PolicyResult =
  | { readonly kind: 'ok' | 'relay' | 'discard'; readonly trace?: readonly string[] }
  | { readonly kind: 'quarantine'; readonly reason: string; readonly trace?: readonly string[] }
  | { readonly kind: 'error'; readonly reply: string; readonly trace?: readonly string[] };

/** The access-map rulesets as the world runs them; the engine says when (protocol apart from policy). */
export interface SmtpPolicy {
  /** check_relay `{client_name} $| {client_addr}` right after connect (null: the mc has delay_checks, not run). */
  checkRelay(m: SessionMacros): PolicyResult | null;
  /** tls_client `{verify} $| STARTTLS` after the handshake. */
  tlsClient(m: SessionMacros): PolicyResult;
  /** check_mail with the sender as given (`<a@b>`) at MAIL (null: delay_checks, not run). */
  checkMail(m: SessionMacros, sender: string): PolicyResult | null;
  /**
   * check_rcpt with the recipient as given at RCPT (`<a@b>`: the reply and log name it so);
   * `parsed` is the address ParseRecipient makes of it when that differs (the % hack:
   * `<u%remote@local>` is decided as `<u@remote>`).
   */
  checkRcpt(m: SessionMacros, recipient: string, parsed?: string): PolicyResult;
}

/** What the world reports after a TLS handshake (TLS issue). */
export interface TlsSessionInfo {
  /** 'TLSv1.3', 'TLSv1.2'. */
  version: string;
  /** OpenSSL cipher name, e.g. 'TLS_AES_256_GCM_SHA384'. */
  cipher: string;
  /** Cipher strength in bits (logged as bits=N/N). */
  bits: number;
  /** {verify}: 'OK', 'NO', 'FAIL', ... */
  verify: string;
  /**
   * The peer certificate's names as Sendmail's macros hold them: {cert_subject} and
   * {cert_issuer} in OpenSSL's one-line form with `+XX` escapes
   * (`/C=US/O=Example+20Org/CN=client.example.test`), {cn_subject} and {cn_issuer}
   * (the CNs, escaped likewise). Absent without a client certificate.
   */
  certSubject?: string;
  certIssuer?: string;
  cnSubject?: string;
  cnIssuer?: string;
  /**
   * The tls_client ruleset's rejection, e.g. '454 4.7.0 not authenticated', for an env
   * without a policy (with one, policy.tlsClient decides); when set every later command
   * except QUIT/HELO/EHLO/NOOP/RSET gets this reply. The log line is
   * `ruleset=tls_client, arg1=<verify>, arg2=STARTTLS, ...`.
   */
  reject?: string;
}
