/**
 * The access-map playground: client profiles and, for each, the decisions of
 * the rulesets Sendmail runs as an SMTP server, in the order it runs them
 * (check_relay at connect, tls_client after STARTTLS and at MAIL, check_mail,
 * check_rcpt with RelayTLS), each with the keys looked up in order.
 *
 * Nothing here decides anything: every decision is runRuleset's (the engine
 * tested against real `sendmail -bt`/`-bs`), called with the macros a
 * connection of that profile would set. Pure: no I/O.
 */
import type { AccessMap } from './map.ts';
import { matchedLookup, smtpReply, type Decision } from './decision.ts';
import { runRuleset } from './run.ts';
import type { Env, Features } from './tls-rulesets.ts';
import { traceOf, type TraceRow } from './playground-trace.ts';

export interface ClientProfile {
  readonly id: string;
  readonly name: string;
  /** `{client_addr}`: 127.0.0.1, 192.0.2.7, IPv6:0:0:0:0:0:0:0:1 (sendmail writes IPv6 uncompressed). */
  readonly address: string;
  /** `{client_name}`: the host name the address resolves to ('' when it does not). */
  readonly hostName: string;
  /** `{tls_version}`, e.g. TLSv1.3; '' for a client that does not use STARTTLS. */
  readonly tlsVersion: string;
  /** `{cipher_bits}` ('' without TLS). */
  readonly cipherBits: string;
  /** `{verify}`: OK, NO, FAIL, ... ('' without TLS: sendmail clears it per session and only STARTTLS sets it). */
  readonly verify: string;
  /** `{cert_subject}` and `{cert_issuer}` in sendmail's form (`/C=US/O=Example+20Org/CN=...`, blanks as +20). */
  readonly certSubject: string;
  readonly certIssuer: string;
  /**
   * `{client_resolve}`: how the reverse lookup of the address went (OK, FAIL, FORGED, TEMP);
   * absent means OK. An address without a name has `{client_name}` `[addr]`.
   */
  readonly clientResolve?: string;
  /** MAIL FROM and RCPT TO addresses, without the angle brackets ('' MAIL FROM is the null sender `<>`). */
  readonly mailFrom: string;
  readonly rcptTo: string;
}

/** The reference world's CA as sendmail writes `{cert_issuer}` (reference sendmail.md, "Relaying by certificate"). */
export const WORLD_CA = '/C=US/O=Example+20Org/CN=Example+20Test+20CA';

/** The ready-made profiles. */
export const READY_PROFILES: readonly ClientProfile[] = [
  {
    id: 'article-server',
    name: "The article's server (TLS, 256 bits)",
    address: '127.0.0.2',
    hostName: 'client.example.test',
    tlsVersion: 'TLSv1.3',
    cipherBits: '256',
    verify: 'NO',
    certSubject: '',
    certIssuer: '',
    mailFrom: 'postmaster@remote.example',
    rcptTo: 'root@mail.example.test',
  },
  {
    id: 'laptop',
    name: 'Laptop with a client certificate from the CA',
    address: '127.0.0.2',
    hostName: 'client.example.test',
    tlsVersion: 'TLSv1.3',
    cipherBits: '256',
    verify: 'OK',
    certSubject: '/C=US/O=Example+20Org/CN=client.example.test',
    certIssuer: WORLD_CA,
    mailFrom: 'me@example.test',
    rcptTo: 'friend@remote.example',
  },
  {
    id: 'no-tls',
    name: 'Client without TLS',
    address: '127.0.0.1',
    hostName: 'localhost',
    tlsVersion: '',
    cipherBits: '',
    verify: '',
    certSubject: '',
    certIssuer: '',
    mailFrom: 'me@other.example',
    rcptTo: 'root@mail.example.test',
  },
  {
    id: 'rogue',
    name: 'Rogue certificate (another CA)',
    address: '127.0.0.3',
    hostName: 'rogue.example.net',
    tlsVersion: 'TLSv1.3',
    cipherBits: '256',
    verify: 'FAIL',
    // the rogue CA's client certificate of test/fixtures/access-live/certs/
    certSubject: '/C=US/O=Rogue+20Org/CN=rogue.example.test',
    certIssuer: '/C=US/O=Rogue+20Org/CN=Rogue+20CA',
    mailFrom: 'me@example.test',
    rcptTo: 'friend@remote.example',
  },
];

/** The TLS macros of a connection (client or peer): {verify}, {tls_version}, {cipher_bits}, the certificate names. */
export function tlsMacros(p: { tlsVersion: string; cipherBits: string; verify: string; certSubject: string; certIssuer: string }): Record<string, string> {
  const cn = /\/CN=([^/]*)$/.exec(p.certSubject);
  return {
    verify: p.verify,
    tls_version: p.tlsVersion,
    cipher_bits: p.tlsVersion !== '' ? p.cipherBits : '',
    cert_subject: p.certSubject,
    cert_issuer: p.certIssuer,
    cn_subject: cn ? cn[1] : '',
  };
}

/** The macros a connection of this profile sets when Sendmail runs the rulesets. */
export function profileMacros(p: ClientProfile): Record<string, string> {
  return {
    client_name: p.hostName,
    client_addr: p.address,
    ...tlsMacros(p),
    f: p.mailFrom === '' ? '<>' : p.mailFrom,
    mail_from: `<${p.mailFrom}>`,
    client_resolve: p.clientResolve ?? 'OK',
  };
}

export type Stage = 'connect' | 'starttls' | 'mail' | 'rcpt';

export interface PlaygroundStep {
  readonly ruleset: 'check_relay' | 'tls_client' | 'check_mail' | 'check_rcpt';
  readonly stage: Stage;
  /** When Sendmail runs it, in words. */
  readonly when: string;
  /** The argument, as typed after the ruleset name in `sendmail -bt` (`$|` between parts). */
  readonly arg: string;
  /** The engine's decision (runRuleset), or null when the ruleset does not run there (see `note`). */
  readonly decision: Decision | null;
  /** The reply line the client gets for an error (with `<address>... ` where sendmail puts it), else null. */
  readonly reply: string | null;
  readonly dsn: string;
  /** The keys looked up, in order. */
  readonly trace: TraceRow[];
  /** Short outcome: accept, relay, reject, tempfail, discard, quarantine, features, not run. */
  readonly outcome: string;
  readonly note: string;
}

function outcome(d: Decision | null): string {
  if (d === null) return 'not run';
  if (d.kind === 'error') return d.reply.startsWith('4') ? 'temporary failure' : 'rejected';
  if (d.kind === 'relay') return 'relay allowed';
  if (d.kind === 'ok') return 'accepted';
  return d.kind === 'temp' ? 'temporary failure' : d.kind;
}

function step(ruleset: PlaygroundStep['ruleset'], stage: Stage, when: string, arg: string, env: Env, address: string | null, note = ''): PlaygroundStep {
  const d = runRuleset(ruleset, arg, env);
  const reply = d === null ? null : address === null ? (d.kind === 'error' ? d.reply : null) : smtpReply(d, address);
  return {
    ruleset,
    stage,
    when,
    arg,
    decision: d,
    reply,
    dsn: d !== null && d.kind === 'error' ? d.dsn : '',
    trace: d === null ? [] : traceOf(d.lookups, matchedLookup(d)),
    outcome: outcome(d),
    note: d === null && note === '' ? 'not run here' : note,
  };
}

export interface PlaygroundOptions {
  readonly features: Features;
  /** Does a sender domain resolve? Default: every domain does (a profile has no DNS). */
  readonly resolve?: (domain: string) => 'OK' | 'TEMP' | 'PERM';
}

/**
 * The decisions for one profile, in the order Sendmail takes them. Each is
 * reported on its own, as the ruleset returns it; in a real session the first
 * rejection changes what follows (see `firstFailure`).
 */
export function evaluateProfile(map: AccessMap, profile: ClientProfile, o: PlaygroundOptions): PlaygroundStep[] {
  const env: Env = { map, features: o.features, macros: profileMacros(profile), resolve: o.resolve };
  const delay = o.features.delayChecks !== false;
  const tls = profile.tlsVersion !== '';
  const from = `<${profile.mailFrom}>`;
  const rcpt = `<${profile.rcptTo}>`;
  const steps: PlaygroundStep[] = [];
  steps.push(step('check_relay', 'connect', 'at connect', `${profile.hostName} $| ${profile.address}`, env, null,
    delay ? 'FEATURE(delay_checks): check_relay runs at RCPT, inside check_rcpt' : ''));
  const tlsWhen = tls ? (delay ? 'after STARTTLS, and again at RCPT' : 'after STARTTLS, and again at MAIL') : delay ? 'at RCPT (no STARTTLS)' : 'at MAIL (no STARTTLS)';
  steps.push(step('tls_client', tls ? 'starttls' : 'mail', tlsWhen, `${profile.verify} $| ${tls ? 'STARTTLS' : 'MAIL'}`, env, null));
  steps.push(step('check_mail', 'mail', 'at MAIL FROM', from, env, from,
    delay ? 'FEATURE(delay_checks): check_mail runs at RCPT, inside check_rcpt' : ''));
  steps.push(step('check_rcpt', 'rcpt', 'at RCPT TO', rcpt, env, rcpt));
  return steps;
}

/** The first step whose decision is an error: where a real session of this profile stops being accepted. */
export function firstFailure(steps: readonly PlaygroundStep[]): PlaygroundStep | null {
  return steps.find((s) => s.decision !== null && s.decision.kind === 'error') ?? null;
}

export interface SessionOutcome {
  /** A connect rejection with code 421 replaces the greeting and closes the connection. */
  readonly closed: boolean;
  /** The reply to MAIL FROM when it is refused, null when it is accepted. */
  readonly mail: string | null;
  /** The reply to RCPT TO when it is refused, null when it is accepted; undefined when MAIL was refused. */
  readonly rcpt: string | null | undefined;
}

/**
 * What one SMTP session of the profile gets, from the steps (real dialogues,
 * test/fixtures/access-live): a check_relay rejection is the reply to every
 * later MAIL and RCPT (421 replaces the greeting instead); after STARTTLS a
 * failing tls_client is the reply to every later MAIL and RCPT; otherwise MAIL
 * gets check_mail's decision and RCPT check_rcpt's. DISCARD and QUARANTINE accept.
 */
export function sessionOutcome(steps: readonly PlaygroundStep[]): SessionOutcome {
  const err = (r: PlaygroundStep['ruleset']): string | null => {
    const s = steps.find((x) => x.ruleset === r);
    return s && s.decision !== null && s.decision.kind === 'error' ? s.reply : null;
  };
  const connect = err('check_relay');
  if (connect !== null && connect.startsWith('421')) return { closed: true, mail: null, rcpt: undefined };
  const tls = steps.find((x) => x.ruleset === 'tls_client');
  const atStarttls = tls?.stage === 'starttls' ? err('tls_client') : null;
  const mail = connect ?? atStarttls ?? err('check_mail');
  if (mail !== null) return { closed: false, mail, rcpt: undefined };
  return { closed: false, mail: null, rcpt: err('check_rcpt') };
}

/** A profile can be replayed from the lab's terminal only as a local client (the terminal is on the host). */
export function runnableFromTerminal(p: ClientProfile): boolean {
  return p.address === '127.0.0.1';
}

export { traceOf, tagOf, type TraceRow } from './playground-trace.ts';
export { validateRules, type RuleNote, type RulesCheck } from './playground-rules.ts';
