/**
 * check_relay, check_mail, check_rcpt of the generated rules (8.17.1.9), with
 * the features that change them: access_db skip/lookupdotdomain/
 * relaytofulladdress, delay_checks (friend, hater), relay_hosts_only,
 * blocklist_recipients, relay_mail_from (domain). Class w and R, `$j` and the
 * sender-domain resolver come in through Env.
 */
import type { Lookup } from './map.ts';
import { searchAddr, searchHost, searchList, type Source } from './search.ts';
import { cataddr, eqi, tokenize, type Tokens } from './tokens.ts';
import { errorDecision, simple, type Decision } from './decision.ts';
import { macro, tlsClient, type Env } from './tls-rulesets.ts';
import { parseAddress } from './address.ts';

const Q = (s: string): string => `"${s}"`;
export const one = (v: Tokens, w: string): boolean => v.length === 1 && eqi(v[0], w);
export const isAccept = (v: Tokens): boolean => one(v, 'OK') || one(v, 'RELAY');
export const inClass = (cls: readonly string[], s: string): boolean => cls.some((c) => eqi(c, s));
/** `$* $=R`: the name ends with a member of the class, token-wise. */
export function endsInClass(cls: readonly string[], name: string): boolean {
  const n = tokenize(name);
  return cls.some((c) => {
    const t = tokenize(c);
    if (t.length > n.length) return false;
    return t.every((x, i) => eqi(x, n[n.length - t.length + i]));
  });
}

/** The value rules shared by check_relay, check_mail and blocklist_recipients. */
export function valueRules(ruleset: string, v: Tokens, log: Lookup[], rejectDsn: string, rejectText: string): Decision | null {
  const src = `entry ${cataddr(v)}`;
  if (one(v, 'REJECT')) return errorDecision(ruleset, rejectDsn, [Q(rejectText)], log, `${src}: REJECT`);
  if (one(v, 'DISCARD')) return simple(ruleset, 'discard', ['$#', 'discard', '$:', 'discard'], log, `${src}: DISCARD`);
  if (v.length >= 3 && eqi(v[0], 'QUARANTINE') && v[1] === ':') return errorDecision(ruleset, 'quarantine', v.slice(2), log, `${src}: QUARANTINE`);
  if (v.length >= 9 && eqi(v[0], 'ERROR') && v[1] === ':' && v[3] === '.' && v[5] === '.' && v[7] === ':')
    return errorDecision(ruleset, `${v[2]}.${v[4]}.${v[6]}`, v.slice(8), log, `${src}: ERROR with DSN`);
  if (v.length >= 3 && eqi(v[0], 'ERROR') && v[1] === ':') return errorDecision(ruleset, '', v.slice(2), log, `${src}: ERROR`);
  return null;
}

export function otherValue(ruleset: string, v: Tokens, log: Lookup[]): Decision {
  return errorDecision(ruleset, '', v, log, `entry ${cataddr(v)}: any other value is an error with that text`);
}

/** check_relay with `{client_name} $| {client_addr}` (its arguments, not the macros). */
export function checkRelay(env: Env, name: string, addr: string): Decision {
  const log: Lookup[] = [];
  if (deferred(env)) return simple('check_relay', 'ok', ['deferred'], log, 'delivery mode d (deferred): nothing is checked');
  const o = env.features;
  // `R$+ $| $+` needs an address: without one no rule applies and the input comes back
  if (addr === '') return simple('check_relay', 'ok', [...tokenize(name), '$|'], log, 'no {client_addr}: nothing is looked up');
  let v: string | null = null;
  if (name !== '') v = searchHost(env.map, name, 'Connect', '+', o, log);
  if (v === null && addr !== '') v = searchAddr(env.map, addr, 'Connect', '+', o, log);
  if (v === null) return simple('check_relay', 'ok', ['OK'], log, 'no Connect entry');
  const t = tokenize(v);
  if (isAccept(t)) return simple('check_relay', one(t, 'RELAY') ? 'relay' : 'ok', t, log, `entry ${v}`);
  return valueRules('check_relay', t, log, '5.7.1', '550 Access denied') ?? otherValue('check_relay', t, log);
}

/** `R< d > $*  $@ deferred`: {deliveryMode} d skips the checks. */
export const deferred = (env: Env): boolean => eqi(macro(env.macros, 'deliveryMode'), 'd');

const LOCALHOSTS = ['localhost', '[127.0.0.1]', '[IPv6:0:0:0:0:0:0:0:1]', '[IPv6:::1]', 'localhost.UUCP'];

/** check_mail with the sender address. */
export function checkMail(env: Env, sender: string): Decision {
  const R = 'check_mail';
  if (deferred(env)) return simple(R, 'ok', ['deferred'], [], 'delivery mode d (deferred): nothing is checked');
  const tls = tlsClient(env, macro(env.macros, 'verify'));
  const log: Lookup[] = [...tls.lookups];
  if (tls.kind === 'error') return { ...tls, ruleset: R, lookups: log, rule: `tls_client ({verify} $| MAIL): ${tls.rule}` };
  const raw = tokenize(sender);
  if (raw.length === 2 && raw[0] === '<' && raw[1] === '>') return simple(R, 'ok', ['<', 'OK', '>'], log, 'MAIL FROM:<> is always accepted');
  const a = parseAddress(sender);
  const f = tokenize(macro(env.macros, 'f'));
  const cname = macro(env.macros, 'client_name');
  if (a.domain !== null && inClass([...LOCALHOSTS, `localhost.${env.features.domain}`], a.domain) && cname !== '' && !inClass(env.features.classW, cname))
    return errorDecision(R, '5.5.4', [Q('553 Real domain name required for sender address')], log, 'a localhost sender from a remote client');
  let status: string;
  let sources: Source[];
  if (sender.trim() === '') {
    status = '?';
    sources = [];
  } else if (a.domain !== null) {
    if (a.domain === '.' || eqi(a.domain, env.features.hostname)) status = 'OKR';
    else {
      const r = env.resolve ? env.resolve(a.domain) : 'OK';
      status = r === 'OK' ? 'OKR' : r;
    }
    sources = [{ kind: 'F', local: a.local, domain: a.domain }, { kind: 'U', local: a.local }, { kind: 'D', domain: a.domain }];
  } else {
    status = '?';
    sources = [{ kind: 'U', local: a.local }];
  }
  const found = sources.length === 0 ? null : searchList(env.map, 'From', '+', sources, env.features, log);
  const v = found !== null ? tokenize(found) : [status];
  const addrToks = a.domain !== null ? [...tokenize(a.local), '<', '@', ...tokenize(a.domain), '>'] : tokenize(a.local);
  if (one(v, '?')) {
    if (macro(env.macros, 'client_addr') === '') return simple(R, 'ok', ['<', 'OKR', '>'], log, 'an unqualified sender from a local client');
    return errorDecision(R, '5.5.4', [Q('553 Domain name required for sender address '), ...f], log, 'an unqualified sender from a remote client');
  }
  if (one(v, 'OKR')) return simple(R, 'ok', ['@', ...addrToks], log, 'no From entry; the sender domain resolves');
  if (one(v, 'TEMP')) return errorDecision(R, '4.1.8', [Q('451 Domain of sender address '), ...f, Q(' does not resolve')], log, 'the sender domain does not resolve (temporary)');
  if (one(v, 'PERM')) return errorDecision(R, '5.1.8', [Q('553 Domain of sender address '), ...f, Q(' does not exist')], log, 'the sender domain does not exist');
  if (isAccept(v)) return simple(R, one(v, 'RELAY') ? 'relay' : 'ok', ['$#', ...v], log, `entry ${found}`);
  return valueRules(R, v, log, '5.7.1', '550 Access denied') ?? otherValue(R, v, log);
}

