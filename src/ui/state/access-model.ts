/**
 * The Access-map panel's model, without Svelte: the rules as the editor holds
 * them, checked line by line (makemap's errors, TLS values sendmail reads as no
 * requirement) and compiled as makemap would; the decision table of profiles ×
 * rulesets from core/access's playground; and the terminal session that
 * replays a profile for real. Tested in Node (test/ui/access-model.test.ts).
 */
import { AccessMap, featuresFromMc, type Features } from '../../core/access/index.ts';
import {
  evaluateProfile,
  firstFailure,
  sessionOutcome,
  runnableFromTerminal,
  validateRules,
  type ClientProfile,
  type PlaygroundStep,
  type RuleNote,
  type SessionOutcome,
} from '../../core/access/playground.ts';

import { deliveryText, evaluatePeer, type PeerProfile, type PeerStep } from '../../core/access/playground-peers.ts';

export type Resolve = (domain: string) => 'OK' | 'TEMP' | 'PERM';

export { READY_PROFILES, WORLD_CA, type ClientProfile, type PlaygroundStep, type RuleNote, type TraceRow } from '../../core/access/playground.ts';

export { READY_PEERS, PARTNER_CA, peerCellText, type PeerProfile, type PeerStep } from '../../core/access/playground-peers.ts';

export const ACCESS_PATH = '/etc/mail/access';

/** Example rules the editor offers, each with what it does to the ready-made profiles. */
export const EXAMPLE_RULES: readonly { line: string; says: string }[] = [
  { line: 'TLS_Clt:127.0.0.1 ENCR:112', says: 'local clients must encrypt with at least 112 bits (the client without TLS is refused at MAIL)' },
  { line: 'TLS_Clt:client.example.test ENCR:112', says: "the article's rule: this client must encrypt with at least 112 bits" },
  { line: `CertIssuer:/C=US/O=Example+20Org/CN=Example+20Test+20CA RELAY`, says: 'clients with a verified certificate from the CA may relay (the laptop)' },
  { line: 'TLS_Clt:rogue.example.net PERM+VERIFY', says: 'this client must present a certificate that verifies (the rogue one does not)' },
  { line: 'TLS_Clt: TEMP+VERIFY', says: 'the default entry: every client must present a certificate that verifies' },
];
export const MAKEMAP_COMMAND = 'makemap hash /etc/mail/access < /etc/mail/access';

/** The table's columns: the rulesets in the order Sendmail runs them for one client. */
export const COLUMNS = [
  { ruleset: 'check_relay', label: 'check_relay', when: 'connect' },
  { ruleset: 'tls_client', label: 'tls_client', when: 'STARTTLS / MAIL' },
  { ruleset: 'check_mail', label: 'check_mail', when: 'MAIL FROM' },
  { ruleset: 'check_rcpt', label: 'check_rcpt', when: 'RCPT TO' },
] as const;

/** The peers table's columns: the rulesets Sendmail runs as an SMTP client, in order (srv_features: the same host as our client). */
export const PEER_COLUMNS = [
  { ruleset: 'clt_features', label: 'clt_features', when: 'before we connect' },
  { ruleset: 'try_tls', label: 'try_tls', when: 'before STARTTLS' },
  { ruleset: 'tls_server', label: 'tls_server', when: 'after STARTTLS' },
  { ruleset: 'tls_rcpt', label: 'tls_rcpt', when: 'before RCPT TO' },
  { ruleset: 'srv_features', label: 'srv_features', when: 'when it connects to us' },
] as const;

export interface PeerRow {
  readonly peer: PeerProfile;
  readonly steps: PeerStep[];
  /** What one delivery to this peer comes to. */
  readonly delivery: string;
}

export interface ProfileRow {
  readonly profile: ClientProfile;
  readonly steps: PlaygroundStep[];
  /** The first ruleset that rejects: where a real session of this profile stops being accepted. */
  readonly stop: PlaygroundStep | null;
  /** What MAIL FROM and RCPT TO get in one session (checked on real dialogues). */
  readonly session: SessionOutcome;
}

export interface Evaluation {
  readonly notes: RuleNote[];
  readonly exitCode: number;
  readonly entries: number;
  readonly rows: ProfileRow[];
}

/** The editor's text as the bytes makemap reads (UTF-8). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Validation and decisions for the rules as written (as if makemap had just compiled them). */
export function evaluateRules(text: string, profiles: readonly ClientProfile[], features: Features, resolve?: Resolve): Evaluation {
  const check = validateRules(utf8(text), ACCESS_PATH, features.tlsPermErr);
  const map = new AccessMap(check.compiled.entries);
  const rows = profiles.map((profile) => {
    const steps = evaluateProfile(map, profile, { features, resolve });
    return { profile, steps, stop: firstFailure(steps), session: sessionOutcome(steps) };
  });
  return { notes: check.notes, exitCode: check.compiled.exitCode, entries: check.compiled.entries.size, rows };
}

/** The peers table for the rules as written (the same compiled map as the clients table). */
export function evaluatePeers(text: string, peers: readonly PeerProfile[], features: Features): PeerRow[] {
  const map = new AccessMap(validateRules(utf8(text), ACCESS_PATH, features.tlsPermErr).compiled.entries);
  return peers.map((peer) => {
    const steps = evaluatePeer(map, peer, features);
    return { peer, steps, delivery: deliveryText(steps) };
  });
}

/**
 * Does access.db hold what makemap would build from `text`? null: there is no
 * access.db. Sendmail reads only the .db, so a difference means makemap is due.
 */
export function dbMatches(text: string, db: ReadonlyMap<string, string> | null): boolean | null {
  if (db === null) return null;
  const built = validateRules(utf8(text)).compiled.entries;
  if (built.size !== db.size) return false;
  for (const [k, v] of built) if (db.get(k) !== v) return false;
  return true;
}

/** The notes of one editor line. */
export function notesOn(notes: readonly RuleNote[], line: number): RuleNote[] {
  return notes.filter((n) => n.line === line);
}

/** The session column: what the client gets in one SMTP session. */
export function sessionText(row: ProfileRow): string {
  const o = row.session;
  if (o.closed) return `closed at connect: ${row.steps[0]!.reply}`;
  if (o.mail !== null) return `MAIL refused: ${o.mail}`;
  if (o.rcpt) return `RCPT refused: ${o.rcpt}`;
  return 'MAIL and RCPT accepted';
}

/**
 * The sender-domain check of the world's daemon: a local name or a name in
 * /etc/hosts exists; without DNS in the service switch another name does not
 * exist (PERM), with DNS it cannot be looked up here (TEMP).
 */
export function worldResolver(localNames: ReadonlySet<string>, hostsViaDns: boolean, inHosts: (d: string) => boolean): Resolve {
  return (d) => {
    const n = d.toLowerCase().replace(/\.$/, '');
    if (/^\[.*\]$/.test(n) || localNames.has(n) || inHosts(n)) return 'OK';
    return hostsViaDns ? 'TEMP' : 'PERM';
  };
}

/** What a table cell says: the reply for an error, else the outcome. */
export function cellText(s: PlaygroundStep): string {
  if (s.decision === null) return 'not run';
  if (s.reply !== null) return s.reply;
  if (s.decision.kind === 'quarantine') return `quarantine: ${s.decision.reply}`;
  if (s.decision.kind === 'features') return `flags ${s.decision.returns.slice(1).join(' ')}`;
  return s.outcome;
}

/**
 * The features of the world's Sendmail, as `sendmail -bt` in the lab takes
 * them: the access options from sendmail.mc, class w and $j from sendmail.cf.
 */
export function worldFeatures(mc: string, config: { hostname: string; localNames: Iterable<string> } | null): Features {
  const base = featuresFromMc(mc);
  if (!config) return base;
  const dot = config.hostname.indexOf('.');
  return { ...base, classW: [...config.localNames], hostname: config.hostname, domain: dot > 0 ? config.hostname.slice(dot + 1) : base.domain };
}

export interface SessionScript {
  readonly runnable: boolean;
  /** Why it cannot run, or what the session will and will not reproduce. */
  readonly note: string;
  /** The command line typed at the shell prompt. */
  readonly command: string;
  /** For telnet: the SMTP lines typed one by one, each after the server's reply. */
  readonly smtp: string[];
}

/**
 * The terminal session that replays a profile: swaks when the world has it,
 * else telnet fed line by line. Only a client at 127.0.0.1 can be replayed:
 * the terminal is on the mail host itself.
 */
export function sessionScript(p: ClientProfile, hasSwaks: boolean): SessionScript {
  if (!runnableFromTerminal(p))
    return {
      runnable: false,
      note: `${p.address || 'This address'} is not this host: the lab's terminal connects from 127.0.0.1 only, so this profile cannot be run from the terminal.`,
      command: '',
      smtp: [],
    };
  const tls = p.tlsVersion !== '';
  const from = p.mailFrom;
  const note = tls
    ? 'The session is real: {verify}, the cipher bits and the certificate come from the handshake the terminal client makes, not from the profile.'
    : 'The session is real: Sendmail sets the macros from the connection (localhost, 127.0.0.1, no STARTTLS).';
  if (hasSwaks) {
    const q = (s: string): string => (/^[A-Za-z0-9@._+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
    return { runnable: true, note, command: `swaks --server 127.0.0.1 --from ${q(from === '' ? '<>' : from)} --to ${q(p.rcptTo)}${tls ? ' --tls' : ''}`, smtp: [] };
  }
  const smtp = ['EHLO localhost', ...(tls ? ['STARTTLS', 'EHLO localhost'] : []), `MAIL FROM:<${from}>`, `RCPT TO:<${p.rcptTo}>`, 'QUIT'];
  return { runnable: true, note, command: 'telnet localhost 25', smtp };
}

/** How the panel types into the terminal and hears the server. */
export interface SessionPort {
  type(text: string): void;
  /** Resolves true at the next SMTP reply the world emits, false after `ms` without one. */
  nextReply(ms: number): Promise<boolean>;
}

/**
 * Types the script: the command, then (telnet) each SMTP line after the
 * server's reply to the previous one. Returns a status line for the panel.
 */
export async function feedSession(s: SessionScript, port: SessionPort, ms = 4000): Promise<string> {
  if (!s.runnable) return s.note;
  if (s.smtp.length === 0) {
    port.type(`${s.command}\r`);
    return `Typed: ${s.command}`;
  }
  let reply = port.nextReply(ms);
  port.type(`${s.command}\r`);
  if (!(await reply)) return 'No greeting from port 25: is sendmail running? Start it with: /etc/init.d/sendmail start';
  for (const line of s.smtp) {
    reply = port.nextReply(ms);
    port.type(`${line}\r`);
    if (!(await reply)) return `No reply to ${line}: the session was left as it is.`;
  }
  return `Ran the session: ${s.command}, ${s.smtp.join(', ')}.`;
}
