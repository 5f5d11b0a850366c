/** HELO <hostname>: see hello.ts (helo-localhost.json, helo-client.json). */
import type { VerbSpec } from '../verb.ts';
import { hello } from './hello.ts';

export const helo: VerbSpec = {
  verb: 'helo',
  syntax: 'HELO <hostname>',
  allowedWhenRejecting: true,
  handle: (ctx, arg, line) => hello(ctx, false, line.text.trimStart().split(/[ \t\n\v\f\r]/)[0], arg, line),
};
