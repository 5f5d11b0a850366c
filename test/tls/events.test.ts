// The trace the panels read: every value is the one the engine computed, and both ends agree.
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../src/core/bytes/index.ts';
import type { TlsEvent } from '../../src/core/tls/index.ts';
import { pair } from './pair.ts';

const of = <K extends TlsEvent['kind']>(evs: TlsEvent[], kind: K) => evs.filter((e): e is Extract<TlsEvent, { kind: K }> => e.kind === kind);

describe('trace events', () => {
  it('message timeline of both ends', async () => {
    const r = await pair({ server: { requestClientCertificate: true } });
    const line = (evs: TlsEvent[]) => of(evs, 'tls.message').map((e) => `${e.dir === 'sent' ? '>' : '<'} ${e.name} (${e.epoch})`);
    expect(line(r.clientEvents)).toEqual([
      '> client_hello (plaintext)',
      '< server_hello (plaintext)',
      '< encrypted_extensions (handshake)',
      '< certificate_request (handshake)',
      '< certificate (handshake)',
      '< certificate_verify (handshake)',
      '< finished (handshake)',
      '> certificate (handshake)',
      '> finished (handshake)',
    ]);
    expect(of(r.serverEvents, 'tls.state').map((e) => e.state)).toEqual(['ExpectClientHello', 'ExpectCertificate', 'ExpectFinished', 'Traffic']);
    expect(of(r.clientEvents, 'tls.state').map((e) => e.state)).toEqual([
      'ExpectServerHello', 'ExpectEncryptedExtensions', 'ExpectCertificateOrCertificateRequest', 'ExpectCertificate', 'ExpectCertificateVerify', 'ExpectFinished', 'Traffic',
    ]);
  });

  it('every key-schedule secret, the same on both ends', async () => {
    const r = await pair({});
    const secrets = (evs: TlsEvent[]) => Object.fromEntries(of(evs, 'tls.secret').map((e) => [e.name, toHex(e.value)]));
    const c = secrets(r.clientEvents);
    expect(Object.keys(c).sort()).toEqual([
      'clientApplicationTrafficSecret0', 'clientHandshakeTrafficSecret', 'derivedForHandshake', 'derivedForMaster', 'earlySecret', 'exporterMasterSecret',
      'handshakeSecret', 'masterSecret', 'resumptionMasterSecret', 'serverApplicationTrafficSecret0', 'serverHandshakeTrafficSecret', 'sharedSecret',
    ]);
    expect(secrets(r.serverEvents)).toEqual(c);
    const [ck, sk] = [of(r.clientEvents, 'tls.key-share')[0], of(r.serverEvents, 'tls.key-share')[0]];
    expect(toHex(ck.peer)).toBe(toHex(sk.own.publicKey));
    expect(toHex(ck.shared)).toBe(c.sharedSecret);
  });

  it('each protected record: the receiver saw the nonce, AAD, plaintext and tag the sender used', async () => {
    const r = await pair({});
    await r.client.send(utf8('EHLO x\r\n')).then((o) => r.server.receive(o.send));
    const sent = of(r.clientEvents, 'tls.record').filter((e) => e.dir === 'sent' && e.protection);
    const got = of(r.serverEvents, 'tls.record').filter((e) => e.dir === 'received' && e.protection);
    expect(sent.map((e) => e.contentType)).toEqual([22, 23]); // client Finished, then the application data
    const view = (e: (typeof sent)[number]) => {
      const p = e.protection!;
      return [p.seq, toHex(p.nonce), toHex(p.aad), p.contentType, toHex(p.plaintext), toHex(p.tag), toHex(e.bytes)];
    };
    expect(got.map(view)).toEqual(sent.map(view));
  });

  it('Finished values and the final transcript hash agree', async () => {
    const r = await pair({});
    const fin = (evs: TlsEvent[]) => of(evs, 'tls.finished').map((e) => [e.of, toHex(e.verifyData)]);
    expect(fin(r.clientEvents)).toEqual(fin(r.serverEvents));
    const last = (evs: TlsEvent[]) => toHex(of(evs, 'tls.transcript').at(-1)!.hash);
    expect(last(r.clientEvents)).toBe(last(r.serverEvents));
  });
});
