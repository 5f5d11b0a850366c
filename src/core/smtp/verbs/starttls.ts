/**
 * STARTTLS (srvrsmtp.c CMDSTLS): no parameters; only while TLS is configured,
 * usable and not already active (else 454 "TLS not available after start");
 * not during a mail transaction. After `220 2.0.0 Ready to start TLS` the next
 * bytes must be a TLS ClientHello: the server hands them to the world
 * (SmtpServer.awaitingTls / takeTlsBytes) and, if they are plain text, drops the
 * connection with "wrong version number" (starttls-plaintext.json).
 */
import { R220_READY_TLS, R454_TLS_NOT_AVAILABLE, R501_NO_PARAMS, R503_TLS_IN_TRANSACTION } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

export const starttls: VerbSpec = {
  verb: 'starttls',
  syntax: 'STARTTLS',
  handle(ctx, arg) {
    if (arg !== '') return ctx.reply(R501_NO_PARAMS);
    if (!ctx.session.tlsOffered || ctx.session.tlsActive || !ctx.env.tlsAvailable()) return ctx.reply(R454_TLS_NOT_AVAILABLE);
    if (ctx.envelope.gotMail) return ctx.reply(R503_TLS_IN_TRANSACTION);
    ctx.reply(R220_READY_TLS);
    ctx.startTls();
  },
};
