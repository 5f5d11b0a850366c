/**
 * core/tls: a sans-IO TLS 1.3 engine on an injected CryptoProvider.
 *
 *   const conn = TlsConnection.server(config, { provider, random, onEvent });
 *   const out = await conn.receive(bytesFromPeer);   // out.send -> peer, out.appData -> application
 *   conn.negotiated  // { version, cipher, bits, group, signatureScheme, peerCertificates, ... } once connected
 */
export { TlsConnection, type ConnectionDeps, type ConnectionStatus, type TlsOutput } from './connection.ts';
export type { CertificateVerdict, CertificateVerifier, CertifiedKey, ClientConfig, ServerConfig } from './handshake/config.ts';
export type { Epoch, Negotiated, Side, TlsEvent } from './events.ts';
export type { CryptoProvider, KeyShare, SigningKey } from './crypto-provider.ts';
export { WebCryptoProvider } from './webcrypto-provider.ts';
export { AlertDescription, alertName, TlsAlert } from './alerts.ts';
export {
  type CipherSuite13, type GroupName, type KeyKind, TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, SUITES_13, groupName, schemeName, suiteName,
} from './suites.ts';
export { DecodeError } from './codec/cursor.ts';
export { handshakeName } from './codec/handshake.ts';
export { RecordDeframer, ContentType, type TlsRecord } from './record/deframer.ts';
export type { ProtectedRecord } from './record/protection13.ts';
export { certificatePublicKey } from './codec/spki.ts';
