/**
 * What the server offers, from PrivacyOptions and the configuration: the
 * features word smtp() computes at connection start (srvrsmtp.c), and the EHLO
 * list it prints (ehlo-localhost.json; fresh world: sendmail.md).
 */
import type { SmtpConfig } from './types.ts';

export interface Features {
  needMailHelo: boolean;
  needExpnHelo: boolean;
  needVrfyHelo: boolean;
  /** PrivacyOptions noexpn: EXPN not offered (502). */
  offerExpn: boolean;
  /** VERB offered (needs EXPN too). */
  offerVerb: boolean;
  /** novrfy: VRFY answers 252 Cannot VRFY. */
  noVrfy: boolean;
  offerEtrn: boolean;
  offerDsn: boolean;
  authMechanisms: readonly string[];
}

/** PrivacyOptions=goaway: every PRIV_* bit of the low 16 (sendmail.h PRIV_GOAWAY 0x0000ffff). */
const GOAWAY = [
  'needmailhelo',
  'needexpnhelo',
  'needvrfyhelo',
  'noexpn',
  'novrfy',
  'authwarnings',
  'noverb',
  'restrictmailq',
  'restrictqrun',
  'restrictexpand',
  'noetrn',
];

export function privacySet(privacy: SmtpConfig['privacy']): Set<string> {
  const set = new Set<string>();
  for (const p of privacy) {
    const name = p.trim().toLowerCase();
    if (name === 'goaway') for (const g of GOAWAY) set.add(g);
    else if (name !== '' && name !== 'public') set.add(name);
  }
  return set;
}

export function computeFeatures(config: SmtpConfig): Features {
  const p = privacySet(config.privacy);
  const offerExpn = !p.has('noexpn');
  return {
    needMailHelo: p.has('needmailhelo'),
    needExpnHelo: p.has('needexpnhelo'),
    needVrfyHelo: p.has('needvrfyhelo'),
    offerExpn,
    offerVerb: offerExpn && !p.has('noverb'),
    noVrfy: p.has('novrfy'),
    offerEtrn: !p.has('noetrn'),
    offerDsn: !p.has('noreceipts'),
    authMechanisms: config.authMechanisms,
  };
}

/** The EHLO keywords after the Hello line, in Sendmail's order (srvrsmtp.c). */
export function ehloKeywords(config: SmtpConfig, f: Features, starttls: boolean): string[] {
  const k = ['ENHANCEDSTATUSCODES', 'PIPELINING'];
  if (f.offerExpn) {
    k.push('EXPN');
    if (f.offerVerb) k.push('VERB');
  }
  k.push('8BITMIME');
  k.push(config.maxMessageSize && config.maxMessageSize > 0 ? `SIZE ${config.maxMessageSize}` : 'SIZE');
  if (f.offerDsn) k.push('DSN');
  if (f.offerEtrn) k.push('ETRN');
  if (f.authMechanisms.length > 0) k.push(`AUTH ${f.authMechanisms.join(' ')}`);
  if (starttls) k.push('STARTTLS');
  k.push('DELIVERBY', 'HELP');
  return k;
}
