/** Configuration of the two TLS 1.3 endpoints. */
import type { SigningKey } from '../crypto-provider.ts';
import type { AlertName } from '../alerts.ts';
import type { CipherSuite12, CipherSuite13, GroupName } from '../suites.ts';

/** The verdict of the injected certificate check (chain building and validation live in core/pki). */
export type CertificateVerdict = { ok: true } | { ok: false; alert: AlertName; reason: string };

/** Checks a peer chain (DER, leaf first). The engine itself only checks CertificateVerify. */
export type CertificateVerifier = (chain: readonly Uint8Array[], serverName: string | undefined) => Promise<CertificateVerdict>;

export interface CertifiedKey {
  /** DER certificates, leaf first. */
  readonly chain: readonly Uint8Array[];
  readonly key: SigningKey;
}

/** How handshake messages go into records. */
interface RecordShape {
  /**
   * Pack a flight's handshake messages into one record (RFC 8448's traces).
   * Default false: one record per message, as OpenSSL 3.0 writes them.
   */
  readonly coalesceHandshake?: boolean;
}

/** NewSessionTickets sent after the client's Finished (OpenSSL 3.0 sends 2, lifetime 7200, 208-byte tickets). */
export interface TicketPolicy {
  readonly count: number;
  readonly lifetime: number;
  readonly ticketLength: number;
}

export type VersionName = 'TLSv1.2' | 'TLSv1.3';

export interface ServerConfig extends RecordShape {
  readonly certified: CertifiedKey;
  /** Versions the server accepts (default both; TLS 1.3 preferred). */
  readonly versions?: readonly VersionName[];
  /** Echo an empty server_name in EncryptedExtensions (OpenSSL does only with a servername callback). */
  readonly acknowledgeServerName?: boolean;
  /** Tickets to send once the handshake is done (default none; this engine never resumes). */
  readonly sessionTickets?: TicketPolicy;
  /** Server preference order (default: OpenSSL's, AES-256 first). */
  readonly suites?: readonly CipherSuite13[];
  /** Groups the server accepts, in its preference order for a HelloRetryRequest. */
  readonly groups?: readonly GroupName[];
  /** Send a CertificateRequest (Sendmail asks unless told not to). */
  readonly requestClientCertificate?: boolean;
  /** DER distinguished names for certificate_authorities in the CertificateRequest. */
  readonly certificateAuthorities?: readonly Uint8Array[];
  /** Checks a client chain; without one, any chain is accepted and reported. */
  readonly verifyClient?: CertificateVerifier;
}

export interface ClientConfig extends RecordShape {
  readonly serverName?: string;
  /** Versions offered (default TLS 1.3 and 1.2, as OpenSSL's client). */
  readonly versions?: readonly VersionName[];
  /** TLS 1.2 suites offered, in order (default OpenSSL's: AES-256 first, ECDSA before RSA). */
  readonly suites12?: readonly CipherSuite12[];
  /** Offered suites in order (default: OpenSSL's order without ChaCha20). */
  readonly suites?: readonly CipherSuite13[];
  /** supported_groups in order (default x25519, secp256r1, secp384r1). */
  readonly groups?: readonly GroupName[];
  /** Groups that get a key share in the first ClientHello (default: the first group). */
  readonly keyShares?: readonly GroupName[];
  readonly verifyServer: CertificateVerifier;
  /** Sent when the server asks for a certificate; otherwise an empty Certificate. */
  readonly clientCertificate?: CertifiedKey;
}
