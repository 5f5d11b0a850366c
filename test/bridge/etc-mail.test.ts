// `npm run bridge -- --etc-mail DIR`: the files of DIR, with their modes, are
// laid over /etc/mail before the daemon starts, and access.db is rebuilt.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { dialogue, startBridge, type Bridge } from './bridge-helper.ts';

const bridges: Bridge[] = [];
afterAll(async () => {
  for (const b of bridges) await b.stop();
});

describe('bridge --etc-mail', () => {
  it('uses the access map of DIR (rebuilt into access.db) and refuses a group-readable key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-etc-mail-'));
    writeFileSync(join(dir, 'access'), 'Connect:localhost RELAY\nConnect:127.0.0.1 RELAY\nConnect:client.example.test RELAY\n');
    chmodSync(join(dir, 'access'), 0o600);
    mkdirSync(join(dir, 'certs'));
    chmodSync(join(dir, 'certs'), 0o755);
    writeFileSync(join(dir, 'certs', 'mykey.pem'), '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
    chmodSync(join(dir, 'certs', 'mykey.pem'), 0o640);
    const b = await startBridge(['--etc-mail', dir]);
    bridges.push(b);
    const got = await dialogue(b.port, '127.0.0.2', ['EHLO client.example.test\r\n', 'MAIL FROM:<alice@example.test>\r\n', 'RCPT TO:<someone@remote.example>\r\n', 'QUIT\r\n']);
    expect(got).toContain('250 2.1.5 <someone@remote.example>... Recipient ok\r\n');
    expect(got).not.toContain('250-STARTTLS');
    expect(b.log().some((l) => /^<20>.* sm-mta\[\d+\]: STARTTLS=server: file \/etc\/mail\/certs\/mykey\.pem unsafe: Group readable file$/.test(l))).toBe(true);
  }, 60000);

  it('rebuilds sendmail.cf from a sendmail.mc in DIR (make -C /etc/mail, m4), here the kit\'s own with Port=2525', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-etc-mail-mc-'));
    // ../shared/reference/world/sendmail.mc as the kit uses it, with one more define
    const mc = readFileSync(join(import.meta.dirname, '..', '..', 'lessons', '_worlds', 'reference', 'files', 'etc', 'mail', 'sendmail.mc'), 'utf8')
      .replace('Port=smtp', 'Port=2525')
      .replace("define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b')dnl", "define(`confSMTP_LOGIN_MSG', `$j ready; $b')dnl");
    writeFileSync(join(dir, 'sendmail.mc'), mc);
    const b = await startBridge(['--etc-mail', dir]);
    bridges.push(b);
    const got = await dialogue(b.port, '127.0.0.1', ['QUIT\r\n']);
    expect(got).toMatch(/^220 mail\.example\.test ESMTP ready; \w{3}, \d+ \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\n221 2\.0\.0 mail\.example\.test closing connection\r\n$/);
  }, 60000);

  it('fails with a usage line without --port', () => {
    const r = spawnSync('npx', ['tsx', 'src/node/bridge.ts'], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: 'bridge: --port P is required (1-65535)\nusage: npm run bridge -- --port P [--etc-mail DIR] [--log FILE]\n',
    });
  }, 60000);
});
