/**
 * HELO and EHLO (srvrsmtp.c CMDHELO/CMDEHLO), shared by helo.ts and ehlo.ts:
 *   1. the protocol ($r) becomes SMTP, ESMTP or ESMTPS;
 *   2. the third HELO/EHLO of a connection logs "possible SMTP attack" (helo-three-times.json);
 *   3. anything already sent after the command line, in the same packet, is
 *      "traffic before response": 554 and every later command is rejected
 *      (pipelining-ehlo-noop.json), unless inside TLS;
 *   4. the argument must be a plausible domain (helo-no-arg.json, helo-bad-name.json);
 *   5. a second HELO/EHLO (or one after MAIL) resets the transaction;
 *   6. the Hello line names the client as resolved, never by its argument.
 */
import { ehloKeywords } from '../features.ts';
import type { InputLine } from '../line-reader.ts';
import { R250_HELLO, R501_INVALID_DOMAIN, R501_REQUIRES_DOMAIN, R554_PROTOCOL_ERROR } from '../replies.ts';
import { LOG_INFO, type VerbContext } from '../verb.ts';

/** Sendmail's MAXNAME: a longer HELO argument is refused. */
const MAXNAME = 256;
/** MAXHELOCOMMANDS. */
const MAX_HELO = 3;

export function hello(ctx: VerbContext, extended: boolean, verbWord: string, arg: string, line: InputLine): void {
  const s = ctx.session;
  s.protocol = extended ? (s.tlsActive ? 'ESMTPS' : 'ESMTP') : 'SMTP';
  ctx.checkAttack('nHelo', MAX_HELO, 'HELO/EHLO', true);

  if (!s.tlsActive && !line.endsPacket) {
    const addr = ctx.config.mode === 'submit' ? '0' : ctx.peer.addr;
    ctx.log(LOG_INFO, `rejecting server ${extended ? 'EHLO' : 'HELO'} from ${ctx.peerName} [${addr}] due to traffic before response`);
    ctx.userError(R554_PROTOCOL_ERROR, false);
    s.nullServer = 'Command rejected';
    return;
  }
  if (arg === '') {
    ctx.userError(R501_REQUIRES_DOMAIN(verbWord), false);
    return;
  }
  if (arg.length > MAXNAME) {
    ctx.userError(R501_INVALID_DOMAIN, false);
    return;
  }
  const name = validHeloName(arg);
  if (name === null) {
    ctx.userError(R501_INVALID_DOMAIN, false);
    return;
  }
  if (s.gotHello || ctx.envelope.gotMail) ctx.resetEnvelope();
  s.gotHello = true;
  s.heloName = name;

  if (!extended) {
    ctx.reply(R250_HELLO(ctx.hostname, ctx.client));
    return;
  }
  if (s.nullServer !== null) {
    ctx.reply([R250_HELLO(ctx.hostname, ctx.client, '-'), '250 ENHANCEDSTATUSCODES']);
    return;
  }
  const keywords = ehloKeywords(ctx.config, ctx.features, s.tlsOffered && !s.tlsActive && ctx.env.tlsAvailable());
  ctx.reply([
    R250_HELLO(ctx.hostname, ctx.client, '-'),
    ...keywords.map((k, i) => `250${i === keywords.length - 1 ? ' ' : '-'}${k}`),
  ]);
}

/** The argument up to trailing white space if it uses only letters, digits and []. - _ # :; else null. */
export function validHeloName(arg: string): string | null {
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (/[A-Za-z0-9]/.test(c)) continue;
    if (/[ \t\n\v\f\r]/.test(c)) return /^[ \t\n\v\f\r]*$/.test(arg.slice(i)) ? arg.slice(0, i) : null;
    if (!'[].-_#:'.includes(c)) return null;
  }
  return arg;
}
