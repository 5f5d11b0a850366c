/**
 * DATA (srvrsmtp.c smtp_data): needs MAIL and at least one accepted RCPT; a
 * client that sends anything after DATA in the same packet, before the 354, is
 * refused and disconnected (transaction stuffing; Debian's 8.17.1.9 checks this
 * even after EHLO: pipelining-everything.json). Then 354 and the collector takes
 * over (collect.ts); the end of the message is handled in transaction.ts.
 */
import { R354_END_DATA, R503_NEED_MAIL, R503_NEED_RCPT, R554_PROTOCOL_ERROR } from '../replies.ts';
import { LOG_INFO, type VerbSpec } from '../verb.ts';

export const data: VerbSpec = {
  verb: 'data',
  syntax: 'DATA',
  handle(ctx, _arg, line) {
    const e = ctx.envelope;
    const s = ctx.session;
    if (!e.gotMail) return ctx.userError(R503_NEED_MAIL, false);
    if (e.goodRcpts <= 0) return ctx.userError(R503_NEED_RCPT, false);
    if (!s.tlsActive && !line.endsPacket) {
      const addr = ctx.config.mode === 'submit' ? '0' : ctx.peer.addr;
      ctx.log(LOG_INFO, `rejecting server DATA from ${ctx.peerName} [${addr}] due to traffic before response`);
      ctx.userError(R554_PROTOCOL_ERROR, false);
      ctx.quit();
      return;
    }
    ctx.reply(R354_END_DATA);
    ctx.startData();
  },
};
