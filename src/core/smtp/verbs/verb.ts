/** VERB: 250 Verbose mode where EXPN and VERB are offered, else 502 (verb.json; -bs with goaway). */
import { R250_VERBOSE, R502_VERBOSE_UNAVAILABLE } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';
import { MAX_NOOP } from './noop.ts';

export const verb: VerbSpec = {
  verb: 'verb',
  syntax: 'VERB',
  handle(ctx) {
    if (!ctx.features.offerExpn || !ctx.features.offerVerb) return ctx.reply(R502_VERBOSE_UNAVAILABLE);
    ctx.checkAttack('nNoop', MAX_NOOP, 'VERB', true);
    ctx.session.verbose = true;
    ctx.reply(R250_VERBOSE);
  },
};
