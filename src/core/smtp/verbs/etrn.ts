/**
 * ETRN [ <hostname> | @<domain> | #<queuename> ] (srvrsmtp.c CMDETRN): refused
 * (502, logged "[rejected]") where PrivacyOptions has noetrn; otherwise logged and
 * answered "Queuing for node ... started" (etrn-arg.json). SIMPLIFIED: the queue
 * run it starts is not simulated here.
 */
import { shorten } from '../replies.ts';
import { R250_QUEUING_NODE, R459_QUEUE_UNKNOWN, R500_PARAMETER_REQUIRED, R502_NOT_ALLOWED } from '../replies.ts';
import { LOG_INFO, type VerbSpec } from '../verb.ts';

/** MAXETRNCOMMANDS. */
const MAX_ETRN = 8;

export const etrn: VerbSpec = {
  verb: 'etrn',
  syntax: 'ETRN [ <hostname> | @<domain> | #<queuename> ]',
  issues: true,
  handle(ctx, arg, line) {
    if (!ctx.features.offerEtrn) {
      ctx.reply(R502_NOT_ALLOWED);
      ctx.log(LOG_INFO, `${ctx.client}: ${shorten(line.text)} [rejected]`);
      return;
    }
    if (arg === '') return ctx.userError(R500_PARAMETER_REQUIRED, false);
    ctx.checkAttack('nEtrn', MAX_ETRN, 'ETRN', true);
    ctx.log(LOG_INFO, `${ctx.client}: ETRN ${shorten(arg)}`);
    if (arg.startsWith('#')) {
      const group = arg.slice(1);
      if (group !== 'mqueue') return ctx.userError(R459_QUEUE_UNKNOWN(group), false);
      ctx.reply(`250 2.0.0 Queuing for queue group ${group} started`);
      return;
    }
    ctx.reply(R250_QUEUING_NODE(arg));
  },
};
