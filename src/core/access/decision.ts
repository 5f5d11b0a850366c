/** What a ruleset returns, as sendmail -bt prints it and as the SMTP client sees it. */
import type { Lookup } from './map.ts';
import { btText, tokenize, wireText, type Tokens } from './tokens.ts';

export type DecisionKind = 'ok' | 'error' | 'discard' | 'quarantine' | 'relay' | 'features' | 'temp';

export interface Decision {
  readonly ruleset: string;
  readonly kind: DecisionKind;
  /** The workspace returned, token by token (`sendmail -bt`'s `returns:` line is these joined by blanks). */
  readonly returns: Tokens;
  /** For errors: the DSN (`4.7.0`), or '' when the rule gave none. */
  readonly dsn: string;
  /** For errors: the reply as sent, e.g. `454 4.7.0 encryption too weak 0 less than 112`. */
  readonly reply: string;
  /** Every key looked up, in order; the last one with a value is the one that decided. */
  readonly lookups: Lookup[];
  /** Which rule produced the result, in words. */
  readonly rule: string;
}

export function returnsLine(d: Decision): string {
  return btText(d.returns);
}

/** `$# error $@ d.s.n $: text` with text given as tokens. */
export function errorDecision(ruleset: string, dsn: string, text: Tokens, lookups: Lookup[], rule: string): Decision {
  const ret = ['$#', 'error', ...(dsn ? ['$@', ...tokenize(dsn)] : []), '$:', ...text];
  const msg = wireText(text);
  const m = /^(\d{3})\s*(.*)$/.exec(msg);
  let reply: string;
  if (dsn === 'quarantine') reply = msg;
  else if (m) {
    const d = dsn || `${m[1][0]}.0.0`;
    reply = `${m[1]} ${d} ${m[2]}`.trimEnd();
  } else reply = `553 5.0.0 ${msg}`.trimEnd();
  const kind: DecisionKind = dsn === 'quarantine' ? 'quarantine' : 'error';
  return { ruleset, kind, returns: ret, dsn: dsn === 'quarantine' ? '' : dsn, reply, lookups, rule };
}

export function simple(ruleset: string, kind: DecisionKind, returns: Tokens, lookups: Lookup[], rule: string): Decision {
  return { ruleset, kind, returns, dsn: '', reply: '', lookups, rule };
}
