/**
 * Commands of RFC 821 that Sendmail knows but does not implement (SEND, SAML,
 * SOML, TURN): 502 with the whole line echoed (not-implemented.json).
 */
import { R502_NOT_IMPLEMENTED } from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

const unimpl = (verb: string, syntax: string): VerbSpec => ({
  verb,
  syntax,
  kind: 'unimplemented',
  handle: (ctx, _arg, line) => ctx.userError(R502_NOT_IMPLEMENTED(line.text), false),
});

export const send = unimpl('send', 'SEND FROM:<sender>');
export const saml = unimpl('saml', 'SAML FROM:<sender>');
export const soml = unimpl('soml', 'SOML FROM:<sender>');
export const turn = unimpl('turn', 'TURN');
