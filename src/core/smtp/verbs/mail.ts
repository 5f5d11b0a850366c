/**
 * MAIL FROM:<sender> [parameters] (srvrsmtp.c CMDMAIL). In Sendmail's order:
 * HELO first (needmailhelo), one sender per transaction, `FROM:` syntax, the
 * address (prescan), then the sender counts as given (a from= line is due), the
 * ESMTP parameters, the check_mail ruleset (the world's policy: tls_client, From:
 * entries, a domain is required and must exist; without a policy Debian's domain
 * checks only), the SIZE= limit. Only ruleset rejections are logged.
 * Fixtures: mail-*.json.
 */
import { firstWord, parseAddress, skipWord } from '../address.ts';
import { mailParams } from '../esmtp-params.ts';
import {
  R250_SENDER_OK,
  R501_SYNTAX_SCANNING,
  R503_HELO_FIRST,
  R503_SENDER_ALREADY,
  R552_SIZE_EXCEEDS,
  R451_DOMAIN_NOT_RESOLVE,
  R553_DOMAIN_NOT_EXIST,
  R553_DOMAIN_REQUIRED,
} from '../replies.ts';
import { LOG_NOTICE, type VerbContext, type VerbSpec } from '../verb.ts';
import { policyLogTail } from '../policy-log.ts';

export const mail: VerbSpec = {
  verb: 'mail',
  syntax: 'MAIL From:<sender> [ <parameters> ]',
  issues: true,
  handle(ctx, arg) {
    const s = ctx.session;
    const e = ctx.envelope;
    if (!s.gotHello && ctx.features.needMailHelo) return ctx.userError(R503_HELO_FIRST, false);
    if (e.gotMail) return ctx.userError(R503_SENDER_ALREADY, false);
    const p = skipWord(arg, 'from');
    if (p === null) return ctx.userError(R501_SYNTAX_SCANNING(firstWord(arg)), false);
    if (s.protocol === null) s.protocol = 'SMTP';

    const parsed = parseAddress(p);
    if (!parsed.ok) return ctx.userError(parsed.reply, false);
    const a = parsed.value;
    e.logSender = true;
    e.fromPaddr = a.paddr;
    e.fromAddr = a.addr;
    e.size = 0;
    e.bodyType = null;
    e.protocol = s.protocol;

    const params = mailParams(a.rest, { dsn: ctx.features.offerDsn });
    e.size = params.partial.size;
    e.bodyType = params.partial.bodyType;
    if ('reply' in params) return ctx.userError(params.reply, false);

    const policy = ctx.env.policy;
    const decision = policy ? ctx.traced('check_mail', a.paddr, policy.checkMail(ctx.macros(), a.paddr)) : null;
    const reject = policy ? (decision?.kind === 'error' ? decision.reply : null) : checkMail(ctx, a.paddr, a.addr, a.local, a.domain);
    if (decision?.kind === 'discard') e.discard = true;
    if (decision?.kind === 'quarantine') e.quarantine = decision.reason;
    if (decision?.kind === 'discard' || decision?.kind === 'quarantine')
      ctx.log(LOG_NOTICE, `ruleset=check_mail, arg1=${a.paddr}, relay=${ctx.client}, ${policyLogTail(decision)}`);
    if (reject !== null) {
      ctx.log(LOG_NOTICE, `ruleset=check_mail, arg1=${a.paddr}, relay=${ctx.client}, reject=${reject}`);
      return ctx.userError(reject, false);
    }
    const max = ctx.config.maxMessageSize;
    if (max !== null && max > 0 && e.size > max) return ctx.userError(R552_SIZE_EXCEEDS(max), false);

    ctx.reply(R250_SENDER_OK(a.paddr));
    e.gotMail = true;
  },
};

/**
 * Debian's check_mail: a qualified sender (unqualified ones are qualified with $j
 * unless FEATURE(nocanonify)) whose domain exists (sendmail.cf: <PERM> 553, <TEMP> 451).
 */
function checkMail(ctx: VerbContext, paddr: string, addr: string, local: string, domain: string | null): string | null {
  if (addr === '') return null; // <>: bounces
  if (domain === null) return ctx.config.acceptUnqualifiedSenders ? null : R553_DOMAIN_REQUIRED(paddr, local);
  const status = ctx.domainStatus(domain);
  if (status === 'unknown') return R553_DOMAIN_NOT_EXIST(paddr, addr);
  if (status === 'tempfail') return R451_DOMAIN_NOT_RESOLVE(paddr, addr);
  return null;
}
