/**
 * Reply catalogue: every reply the engine sends, Sendmail 8.17.1.9's exact text
 * (srvrsmtp.c, err.c's "<address>... " prefix and default enhanced codes), named
 * code first. Each cites the captured dialogue (test/fixtures/sendmail/reference/)
 * that shows it. Replies are strings without the final CRLF; multi-line replies
 * are arrays.
 */

/** err.c shortenstring(s, MAXSHORTSTR=203): long strings keep 100 chars at each end around '...'. */
export function shorten(s: string, max = 203): string {
  if (s.length <= max) return s;
  const half = Math.floor((max - 3) / 2);
  return `${s.slice(0, half)}...${s.slice(s.length - half)}`;
}

/** Sendmail prefixes 250/252/450/550/553 replies with the address being worked on: `<a@b>... `. */
const to = (addr: string): string => `${shorten(addr)}... `;

// --- connection --------------------------------------------------------------
/** greeting-quit.json: `220 <first word> ESMTP <rest>` (built in verbs/greeting.ts). */
export const R221_CLOSING = (host: string): string => `221 2.0.0 ${host} closing connection`; // greeting-quit.json, quit-with-arg.json
export const R421_TOO_LONG = (host: string, client: string): string =>
  `421 4.7.0 ${host} Command too long, possible attack ${client}`; // long-line-2049.json
export const R421_OPEN_PROXY = (host: string, client: string): string =>
  `421 4.7.0 ${host} Rejecting open proxy ${client}`; // probed: GET / HTTP/1.0 as first command
export const R421_LOST_INPUT = (host: string, client: string): string =>
  `421 4.4.1 ${host} Lost input channel from ${client}`; // sent to a closed socket; never seen
export const R421_BARE_LF = '421 4.5.0 Bare linefeed (LF) not allowed'; // data-bare-lf.json, bare-lf.json
export const R421_BARE_CR = '421 4.5.0 Bare carriage return (CR) not allowed'; // cr-without-lf.json
export const R421_COLLECT_CLOSE = (relay: string, from: string): string =>
  `421 4.4.1 collect: relay=${relay}, from=${from}, info=unexpected close`; // probed: close during DATA
export const R554_PROTOCOL_ERROR = '554 5.5.0 SMTP protocol error'; // pipelining-ehlo-noop.json
export const R550_COMMAND_REJECTED = '550 5.0.0 Command rejected'; // pipelining-ehlo-mail.json

// --- HELO / EHLO -------------------------------------------------------------
export const R250_HELLO = (host: string, client: string, sep: ' ' | '-' = ' '): string =>
  `250${sep}${host} Hello ${client}, pleased to meet you`; // helo-localhost.json, ehlo-localhost.json
export const R501_REQUIRES_DOMAIN = (verb: string): string => `501 5.0.0 ${verb} requires domain address`; // helo-no-arg.json, ehlo-no-arg.json
export const R501_INVALID_DOMAIN = '501 5.0.0 Invalid domain name'; // helo-bad-name.json

// --- MAIL --------------------------------------------------------------------
export const R250_SENDER_OK = (addr: string): string => `250 2.1.0 ${to(addr)}Sender ok`; // mail-brackets.json, mail-no-brackets.json
export const R503_HELO_FIRST = '503 5.0.0 Polite people say HELO first'; // mail-before-helo.json
export const R503_SENDER_ALREADY = '503 5.5.0 Sender already specified'; // mail-twice.json
export const R501_SYNTAX_SCANNING = (word: string): string =>
  `501 5.5.2 Syntax error in parameters scanning "${shorten(word)}"`; // mail-empty.json, mail-syntax-to.json
export const R553_DOMAIN_REQUIRED = (addr: string, bare: string): string =>
  `553 5.5.4 ${to(addr)}Domain name required for sender address ${bare}`; // mail-no-domain.json
export const R553_DOMAIN_NOT_EXIST = (addr: string, bare: string): string =>
  `553 5.1.8 ${to(addr)}Domain of sender address ${bare} does not exist`; // mail-nonexistent-domain.json
export const R451_DOMAIN_NOT_RESOLVE = (addr: string, bare: string): string =>
  `451 4.1.8 ${to(addr)}Domain of sender address ${bare} does not resolve`; // sendmail.cf check_mail <TEMP>
export const R552_SIZE_EXCEEDS = (max: number): string =>
  `552 5.2.3 Message size exceeds fixed maximum message size (${max})`; // mail-size-over.json
export const R552_SIZE_INVALID = '552 5.2.3 Message size invalid';
export const R552_SIZE_MAX_VALUE = '552 5.2.3 Message size exceeds maximum value';
export const R501_REQUIRES_VALUE = (param: string): string => `501 5.5.2 ${param} requires a value`; // mail-size-bad.json
export const R501_UNKNOWN_BODY = (v: string): string => `501 5.5.4 Unknown BODY type ${v}`; // mail-body-bad.json
export const R504_NO_DSN = (param: string): string => `504 5.7.0 Sorry, ${param} not supported, we do not allow DSN`;
export const R501_DUPLICATE = (param: string): string => `501 5.5.0 Duplicate ${param} parameter`;
export const R501_SYNTAX_PARAM_VALUE = (param: string): string => `501 5.5.4 Syntax error in ${param} parameter value`;
export const R501_BAD_RET = (v: string): string => `501 5.5.2 Bad argument "${v}" to RET`;
export const R501_BAD_NOTIFY = (v: string): string => `501 5.5.4 Bad argument "${v}"  to NOTIFY`; // rcpt-notify-bad.json (two spaces)
export const R555_PARAM_UNRECOGNIZED = (k: string): string => `555 5.5.4 ${k} parameter unrecognized`; // mail-unknown-param.json
export const R501_TOO_MANY_PARAMS = '501 5.5.4 Too many parameters';

// --- address parsing (prescan / rulesets) -------------------------------------
export const R553_UNBALANCED = (addr: string, ch: string): string => `553 5.0.0 ${to(addr)}Unbalanced '${ch}'`; // mail-unbalanced.json
export const R553_INVALID_ROUTE = (addr: string): string => `553 5.1.3 ${to(addr)}Invalid route address`; // probed: <a@b@c>
export const R553_USER_ADDRESS_REQUIRED = (addr: string): string => `553 5.0.0 ${to(addr)}User address required`; // rcpt-null.json

// --- RCPT --------------------------------------------------------------------
export const R250_RECIPIENT_OK = (addr: string, willQueue = false): string =>
  `250 2.1.5 ${to(addr)}Recipient ok${willQueue ? ' (will queue)' : ''}`; // rcpt-root.json, fresh/rcpt-variants.json
export const R503_NEED_MAIL_BEFORE_RCPT = '503 5.0.0 Need MAIL before RCPT'; // rcpt-before-mail.json
export const R550_USER_UNKNOWN = (addr: string): string => `550 5.1.1 ${to(addr)}User unknown`; // rcpt-nosuchuser.json
export const R550_RELAYING_DENIED = (addr: string): string => `550 5.7.1 ${to(addr)}Relaying denied`; // rcpt-remote-client.json
export const R501_MISSING_RECIPIENT = '501 5.0.0 Missing recipient';

// --- DATA --------------------------------------------------------------------
export const R354_END_DATA = '354 End data with <CR><LF>.<CR><LF>'; // data-full.json
export const R250_ACCEPTED = (qid: string): string => `250 2.0.0 ${qid} Message accepted for delivery`; // data-full.json
export const R503_NEED_MAIL = '503 5.0.0 Need MAIL command'; // data-before-mail.json
export const R503_NEED_RCPT = '503 5.0.0 Need RCPT (recipient)'; // data-no-rcpt.json
export const R552_MESSAGE_TOO_BIG = (max: number): string => `552 5.2.3 Message exceeds maximum fixed size (${max})`; // data-too-big.json
export const R554_NUL_NOT_ALLOWED = '554 5.6.1 NUL byte not allowed'; // probed: x\0y in DATA

// --- RSET / NOOP / VERB / QUIT ------------------------------------------------
export const R250_RESET = '250 2.0.0 Reset state'; // rset.json
export const R250_OK = '250 2.0.0 OK'; // noop.json
export const R250_VERBOSE = '250 2.0.0 Verbose mode'; // verb.json
export const R502_VERBOSE_UNAVAILABLE = '502 5.7.0 Verbose unavailable'; // probed: sendmail -bs (submit.cf)

// --- VRFY / EXPN ---------------------------------------------------------------
export const R501_ARGUMENT_REQUIRED = '501 5.5.2 Argument required'; // vrfy-no-arg.json, expn-no-arg.json
export const R503_INTRODUCE_YOURSELF = '503 5.0.0 I demand that you introduce yourself first'; // vrfy-before-helo.json
export const R252_CANNOT_VRFY = '252 2.5.2 Cannot VRFY user; try RCPT to attempt delivery (or try finger)'; // probed: -bs
export const R502_NOT_ALLOWED = '502 5.7.0 Sorry, we do not allow this operation'; // probed: -bs EXPN, ETRN
export const R554_NOTHING_TO = (verb: 'VRFY' | 'EXPN'): string => `554 5.5.2 Nothing to ${verb}`;
/** printvrfyaddr(): `250-2.1.5 Full Name <user@host>`; 252 for VRFY of a non-local address. */
export const R25X_VRFY_ADDR = (code: 250 | 252, last: boolean, addr: string, fullName?: string): string =>
  `${code}${last ? ' ' : '-'}2.1.5 ${fullName ? `${fullName} ` : ''}<${addr}>`; // vrfy-root.json, vrfy-remote.json, expn-staff.json

// --- ETRN ----------------------------------------------------------------------
export const R500_PARAMETER_REQUIRED = '500 5.5.2 Parameter required'; // etrn-no-arg.json
export const R250_QUEUING_NODE = (node: string): string => `250 2.0.0 Queuing for node ${node} started`; // etrn-arg.json
export const R459_QUEUE_UNKNOWN = (q: string): string => `459 4.5.4 Queue ${q} unknown`; // probed: ETRN #foo

// --- HELP ------------------------------------------------------------------------
export const R214_HELP_LINE = (text: string): string => `214-2.0.0 ${text}`; // help.json
export const R214_END_OF_HELP = '214 2.0.0 End of HELP info'; // help.json
export const R504_HELP_UNKNOWN = (topic: string): string => `504 5.3.0 HELP topic "${topic.slice(0, 10)}" unknown`; // help-unknown.json

// --- unknown / unimplemented -------------------------------------------------------
export const R500_UNRECOGNIZED = (line: string): string => `500 5.5.1 Command unrecognized: "${shorten(line)}"`; // unknown-command.json
export const R502_NOT_IMPLEMENTED = (line: string): string => `502 5.5.1 Command not implemented: "${shorten(line)}"`; // not-implemented.json
export const R421_TOO_MANY_BAD = (host: string): string => `421 4.7.0 ${host} Too many bad commands; closing connection`;

// --- STARTTLS ----------------------------------------------------------------------
export const R220_READY_TLS = '220 2.0.0 Ready to start TLS'; // starttls-plaintext.json
export const R501_NO_PARAMS = '501 5.5.2 Syntax error (no parameters allowed)'; // starttls-arg.json
export const R503_TLS_NOT_AVAILABLE = '503 5.5.0 TLS not available';
export const R454_TLS_NOT_AVAILABLE = '454 4.3.3 TLS not available after start'; // probed: -bs, inside TLS
export const R503_TLS_IN_TRANSACTION = '503 5.5.0 TLS not permitted during a mail transaction'; // starttls-after-mail.json

// --- AUTH ----------------------------------------------------------------------------
export const R503_AUTH_NOT_AVAILABLE = '503 5.3.3 AUTH not available';
export const R501_AUTH_MECH_REQUIRED = '501 5.5.2 AUTH mechanism must be specified';
export const R504_AUTH_MECH_NOT_AVAILABLE = (mech: string): string => `504 5.3.3 AUTH mechanism ${mech.slice(0, 32)} not available`; // auth-not-available.json
export const R503_ALREADY_AUTHENTICATED = '503 5.5.0 Already Authenticated';
export const R503_AUTH_IN_TRANSACTION = '503 5.5.0 AUTH not permitted during a mail transaction';
export const R501_AUTH_ABORTED = '501 5.0.0 AUTH aborted';
export const R535_AUTH_FAILED = '535 5.7.0 authentication failed';
