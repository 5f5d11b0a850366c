/** Pieces both TLS 1.2 handshakes use. */
import { fromHex } from '../../bytes/index.ts';
import { alertError } from '../alerts.ts';
import type { HandshakeMessage } from '../codec/handshake.ts';
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
