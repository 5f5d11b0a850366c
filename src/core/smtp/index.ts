/**
 * core/smtp: a sans-IO SMTP server that answers like Sendmail 8.17.1.9 on Debian
 * bookworm. See server.ts for the theory of operation.
 */
export { SmtpServer, type SmtpServerOptions } from './server.ts';
export type { SmtpConfig, SmtpEnv, SmtpPeer, Recipient, DeliveryRequest, TlsSessionInfo, SmtpPolicy, PolicyResult, SessionMacros } from './types.ts';
export { formatQueueId, arpadate, numericDate, interval } from './format.ts';
export { DEBIAN_GREETING, UPSTREAM_GREETING, greetingLines } from './greeting.ts';
export { referenceConfig, freshConfig, submitConfig, SENDMAIL_VERSION, DEBIAN_VERSION } from './config.ts';
export { LineReader, MAX_COMMAND_LENGTH, MAX_INPUT_LINE } from './line-reader.ts';
export { helpReply } from './verbs/help.ts';
