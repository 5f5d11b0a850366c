/**
 * tls_client, tls_server, tls_rcpt, try_tls, srv_features, clt_features:
 * which entry applies (D on the name, A on the address, then the bare tag),
 * and what the ruleset returns.
 */
import type { AccessMap, Lookup } from './map.ts';
import { searchAddr, searchHost, searchList, type SearchOptions, type Source } from './search.ts';
import { tokenize, eqi, type Tokens } from './tokens.ts';
import { errorDecision, simple, type Decision } from './decision.ts';
import { tlsConnection } from './tls.ts';
import { parseAddress } from './address.ts';

export interface Features extends SearchOptions {
  readonly relaytofulladdress: boolean;
  readonly delayChecks: false | 'plain' | 'friend' | 'hater';
  readonly relayHostsOnly: boolean;
  readonly blocklistRecipients: boolean;
  readonly relayMailFrom: false | 'plain' | 'domain';
  readonly tlsPermErr: boolean;
  /** Class w (local host names) and class R (relay domains). */
  readonly classW: readonly string[];
  readonly classR: readonly string[];
  /** Class {TrustAuthMech} (TRUST_AUTH_MECH). */
  readonly trustAuthMech: readonly string[];
  /** `$j` (the host's canonical name) and `$m` (its domain). */
  readonly hostname: string;
  readonly domain: string;
}

export const DEFAULT_FEATURES: Features = {
  skip: false,
  lookupdotdomain: false,
  relaytofulladdress: false,
  delayChecks: false,
  relayHostsOnly: false,
  blocklistRecipients: false,
  relayMailFrom: false,
  tlsPermErr: false,
  classW: ['localhost'],
  classR: [],
  trustAuthMech: [],
  hostname: 'localhost.localdomain',
  domain: 'localdomain',
};

export type Macros = Readonly<Record<string, string>>;

export interface Env {
  readonly map: AccessMap;
  readonly features: Features;
  readonly macros: Macros;
  /** Does the sender domain resolve (sendmail's `resolve` map)? Default: it does. */
  readonly resolve?: (domain: string) => 'OK' | 'TEMP' | 'PERM';
}

export const macro = (m: Macros, n: string): string => m[n] ?? '';

/**
 * D on the name, A on the address, bare tag. Returns the entry as tokens:
 * ['?'] when none, [] for the empty-address quirk (A cannot take an empty
 * address, and the rules then see an empty entry and skip the bare tag).
 */
export function hostAddrEntry(env: Env, tag: string, name: string, addr: string, log: Lookup[]): Tokens {
  const o = env.features;
  if (name === '') {
    const v = env.map.get(`${tag}:`, log);
    if (v !== null) return tokenize(v);
  } else {
    const v = searchHost(env.map, name, tag, '!', o, log);
    if (v !== null) return tokenize(v);
  }
  if (addr === '') return [];
  const a = searchAddr(env.map, addr, tag, '!', o, log);
  if (a !== null) return tokenize(a);
  const d = env.map.get(`${tag}:`, log);
  return d === null ? ['?'] : tokenize(d);
}

function tlsCtx(env: Env, tlsName: string, lookups: Lookup[]) {
  return { map: env.map, macros: (n: string) => macro(env.macros, n), tlsName, permErr: env.features.tlsPermErr, lookups };
}

/** tls_client with `{verify} $| STARTTLS` or `{verify} $| MAIL`. */
export function tlsClient(env: Env, verify: string): Decision {
  const log: Lookup[] = [];
  const name = macro(env.macros, 'client_name');
  const entry = hostAddrEntry(env, 'TLS_Clt', name, macro(env.macros, 'client_addr'), log);
  return tlsConnection('tls_client', verify, entry, tlsCtx(env, name, log));
}

/** tls_server with `{verify}`. */
export function tlsServer(env: Env, verify: string): Decision {
  const log: Lookup[] = [];
  const name = macro(env.macros, 'server_name');
  const entry = hostAddrEntry(env, 'TLS_Srv', name, macro(env.macros, 'server_addr'), log);
  return tlsConnection('tls_server', verify, entry, tlsCtx(env, name, log));
}

/** tls_rcpt with the recipient address. */
export function tlsRcpt(env: Env, rcpt: string): Decision {
  const log: Lookup[] = [];
  const a = parseAddress(rcpt);
  const sources: Source[] = a.domain !== null
    ? [{ kind: 'F', local: a.local, domain: a.domain }, { kind: 'U', local: a.local }, { kind: 'D', domain: a.domain }, { kind: 'E' }]
    : [{ kind: 'U', local: a.local }, { kind: 'E' }];
  const v = rcpt.trim() === '' ? null : searchList(env.map, 'TLS_Rcpt', '!', sources, env.features, log);
  if (v === null) return simple('tls_rcpt', 'ok', ['OK'], log, 'no TLS_Rcpt entry');
  return tlsConnection('tls_rcpt', macro(env.macros, 'verify'), tokenize(v), tlsCtx(env, macro(env.macros, 'server_name'), log));
}

/** try_tls: may we issue STARTTLS to this server? */
export function tryTls(env: Env): Decision {
  const log: Lookup[] = [];
  const name = macro(env.macros, 'server_name');
  const addr = macro(env.macros, 'server_addr');
  const e = featureEntry(env, 'Try_TLS', name, addr, log);
  if (e === null) return simple('try_tls', 'ok', ['OK'], log, 'no Try_TLS entry: try STARTTLS');
  if (e.value.length === 1 && eqi(e.value[0], 'NO'))
    return errorDecision('try_tls', '5.7.1', ['"550 do not try TLS with "', ...tokenize(name), '" ["', ...tokenize(addr), '"]"'], log, 'Try_TLS NO: do not use STARTTLS');
  return simple('try_tls', 'ok', e.tail, log, 'Try_TLS entry other than NO: try STARTTLS');
}

function featureEntry(env: Env, tag: string, name: string, addr: string, log: Lookup[]): { value: Tokens; tail: Tokens } | null {
  const e = hostAddrEntry(env, tag, name, addr, log);
  if (e.length === 1 && e[0] === '?') return null;
  // empty address: A cannot take it and its workspace comes back whole
  if (e.length === 0) return { value: e, tail: ['<', '>', '<', '?', '>', '<', '!', `"${tag}"`, '>', '<', '>'] };
  const viaDefault = log.length > 0 && log[log.length - 1].key === `${tag}:`;
  const tail = viaDefault ? ['<', ...e, '>'] : ['<', ...e, '>', '<', '>'];
  return { value: e, tail };
}

function features(ruleset: string, tag: string, env: Env): Decision {
  const log: Lookup[] = [];
  const e = featureEntry(env, tag, macro(env.macros, 'client_name'), macro(env.macros, 'client_addr'), log);
  if (e === null) return simple(ruleset, 'ok', ['OK'], log, `no ${tag} entry: defaults`);
  if (e.value.length === 0) return simple(ruleset, 'ok', e.tail, log, `no {client_addr}: no ${tag} lookup by address nor default`);
  return simple(ruleset, 'features', ['$#', ...e.value], log, `${tag} flags`);
}

export const srvFeatures = (env: Env): Decision => features('srv_features', 'Srv_Features', env);
export const cltFeatures = (env: Env): Decision => features('clt_features', 'Clt_Features', env);
