/** The verb table: Sendmail's CmdTab as a typed Map (STYLE.md §5.6). */
import type { VerbSpec } from '../verb.ts';
import { auth } from './auth.ts';
import { data } from './data.ts';
import { ehlo } from './ehlo.ts';
import { etrn } from './etrn.ts';
import { expn } from './expn.ts';
import { helo } from './helo.ts';
import { help } from './help.ts';
import { mail } from './mail.ts';
import { noop } from './noop.ts';
import { quit } from './quit.ts';
import { rcpt } from './rcpt.ts';
import { rset } from './rset.ts';
import { starttls } from './starttls.ts';
import { saml, send, soml, turn } from './unimplemented.ts';
import { debug, showq, wiz } from './unknown.ts';
import { verb } from './verb.ts';
import { vrfy } from './vrfy.ts';

export const VERBS: ReadonlyMap<string, VerbSpec> = new Map(
  [mail, rcpt, data, rset, vrfy, expn, help, noop, quit, helo, ehlo, etrn, verb, send, saml, soml, turn, auth, starttls, showq, debug, wiz].map(
    (v) => [v.verb, v] as const,
  ),
);
