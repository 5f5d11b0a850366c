/**
 * The access map in live SMTP sessions: core/smtp asks (SmtpPolicy) at connect, after
 * STARTTLS, at MAIL and at RCPT; core/access decides with the rulesets check_relay,
 * tls_client, check_mail and check_rcpt of the generated sendmail.cf; this file joins
 * them with the world: access.db as makemap wrote it (read when a connection starts, as
 * Sendmail opens the map), the features of the daemon's sendmail.cf, classes w and R,
 * and the sender-domain resolver (/etc/hosts, no DNS).
 * Checked against real Sendmail dialogues: test/fixtures/access-live/.
 */
import {
  AccessMap,
  checkMail,
  checkRcpt,
  checkRelay,
  explain,
  smtpReply,
  tlsClient,
  type Decision,
  type Env,
  type Features,
} from '../access/index.ts';
import type { PolicyResult, SessionMacros, SmtpPolicy } from '../smtp/index.ts';

export type Resolver = (domain: string) => 'OK' | 'TEMP' | 'PERM';

/** A decision as the SMTP server acts on it; `address` is put in error replies as Sendmail does. */
export function policyResult(d: Decision, address: string | null): PolicyResult {
  const trace = explain(d);
  switch (d.kind) {
    case 'error':
      return { kind: 'error', reply: smtpReply(d, address) ?? d.reply, trace };
    case 'discard':
      return { kind: 'discard', trace };
    case 'quarantine':
      return { kind: 'quarantine', reason: d.reply, trace };
    case 'relay':
      return { kind: 'relay', trace };
    default:
      return { kind: 'ok', trace };
  }
}

export class AccessPolicy implements SmtpPolicy {
  constructor(
    private readonly map: AccessMap,
    private readonly features: Features,
    private readonly resolve: Resolver,
  ) {}

  #env(m: SessionMacros): Env {
    return { map: this.map, features: this.features, macros: m, resolve: this.resolve };
  }

  /** FEATURE(delay_checks): check_relay moves into check_rcpt. */
  checkRelay(m: SessionMacros): PolicyResult | null {
    if (this.features.delayChecks) return null;
    return policyResult(checkRelay(this.#env(m), m.client_name ?? '', m.client_addr ?? ''), null);
  }

  tlsClient(m: SessionMacros): PolicyResult {
    return policyResult(tlsClient(this.#env(m), m.verify ?? ''), null);
  }

  /** FEATURE(delay_checks): check_mail (and its tls_client call) moves into check_rcpt. */
  checkMail(m: SessionMacros, sender: string): PolicyResult | null {
    if (this.features.delayChecks) return null;
    return policyResult(checkMail(this.#env(m), sender), sender);
  }

  checkRcpt(m: SessionMacros, recipient: string, parsed?: string): PolicyResult {
    return policyResult(checkRcpt(this.#env(m), parsed ?? recipient), recipient);
  }
}
