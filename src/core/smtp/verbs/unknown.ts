/**
 * Anything else: 500 with the whole line echoed (unknown-command.json); after 25
 * bad commands the connection is closed (MAXBADCOMMANDS). WIZ, DEBUG and SHOWQ,
 * "door handle" commands, are also logged at LOG_CRIT first.
 */
import { R421_TOO_MANY_BAD, R500_UNRECOGNIZED } from '../replies.ts';
import { LOG_CRIT, type VerbContext, type VerbSpec } from '../verb.ts';
import type { InputLine } from '../line-reader.ts';

/** MAXBADCOMMANDS. */
export const MAX_BAD_COMMANDS = 25;

export function unrecognized(ctx: VerbContext, line: InputLine): void {
  if (++ctx.session.nBadCommands > MAX_BAD_COMMANDS) {
    ctx.reply(R421_TOO_MANY_BAD(ctx.hostname));
    ctx.quit();
    return;
  }
  ctx.userError(R500_UNRECOGNIZED(line.text), false);
}

const bogus = (verb: string): VerbSpec => ({
  verb,
  syntax: verb.toUpperCase(),
  kind: 'bogus',
  handle(ctx, _arg, line) {
    const addr = ctx.config.mode === 'submit' ? '0' : ctx.peer.addr;
    ctx.log(LOG_CRIT, `"${verb}" command from ${ctx.client} (${addr})`);
    unrecognized(ctx, line);
  },
});

export const wiz = bogus('wiz');
export const debug = bogus('debug');
export const showq = bogus('showq');
