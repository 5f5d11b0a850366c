/** NOOP [anything]: 250 2.0.0 OK; the 20th NOOP/VERB logs a possible attack (MaxNOOPCommands) (noop.json). */
import { R250_OK } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

/** MaxNOOPCommands (conf.c default 20), shared by NOOP and VERB. */
export const MAX_NOOP = 20;

export const noop: VerbSpec = {
  verb: 'noop',
  syntax: 'NOOP',
  allowedWhenRejecting: true,
  handle(ctx) {
    ctx.checkAttack('nNoop', MAX_NOOP, 'NOOP', true);
    ctx.reply(R250_OK);
  },
};
