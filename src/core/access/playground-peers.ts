/**
 * The playground's other side: peer MTAs this Sendmail connects OUT to
 * (DESIGN.md §2: mx.partner.example), and for each the decisions of the
 * rulesets Sendmail runs as an SMTP client: clt_features before it connects,
 * try_tls before STARTTLS, tls_server after it, tls_rcpt before each RCPT,
 * and srv_features (run when such a host connects to us as a client).
 *
 * Nothing here decides anything: every decision is runRuleset's (the engine
 * tested against real `sendmail -bt` in test/fixtures/access/), called with
 * the macros a connection to that peer would set. Pure: no I/O.
 */
import type { AccessMap } from './map.ts';
import { matchedLookup, type Decision } from './decision.ts';
import { runRuleset } from './run.ts';
import type { Env, Features } from './tls-rulesets.ts';
import { traceOf, type TraceRow } from './playground-trace.ts';
import { tlsMacros } from './playground.ts';

export interface PeerProfile {
  readonly id: string;
  readonly name: string;
  /** `{server_addr}`: 192.0.2.25, IPv6:2001:db8:0:0:0:0:0:25 (uncompressed, as sendmail writes it). */
  readonly address: string;
  /** `{server_name}`: the MX host name we connect to. */
  readonly hostName: string;
  /** `{tls_version}`; '' when the peer does not offer STARTTLS. */
  readonly tlsVersion: string;
  /** `{cipher_bits}` ('' without TLS). */
  readonly cipherBits: string;
  /** `{verify}`: OK, FAIL, NONE (STARTTLS not done), ... */
  readonly verify: string;
  /** `{cert_subject}` / `{cert_issuer}` of the peer's certificate, in sendmail's form (blanks as +20). */
  readonly certSubject: string;
  readonly certIssuer: string;
  /** The recipient we are delivering to (tls_rcpt's argument), without angle brackets. */
  readonly rcptTo: string;
}

/** The partner's CA as sendmail writes `{cert_issuer}`. */
export const PARTNER_CA = '/C=US/O=Partner+20Inc/CN=Partner+20CA';

export const READY_PEERS: readonly PeerProfile[] = [
  {
    id: 'partner-valid',
    name: 'Partner MX with a valid certificate',
    address: '192.0.2.25',
    hostName: 'mx.partner.example',
    tlsVersion: 'TLSv1.3',
    cipherBits: '256',
    verify: 'OK',
    certSubject: '/C=US/O=Partner+20Inc/CN=mx.partner.example',
    certIssuer: PARTNER_CA,
    rcptTo: 'bob@partner.example',
  },
  {
    id: 'partner-self-signed',
    name: 'Partner MX with a self-signed certificate',
    address: '192.0.2.26',
    hostName: 'mx.partner.example',
    tlsVersion: 'TLSv1.3',
    cipherBits: '256',
    verify: 'FAIL',
    certSubject: '/CN=mx.partner.example',
    certIssuer: '/CN=mx.partner.example',
    rcptTo: 'bob@partner.example',
  },
  {
    id: 'no-starttls',
    name: 'MX without STARTTLS',
    address: '198.51.100.10',
    hostName: 'mx.plain.example',
    tlsVersion: '',
    cipherBits: '',
    verify: 'NONE',
    certSubject: '',
    certIssuer: '',
    rcptTo: 'alice@plain.example',
  },
  {
    id: 'weak-bits',
    name: 'MX with weak cipher bits (56)',
    address: '198.51.100.20',
    hostName: 'mx.legacy.example',
    tlsVersion: 'TLSv1.2',
    cipherBits: '56',
    verify: 'OK',
    certSubject: '/C=US/O=Legacy+20Corp/CN=mx.legacy.example',
    certIssuer: PARTNER_CA,
    rcptTo: 'carol@legacy.example',
  },
];

/**
 * The macros of a connection to this peer. srv_features and clt_features in
 * the 8.17 cf look up `{client_name}`/`{client_addr}` (reference access-map.md
 * §7): here they are the peer's name and address.
 */
export function peerMacros(p: PeerProfile): Record<string, string> {
  return {
    server_name: p.hostName,
    server_addr: p.address,
    client_name: p.hostName,
    client_addr: p.address,
    ...tlsMacros(p),
  };
}

export type PeerRuleset = 'clt_features' | 'try_tls' | 'tls_server' | 'tls_rcpt' | 'srv_features';

export interface PeerStep {
  readonly ruleset: PeerRuleset;
  readonly when: string;
  /** The argument as typed after the ruleset name in `sendmail -bt`. */
  readonly arg: string;
  readonly decision: Decision | null;
  /** For an error: the reply text (runRuleset's), else null. */
  readonly reply: string | null;
  readonly dsn: string;
  /** For srv_features / clt_features: the option letters returned, else null. */
  readonly flags: string | null;
  readonly trace: TraceRow[];
  readonly outcome: string;
  readonly note: string;
}

function outcome(r: PeerRuleset, d: Decision | null): string {
  if (d === null) return 'not run';
  if (d.kind === 'error') return d.reply.startsWith('4') ? 'temporary failure' : 'permanent failure';
  if (d.kind === 'features') return 'options';
  if (r === 'try_tls') return 'try STARTTLS';
  if (r === 'clt_features' || r === 'srv_features') return 'defaults';
  return 'accepted';
}

const WHEN: Record<PeerRuleset, string> = {
  clt_features: 'before we connect',
  try_tls: 'before STARTTLS',
  tls_server: 'after STARTTLS (or without it), before MAIL',
  tls_rcpt: 'before each RCPT TO',
  srv_features: 'when this host connects to us',
};

const NOTE: Partial<Record<PeerRuleset, string>> = {
  tls_server: 'An error: we give up this server and send QUIT; 4xx queues the message, 5xx bounces it.',
  tls_rcpt: 'An error: this RCPT is not sent; 4xx queues the recipient, 5xx bounces it.',
  try_tls: 'An error (Try_TLS NO) is internal: we do not issue STARTTLS to this server; it is not an SMTP reply.',
  srv_features: 'The 8.17 cf looks up {client_name}/{client_addr}: the peer when it connects to us.',
  clt_features: 'The 8.17 cf looks up {client_name}/{client_addr}: here the peer\u2019s name and address.',
};

/** The rulesets of the peers table, in the order Sendmail runs them as a client (srv_features last: it is the server side). */
export const PEER_RULESETS: readonly PeerRuleset[] = ['clt_features', 'try_tls', 'tls_server', 'tls_rcpt', 'srv_features'];

/** The argument of each ruleset for this peer, as typed in `sendmail -bt`. */
export function peerArg(r: PeerRuleset, p: PeerProfile): string {
  if (r === 'tls_server') return p.verify;
  if (r === 'tls_rcpt') return `<${p.rcptTo}>`;
  return '';
}

/** The decisions for one peer, each as the ruleset returns it (runRuleset), with its lookups. */
export function evaluatePeer(map: AccessMap, p: PeerProfile, features: Features): PeerStep[] {
  const env: Env = { map, features, macros: peerMacros(p) };
  return PEER_RULESETS.map((ruleset) => {
    const arg = peerArg(ruleset, p);
    const d = runRuleset(ruleset, arg, env);
    return {
      ruleset,
      when: WHEN[ruleset],
      arg,
      decision: d,
      reply: d !== null && d.kind === 'error' ? d.reply : null,
      dsn: d !== null && d.kind === 'error' ? d.dsn : '',
      flags: d !== null && d.kind === 'features' ? d.returns.slice(1).join(' ') : null,
      trace: d === null ? [] : traceOf(d.lookups, matchedLookup(d)),
      outcome: outcome(ruleset, d),
      note: NOTE[ruleset] ?? '',
    };
  });
}

/** What a peers-table cell says: the reply for an error, the option letters for features, else the outcome. */
export function peerCellText(s: PeerStep): string {
  if (s.reply !== null) return s.reply;
  if (s.flags !== null) return `options ${s.flags}`;
  return s.outcome;
}

/**
 * One delivery to the peer, from the steps: try_tls NO means no STARTTLS;
 * a tls_server error gives up the server; a tls_rcpt error skips the recipient.
 */
export function deliveryText(steps: readonly PeerStep[]): string {
  const get = (r: PeerRuleset): PeerStep | undefined => steps.find((s) => s.ruleset === r);
  const srv = get('tls_server')?.reply ?? null;
  if (srv !== null) return `${srv.startsWith('4') ? 'queued' : 'bounced'}: tls_server ${srv}`;
  const rcpt = get('tls_rcpt')?.reply ?? null;
  if (rcpt !== null) return `recipient ${rcpt.startsWith('4') ? 'queued' : 'bounced'}: tls_rcpt ${rcpt}`;
  return 'delivered';
}
