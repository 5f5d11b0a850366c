/** EXPN <recipient>: see verify.ts (expn-*.json). */
import type { VerbSpec } from '../verb.ts';
import { verify } from './verify.ts';

export const expn: VerbSpec = {
  verb: 'expn',
  syntax: 'EXPN <recipient>',
  issues: true,
  handle: (ctx, arg, line) => verify(ctx, false, arg, line),
};
