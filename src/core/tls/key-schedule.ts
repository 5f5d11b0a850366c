/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1), one type per stage as in rustls
 * `tls13/key_schedule.rs`: EarlySecret -> HandshakeSecret -> MasterSecret.
 * Each stage only offers the derivations valid at that point.
 */
import { utf8 } from '../bytes/index.ts';
import { Writer } from './codec/cursor.ts';
import type { CryptoProvider } from './crypto-provider.ts';
import type { CipherSuite13 } from './suites.ts';

/** HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2). */
export function hkdfExtract(p: CryptoProvider, suite: CipherSuite13, salt: Uint8Array, ikm: Uint8Array): Promise<Uint8Array> {
  return p.hmac(suite.hash, salt, ikm);
}

/** HKDF-Expand(PRK, info, L) (RFC 5869 §2.3). */
export async function hkdfExpand(p: CryptoProvider, suite: CipherSuite13, prk: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let t = new Uint8Array(0);
  for (let i = 1, o = 0; o < length; i++) {
    const input = new Uint8Array(t.length + info.length + 1);
    input.set(t);
    input.set(info, t.length);
    input[input.length - 1] = i;
    t = new Uint8Array(await p.hmac(suite.hash, prk, input));
    out.set(t.subarray(0, Math.min(t.length, length - o)), o);
    o += t.length;
  }
  return out;
}

/** The HkdfLabel structure (RFC 8446 §7.1): length, "tls13 " + label, context. */
export function hkdfLabel(label: string, context: Uint8Array, length: number): Uint8Array {
  return new Writer()
    .u16(length)
    .vecBytes(1, utf8(`tls13 ${label}`))
    .vecBytes(1, context)
    .finish();
}

export function hkdfExpandLabel(
  p: CryptoProvider,
  suite: CipherSuite13,
  secret: Uint8Array,
  label: string,
  context: Uint8Array,
  length: number,
): Promise<Uint8Array> {
  return hkdfExpand(p, suite, secret, hkdfLabel(label, context, length), length);
}

/** Derive-Secret(Secret, Label, Messages), given Transcript-Hash(Messages). */
export function deriveSecret(p: CryptoProvider, suite: CipherSuite13, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Promise<Uint8Array> {
  return hkdfExpandLabel(p, suite, secret, label, transcriptHash, suite.hashLen);
}

/** write_key and write_iv of one direction (RFC 8446 §7.3). */
export interface TrafficKeys {
  readonly secret: Uint8Array;
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

export async function trafficKeys(p: CryptoProvider, suite: CipherSuite13, secret: Uint8Array): Promise<TrafficKeys> {
  const key = await hkdfExpandLabel(p, suite, secret, 'key', new Uint8Array(0), suite.keyLen);
  const iv = await hkdfExpandLabel(p, suite, secret, 'iv', new Uint8Array(0), suite.ivLen);
  return { secret, key, iv };
}

/** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (RFC 8446 §4.4.4). */
export function finishedKey(p: CryptoProvider, suite: CipherSuite13, baseKey: Uint8Array): Promise<Uint8Array> {
  return hkdfExpandLabel(p, suite, baseKey, 'finished', new Uint8Array(0), suite.hashLen);
}

/** verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)). */
export async function finishedVerifyData(p: CryptoProvider, suite: CipherSuite13, baseKey: Uint8Array, transcriptHash: Uint8Array): Promise<Uint8Array> {
  return p.hmac(suite.hash, await finishedKey(p, suite, baseKey), transcriptHash);
}

/** Every value the key schedule computed, for the Cipher panel and the tests. */
export interface KeyScheduleTrace {
  earlySecret?: Uint8Array;
  derivedForHandshake?: Uint8Array;
  sharedSecret?: Uint8Array;
  handshakeSecret?: Uint8Array;
  clientHandshakeTrafficSecret?: Uint8Array;
  serverHandshakeTrafficSecret?: Uint8Array;
  derivedForMaster?: Uint8Array;
  masterSecret?: Uint8Array;
  clientApplicationTrafficSecret0?: Uint8Array;
  serverApplicationTrafficSecret0?: Uint8Array;
  exporterMasterSecret?: Uint8Array;
  resumptionMasterSecret?: Uint8Array;
}

/** Stage 1: Early Secret = HKDF-Extract(0, PSK or 0) — no PSK here. */
export class EarlySecret {
  private constructor(
    private readonly p: CryptoProvider,
    readonly suite: CipherSuite13,
    readonly secret: Uint8Array,
  ) {}

  static async create(p: CryptoProvider, suite: CipherSuite13): Promise<EarlySecret> {
    const zeros = new Uint8Array(suite.hashLen);
    return new EarlySecret(p, suite, await hkdfExtract(p, suite, zeros, zeros));
  }

  /** Derive-Secret(., "derived", "") then HKDF-Extract with the (EC)DHE shared secret. */
  async handshake(sharedSecret: Uint8Array): Promise<HandshakeSecret> {
    const emptyHash = await this.p.hash(this.suite.hash, new Uint8Array(0));
    const derived = await deriveSecret(this.p, this.suite, this.secret, 'derived', emptyHash);
    const secret = await hkdfExtract(this.p, this.suite, derived, sharedSecret);
    return new HandshakeSecret(this.p, this.suite, secret, { earlySecret: this.secret, derivedForHandshake: derived, sharedSecret, handshakeSecret: secret });
  }
}

/** Stage 2: Handshake Secret; traffic secrets over Transcript-Hash(ClientHello..ServerHello). */
export class HandshakeSecret {
  constructor(
    private readonly p: CryptoProvider,
    readonly suite: CipherSuite13,
    readonly secret: Uint8Array,
    readonly trace: KeyScheduleTrace,
  ) {}

  async trafficSecrets(helloHash: Uint8Array): Promise<{ client: TrafficKeys; server: TrafficKeys }> {
    const c = await deriveSecret(this.p, this.suite, this.secret, 'c hs traffic', helloHash);
    const s = await deriveSecret(this.p, this.suite, this.secret, 's hs traffic', helloHash);
    this.trace.clientHandshakeTrafficSecret = c;
    this.trace.serverHandshakeTrafficSecret = s;
    return { client: await trafficKeys(this.p, this.suite, c), server: await trafficKeys(this.p, this.suite, s) };
  }

  async master(): Promise<MasterSecret> {
    const emptyHash = await this.p.hash(this.suite.hash, new Uint8Array(0));
    const derived = await deriveSecret(this.p, this.suite, this.secret, 'derived', emptyHash);
    const secret = await hkdfExtract(this.p, this.suite, derived, new Uint8Array(this.suite.hashLen));
    this.trace.derivedForMaster = derived;
    this.trace.masterSecret = secret;
    return new MasterSecret(this.p, this.suite, secret, this.trace);
  }
}

/** Stage 3: Master Secret; application secrets over the hash up to server Finished. */
export class MasterSecret {
  constructor(
    private readonly p: CryptoProvider,
    readonly suite: CipherSuite13,
    readonly secret: Uint8Array,
    readonly trace: KeyScheduleTrace,
  ) {}

  async applicationSecrets(serverFinishedHash: Uint8Array): Promise<{ client: TrafficKeys; server: TrafficKeys; exporter: Uint8Array }> {
    const c = await deriveSecret(this.p, this.suite, this.secret, 'c ap traffic', serverFinishedHash);
    const s = await deriveSecret(this.p, this.suite, this.secret, 's ap traffic', serverFinishedHash);
    const exporter = await deriveSecret(this.p, this.suite, this.secret, 'exp master', serverFinishedHash);
    Object.assign(this.trace, { clientApplicationTrafficSecret0: c, serverApplicationTrafficSecret0: s, exporterMasterSecret: exporter });
    return { client: await trafficKeys(this.p, this.suite, c), server: await trafficKeys(this.p, this.suite, s), exporter };
  }

  /** resumption_master_secret over the hash up to client Finished. */
  async resumption(clientFinishedHash: Uint8Array): Promise<Uint8Array> {
    const r = await deriveSecret(this.p, this.suite, this.secret, 'res master', clientFinishedHash);
    this.trace.resumptionMasterSecret = r;
    return r;
  }
}

/** application_traffic_secret_N+1 (RFC 8446 §7.2, KeyUpdate). */
export function nextTrafficSecret(p: CryptoProvider, suite: CipherSuite13, secret: Uint8Array): Promise<Uint8Array> {
  return hkdfExpandLabel(p, suite, secret, 'traffic upd', new Uint8Array(0), suite.hashLen);
}
