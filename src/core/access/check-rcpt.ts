/** check_rcpt: Basic_check_rcpt (Rcpt_ok, RelayTLS, Relay_ok) and the delay_checks wrapper. */
import type { Lookup } from './map.ts';
import { searchAddr, searchHost, searchList, type Source } from './search.ts';
import { cataddr, eqi, tokenize, type Tokens } from './tokens.ts';
import { errorDecision, simple, type Decision } from './decision.ts';
import { macro, tlsClient, type Env } from './tls-rulesets.ts';
import { parseAddress } from './address.ts';
import { checkMail, checkRelay, deferred, endsInClass, inClass, isAccept, one, otherValue, valueRules } from './checks.ts';

const R = 'check_rcpt';
const Q = (s: string): string => `"${s}"`;
type Step = Decision | 'RELAY' | null;

function relayTls(env: Env, log: Lookup[]): boolean {
  const v = tokenize(macro(env.macros, 'verify'));
  if (!(one(v, 'OK') || one(v, 'TRUSTED'))) return false;
  const issuer = macro(env.macros, 'cert_issuer');
  if (tokenize(issuer).length === 0) return false;
  const iv = env.map.get(cataddr(['CERTISSUER', ':', ...tokenize(issuer)]), log);
  const it = iv === null ? [] : tokenize(iv);
  if (one(it, 'RELAY')) return true;
  if (!one(it, 'SUBJECT')) return false;
  const subject = macro(env.macros, 'cert_subject');
  if (tokenize(subject).length === 0) return false;
  const sv = env.map.get(cataddr(['CERTSUBJECT', ':', ...tokenize(subject)]), log);
  return sv !== null && one(tokenize(sv), 'RELAY');
}

function rcptOk(env: Env, local: string, domain: string | null, log: Lookup[]): Step {
  const o = env.features;
  if (o.blocklistRecipients) {
    const src: Source[] = domain === null ? [{ kind: 'U', local }]
      : inClass(o.classW, domain) ? [{ kind: 'F', local, domain }, { kind: 'U', local }, { kind: 'D', domain }]
      : [{ kind: 'F', local, domain }, { kind: 'D', domain }];
    const found = searchList(env.map, 'To', '+', src, o, log);
    if (found !== null) {
      const v = tokenize(found);
      if (!isAccept(v) && !one(v, 'SKIP')) return valueRules(R, v, log, '5.2.1', '550 Mailbox disabled for this recipient') ?? otherValue(R, v, log);
    }
  }
  if (relayTls(env, log)) return simple(R, 'relay', ['$#', 'RELAY'], log, 'RelayTLS: the client certificate issuer (or subject) is RELAY');
  const auth = macro(env.macros, 'auth_type');
  if (auth !== '' && inClass(o.trustAuthMech, auth)) return simple(R, 'relay', ['$#', 'RELAY'], log, 'trusted AUTH mechanism');
  if (domain === null) return 'RELAY';
  if (inClass(o.classW, domain)) return 'RELAY';
  if (o.relayHostsOnly ? inClass(o.classR, domain) : endsInClass(o.classR, domain)) return 'RELAY';
  let v: string | null = null;
  if (o.relaytofulladdress) v = env.map.get(`To:${local}@${domain}`, log);
  if (v === null) {
    if (o.relayHostsOnly) {
      v = env.map.get(`To:${domain}`, log);
      if (v === null) v = env.map.get(domain, log);
    } else v = searchHost(env.map, domain, 'To', '+', o, log);
  }
  if (v !== null && one(tokenize(v), 'RELAY')) return 'RELAY';
  return null;
}

function relayOk(env: Env, log: Lookup[]): Step {
  const o = env.features;
  const addr = macro(env.macros, 'client_addr');
  if (['', '0', '127.0.0.1', 'IPv6:0:0:0:0:0:0:0:1', 'IPv6:::1'].includes(addr)) return 'RELAY';
  if (addr !== '' && searchAddr(env.map, addr, 'Connect', '+', o, log) === 'RELAY') return 'RELAY';
  if (inClass(o.classW, `[${addr}]`)) return 'RELAY';
  if (o.relayMailFrom) {
    const f = parseAddress(macro(env.macros, 'f'));
    if (f.domain !== null && f.local !== '') {
      const src: Source[] = [{ kind: 'F', local: f.local, domain: f.domain }];
      if (o.relayMailFrom === 'domain') src.push({ kind: 'D', domain: f.domain });
      const v = searchList(env.map, 'From', '!', src, o, log);
      if (v !== null && one(tokenize(v), 'RELAY')) return 'RELAY';
    }
  }
  const res = macro(env.macros, 'client_resolve');
  const cn = tokenize(macro(env.macros, 'client_name'));
  if (eqi(res, 'TEMP')) return errorDecision(R, '4.4.0', [Q('450 Relaying temporarily denied. Cannot resolve PTR record for '), ...tokenize(addr)], log, '{client_resolve}=TEMP');
  if (eqi(res, 'FORGED')) return errorDecision(R, '5.7.1', [Q('550 Relaying denied. IP name possibly forged '), ...cn], log, '{client_resolve}=FORGED');
  if (eqi(res, 'FAIL')) return errorDecision(R, '5.7.1', [Q('550 Relaying denied. IP name lookup failed '), ...cn], log, '{client_resolve}=FAIL');
  let name = macro(env.macros, 'client_name');
  if (name.endsWith('.')) name = name.replace(/\.+$/, '');
  if (name === '') return null;
  // `$[ name $]`: the resolver qualifies a one-label name with the local domain (localhost -> localhost.$m)
  if (!name.includes('.') && !name.startsWith('[') && o.domain !== '') name = `${name}.${o.domain}`;
  if (inClass(o.classW, name)) return 'RELAY';
  if (o.relayHostsOnly ? inClass(o.classR, name) : endsInClass(o.classR, name)) return 'RELAY';
  let v: string | null;
  if (o.relayHostsOnly) {
    v = env.map.get(`Connect:${name}`, log);
    if (v === null) v = env.map.get(name, log);
  } else v = searchHost(env.map, name, 'Connect', '+', o, log);
  return v !== null && one(tokenize(v), 'RELAY') ? 'RELAY' : null;
}

function basicCheckRcpt(env: Env, rcpt: string, log: Lookup[]): Decision {
  const raw = tokenize(rcpt);
  if (raw.length === 0 || (raw.length === 2 && raw[0] === '<' && raw[1] === '>'))
    return simple(R, 'error', ['$#', 'error', '$@', 'nouser', '$:', Q('553 User address required')], log, 'empty recipient');
  if (deferred(env)) return simple(R, 'ok', ['deferred'], log, 'delivery mode d (deferred): nothing is checked');
  const a = parseAddress(rcpt);
  const r1 = rcptOk(env, a.local, a.domain, log);
  if (r1 === 'RELAY') return simple(R, 'relay', ['RELAY'], log, 'the recipient may be relayed to (local, class R, To: RELAY)');
  if (r1 !== null) return r1;
  const r2 = relayOk(env, log);
  if (r2 === 'RELAY') return simple(R, 'relay', ['RELAY'], log, 'the client may relay (local, Connect: RELAY)');
  if (r2 !== null) return r2;
  return errorDecision(R, '5.7.1', [Q('550 Relaying denied')], log, 'nothing permits relaying');
}

function withTls(env: Env, d: Decision, log: Lookup[], rest: Tokens): Decision {
  const t = tlsClient(env, macro(env.macros, 'verify'));
  log.push(...t.lookups);
  if (t.kind === 'error') return { ...t, ruleset: R, lookups: log, rule: `delayed tls_client: ${t.rule}` };
  return simple(R, d.kind, rest, log, d.rule);
}

/** check_rcpt with the recipient address. */
export function checkRcpt(env: Env, rcpt: string): Decision {
  const log: Lookup[] = [];
  const d = basicCheckRcpt(env, rcpt, log);
  const dc = env.features.delayChecks;
  if (!dc) return d;
  if (d.kind === 'error' || d.kind === 'discard' || d.kind === 'quarantine') return d;
  if (d.returns[0] === '$#') return withTls(env, d, log, d.returns);
  const a = parseAddress(rcpt);
  const domain = a.domain ?? env.features.hostname;
  let ws: Tokens = [...tokenize(a.local), '<', '@', ...tokenize(domain), '>'];
  if (dc === 'friend' || dc === 'hater') {
    const src: Source[] = inClass(env.features.classW, domain)
      ? [{ kind: 'F', local: a.local, domain }, { kind: 'D', domain }, { kind: 'U', local: a.local }]
      : [{ kind: 'F', local: a.local, domain }, { kind: 'D', domain }];
    const v = searchList(env.map, 'Spam', '!', src, env.features, log);
    const vt = v === null ? [] : tokenize(v);
    if (dc === 'friend' && one(vt, 'FRIEND')) return withTls(env, d, log, ['SPAMFRIEND']);
    if (dc === 'hater' && !one(vt, 'HATER')) return withTls(env, d, log, ['NOSPAMHATER']);
  } else ws = ['<', '?', '>', ...ws];
  const m = checkMail(env, macro(env.macros, 'mail_from'));
  log.push(...m.lookups.filter((l) => !log.includes(l)));
  if (m.returns[0] === '$#') return { ...m, ruleset: R, lookups: log, rule: `delayed check_mail: ${m.rule}` };
  const c = checkRelay(env, macro(env.macros, 'client_name'), macro(env.macros, 'client_addr'));
  log.push(...c.lookups);
  if (c.returns[0] === '$#') return { ...c, ruleset: R, lookups: log, rule: `delayed check_relay: ${c.rule}` };
  return simple(R, d.kind, ws, log, d.rule);
}
