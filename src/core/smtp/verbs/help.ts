/**
 * HELP [topic] (srvrsmtp.c help()): the help file's lines whose beginning matches
 * the lower-cased topic (a prefix: `HELP c` also shows `cpyr` and `control`), each
 * after its first blank, with $v expanded, $$ made $ and \\x made x (help file version 2).
 * No topic means `smtp`. Unknown: 504 with the topic cut to 10 characters.
 * Fixtures: help*.json.
 */
import { HELPFILE_LINES } from '../helpfile.ts';
import { expandMacros } from '../macros.ts';
import { R214_END_OF_HELP, R214_HELP_LINE, R504_HELP_UNKNOWN } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

export const help: VerbSpec = {
  verb: 'help',
  syntax: 'HELP [ <topic> ]',
  handle(ctx, arg) {
    const version = ctx.config.version.split('/')[0];
    ctx.reply(helpReply(arg, version));
  },
};

/** The reply lines for `HELP <topic>` (topic as the client wrote it, after the command word). */
export function helpReply(topicArg: string, version: string): string[] {
  const topic = topicArg === '' ? 'smtp' : topicArg.toLowerCase();
  const lines: string[] = [];
  for (const entry of HELPFILE_LINES) {
    if (entry.startsWith('#')) continue;
    if (!entry.startsWith(topic)) continue;
    const m = /[ \t]/.exec(entry);
    const text = m ? entry.slice(m.index + 1) : '';
    // expand(): $v is the version, $$ a dollar, and a backslash quotes the next character (\\# → #, help-etrn.json)
    const expanded = expandMacros(text, (name) => (name === 'v' ? version : undefined)).replace(/\\(.)/g, '$1');
    lines.push(R214_HELP_LINE(expanded));
  }
  if (lines.length === 0 && topicArg !== '') return [R504_HELP_UNKNOWN(topic)];
  return [...lines, R214_END_OF_HELP];
}
