/** Run a ruleset by name with the argument as typed in `sendmail -bt` (`$|` separating parts). */
import type { Decision } from './decision.ts';
import { tlsClient, tlsServer, tlsRcpt, tryTls, srvFeatures, cltFeatures, type Env } from './tls-rulesets.ts';
import { checkRelay, checkMail } from './checks.ts';
import { checkRcpt } from './check-rcpt.ts';

function split(arg: string): [string, string] {
  const i = arg.indexOf('$|');
  return i < 0 ? [arg.trim(), ''] : [arg.slice(0, i).trim(), arg.slice(i + 2).trim()];
}

export const RULESETS: Record<string, (env: Env, arg: string) => Decision | null> = {
  tls_client: (env, arg) => (arg.includes('$|') ? tlsClient(env, split(arg)[0]) : null),
  tls_server: (env, arg) => tlsServer(env, arg.trim()),
  tls_rcpt: (env, arg) => tlsRcpt(env, arg),
  try_tls: (env) => tryTls(env),
  srv_features: (env) => srvFeatures(env),
  clt_features: (env) => cltFeatures(env),
  check_relay: (env, arg) => (arg.includes('$|') ? checkRelay(env, ...split(arg)) : null),
  check_mail: (env, arg) => checkMail(env, arg),
  check_rcpt: (env, arg) => checkRcpt(env, arg),
};

/** The decision, or null when the ruleset is unknown here or the argument is not of its form. */
export function runRuleset(name: string, arg: string, env: Env): Decision | null {
  const r = RULESETS[name];
  if (!r) return null;
  if (env.features.delayChecks && (name === 'check_mail' || name === 'check_relay')) return null;
  return r(env, arg);
}
