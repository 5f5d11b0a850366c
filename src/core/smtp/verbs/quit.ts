/** QUIT [anything]: 221 and the server closes (greeting-quit.json, quit-with-arg.json). */
import { R221_CLOSING } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

export const quit: VerbSpec = {
  verb: 'quit',
  syntax: 'QUIT',
  allowedWhenRejecting: true,
  handle(ctx) {
    ctx.reply(R221_CLOSING(ctx.hostname));
    ctx.quit();
  },
};
