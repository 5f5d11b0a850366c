/**
 * Ready-made configurations for the two worlds (sendmail.md): the values their
 * sendmail.cf and submit.cf give. The world normally reads them from the files;
 * these are for tests and for a world without files.
 */
import { DEBIAN_GREETING, UPSTREAM_GREETING } from './greeting.ts';
import type { SmtpConfig } from './types.ts';

export const SENDMAIL_VERSION = '8.17.1.9';
/** $v/$Z of Debian bookworm's sendmail-bin 8.17.1.9-2+deb12u2. */
export const DEBIAN_VERSION = '8.17.1.9/8.17.1.9/Debian-2+deb12u2';

const DEBIAN_PRIVACY = ['needmailhelo', 'needexpnhelo', 'needvrfyhelo', 'restrictqrun', 'restrictexpand', 'nobodyreturn', 'authwarnings'];

/** The reference world (../shared/reference/world/sendmail.mc): upstream greeting, 10 MB limit, no AUTH, daemon MTA. */
export function referenceConfig(hostname = 'mail.example.test'): SmtpConfig {
  return {
    hostname,
    greetingTemplate: UPSTREAM_GREETING,
    version: DEBIAN_VERSION,
    mode: 'daemon',
    maxMessageSize: 10485760,
    authMechanisms: [],
    privacy: DEBIAN_PRIVACY,
    daemonName: 'MTA',
    rejectNul: true,
  };
}

/** Debian's stock install: Debian greeting, SIZE without limit, AUTH DIGEST-MD5 CRAM-MD5, daemon MTA-v4. */
export function freshConfig(hostname = 'mail.example.test'): SmtpConfig {
  return {
    ...referenceConfig(hostname),
    greetingTemplate: DEBIAN_GREETING,
    maxMessageSize: null,
    authMechanisms: ['DIGEST-MD5', 'CRAM-MD5'],
    daemonName: 'MTA-v4',
    acceptUnqualifiedSenders: true,
  };
}

/** `sendmail -bs` with Debian's submit.cf: goaway privacy, AUTH, no size limit, $Z 8.17.1.9/Submit. */
export function submitConfig(hostname = 'mail.example.test'): SmtpConfig {
  return {
    hostname,
    greetingTemplate: DEBIAN_GREETING,
    version: '8.17.1.9/8.17.1.9/Submit',
    mode: 'submit',
    maxMessageSize: null,
    authMechanisms: ['DIGEST-MD5', 'CRAM-MD5'],
    privacy: ['goaway', 'noetrn', 'restrictqrun'],
    daemonName: 'MTA',
    rejectNul: true,
    localUser: 'root',
    acceptUnqualifiedSenders: true,
  };
}
