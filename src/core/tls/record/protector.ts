/** One direction's record protection, TLS 1.3 or TLS 1.2 AES-GCM: what the connection calls. */
import type { TlsRecord } from './deframer.ts';
import type { OpenResult, ProtectedRecord } from './protection13.ts';

export interface RecordProtector {
  /** TLS 1.3 hides the type inside (outer type 23); TLS 1.2 protects every record but change_cipher_spec. */
  readonly version: 'tls12' | 'tls13';
  seal(contentType: number, content: Uint8Array): Promise<ProtectedRecord>;
  open(rec: TlsRecord): Promise<OpenResult>;
}
