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
