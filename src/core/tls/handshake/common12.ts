/** Pieces both TLS 1.2 handshakes use. */
import { fromHex } from '../../bytes/index.ts';
import { alertError } from '../alerts.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import type { HashName } from '../suites.ts';
import { finishedVerifyData12 } from '../prf.ts';
import { equalBytes } from '../../bytes/index.ts';
import { decodeBody, expectType, received } from './common13.ts';
import type { Context, State } from './context.ts';

/** RFC 8446 §4.1.3: a TLS 1.3-capable server negotiating TLS 1.2 ends its random with "DOWNGRD" 01. */
export const DOWNGRADE_TLS12 = fromHex('444f574e47524401');

/** Base: a TLS 1.2 state refuses change_cipher_spec unless it expects it. */
export abstract class State12 implements State {
  abstract readonly name: string;
  abstract handle(cx: Context, msg: HandshakeMessage): Promise<State>;
  async handleChangeCipherSpec(_cx: Context): Promise<State> {
    throw alertError('unexpected_message', `change_cipher_spec in ${this.name}`);
  }
}

/** After the handshake: no renegotiation (RFC 5746 is only signalled). */
export class Traffic12 extends State12 {
  readonly name = 'Traffic';
  async handle(): Promise<State> {
    throw alertError('no_renegotiation', 'renegotiation is not supported');
  }
}

/**
 * RFC 5246 §7.4.9: the peer's Finished, verify_data = PRF(master_secret,
 * "<peer> finished", Hash(handshake_messages))[0..11]; decrypt_error if it differs.
 */
export async function verifyPeerFinished12(cx: Context, msg: HandshakeMessage, side: 'client' | 'server', hashName: HashName, master: Uint8Array): Promise<void> {
  expectType(msg, HandshakeType.finished);
  const of = side === 'client' ? 'server' : 'client';
  const got = decodeBody(msg, (r) => r.bytes(12, 'verify_data'));
  const hash = await cx.transcript.hash();
  const want = await finishedVerifyData12(cx.provider, hashName, master, of, hash);
  cx.emit({ kind: 'tls.finished', side, of, finishedKey: master, transcriptHash: hash, verifyData: want });
  if (!equalBytes(got, want)) throw alertError('decrypt_error', `${of} Finished does not verify`);
  await received(cx, msg);
}
