/**
 * The shape every verb handler has (STYLE.md §5.6): a VerbSpec in a typed Map,
 * whose `syntax` doubles as documentation, and whose handle() works on a
 * VerbContext, the server's face towards its verbs.
 */
import type { Envelope, Session } from './session.ts';
import type { InputLine } from './line-reader.ts';
import type { PolicyResult, SessionMacros, SmtpConfig, SmtpEnv, SmtpPeer } from './types.ts';
import type { Features } from './features.ts';

/** syslog priorities (LOG_MAIL facility): <22> info, <21> notice, <20> warning, <18> crit. */
export const LOG_INFO = 22;
export const LOG_NOTICE = 21;
export const LOG_WARNING = 20;
export const LOG_CRIT = 18;

export interface VerbContext {
  readonly config: SmtpConfig;
  readonly env: SmtpEnv;
  readonly peer: SmtpPeer;
  readonly session: Session;
  readonly envelope: Envelope;
  readonly features: Features;
  /** $j. */
  readonly hostname: string;
  /** CurSmtpClient ($_): 'localhost [127.0.0.1]', or 'root@localhost' under -bs. */
  readonly client: string;
  /** RealHostName: the peer's name ('localhost'), used in collect's relay= and the pipelining log. */
  readonly peerName: string;
  /** {daemon_name}: 'MTA', or 'stdin' under -bs. */
  readonly daemonLabel: string;
  /** Queues a reply (one line, or the lines of a multi-line reply). */
  reply(lines: string | readonly string[]): void;
  /** A syslog line; `qid` prefixes the envelope's queue id ("<qid>: text"). */
  log(priority: number, text: string, qid?: boolean): void;
  /** usrerr() with LogUsrErrs: the reply, and a notice with its text after code and enhanced code. */
  userError(reply: string, logIt: boolean): void;
  /** CLEAR_STATE: logs the pending sender, then a fresh envelope (and queue id). */
  resetEnvelope(): void;
  /** checksmtpattack(): counts, logs the attack line when the limit is reached; returns false never (MaxDaemonChildren=0). */
  checkAttack(counter: 'nHelo' | 'nVrfy' | 'nEtrn' | 'nNoop', max: number, name: string, waitNow: boolean): number;
  /** Switches the input to DATA collection. */
  startData(): void;
  /** After 220 Ready to start TLS: the next bytes belong to TLS. */
  startTls(): void;
  /** doquit: the server closes once the output is sent. */
  quit(): void;
  /** Extra delay Sendmail would sleep before the next reply (SIMPLIFIED: not slept, reported). */
  delay(ms: number): void;
  /** The macros the policy rulesets see now. */
  macros(): SessionMacros;
  /** Records a policy verdict in the trace (for the access-map panel); returns it. */
  traced<T extends PolicyResult | null>(ruleset: string, arg: string, r: T): T;
  /** Whether a domain resolves: 'exists', 'unknown' or 'tempfail' (no DNS). */
  domainStatus(domain: string): 'exists' | 'unknown' | 'tempfail';
}

export interface VerbSpec {
  /** Lower-case command word. */
  verb: string;
  /** Usage, as the help file writes it. */
  syntax: string;
  /** CmdTab class: normal, unimplemented (SEND, SAML, SOML, TURN) or logged as bogus (WIZ, DEBUG, SHOWQ). */
  kind?: 'normal' | 'unimplemented' | 'bogus';
  /** Processed even after a nullserver rejection (QUIT, HELO, EHLO, NOOP, RSET). */
  allowedWhenRejecting?: boolean;
  /** Counts as a "real" command for the "did not issue MAIL/EXPN/VRFY/ETRN" log line. */
  issues?: boolean;
  handle(ctx: VerbContext, arg: string, line: InputLine): void;
}
