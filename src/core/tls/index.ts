/**
 * core/tls: a sans-IO TLS engine (TLS 1.3 and TLS 1.2 ECDHE-AES-GCM, client and
 * server) on an injected CryptoProvider. No I/O, no globals.
 *
 *   const provider = new WebCryptoProvider(crypto.subtle);
 *   const conn = TlsConnection.server({ certified: { chain, key } }, { provider, random, onEvent });
 *   let out = await conn.receive(bytesFromPeer); // out.send -> peer; out.appData -> SMTP; out.events -> trace
 *   out = await conn.send(smtpReplyBytes);       // after out.status === 'connected'
 *   conn.negotiated                               // { version, cipher, bits, group, signatureScheme, peerCertificates, ... }
 *
 * A client starts with `await conn.start()` (its ClientHello is in `send`).
 */
export { TlsConnection, type ConnectionDeps, type ConnectionStatus, type TlsOutput } from './connection.ts';
export type { CertificateVerdict, CertificateVerifier, CertifiedKey, ClientConfig, ServerConfig, TicketPolicy, VersionName } from './handshake/config.ts';
export type { Epoch, Negotiated, Side, TlsEvent } from './events.ts';
export type { CryptoProvider, KeyShare, SigningKey } from './crypto-provider.ts';
export { WebCryptoProvider, type WebCryptoProviderOptions } from './webcrypto-provider.ts';
export { AlertDescription, AlertLevel, alertName, TlsAlert } from './alerts.ts';
export {
  type CipherSuite12, type CipherSuite13, type GroupName, type HashName, type KeyKind, SUITES_12, SUITES_13, TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384,
  groupName, schemeName, suiteName,
} from './suites.ts';
export { DecodeError } from './codec/cursor.ts';
export { HandshakeType, handshakeName } from './codec/handshake.ts';
export { extensionName } from './codec/extensions.ts';
export { certificatePublicKey } from './codec/spki.ts';
export { ContentType, RecordDeframer, type TlsRecord } from './record/deframer.ts';
export type { ProtectedRecord } from './record/protection13.ts';
export { RecordProtection12Gcm } from './record/protection12.ts';
export { hkdfExpandLabel } from './key-schedule.ts';
export { extendedMasterSecret, finishedVerifyData12, keyBlock, masterSecret, prf } from './prf.ts';
