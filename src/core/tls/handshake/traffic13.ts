/** After the handshake (RFC 8446 §4.6): NewSessionTicket is noted, KeyUpdate rolls the keys. */
import { alertError } from '../alerts.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import { readKeyUpdate, readNewSessionTicket } from '../codec/messages13.ts';
import { nextTrafficSecret, trafficKeys, type TrafficKeys } from '../key-schedule.ts';
import type { CipherSuite13 } from '../suites.ts';
import { decodeBody } from './common13.ts';
import type { Context, State } from './context.ts';

export class Traffic implements State {
  readonly name = 'Traffic';

  constructor(
    readonly suite: CipherSuite13,
    private read?: TrafficKeys,
    private write?: TrafficKeys,
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    switch (msg.type) {
      case HandshakeType.new_session_ticket:
        decodeBody(msg, readNewSessionTicket); // we do not resume; checked and dropped
        return this;
      case HandshakeType.key_update: {
        // §4.6.3: update our read key; answer with our own KeyUpdate if asked.
        const requested = decodeBody(msg, readKeyUpdate);
        if (!this.read || !this.write) throw alertError('internal_error', 'no application keys');
        const read = await trafficKeys(cx.provider, this.suite, await nextTrafficSecret(cx.provider, this.suite, this.read.secret));
        cx.setReadKeys(read, 'application');
        let write = this.write;
        if (requested === 1) {
          await cx.sendHandshake(HandshakeType.key_update, Uint8Array.of(0));
          await cx.flush();
          write = await trafficKeys(cx.provider, this.suite, await nextTrafficSecret(cx.provider, this.suite, this.write.secret));
          await cx.setWriteKeys(write, 'application');
        }
        return new Traffic(this.suite, read, write);
      }
      default:
        throw alertError('unexpected_message', `handshake message ${msg.type} after the handshake`);
    }
  }
}
