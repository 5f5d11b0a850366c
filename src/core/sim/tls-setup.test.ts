import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs/index.ts';
import { steppingClock } from '../trace/index.ts';
import { checkServerTls } from './tls-setup.ts';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const ENCRYPTED = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----\n';
const FILES = {
  certFile: '/etc/mail/certs/mycert.pem',
  keyFile: '/etc/mail/certs/mykey.pem',
  caCertPath: '/etc/mail/certs',
  caCertFile: '/etc/mail/certs/CAcert.pem',
};

function world(): Vfs {
  const vfs = new Vfs({ clock: steppingClock(Date.UTC(2026, 10, 28), 0) });
  vfs.mkdir('/etc/mail/certs', { parents: true, mode: 0o755 });
  vfs.writeFile(FILES.certFile, CERT, { mode: 0o644 });
  vfs.writeFile(FILES.caCertFile, CERT, { mode: 0o644 });
  vfs.writeFile(FILES.keyFile, KEY, { mode: 0o600 });
  return vfs;
}

// Expected lines: ../shared/reference/sendmail.md, "TLS set-up errors".
describe('TLS set-up at daemon start', () => {
  it('is usable with the files of mkcerts.sh (key 0600, certs 0644)', () => {
    expect(checkServerTls(world(), FILES)).toEqual({ usable: true, errors: [] });
  });
  it('is off without ServerCertFile/ServerKeyFile (the fresh world), and says nothing', () => {
    expect(checkServerTls(world(), { certFile: undefined, keyFile: undefined, caCertPath: undefined, caCertFile: undefined })).toEqual({ usable: false, errors: [] });
  });
  const cases: [string, (v: Vfs) => void, string][] = [
    ['key 0640', (v) => v.chmod(FILES.keyFile, 0o640), 'STARTTLS=server: file /etc/mail/certs/mykey.pem unsafe: Group readable file'],
    ['key 0644', (v) => v.chmod(FILES.keyFile, 0o644), 'STARTTLS=server: file /etc/mail/certs/mykey.pem unsafe: Group readable file'],
    ['cert missing', (v) => v.unlink(FILES.certFile), 'STARTTLS=server: file /etc/mail/certs/mycert.pem unsafe: No such file or directory'],
    ['key missing', (v) => v.unlink(FILES.keyFile), 'STARTTLS=server: file /etc/mail/certs/mykey.pem unsafe: No such file or directory'],
    ['CA missing', (v) => v.unlink(FILES.caCertFile), 'STARTTLS=server: file /etc/mail/certs/CAcert.pem unsafe: No such file or directory'],
    ['cert 0666', (v) => v.chmod(FILES.certFile, 0o666), 'STARTTLS=server: file /etc/mail/certs/mycert.pem unsafe: Group writable file'],
    ['certs dir 0775', (v) => v.chmod('/etc/mail/certs', 0o775), 'STARTTLS=server: file /etc/mail/certs/mycert.pem unsafe: Group writable directory'],
    ['encrypted key', (v) => v.writeFile(FILES.keyFile, ENCRYPTED), 'STARTTLS=server, error: SSL_CTX_use_PrivateKey_file(/etc/mail/certs/mykey.pem) failed'],
  ];
  for (const [name, spoil, line] of cases) {
    it(`refuses TLS with ${name}`, () => {
      const vfs = world();
      spoil(vfs);
      expect(checkServerTls(vfs, FILES)).toEqual({ usable: false, errors: [line] });
    });
  }
});
