/**
 * Connection state (Session) apart from transaction state (Envelope), as
 * aiosmtpd and nodemailer split them. An Envelope lives from a reset (connect,
 * RSET, a repeated HELO/EHLO, the end of DATA) to the next; each one gets its own
 * queue id, as Sendmail's newenvelope() does (fixtures rset.json,
 * helo-resets-transaction.json, data-two-transactions.json).
 */
import type { Recipient } from './types.ts';

export interface EnvelopeRecipient {
  /** As typed (q_paddr): echoed in replies and to= lines. */
  paddr: string;
  /** Duplicate detection key (mailer + user, as sameaddr() compares). */
  key: string;
  resolved: Recipient;
}

export class Envelope {
  /** Sendmail's sender address was set (EF_LOGSENDER): a from= line is due at the next reset. */
  logSender = false;
  /** MAIL succeeded (smtp.sm_gotmail). */
  gotMail = false;
  /** The sender as typed, e.g. '<alice@example.test>' or '<>'. */
  fromPaddr = '';
  /** The sender's route address ('' for <>). */
  fromAddr = '';
  /** SIZE= or, after DATA, the collected size. */
  size = 0;
  bodyType: string | null = null;
  /** $r at MAIL time: SMTP, ESMTP, ESMTPS (proto= of the from= line). */
  protocol: string | null = null;
  msgId: string | null = null;
  /** A ruleset said DISCARD (check_mail or check_rcpt): accepted, then dropped. */
  discard = false;
  /** A ruleset said QUARANTINE: accepted and held with this reason. */
  quarantine: string | null = null;
  /** e_nrcpts: distinct recipients added to the envelope (VRFY/EXPN also add). */
  nrcpts = 0;
  /** Successful RCPT commands (smtp.sm_nrcpts). */
  goodRcpts = 0;
  readonly rcpts: EnvelopeRecipient[] = [];

  constructor(
    readonly queueId: string,
    /** Envelope creation time: $b and $t of this message, base of delay=. */
    readonly createdAt: number,
  ) {}

  /** sameaddr(): the recipient already in the envelope with this key. */
  find(key: string): EnvelopeRecipient | undefined {
    return this.rcpts.find((r) => r.key === key);
  }
}

export class Session {
  /** HELO or EHLO accepted (gothello). */
  gotHello = false;
  /** The HELO/EHLO argument ($s). */
  heloName: string | null = null;
  /** 'SMTP', 'ESMTP', 'ESMTPS' ($r), set by HELO/EHLO. */
  protocol: string | null = null;
  /** Inside TLS. */
  tlsActive = false;
  /** TLS can still be started (tls_ok_srv): false once used or after a failure. */
  tlsOffered = true;
  /** The first command line of the connection (or after STARTTLS): the open-proxy check. */
  first = true;
  /**
   * Sendmail's nullserver: once set, every command except QUIT, HELO, EHLO, NOOP,
   * RSET and unknown ones gets this reply (after the 554 for pipelining: 'Command rejected').
   */
  nullServer: string | null = null;
  /** check_relay said DISCARD at connect: every message of the connection is dropped. */
  discardAll = false;
  /** MAIL, EXPN, VRFY or ETRN seen: no "did not issue" line at the end. */
  issuedCommand = false;
  /** The last command's name, lower case ("lost input channel ... after mail"). */
  lastCommand: string | null = null;
  /** VERB given: deliveries are interactive and show their transcript. */
  verbose = false;
  /** An AUTH exchange waits for the client's response line. */
  authPending = false;
  /** Counters for checksmtpattack(). */
  nHelo = 0;
  nVrfy = 0;
  nEtrn = 0;
  nNoop = 0;
  nBadCommands = 0;
}
