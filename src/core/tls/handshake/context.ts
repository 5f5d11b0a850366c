/**
 * What a handshake state may do (the connection implements it): keep the
 * transcript, queue handshake messages, change keys, report events.
 */
import type { Random } from '../../trace/index.ts';
import type { CryptoProvider } from '../crypto-provider.ts';
import type { Negotiated, Side, TlsEvent } from '../events.ts';
import type { TrafficKeys } from '../key-schedule.ts';
import type { HandshakeMessage } from '../codec/handshake.ts';
import type { HashName } from '../suites.ts';
import type { RecordProtector } from '../record/protector.ts';

export interface Context {
  readonly side: Side;
  readonly provider: CryptoProvider;
  readonly random: Random;
  readonly transcript: Transcript;
  emit(e: TlsEvent): void;
  /** Queue a handshake message (added to the transcript now, framed at flush). */
  sendHandshake(type: number, body: Uint8Array): Promise<Uint8Array>;
  /** Write the queued messages as records under the current write keys. */
  flush(): Promise<void>;
  /** A middlebox-compatibility change_cipher_spec (RFC 8446 §D.4). */
  sendChangeCipherSpec(): Promise<void>;
  setWriteKeys(keys: TrafficKeys, epoch: 'handshake' | 'application'): Promise<void>;
  setReadKeys(keys: TrafficKeys, epoch: 'handshake' | 'application'): void;
  /** TLS 1.2: install a protector (after change_cipher_spec); `keys` is what the trace shows. */
  setProtection(use: 'read' | 'write', p: RecordProtector, keys: TrafficKeys): void;
  complete(n: Negotiated): void;
}

/** A handshake state (rustls style): holds only what is valid then, returns the next state. */
export interface State {
  readonly name: string;
  handle(cx: Context, msg: HandshakeMessage): Promise<State>;
  /** TLS 1.2 states take change_cipher_spec themselves; TLS 1.3 states leave it to the connection (§5: dropped). */
  handleChangeCipherSpec?(cx: Context): Promise<State>;
}

/** The handshake transcript (RFC 8446 §4.4.1), kept whole: WebCrypto hashes in one call. */
export class Transcript {
  #parts: Uint8Array[] = [];
  #hash: HashName = 'SHA-256';

  constructor(private readonly p: CryptoProvider) {}

  #known = false;

  setHash(h: HashName): void {
    this.#hash = h;
    this.#known = true;
  }

  /** False until the cipher suite (and so the hash) is known. */
  get hashKnown(): boolean {
    return this.#known;
  }

  add(raw: Uint8Array): void {
    this.#parts.push(raw);
    this.#last = null;
  }

  /** The hash of the transcript as it is now, kept until a message is added (the engine and its events ask twice). */
  #last: { hash: HashName; value: Promise<Uint8Array> } | null = null;

  get messages(): readonly Uint8Array[] {
    return this.#parts;
  }

  hash(): Promise<Uint8Array> {
    if (this.#last?.hash !== this.#hash) this.#last = { hash: this.#hash, value: this.#compute() };
    return this.#last.value;
  }

  async #compute(): Promise<Uint8Array> {
    let n = 0;
    for (const p of this.#parts) n += p.length;
    const all = new Uint8Array(n);
    let o = 0;
    for (const p of this.#parts) {
      all.set(p, o);
      o += p.length;
    }
    return this.p.hash(this.#hash, all);
  }

  /** After a HelloRetryRequest: ClientHello1 becomes message_hash(Hash(ClientHello1)) (§4.4.1). */
  async replaceWithMessageHash(): Promise<void> {
    const h = await this.hash();
    const synthetic = new Uint8Array(4 + h.length);
    synthetic[0] = 254;
    synthetic[3] = h.length;
    synthetic.set(h, 4);
    this.#parts = [synthetic];
    this.#last = null;
  }
}
