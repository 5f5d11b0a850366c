/**
 * The Hash panel's model: the transcript hash after each handshake message
 * and the Finished values exactly as the engine reported them, fingerprints
 * of the certificates sent in the handshake (as `openssl x509 -fingerprint`
 * prints them), and the digest playground (SHA-1/256/384/512 of a text and
 * the bits that change when the text changes). Pure except that digests come
 * from the SubtleCrypto passed in.
 */
import { toHex } from '../../core/bytes/index.ts';
import { findFields } from '../../core/tls/annotate/index.ts';
import type { Side, TlsEvent } from '../../core/tls/index.ts';
import type { HandshakeTimeline } from './handshake-model.ts';

export interface TranscriptRow {
  readonly index: number;
  /** The message the hash was taken after. */
  readonly after: string;
  readonly hash: Uint8Array;
}

export function transcriptRows(events: readonly TlsEvent[], side: Side = 'server'): TranscriptRow[] {
  return events
    .filter((e): e is Extract<TlsEvent, { kind: 'tls.transcript' }> => e.kind === 'tls.transcript' && e.side === side)
    .map((e, index) => ({ index, after: e.after, hash: e.hash }));
}

export interface FinishedRow {
  /** Whose Finished message this is. */
  readonly of: Side;
  /** What keys the MAC: TLS 1.3's finished_key (HKDF), TLS 1.2's master secret (PRF). */
  readonly keyName: string;
  readonly finishedKey: Uint8Array;
  readonly transcriptHash: Uint8Array;
  readonly verifyData: Uint8Array;
  /** How verify_data is computed, as the RFC writes it. */
  readonly formula: string;
}

export function finishedRows(events: readonly TlsEvent[], version: 'TLSv1.3' | 'TLSv1.2' | null, side: Side = 'server'): FinishedRow[] {
  const v12 = version === 'TLSv1.2';
  return events
    .filter((e): e is Extract<TlsEvent, { kind: 'tls.finished' }> => e.kind === 'tls.finished' && e.side === side)
    .map((e) => ({
      of: e.of,
      keyName: v12 ? 'master_secret' : 'finished_key',
      finishedKey: e.finishedKey,
      transcriptHash: e.transcriptHash,
      verifyData: e.verifyData,
      formula: v12
        ? `PRF(master_secret, "${e.of} finished", Hash(handshake_messages))[0..11]`
        : 'HMAC(finished_key, Transcript-Hash(messages so far))',
    }));
}

/** Bytes as OpenSSL's `x509 -fingerprint` prints them: AA:BB:CC... */
export function opensslFingerprint(digest: Uint8Array): string {
  return [...digest].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

/** One line as `openssl x509 -noout -fingerprint -sha1|-sha256` (OpenSSL 3.0) prints it. */
export function fingerprintLine(alg: 'sha1' | 'sha256', fingerprint: string): string {
  return `${alg} Fingerprint=${fingerprint}`;
}

export interface CertificateFingerprint {
  /** Who sent it. */
  readonly sender: Side;
  /** Its place in the chain sent (0 is the end-entity certificate). */
  readonly position: number;
  readonly der: Uint8Array;
  readonly sha1: string;
  readonly sha256: string;
}

/** The certificates of the timeline's Certificate messages, leaf first, server's before client's. */
export function sentCertificates(t: HandshakeTimeline): { sender: Side; position: number; der: Uint8Array }[] {
  const out: { sender: Side; position: number; der: Uint8Array }[] = [];
  for (const m of t.messages) {
    if (m.name !== 'certificate') continue;
    const sender: Side = m.dir === 's2c' ? 'server' : 'client';
    const ders = findFields(m.fields, t.version === 'TLSv1.2' ? 'ASN.1Cert data' : 'cert_data data');
    ders.forEach((f, position) => {
      if (f.data instanceof Uint8Array) out.push({ sender, position, der: f.data });
    });
  }
  return out.sort((a, b) => (a.sender === b.sender ? 0 : a.sender === 'server' ? -1 : 1));
}

export async function certificateFingerprints(t: HandshakeTimeline, subtle: SubtleCrypto): Promise<CertificateFingerprint[]> {
  const out: CertificateFingerprint[] = [];
  for (const c of sentCertificates(t)) {
    const [s1, s256] = await Promise.all([subtle.digest('SHA-1', c.der as BufferSource), subtle.digest('SHA-256', c.der as BufferSource)]);
    out.push({ ...c, sha1: opensslFingerprint(new Uint8Array(s1)), sha256: opensslFingerprint(new Uint8Array(s256)) });
  }
  return out;
}

export const DIGESTS = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;
export type DigestName = (typeof DIGESTS)[number];

export interface DigestRow {
  readonly name: DigestName;
  readonly digest: Uint8Array;
  readonly hex: string;
}

export async function digestsOf(text: string, subtle: SubtleCrypto): Promise<DigestRow[]> {
  const bytes = new TextEncoder().encode(text);
  return Promise.all(
    DIGESTS.map(async (name) => {
      const digest = new Uint8Array(await subtle.digest(name, bytes));
      return { name, digest, hex: toHex(digest) };
    }),
  );
}

export interface Avalanche {
  /** One entry per bit, most significant first: whether the two digests differ there. */
  readonly differs: readonly boolean[];
  readonly count: number;
  readonly total: number;
  /** count / total as a whole percentage. */
  readonly percent: number;
}

/** Which bits differ between two digests of the same length. */
export function avalanche(a: Uint8Array, b: Uint8Array): Avalanche {
  if (a.length !== b.length) throw new RangeError('digests of different lengths');
  const differs: boolean[] = [];
  for (let i = 0; i < a.length; i++) for (let bit = 7; bit >= 0; bit--) differs.push((((a[i]! ^ b[i]!) >> bit) & 1) === 1);
  const count = differs.filter(Boolean).length;
  return { differs, count, total: differs.length, percent: Math.round((100 * count) / differs.length) };
}

/** The text with one character changed (the next one in the alphabet), for the avalanche demo. */
export function oneCharChanged(text: string, at = Math.max(0, text.length - 1)): string {
  if (text.length === 0) return 'a';
  const c = text.charCodeAt(at);
  return text.slice(0, at) + String.fromCharCode(c === 0x7e ? 0x21 : c + 1) + text.slice(at + 1);
}
