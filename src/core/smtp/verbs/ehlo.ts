/** EHLO <hostname>: see hello.ts (ehlo-localhost.json, ehlo-client.json). */
import type { VerbSpec } from '../verb.ts';
import { hello } from './hello.ts';

export const ehlo: VerbSpec = {
  verb: 'ehlo',
  syntax: 'EHLO <hostname>',
  allowedWhenRejecting: true,
  handle: (ctx, arg, line) => hello(ctx, true, line.text.trimStart().split(/[ \t\n\v\f\r]/)[0], arg, line),
};
