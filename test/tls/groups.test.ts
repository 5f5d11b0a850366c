// Sendmail's server takes P-256 only (its temporary ECDH key); real Sendmail against
// `openssl s_client -groups X25519` (test/fixtures/s-client/kit/groups-x25519.*):
// TLS 1.3 fails with handshake_failure, Sendmail logging "no suitable key share".
import { describe, expect, it } from 'vitest';
import { pair } from './pair.ts';

const P256 = { groups: ['secp256r1' as const] };

describe('a P-256-only server', () => {
  it('answers an x25519 key share with a HelloRetryRequest and ends on secp256r1', async () => {
    const r = await pair({ server: P256 });
    expect(r.client.status).toBe('connected');
    expect(r.client.negotiated).toMatchObject({ version: 'TLSv1.3', group: 'secp256r1', helloRetry: true });
  });

  it('TLS 1.2: ECDHE on secp256r1', async () => {
    const r = await pair({ client: { versions: ['TLSv1.2'] }, server: P256 });
    expect(r.client.negotiated).toMatchObject({ version: 'TLSv1.2', group: 'secp256r1' });
  });

  it('a client with x25519 only: handshake_failure, reason "no suitable key share" (OpenSSL\'s, as Sendmail logs it)', async () => {
    const r = await pair({ client: { groups: ['x25519'] }, server: P256 });
    expect(r.server.status).toBe('failed');
    expect(r.last.server?.error).toMatchObject({ name: 'handshake_failure', reason: 'handshake_failure: no suitable key share', by: 'server' });
    expect(r.last.client?.error).toMatchObject({ name: 'handshake_failure', by: 'server' });
  });
});
