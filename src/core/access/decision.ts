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
  if (dsn === 'quarantine') return { ruleset, kind: 'quarantine', returns: ret, dsn: '', reply: wireText(text), lookups, rule };
  return { ruleset, kind: 'error', returns: ret, dsn, reply: formatReply(dsn, wireText(text), null), lookups, rule };
}

/** Codes after which sendmail puts `<address>... ` (err.c, fmtmsg). */
const WITH_ADDRESS = ['050', '250', '252', '450', '550', '553'];

/**
 * The reply line sendmail sends for `$#error $@ dsn $: text` (test/fixtures/access/bs-cases.json):
 * a text that starts with a reply code keeps it, with the rule's DSN or `x.0.0`; any other
 * text is sent as `553 5.3.0 text` whatever the DSN. `<address>... ` follows the DSN for
 * 050, 250, 252, 450, 550 and 553 when the command had an address.
 */
export function formatReply(dsn: string, text: string, address: string | null): string {
  const m = /^([245]\d\d)(?:[ \t]+|$)(.*)$/s.exec(text);
  const code = m ? m[1] : '553';
  const d = m ? dsn || `${code[0]}.0.0` : '5.3.0';
  const rest = m ? m[2] : text;
  const who = address !== null && address !== '' && WITH_ADDRESS.includes(code) ? `${address}... ` : '';
  return `${code} ${d} ${who}${rest}`.trimEnd();
}

/** The SMTP reply for an error decision at a command whose address is `address` (null: none); null when not an error. */
export function smtpReply(d: Decision, address: string | null): string | null {
  if (d.kind !== 'error') return null;
  const i = d.returns.indexOf('$:');
  return formatReply(d.dsn, wireText(d.returns.slice(i + 1)), address);
}

export function simple(ruleset: string, kind: DecisionKind, returns: Tokens, lookups: Lookup[], rule: string): Decision {
  return { ruleset, kind, returns, dsn: '', reply: '', lookups, rule };
}

/** The lookup that found an entry last (the one the decision rests on), if any. */
export function matchedLookup(d: Decision): Lookup | null {
  for (let i = d.lookups.length - 1; i >= 0; i--) if (d.lookups[i].value !== null) return d.lookups[i];
  return null;
}

/** The decision in words, a line each: the keys tried in order, the rule, what the ruleset returns and the reply. */
export function explain(d: Decision): string[] {
  const m = matchedLookup(d);
  const lines = d.lookups.map((l) => (l.value === null ? `${l.key}: not in the map` : `${l.key}: ${l.value}${l === m ? '   <- this entry decides' : ''}`));
  if (d.lookups.length === 0) lines.push('(no key looked up)');
  lines.push(`rule: ${d.rule}`);
  lines.push(`${d.ruleset} returns: ${d.returns.join(' ')}`);
  if (d.kind === 'error') lines.push(`reply: ${d.reply}`);
  return lines;
}
