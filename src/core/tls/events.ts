/**
 * What the TLS engine reports: typed events for the Handshake, Cipher and
 * Hash panels and for tests. Every value a panel shows is one of these.
 */
import type { KeyShare } from './crypto-provider.ts';
import type { ProtectedRecord } from './record/protection13.ts';

export type Side = 'client' | 'server';
export type Epoch = 'plaintext' | 'handshake' | 'application';

/** What the handshake agreed on (what Sendmail logs as version=, cipher=, bits=). */
export interface Negotiated {
  readonly version: 'TLSv1.3' | 'TLSv1.2';
  readonly cipher: string;
  readonly cipherId: number;
  /** Symmetric key strength: Sendmail's bits=N/N. */
  readonly bits: number;
  readonly group: string;
  readonly signatureScheme: string;
  /** The peer's chain as sent (DER, leaf first); empty when the peer sent none. */
  readonly peerCertificates: readonly Uint8Array[];
  readonly serverName?: string;
  readonly helloRetry: boolean;
  /** TLS 1.2 only: RFC 7627 extended master secret in use. */
  readonly extendedMasterSecret?: boolean;
}

export type TlsEvent =
  | { kind: 'tls.state'; side: Side; state: string }
  | { kind: 'tls.message'; side: Side; dir: 'sent' | 'received'; type: number; name: string; raw: Uint8Array; epoch: Epoch }
  | { kind: 'tls.transcript'; side: Side; after: string; hash: Uint8Array }
  | { kind: 'tls.key-share'; side: Side; group: string; own: KeyShare; peer: Uint8Array; shared: Uint8Array }
  | { kind: 'tls.secret'; side: Side; name: string; value: Uint8Array }
  | { kind: 'tls.traffic-keys'; side: Side; use: 'read' | 'write'; epoch: Epoch; secret: Uint8Array; key: Uint8Array; iv: Uint8Array }
  | { kind: 'tls.finished'; side: Side; of: Side; finishedKey: Uint8Array; transcriptHash: Uint8Array; verifyData: Uint8Array }
  | { kind: 'tls.record'; side: Side; dir: 'sent' | 'received'; contentType: number; bytes: Uint8Array; protection?: ProtectedRecord }
  | { kind: 'tls.alert'; side: Side; dir: 'sent' | 'received'; level: number; description: number; name: string; reason?: string }
  | { kind: 'tls.negotiated'; side: Side; negotiated: Negotiated }
  | { kind: 'tls.closed'; side: Side; by: Side };
