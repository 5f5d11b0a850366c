/**
 * ESMTP parameters after the address in MAIL and RCPT (parse_esmtp_args,
 * mail_esmtp_args, rcpt_esmtp_args in srvrsmtp.c). The first error ends the
 * scan and becomes the reply. Keys are matched case-insensitively and echoed as
 * typed (`555 5.5.4 FOO parameter unrecognized`, mail-unknown-param.json).
 */
import {
  R501_BAD_NOTIFY,
  R501_BAD_RET,
  R501_DUPLICATE,
  R501_REQUIRES_VALUE,
  R501_SYNTAX_PARAM_VALUE,
  R501_TOO_MANY_PARAMS,
  R501_UNKNOWN_BODY,
  R504_NO_DSN,
  R552_SIZE_INVALID,
  R552_SIZE_MAX_VALUE,
  R555_PARAM_UNRECOGNIZED,
} from './replies.ts';

/** Sendmail's MAXSMTPARGS. */
const MAX_SMTP_ARGS = 20;

const isSpace = (c: string | undefined): boolean => c !== undefined && /[ \t\n\v\f\r]/.test(c);
const isKeyChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9-]/.test(c);
const isCntrl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** Splits parameters the way parse_esmtp_args() does: `KEY` or `KEY=value`. */
export function splitParams(rest: string): { key: string; value: string | null }[] {
  const out: { key: string; value: string | null }[] = [];
  let p = 0;
  while (p < rest.length) {
    while (isSpace(rest[p])) p++;
    if (p >= rest.length) break;
    const k0 = p;
    while (isKeyChar(rest[p])) p++;
    let key = rest.slice(k0, p);
    let value: string | null = null;
    if (rest[p] === '=') {
      p++;
      const v0 = p;
      while (p < rest.length && rest[p] !== ' ' && !isCntrl(rest[p]) && rest[p] !== '=') p++;
      value = rest.slice(v0, p);
    }
    if (p < rest.length) p++; // the terminating character is overwritten with NUL
    out.push({ key, value });
    key = '';
  }
  return out;
}

/** What MAIL's parameters set on the envelope. */
export interface MailParams {
  size: number;
  bodyType: string | null;
  envid: string | null;
  ret: string | null;
}

/** xtext (RFC 3461 §4): printable ASCII except '+' and '=', with +XX escapes. */
function xtextOk(s: string): boolean {
  return /^(?:[\x21-\x2a\x2c-\x3c\x3e-\x7e]|\+[0-9A-F]{2})*$/.test(s);
}

/** mail_esmtp_args(): the first error reply, or the parameters. */
export function mailParams(
  rest: string,
  opts: { dsn: boolean },
): ({ reply: string } | { params: MailParams }) & { partial: MailParams } {
  const params: MailParams = { size: 0, bodyType: null, envid: null, ret: null };
  const fail = (reply: string): { reply: string; partial: MailParams } => ({ reply, partial: params });
  let n = 1;
  let auth = false;
  for (const { key, value } of splitParams(rest)) {
    const k = key.toLowerCase();
    if (k === 'size') {
      if (value === null) return fail(R501_REQUIRES_VALUE('SIZE'));
      const m = /^[ \t]*([+-]?\d+)/.exec(value);
      const v = m ? Number(m[1]) : 0;
      if (v > 9223372036854775807) return fail(R552_SIZE_MAX_VALUE);
      if (v < 0) return fail(R552_SIZE_INVALID);
      params.size = v;
    } else if (k === 'body') {
      if (value === null) return fail(R501_REQUIRES_VALUE('BODY'));
      const b = value.toLowerCase();
      if (b !== '8bitmime' && b !== '7bit') return fail(R501_UNKNOWN_BODY(value));
      params.bodyType = value;
    } else if (k === 'envid') {
      if (!opts.dsn) return fail(R504_NO_DSN('ENVID'));
      if (value === null) return fail(R501_REQUIRES_VALUE('ENVID'));
      if (!xtextOk(value)) return fail(R501_SYNTAX_PARAM_VALUE('ENVID'));
      if (params.envid !== null) return fail(R501_DUPLICATE('ENVID'));
      params.envid = value;
    } else if (k === 'ret') {
      if (!opts.dsn) return fail(R504_NO_DSN('RET'));
      if (value === null) return fail(R501_REQUIRES_VALUE('RET'));
      if (params.ret !== null) return fail(R501_DUPLICATE('RET'));
      const r = value.toLowerCase();
      if (r !== 'hdrs' && r !== 'full') return fail(R501_BAD_RET(value));
      params.ret = value;
    } else if (k === 'auth') {
      if (value === null) return fail('501 5.5.2 AUTH= requires a value');
      if (auth) return fail(R501_DUPLICATE('AUTH'));
      if (!xtextOk(value)) return fail(R501_SYNTAX_PARAM_VALUE('AUTH'));
      auth = true; // not trusted without AUTH: Sendmail ignores it (trust_auth)
    } else if (k === 'by') {
      const r = byParam(value);
      if (r !== null) return fail(r);
    } else {
      return fail(R555_PARAM_UNRECOGNIZED(key));
    }
    if (++n >= MAX_SMTP_ARGS - 1) return fail(R501_TOO_MANY_PARAMS);
  }
  return { params, partial: params };
}

/** BY=<time>;<mode>[T] (RFC 2852), accepted because DELIVERBY is offered (DeliverByMin 0). */
function byParam(value: string | null): string | null {
  if (value === null) return '501 5.5.2 BY= requires a value';
  const m = /^[ \t]*([+-]?\d*)/.exec(value);
  const digits = m ? m[1] : '';
  const n = /\d/.test(digits) ? Number(digits) : 0;
  if (Math.abs(n) > 999999999) return `501 5.5.2 BY=${value} out of range`;
  let s = (m ? m[0].length : 0);
  if (value[s] !== ';') return "501 5.5.2 BY= missing ';'";
  s++;
  while (isSpace(value[s])) s++;
  const mode = (value[s] ?? '').toLowerCase();
  const prt = (c: string | undefined): string => (c !== undefined && c >= ' ' && c < '\x7f' ? c : '?');
  if (mode === 'r') {
    if (n <= 0) return '501 5.5.4 mode R requires BY time > 0';
  } else if (mode !== 'n') {
    return `501 5.5.2 illegal by-mode '${prt(value[s] ?? '\0')}'`;
  }
  s++;
  while (isSpace(value[s])) s++;
  const trace = value[s];
  if (trace !== undefined && trace.toLowerCase() !== 't') return `501 5.5.2 illegal by-trace '${prt(trace)}'`;
  return null;
}

/** rcpt_esmtp_args(): the first error reply, or null. */
export function rcptParams(rest: string, opts: { dsn: boolean }): string | null {
  let n = 1;
  let orcpt = false;
  for (const { key, value } of splitParams(rest)) {
    const k = key.toLowerCase();
    if (k === 'notify') {
      if (!opts.dsn) return R504_NO_DSN('NOTIFY');
      if (value === null) return R501_REQUIRES_VALUE('NOTIFY');
      if (value.toLowerCase() !== 'never') {
        for (const v of value.split(',')) {
          if (!['success', 'failure', 'delay'].includes(v.toLowerCase())) return R501_BAD_NOTIFY(v);
        }
      }
    } else if (k === 'orcpt') {
      if (!opts.dsn) return R504_NO_DSN('ORCPT');
      if (value === null) return R501_REQUIRES_VALUE('ORCPT');
      if (orcpt) return R501_DUPLICATE('ORCPT');
      const semi = value.indexOf(';');
      if (semi < 0 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/.test(value.slice(0, semi)) || !xtextOk(value.slice(semi + 1))) {
        return R501_SYNTAX_PARAM_VALUE('ORCPT');
      }
      orcpt = true;
    } else {
      return R555_PARAM_UNRECOGNIZED(key);
    }
    if (++n >= MAX_SMTP_ARGS - 1) return R501_TOO_MANY_PARAMS;
  }
  return null;
}
