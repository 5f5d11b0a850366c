/**
 * AUTH mechanism [initial-response] (srvrsmtp.c CMDAUTH). Debian links Cyrus SASL,
 * so the command exists even where no mechanism is offered: then every mechanism
 * is "not available" (auth-not-available.json). Where mechanisms are offered
 * (the fresh world: DIGEST-MD5 CRAM-MD5), the server sends a challenge and any
 * answer fails: the world has no SASL users.
 * SIMPLIFIED: the challenge is a fixed-form CRAM-MD5/DIGEST-MD5-like string derived
 * from the clock, and no AUTH failure line is logged.
 */
import {
  R501_AUTH_MECH_REQUIRED,
  R503_AUTH_IN_TRANSACTION,
  R504_AUTH_MECH_NOT_AVAILABLE,
} from '../replies.ts';
import type { VerbSpec } from '../verb.ts';

export const auth: VerbSpec = {
  verb: 'auth',
  syntax: 'AUTH mechanism [initial-response]',
  handle(ctx, arg) {
    if (ctx.envelope.gotMail) return ctx.reply(R503_AUTH_IN_TRANSACTION);
    const m = /^(\S*)\s*(.*)$/.exec(arg);
    const mech = m ? m[1] : '';
    if (mech === '') return ctx.reply(R501_AUTH_MECH_REQUIRED);
    const offered = ctx.features.authMechanisms.find((x) => x.toLowerCase() === mech.toLowerCase());
    if (offered === undefined) return ctx.reply(R504_AUTH_MECH_NOT_AVAILABLE(mech));
    const now = ctx.env.now();
    const challenge =
      offered.toUpperCase() === 'CRAM-MD5'
        ? `<${Math.floor(now / 1000) % 1000000000}.${now % 1000}@${ctx.hostname}>`
        : `realm="${ctx.hostname}",nonce="${base64(String(now)).replace(/=+$/, '')}",qop="auth,auth-int,auth-conf",cipher="rc4-40,rc4-56,rc4,des,3des",maxbuf=65536,charset=utf-8,algorithm=md5-sess`;
    ctx.reply(`334 ${base64(challenge)}`);
    ctx.session.authPending = true;
  },
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a latin1 string. */
export function base64(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i) & 0xff;
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < s.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < s.length ? B64[n & 63] : '=';
  }
  return out;
}
