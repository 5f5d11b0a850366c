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
  /**
   * TLS 1.2 (RFC 5077): when set and the client offers session_ticket, the
   * ServerHello acknowledges it and one NewSessionTicket of this length (the
   * same lifetime hint) comes before the server's ChangeCipherSpec.
   */
  readonly ticketLength12?: number;
}

export type VersionName = 'TLSv1.2' | 'TLSv1.3';

/**
 * What an OpenSSL 3.0 server with its default settings (as Sendmail runs it)
 * asks for in a CertificateRequest: its default signature algorithm list, in
 * its order, as `openssl s_client` prints it ("Requested Signature Algorithms",
 * test/fixtures/s-client/kit/tls13.stdout and tls12.stdout, real Sendmail).
 * TLS 1.3: ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ed25519:ed448:
 * rsa_pss_pss_sha256/384/512:RSA-PSS+SHA256/384/512:RSA+SHA256/384/512:
 * ECDSA+SHA224:RSA+SHA224. TLS 1.2 adds DSA+SHA224/256/384/512, and the
 * certificate types RSA sign, DSA sign, ECDSA sign.
 */
export const OPENSSL_REQUESTED_SCHEMES13: readonly number[] = [
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080a, 0x080b, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0303, 0x0301,
];
export const OPENSSL_REQUESTED_SCHEMES12: readonly number[] = [...OPENSSL_REQUESTED_SCHEMES13, 0x0302, 0x0402, 0x0502, 0x0602];
/** rsa_sign(1), dss_sign(2), ecdsa_sign(64) (RFC 5246 §7.4.4, RFC 8422 §5.5). */
export const OPENSSL_CERTIFICATE_TYPES12: Uint8Array = Uint8Array.of(1, 2, 64);

export interface ServerConfig extends RecordShape {
  readonly certified: CertifiedKey;
  /** Versions the server accepts (default both; TLS 1.3 preferred). */
  readonly versions?: readonly VersionName[];
  /** Echo an empty server_name in EncryptedExtensions (OpenSSL does only with a servername callback). */
  readonly acknowledgeServerName?: boolean;
  /** Tickets to send once the handshake is done (default none; this engine never resumes). */
  readonly sessionTickets?: TicketPolicy;
  /**
   * A TLS 1.2 ServerHello carries a 32-byte session id (default true); false:
   * an empty one, as OpenSSL's server with its session cache off (Sendmail).
   */
  readonly sessionCache?: boolean;
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
  /** Offer an empty session_ticket extension (RFC 5077) as OpenSSL's client does (default false); a TLS 1.2 ticket is then accepted. */
  readonly sessionTicket?: boolean;
}
