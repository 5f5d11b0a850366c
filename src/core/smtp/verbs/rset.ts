/** RSET: 250 Reset state, and a new envelope with its own queue id (rset.json). */
import { R250_RESET } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

export const rset: VerbSpec = {
  verb: 'rset',
  syntax: 'RSET',
  allowedWhenRejecting: true,
  handle(ctx) {
    ctx.reply(R250_RESET);
    ctx.resetEnvelope();
  },
};
