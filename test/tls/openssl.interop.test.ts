// Our TLS 1.3 engine against real OpenSSL (s_server and s_client) on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { utf8 } from '../../src/core/bytes/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { TlsConnection, type ServerConfig, type ClientConfig } from '../../src/core/tls/index.ts';
import { acceptAll, certPath, certified, provider, seededProvider, type ServerKeyName } from './pair.ts';
import { requireOpenssl, dial, drive, freePort, listenOnce, run, waitFor, type Proc } from './openssl-interop.ts';

requireOpenssl();

const procs: Proc[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) p.child.kill();
});

async function ourClientToSServer(serverKey: ServerKeyName, sArgs: string[], client: Partial<ClientConfig> = {}) {
  const port = await freePort();
  const s = run(['s_server', '-accept', `127.0.0.1:${port}`, '-tls1_3', '-cert', certPath(`${serverKey}.crt`), '-key', certPath(`${serverKey}.key`), '-www', '-naccept', '1', ...sArgs]);
  procs.push(s);
  await waitFor(() => s.stdout().includes('ACCEPT'));
  const sock = await dial(port);
  const conn = TlsConnection.client({ verifyServer: acceptAll, serverName: 'mail.example.test', ...client }, { provider, random: seededRandom(7) });
  const d = drive(sock, conn, async (o) => {
    if (o.status === 'connected' && o.events.some((e) => e.kind === 'tls.negotiated')) await conn.send(utf8('GET / HTTP/1.0\r\n\r\n')).then((x) => void sock.write(x.send));
  });
  await d.start();
  await waitFor(() => conn.status !== 'handshaking' && (conn.status !== 'connected' || d.text().includes('</HTML>') || d.text().includes('</pre>')));
  await d.idle();
  sock.destroy();
  return { conn, page: d.text(), s };
}

async function sClientToOurServer(config: Partial<ServerConfig>, serverKey: ServerKeyName, cArgs: string[], p = provider) {
  const key = await certified(serverKey);
  let conn: TlsConnection | undefined;
  const lines: string[] = [];
  const srv = await listenOnce((sock) => {
    conn = TlsConnection.server({ certified: key, ...config }, { provider: p, random: seededRandom(9) });
    const c = conn;
    const d = drive(sock, c, async (o) => {
      for (const a of o.appData) {
        const text = new TextDecoder().decode(a);
        lines.push(text);
        const echoed = await c.send(utf8(`echo: ${text}`));
        sock.write(echoed.send);
      }
    });
    void d;
  });
  const cl = run(['s_client', '-connect', `127.0.0.1:${srv.port}`, '-tls1_3', '-CAfile', certPath('ca.crt'), '-verify_hostname', 'mail.example.test', '-servername', 'mail.example.test', ...cArgs]);
  procs.push(cl);
  cl.child.stdin!.write('hello from s_client\n');
  await waitFor(() => cl.stdout().includes('echo: hello from s_client') || cl.stderr().includes('error'), 15000);
  cl.child.stdin!.end();
  await cl.exited;
  srv.close();
  return { conn: conn!, out: cl.stdout(), err: cl.stderr(), lines };
}

describe('our client against openssl s_server -tls1_3', () => {
  it('RSA certificate, x25519: s_server reports TLS_AES_256_GCM_SHA384', async () => {
    const { conn, page } = await ourClientToSServer('server-rsa', []);
    expect(conn.negotiated).toMatchObject({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, group: 'x25519', signatureScheme: 'rsa_pss_rsae_sha256' });
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
  }, 30000);

  it.each([
    ['server-p256', 'ecdsa_secp256r1_sha256'],
    ['server-p384', 'ecdsa_secp384r1_sha384'],
  ] as const)('%s certificate: CertificateVerify %s verifies', async (key, scheme) => {
    const { conn, page } = await ourClientToSServer(key, []);
    expect(conn.negotiated?.signatureScheme).toBe(scheme);
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
  }, 30000);

  it('HelloRetryRequest to P-384 (s_server -groups P-384)', async () => {
    const { conn, page } = await ourClientToSServer('server-rsa', ['-groups', 'P-384']);
    expect(conn.negotiated).toMatchObject({ group: 'secp384r1', helloRetry: true });
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
  }, 30000);

  it('TLS_AES_128_GCM_SHA256 with P-256 when s_server allows only those', async () => {
    const { conn, page } = await ourClientToSServer('server-rsa', ['-ciphersuites', 'TLS_AES_128_GCM_SHA256', '-groups', 'P-256'], { groups: ['secp256r1'], keyShares: ['secp256r1'] });
    expect(conn.negotiated).toMatchObject({ cipher: 'TLS_AES_128_GCM_SHA256', bits: 128, group: 'secp256r1' });
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256');
  }, 30000);

  it('presents a client certificate when s_server -Verify asks', async () => {
    const { conn, page } = await ourClientToSServer('server-rsa', ['-Verify', '1', '-CAfile', certPath('ca.crt')], { clientCertificate: await certified('client') });
    expect(conn.negotiated?.cipher).toBe('TLS_AES_256_GCM_SHA384');
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
    expect(page).toContain('client.example.test');
  }, 30000);
});

describe('plain text where TLS is expected', () => {
  it('real s_server and our server both close without an alert', async () => {
    const port = await freePort();
    const real = run(['s_server', '-accept', `127.0.0.1:${port}`, '-cert', certPath('server-rsa.crt'), '-key', certPath('server-rsa.key'), '-naccept', '1']);
    procs.push(real);
    await waitFor(() => real.stdout().includes('ACCEPT'));
    const sock = await dial(port);
    const got: Buffer[] = [];
    sock.on('data', (d: Buffer) => got.push(d));
    const closed = new Promise((r) => sock.on('close', r));
    sock.write('EHLO client.example.test\r\n');
    await closed;
    expect(Buffer.concat(got).length).toBe(0);

    const ours = TlsConnection.server({ certified: await certified('server-rsa') }, { provider, random: seededRandom(1) });
    const out = await ours.receive(utf8('EHLO client.example.test\r\n'));
    expect([out.send.length, out.status, out.error?.reason]).toEqual([0, 'failed', 'wrong version number']);
  }, 30000);
});

describe('openssl s_client -tls1_3 against our server', () => {
  it('default client: TLS_AES_256_GCM_SHA384, X25519, verified chain, data both ways', async () => {
    const { conn, out, err, lines } = await sClientToOurServer({}, 'server-rsa', []);
    expect(conn.negotiated).toMatchObject({ cipher: 'TLS_AES_256_GCM_SHA384', group: 'x25519', serverName: 'mail.example.test' });
    expect(out).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('echo: hello from s_client');
    expect(lines).toEqual(['hello from s_client\n']);
    expect(err).toBe('depth=1 C = US, O = Example Test, CN = Example Test CA\nverify return:1\ndepth=0 CN = mail.example.test\nverify return:1\nDONE\n');
  }, 30000);

  it('our TypeScript RSA-PSS (seeded salt) verifies in OpenSSL', async () => {
    const { conn, out } = await sClientToOurServer({}, 'server-rsa', [], seededProvider);
    expect(conn.negotiated?.signatureScheme).toBe('rsa_pss_rsae_sha256');
    expect(out).toContain('Peer signature type: RSA-PSS');
    expect(out).toContain('echo: hello from s_client');
  }, 30000);

  it('s_client reads and writes as many handshake bytes as with a real s_server', async () => {
    const port = await freePort();
    const real = run(['s_server', '-accept', `127.0.0.1:${port}`, '-tls1_3', '-cert', certPath('server-rsa.crt'), '-key', certPath('server-rsa.key'), '-naccept', '1']);
    procs.push(real);
    await waitFor(() => real.stdout().includes('ACCEPT'));
    const counts = (out: string) => out.match(/SSL handshake has read \d+ bytes and written \d+ bytes/)?.[0];
    // the same s_client arguments as sClientToOurServer's
    const viaReal = run(['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_3', '-CAfile', certPath('ca.crt'), '-verify_hostname', 'mail.example.test', '-servername', 'mail.example.test'], '');
    viaReal.child.stdin!.end();
    await viaReal.exited;
    const ours = await sClientToOurServer({ sessionTickets: { count: 2, lifetime: 7200, ticketLength: 208 } }, 'server-rsa', []);
    expect(counts(viaReal.stdout())).toMatch(/^SSL handshake has read 1413 bytes and written \d+ bytes$/);
    expect(counts(ours.out)).toBe(counts(viaReal.stdout()));
  }, 30000);

  it('our TypeScript ECDSA (seeded nonce) verifies in OpenSSL, P-256 and P-384', async () => {
    for (const key of ['server-p256', 'server-p384'] as const) {
      const { conn, out } = await sClientToOurServer({}, key, [], seededProvider);
      expect(conn.negotiated?.signatureScheme).toBe(key === 'server-p256' ? 'ecdsa_secp256r1_sha256' : 'ecdsa_secp384r1_sha384');
      expect(out).toContain('Peer signature type: ECDSA');
      expect(out).toContain('echo: hello from s_client');
    }
  }, 30000);

  it('HelloRetryRequest when s_client leads with X25519 and we take only P-256', async () => {
    const { conn, out } = await sClientToOurServer({ groups: ['secp256r1'] }, 'server-p256', ['-groups', 'X25519:P-256']);
    expect(conn.negotiated).toMatchObject({ group: 'secp256r1', helloRetry: true, signatureScheme: 'ecdsa_secp256r1_sha256' });
    expect(out).toContain('Server Temp Key: ECDH, prime256v1, 256 bits');
    expect(out).toContain('Verify return code: 0 (ok)');
  }, 30000);

  it('client certificate on request', async () => {
    const { conn, out } = await sClientToOurServer({ requestClientCertificate: true }, 'server-p384', ['-cert', certPath('client.crt'), '-key', certPath('client.key')]);
    // s_client sends its certificate and the CA it found in -CAfile
    expect(conn.negotiated?.peerCertificates).toHaveLength(2);
    expect(out).toContain('Peer signature type: ECDSA');
    expect(out).toContain('echo: hello from s_client');
  }, 30000);
});
