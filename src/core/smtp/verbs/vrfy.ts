/** VRFY <recipient>: see verify.ts (vrfy-*.json). */
import type { VerbSpec } from '../verb.ts';
import { verify } from './verify.ts';

export const vrfy: VerbSpec = {
  verb: 'vrfy',
  syntax: 'VRFY <recipient>',
  issues: true,
  handle: (ctx, arg, line) => verify(ctx, true, arg, line),
};
