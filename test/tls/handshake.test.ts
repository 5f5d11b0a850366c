// Our TLS 1.3 client against our server, in memory.
import { describe, expect, it } from 'vitest';
import { toHex, utf8, fromUtf8 } from '../../src/core/bytes/index.ts';
import { TLS_AES_128_GCM_SHA256 } from '../../src/core/tls/index.ts';
import { pair, wireBytes } from './pair.ts';

describe('TLS 1.3 in memory', () => {
  it('completes with RSA, x25519 and the server preferring AES-256', async () => {
    const r = await pair({});
    expect(r.client.status).toBe('connected');
    expect(r.server.status).toBe('connected');
    expect(r.client.negotiated).toMatchObject({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, group: 'x25519', signatureScheme: 'rsa_pss_rsae_sha256', helloRetry: false });
    expect(r.server.negotiated?.serverName).toBe('mail.example.test');
    expect(r.client.negotiated?.peerCertificates).toHaveLength(1);
    const sent = await r.client.send(utf8('EHLO client.example.test\r\n'));
    const got = await r.server.receive(sent.send);
    expect(got.appData.map(fromUtf8)).toEqual(['EHLO client.example.test\r\n']);
    const reply = await r.server.send(utf8('250 ok\r\n'));
    expect((await r.client.receive(reply.send)).appData.map(fromUtf8)).toEqual(['250 ok\r\n']);
  });
});

describe('negotiation', () => {
  it.each([
    ['server-rsa', 'rsa_pss_rsae_sha256'],
    ['server-p256', 'ecdsa_secp256r1_sha256'],
    ['server-p384', 'ecdsa_secp384r1_sha384'],
  ] as const)('signs CertificateVerify with a %s key as %s', async (serverKey, scheme) => {
    const r = await pair({ serverKey });
    expect(r.client.status).toBe('connected');
    expect(r.client.negotiated?.signatureScheme).toBe(scheme);
  });

  it.each(['x25519', 'secp256r1', 'secp384r1'] as const)('agrees on %s when the client leads with it', async (g) => {
    const r = await pair({ client: { groups: [g], keyShares: [g] } });
    expect(r.client.negotiated).toMatchObject({ group: g, helloRetry: false });
    const ks = r.clientEvents.find((e) => e.kind === 'tls.key-share');
    const ss = r.serverEvents.find((e) => e.kind === 'tls.key-share');
    expect(ks && ss && toHex(ks.shared)).toBe(ss && 'shared' in ss ? toHex(ss.shared) : '');
  });

  it('sends a HelloRetryRequest when the client has no share in a server group', async () => {
    const r = await pair({ server: { groups: ['secp384r1', 'secp256r1'] } });
    expect(r.client.negotiated).toMatchObject({ group: 'secp384r1', helloRetry: true });
    expect(r.server.negotiated?.helloRetry).toBe(true);
    const sent = r.serverEvents.filter((e) => e.kind === 'tls.message' && e.dir === 'sent').map((e) => e.kind === 'tls.message' && e.name);
    expect(sent).toEqual(['server_hello', 'server_hello', 'encrypted_extensions', 'certificate', 'certificate_verify', 'finished']);
    // the HRR's random is SHA-256("HelloRetryRequest")
    const hrr = r.serverEvents.find((e) => e.kind === 'tls.message' && e.dir === 'sent');
    expect(hrr && hrr.kind === 'tls.message' && toHex(hrr.raw.subarray(6, 38))).toBe('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c');
  });

  it('uses TLS_AES_128_GCM_SHA256 when that is all the client offers', async () => {
    const r = await pair({ client: { suites: [TLS_AES_128_GCM_SHA256] } });
    expect(r.server.negotiated).toMatchObject({ cipher: 'TLS_AES_128_GCM_SHA256', bits: 128 });
  });

  it('fails with handshake_failure when no group is shared', async () => {
    const r = await pair({ client: { groups: ['x25519'] }, server: { groups: ['secp256r1'] } });
    expect(r.server.status).toBe('failed');
    expect(r.last.server?.error).toMatchObject({ name: 'handshake_failure', by: 'server' });
    expect(r.last.client?.error).toMatchObject({ name: 'handshake_failure', by: 'server' });
  });

  it('the client refuses a chain its verifier rejects, with that alert', async () => {
    const r = await pair({ client: { verifyServer: async () => ({ ok: false, alert: 'unknown_ca', reason: 'self signed' }) } });
    expect(r.client.status).toBe('failed');
    expect(r.last.server?.error).toMatchObject({ name: 'unknown_ca', by: 'client' });
  });
});

describe('client certificates', () => {
  it('sends an empty Certificate when it has none', async () => {
    const r = await pair({ server: { requestClientCertificate: true } });
    expect(r.server.status).toBe('connected');
    expect(r.server.negotiated?.peerCertificates).toEqual([]);
  });

  it('authenticates with one when asked', async () => {
    const { certified } = await import('./pair.ts');
    const r = await pair({ server: { requestClientCertificate: true }, client: { clientCertificate: await certified('client') } });
    expect(r.server.status).toBe('connected');
    expect(r.server.negotiated?.peerCertificates).toHaveLength(1);
  });
});

describe('tampering', () => {
  it('a flipped bit in the server flight ends in bad_record_mac from the client', async () => {
    const r = await pair({
      tamper: (i, from, b) => {
        if (i !== 1 || from !== 'server') return b;
        const c = Uint8Array.from(b);
        c[c.length - 20] ^= 0x01;
        return c;
      },
    });
    expect(r.client.status).toBe('failed');
    expect(r.last.server?.error).toMatchObject({ name: 'bad_record_mac', by: 'client' });
  });

  it('plain SMTP after the 220 fails with "wrong version number", not an exception', async () => {
    const { TlsConnection } = await import('../../src/core/tls/index.ts');
    const { certified, provider } = await import('./pair.ts');
    const { seededRandom } = await import('../../src/core/trace/index.ts');
    const s = TlsConnection.server({ certified: await certified('server-rsa') }, { provider, random: seededRandom(3) });
    const out = await s.receive(utf8('EHLO x\r\n'));
    expect(out.status).toBe('failed');
    // like OpenSSL: no alert when the first record is not TLS (a real s_server closes silently)
    expect(toHex(out.send)).toBe('');
    expect(out.error?.reason).toBe('wrong version number');
  });
});

describe('determinism', () => {
  it('the same seed gives the same bytes on the wire, run after run (RSA certificate)', async () => {
    const a = await pair({ seed: 42 });
    const b = await pair({ seed: 42 });
    expect(a.client.status).toBe('connected');
    expect(toHex(wireBytes(a))).toBe(toHex(wireBytes(b)));
    const c = await pair({ seed: 43 });
    expect(toHex(wireBytes(c))).not.toBe(toHex(wireBytes(a)));
    // the engine's RSA-PSS signature verifies (the client checked it; check the flight size too)
    expect(a.wire.map((w) => [w.from, w.bytes.length])).toEqual(b.wire.map((w) => [w.from, w.bytes.length]));
  });

  it('with a HelloRetryRequest too', async () => {
    const opts = { seed: 5, server: { groups: ['secp256r1' as const] } };
    expect(toHex(wireBytes(await pair(opts)))).toBe(toHex(wireBytes(await pair(opts))));
  });
});

describe('byte counts', () => {
  it('each side counts what the other sent', async () => {
    const r = await pair({});
    expect(r.client.byteCounts).toEqual({ read: wireBytes(r, 'server').length, written: wireBytes(r, 'client').length });
    expect(r.server.byteCounts).toEqual({ read: wireBytes(r, 'client').length, written: wireBytes(r, 'server').length });
  });
});

describe('chunking', () => {
  it.each([1, 3, 17, 1000])('the same handshake bytes when flights arrive in %i-byte pieces', async (chunk) => {
    const whole = await pair({ seed: 8 });
    const pieces = await pair({ seed: 8, chunk });
    expect(pieces.client.status).toBe('connected');
    expect(toHex(wireBytes(pieces))).toBe(toHex(wireBytes(whole)));
  });
});

describe('TLS 1.2 in memory', () => {
  it('client offering only TLS 1.2: ECDHE-RSA-AES256-GCM-SHA384 with the extended master secret', async () => {
    const r = await pair({ client: { versions: ['TLSv1.2'] } });
    expect(r.client.negotiated).toMatchObject({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384', bits: 256, group: 'x25519', extendedMasterSecret: true });
    expect(r.server.negotiated).toMatchObject({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
    const out = await r.client.send(utf8('EHLO x\r\n'));
    expect((await r.server.receive(out.send)).appData.map(fromUtf8)).toEqual(['EHLO x\r\n']);
    const back = await r.server.send(utf8('250 ok\r\n'));
    expect((await r.client.receive(back.send)).appData.map(fromUtf8)).toEqual(['250 ok\r\n']);
  });

  it('a server limited to TLS 1.2 serves a client offering both; no downgrade sentinel then', async () => {
    const r = await pair({ server: { versions: ['TLSv1.2'] }, serverKey: 'server-p256' });
    expect(r.client.negotiated).toMatchObject({ version: 'TLSv1.2', cipher: 'ECDHE-ECDSA-AES256-GCM-SHA384', signatureScheme: 'ecdsa_secp256r1_sha256' });
  });

  it('client certificates', async () => {
    const { certified } = await import('./pair.ts');
    const r = await pair({ client: { versions: ['TLSv1.2'], clientCertificate: await certified('client') }, server: { requestClientCertificate: true } });
    expect(r.server.negotiated?.peerCertificates).toHaveLength(1);
  });

  it('AES-128 when the client offers only ECDHE-RSA-AES128-GCM-SHA256', async () => {
    const { SUITES_12 } = await import('../../src/core/tls/suites.ts');
    const r = await pair({ client: { versions: ['TLSv1.2'], suites12: [SUITES_12.get(0xc02f)!] } });
    expect(r.server.negotiated).toMatchObject({ cipher: 'ECDHE-RSA-AES128-GCM-SHA256', bits: 128 });
  });

  it('a client that offered TLS 1.3 refuses a downgraded ServerHello', async () => {
    // a TLS 1.3-capable server answering a 1.2-only ClientHello marks its random (RFC 8446 §4.1.3);
    // replayed to a client that offered 1.3, that answer looks like a downgrade attack
    const a = await pair({ client: { versions: ['TLSv1.2'] } });
    const serverFlight = a.wire[1].bytes;
    const { TlsConnection } = await import('../../src/core/tls/index.ts');
    const { seededProvider, acceptAll } = await import('./pair.ts');
    const { seededRandom } = await import('../../src/core/trace/index.ts');
    const c = TlsConnection.client({ verifyServer: acceptAll, versions: ['TLSv1.3', 'TLSv1.2'] }, { provider: seededProvider, random: seededRandom(1) });
    await c.start();
    const out = await c.receive(serverFlight);
    expect(out.error).toMatchObject({ name: 'illegal_parameter', reason: 'illegal_parameter: downgrade sentinel in ServerHello.random' });
  });

  it('a flipped bit in the client Finished ends in bad_record_mac from the server', async () => {
    const r = await pair({
      client: { versions: ['TLSv1.2'] },
      tamper: (i, from, b) => {
        if (i !== 2 || from !== 'client') return b;
        const c = Uint8Array.from(b);
        c[c.length - 1] ^= 0x80;
        return c;
      },
    });
    expect(r.server.status).toBe('failed');
    expect(r.last.client?.error).toMatchObject({ name: 'bad_record_mac', by: 'server' });
  });

  it('the same seed gives the same bytes', async () => {
    const a = await pair({ client: { versions: ['TLSv1.2'] }, seed: 3 });
    const b = await pair({ client: { versions: ['TLSv1.2'] }, seed: 3 });
    expect(toHex(wireBytes(a))).toBe(toHex(wireBytes(b)));
  });
});

describe('determinism with ECDSA', () => {
  it.each(['server-p256', 'server-p384'] as const)('%s certificate and an ECDSA client certificate: the same bytes each run', async (serverKey) => {
    const { certified } = await import('./pair.ts');
    const opts = { seed: 9, serverKey, server: { requestClientCertificate: true }, client: { clientCertificate: await certified('client') } };
    const a = await pair(opts);
    expect(a.server.negotiated?.peerCertificates).toHaveLength(1);
    expect(toHex(wireBytes(await pair(opts)))).toBe(toHex(wireBytes(a)));
  });
});

describe('close_notify', () => {
  it.each(['TLSv1.3', 'TLSv1.2'] as const)('%s: the client closes, the server sees it and closes too', async (v) => {
    const r = await pair({ client: { versions: [v] } });
    const bye = await r.client.close();
    expect(bye.status).toBe('closed');
    // a protected alert record: type 23 in TLS 1.3, 21 in TLS 1.2
    expect(bye.send[0]).toBe(v === 'TLSv1.3' ? 23 : 21);
    const seen = await r.server.receive(bye.send);
    expect(seen.status).toBe('closed');
    expect(seen.events.filter((e) => e.kind === 'tls.alert').map((e) => e.kind === 'tls.alert' && [e.dir, e.name])).toEqual([['received', 'close_notify']]);
    const back = await r.server.close();
    expect(back.send[0]).toBe(v === 'TLSv1.3' ? 23 : 21); // its own close_notify (RFC 8446 §6.1)
    expect((await r.client.close()).send.length).toBe(0); // said once only
  });
});
