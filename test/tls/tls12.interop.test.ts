// Our TLS 1.2 server (ECDHE, AES-GCM, extended master secret) against real `openssl s_client -tls1_2`.
import { afterEach, describe, expect, it } from 'vitest';
import { utf8 } from '../../src/core/bytes/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { TlsConnection, type ClientConfig, type ServerConfig } from '../../src/core/tls/index.ts';
import { acceptAll, certPath, certified, provider, type ServerKeyName } from './pair.ts';
import { requireOpenssl, dial, drive, freePort, listenOnce, run, waitFor, type Proc } from './openssl-interop.ts';

requireOpenssl();

const procs: Proc[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) p.child.kill();
});

async function sClient(config: Partial<ServerConfig>, serverKey: ServerKeyName, cArgs: string[]) {
  const key = await certified(serverKey);
  let conn: TlsConnection | undefined;
  const srv = await listenOnce((sock) => {
    const c = TlsConnection.server({ certified: key, ...config }, { provider, random: seededRandom(11) });
    conn = c;
    drive(sock, c, async (o) => {
      for (const a of o.appData) sock.write((await c.send(utf8(`echo: ${new TextDecoder().decode(a)}`))).send);
    });
  });
  const cl = run(['s_client', '-connect', `127.0.0.1:${srv.port}`, '-CAfile', certPath('ca.crt'), '-verify_hostname', 'mail.example.test', ...cArgs]);
  procs.push(cl);
  cl.child.stdin!.write('hello 1.2\n');
  await waitFor(() => cl.stdout().includes('echo: hello 1.2') || /error|alert/i.test(cl.stderr()), 15000);
  cl.child.stdin!.end();
  await cl.exited;
  srv.close();
  return { conn: conn!, out: cl.stdout(), err: cl.stderr() };
}

describe('openssl s_client -tls1_2 against our server', () => {
  it('RSA: ECDHE-RSA-AES256-GCM-SHA384 with the extended master secret', async () => {
    const { conn, out, err } = await sClient({}, 'server-rsa', ['-tls1_2']);
    expect(err).not.toMatch(/error|alert/i);
    expect(conn.negotiated).toMatchObject({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384', bits: 256, group: 'x25519', extendedMasterSecret: true });
    expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384');
    expect(out).toContain('Extended master secret: yes');
    expect(out).toContain('Secure Renegotiation IS supported');
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('echo: hello 1.2');
  }, 30000);

  it('forced to ECDHE-RSA-AES128-GCM-SHA256', async () => {
    const { conn, out } = await sClient({}, 'server-rsa', ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256']);
    expect(conn.negotiated?.cipher).toBe('ECDHE-RSA-AES128-GCM-SHA256');
    expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256');
    expect(out).toContain('echo: hello 1.2');
  }, 30000);

  it('ECDSA P-256 with P-256 ECDHE', async () => {
    const { conn, out } = await sClient({}, 'server-p256', ['-tls1_2', '-groups', 'P-256']);
    expect(conn.negotiated).toMatchObject({ cipher: 'ECDHE-ECDSA-AES256-GCM-SHA384', group: 'secp256r1', signatureScheme: 'ecdsa_secp256r1_sha256' });
    expect(out).toContain('Server Temp Key: ECDH, prime256v1, 256 bits');
    expect(out).toContain('echo: hello 1.2');
  }, 30000);

  it('a client certificate on request', async () => {
    const { conn, out } = await sClient({ requestClientCertificate: true }, 'server-rsa', ['-tls1_2', '-cert', certPath('client.crt'), '-key', certPath('client.key')]);
    expect(conn.negotiated?.peerCertificates.length).toBeGreaterThan(0);
    expect(out).toContain('echo: hello 1.2');
  }, 30000);

  it('a server limited to TLS 1.2 serves a default (1.3-capable) client', async () => {
    const { conn, out } = await sClient({ versions: ['TLSv1.2'] }, 'server-rsa', []);
    expect(conn.negotiated?.version).toBe('TLSv1.2');
    expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384');
  }, 30000);
});

async function ourClient(serverKey: ServerKeyName, sArgs: string[], client: Partial<ClientConfig> = {}) {
  const port = await freePort();
  const s = run(['s_server', '-accept', `127.0.0.1:${port}`, '-cert', certPath(`${serverKey}.crt`), '-key', certPath(`${serverKey}.key`), '-www', '-naccept', '1', ...sArgs]);
  procs.push(s);
  await waitFor(() => s.stdout().includes('ACCEPT'));
  const sock = await dial(port);
  const conn = TlsConnection.client({ verifyServer: acceptAll, serverName: 'mail.example.test', ...client }, { provider, random: seededRandom(12) });
  const d = drive(sock, conn, async (o) => {
    if (o.events.some((e) => e.kind === 'tls.negotiated')) sock.write((await conn.send(utf8('GET / HTTP/1.0\r\n\r\n'))).send);
  });
  await d.start();
  await waitFor(() => conn.status === 'failed' || d.text().includes('</HTML>') || d.text().includes('</pre>'));
  await d.idle();
  sock.destroy();
  return { conn, page: d.text() };
}

describe('our client against openssl s_server -tls1_2', () => {
  it('default offer (1.3 and 1.2) to a 1.2-only server: ECDHE-RSA-AES256-GCM-SHA384', async () => {
    const { conn, page } = await ourClient('server-rsa', ['-tls1_2']);
    expect(conn.negotiated).toMatchObject({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384', extendedMasterSecret: true });
    expect(page).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384');
  }, 30000);

  it('ECDSA P-384 server key, P-256 ECDHE (TLS 1.2 lets OpenSSL sign ECDSA-SHA256 with a P-384 key)', async () => {
    const { conn, page } = await ourClient('server-p384', ['-tls1_2', '-groups', 'P-256'], { versions: ['TLSv1.2'] });
    expect(conn.negotiated).toMatchObject({ cipher: 'ECDHE-ECDSA-AES256-GCM-SHA384', group: 'secp256r1', signatureScheme: 'ecdsa_secp256r1_sha256' });
    expect(page).toContain('New, TLSv1.2, Cipher is ECDHE-ECDSA-AES256-GCM-SHA384');
  }, 30000);

  it('presents a client certificate when s_server -Verify asks', async () => {
    const { conn, page } = await ourClient('server-rsa', ['-tls1_2', '-Verify', '1', '-CAfile', certPath('ca.crt')], { versions: ['TLSv1.2'], clientCertificate: await certified('client') });
    expect(conn.negotiated?.version).toBe('TLSv1.2');
    expect(page).toContain('client.example.test');
  }, 30000);

  it('default offer to a default s_server gives TLS 1.3', async () => {
    const { conn, page } = await ourClient('server-rsa', []);
    expect(conn.negotiated?.version).toBe('TLSv1.3');
    expect(page).toContain('New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384');
  }, 30000);
});
