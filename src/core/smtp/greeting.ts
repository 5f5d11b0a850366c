/**
 * The 220 greeting: SmtpGreetingMessage expanded, with "ESMTP" inserted after
 * its first word (srvrsmtp.c); a template with newlines gives a multi-line 220.
 *   '$j Sendmail $v/$Z; $b'  ─►  '220 mail.example.test ESMTP Sendmail 8.17.1.9/8.17.1.9/Debian-2+deb12u2; Sat, 28 Nov 2026 12:58:59 GMT'
 * (greeting-quit.json; Debian's stock template: sendmail.md "fresh world").
 */
import { arpadate } from './format.ts';
import { expandMacros } from './macros.ts';
import type { SmtpConfig } from './types.ts';

/** The upstream default, used by the reference world's sendmail.mc. */
export const UPSTREAM_GREETING = '$j Sendmail $v/$Z; $b';
/** Debian's ostype/debian.m4 confSMTP_LOGIN_MSG (the fresh world and submit.cf). */
export const DEBIAN_GREETING =
  '$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging access from: ${client_name}(${client_resolve})-$_$.';

export interface GreetingMacros {
  /** {client_name}, {client_resolve}, {client_addr} and $_ of this connection. */
  clientName: string;
  clientResolve: string;
  clientAddr: string;
  client: string;
}

/** The greeting reply lines (without CRLF). */
export function greetingLines(config: SmtpConfig, now: number, m: GreetingMacros): string[] {
  const slash = config.version.indexOf('/');
  const v = slash < 0 ? config.version : config.version.slice(0, slash);
  const z = slash < 0 ? '' : config.version.slice(slash + 1);
  const macros: Record<string, string> = {
    j: config.hostname,
    v,
    Z: z,
    b: arpadate(now),
    _: m.client,
    client_name: m.clientName,
    client_resolve: m.clientResolve,
    client_addr: m.clientAddr,
  };
  const text = expandMacros(config.greetingTemplate, (name) => macros[name]);
  const parts = text.split('\n');
  const first = parts[0];
  const sp = first.indexOf(' ');
  const head = sp < 0 ? first : first.slice(0, sp);
  const tail = sp < 0 ? '' : first.slice(sp);
  const lines = [`${head} ESMTP${tail}`, ...parts.slice(1).map((l) => l.replace(/^[ \t\n\v\f\r]/, ''))];
  return lines.map((l, i) => `220${i === lines.length - 1 ? ' ' : '-'}${l}`);
}
