/**
 * RCPT TO:<recipient> [parameters] (srvrsmtp.c CMDRCPT). From here on user
 * errors are logged (LogUsrErrs): syntax, parameters, User unknown. check_rcpt
 * refuses the null address, then the world's policy decides (To: entries, RelayTLS,
 * Connect: RELAY, delay_checks; without a policy: mayRelay()); local addresses must
 * name a user or an alias.
 * A recipient already in the envelope (same local user, or same remote address)
 * is accepted again and echoed as first given (sameaddr(): rcpt-several.json).
 */
import { firstWord, parseAddress, skipWord } from '../address.ts';
import { rcptParams } from '../esmtp-params.ts';
import {
  R250_RECIPIENT_OK,
  R501_SYNTAX_SCANNING,
  R503_NEED_MAIL_BEFORE_RCPT,
  R550_RELAYING_DENIED,
  R550_USER_UNKNOWN,
  R553_USER_ADDRESS_REQUIRED,
} from '../replies.ts';
import type { Recipient } from '../types.ts';
import { LOG_NOTICE, type VerbContext, type VerbSpec } from '../verb.ts';
import { policyLogTail } from '../policy-log.ts';

export const rcpt: VerbSpec = {
  verb: 'rcpt',
  syntax: 'RCPT To:<recipient> [ <parameters> ]',
  handle(ctx, arg) {
    const e = ctx.envelope;
    if (!e.gotMail) return ctx.userError(R503_NEED_MAIL_BEFORE_RCPT, false);
    const p = skipWord(arg, 'to');
    if (p === null) return ctx.userError(R501_SYNTAX_SCANNING(firstWord(arg)), true);
    const parsed = parseAddress(p);
    if (!parsed.ok) return ctx.userError(parsed.reply, true);
    const a = parsed.value;
    const paramError = rcptParams(a.rest, { dsn: ctx.features.offerDsn });
    if (paramError !== null) return ctx.userError(paramError, true);

    // the % hack: user%host@local is mail for user@host, relayed (rcpt-percent-hack.json)
    const pct = a.local.lastIndexOf('%');
    const hack = pct > 0 && !a.local.startsWith('"') && (a.domain === null || ctx.env.isLocalDomain(a.domain));
    const user = hack ? a.local.slice(0, pct) : a.local;
    const domain = hack ? a.local.slice(pct + 1).toLowerCase() : a.domain;
    const local = domain === null || ctx.env.isLocalDomain(domain);
    const policy = ctx.env.policy;
    const decision = a.addr === '' || !policy ? null : ctx.traced('check_rcpt', a.paddr, policy.checkRcpt(ctx.macros(), a.paddr, hack ? `<${user}@${domain}>` : undefined));
    const reject =
      a.addr === '' ? R553_USER_ADDRESS_REQUIRED(a.paddr)
      : decision ? (decision.kind === 'error' ? decision.reply : null)
      : !local && !ctx.env.mayRelay(ctx.peer) ? R550_RELAYING_DENIED(a.paddr) : null;
    if (decision?.kind === 'discard') e.discard = true;
    if (decision?.kind === 'quarantine') e.quarantine = decision.reason;
    if (decision?.kind === 'discard' || decision?.kind === 'quarantine')
      ctx.log(LOG_NOTICE, `ruleset=check_rcpt, arg1=${a.paddr}, relay=${ctx.client}, ${policyLogTail(decision)}`);
    if (reject !== null) {
      ctx.log(LOG_NOTICE, `ruleset=check_rcpt, arg1=${a.paddr}, relay=${ctx.client}, reject=${reject}`);
      return ctx.userError(reject, false);
    }

    const key = local ? `local:${user.toLowerCase()}` : `esmtp:${domain}:${user}`;
    const known = e.find(key);
    if (known) {
      e.goodRcpts++;
      return ctx.reply(R250_RECIPIENT_OK(known.paddr));
    }
    const resolved = resolve(ctx, user, domain, local);
    if (resolved === null) return ctx.userError(R550_USER_UNKNOWN(a.paddr), true);
    e.rcpts.push({ paddr: a.paddr, key, resolved });
    e.nrcpts++;
    e.goodRcpts++;
    // a host the world cannot look up now (no DNS): queued for later (fresh/rcpt-variants.json)
    ctx.reply(R250_RECIPIENT_OK(a.paddr, !local && domain !== null && ctx.domainStatus(domain) === 'tempfail'));
  },
};

function resolve(ctx: VerbContext, local: string, domain: string | null, isLocal: boolean): Recipient | null {
  if (!isLocal) return { kind: 'remote', address: `${local}@${domain}` };
  return ctx.env.lookupRecipient(local.toLowerCase(), domain);
}

