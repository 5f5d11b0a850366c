// The files the lab's commands write (CA.pl, openssl req/x509/ca/genpkey/
// genrsa/ecparam/rehash), written out and read by real OpenSSL 3.0: chains
// verify, keys decrypt with their pass phrase, requests verify, CRLs verify,
// and the lab's `openssl x509 -text`, `-fingerprint`, `-hash` print what the
// real one prints for the same file.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { BufferOutput, StringInput } from '../../src/core/shell/io.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';

const NOW = Date.UTC(2026, 10, 28, 16, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'lab-pki-files-'));
const real = (...args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const out = (w: World, path: string): string => {
  const p = join(dir, path.replace(/\//g, '_'));
  writeFileSync(p, w.vfs.readText(path));
  return p;
};

async function world(): Promise<World> {
  let t = NOW;
  return createWorld({ kind: 'fresh', clock: { now: () => (t += 3) }, random: seededRandom(31), subtle: webcrypto.subtle as unknown as SubtleCrypto });
}

async function sh(w: World, line: string, stdin = ''): Promise<{ status: number; out: string; err: string }> {
  const o = new BufferOutput();
  const e = new BufferOutput();
  const status = await w.newShell().run(line, { stdout: o, stderr: e, stdin: new StringInput(stdin) });
  return { status, out: o.text, err: e.text };
}

async function type(w: World, lines: string[]): Promise<void> {
  const ld = new LineDiscipline({ onOutput: () => {}, newline: '\r\n' });
  const done = w.runTerminal(ld);
  for (const l of [...lines, 'exit']) ld.input(`${l}\r`);
  await done;
}

const at = String(NOW / 1000 + 3600);

describe('files made in the lab, read by real OpenSSL', () => {
  it('CA.pl: the CA and a signed certificate verify; the encrypted keys open with their pass phrase; the CRL verifies', async () => {
    const w = await world();
    const DN = ['US', 'California', 'San Francisco', 'Example Org', 'IT'];
    await type(w, [
      '/usr/lib/ssl/misc/CA.pl -newca', '', 'capass', 'capass', ...DN, 'Example Test CA', 'ca@example.test', '', '', 'capass',
      '/usr/lib/ssl/misc/CA.pl -newreq', 'keypass', 'keypass', ...DN, 'mail.example.test', '', '', '',
      '/usr/lib/ssl/misc/CA.pl -sign', 'capass', 'y', 'y',
      '/usr/lib/ssl/misc/CA.pl -revoke newcert.pem keyCompromise', 'capass',
      '/usr/lib/ssl/misc/CA.pl -crl', 'capass',
    ]);
    const ca = out(w, '/root/demoCA/cacert.pem');
    const cert = out(w, '/root/newcert.pem');
    expect(real('verify', '-attime', at, '-CAfile', ca, cert)).toBe(`${cert}: OK\n`);
    expect(real('req', '-in', out(w, '/root/newreq.pem'), '-noout', '-verify')).toBe('');
    const key = out(w, '/root/newkey.pem');
    expect(real('pkey', '-in', key, '-passin', 'pass:keypass', '-pubout')).toBe(real('x509', '-in', cert, '-noout', '-pubkey'));
    expect(real('pkey', '-in', out(w, '/root/demoCA/private/cakey.pem'), '-passin', 'pass:capass', '-pubout')).toBe(real('x509', '-in', ca, '-noout', '-pubkey'));
    expect(() => real('pkey', '-in', key, '-passin', 'pass:wrong')).toThrow();
    // the text `openssl ca` put before the PEM is what real `openssl ca` writes: compat names
    expect(w.vfs.readText('/root/newcert.pem')).toContain('        Issuer: C=US, ST=California, O=Example Org, OU=IT, CN=Example Test CA/emailAddress=ca@example.test\n');
    // lab's x509 printing = real's, on the lab's own files
    for (const args of [['-text'], ['-subject', '-issuer', '-dates', '-serial'], ['-fingerprint'], ['-fingerprint', '-sha256'], ['-hash', '-issuer_hash']]) {
      const lab = await sh(w, `openssl x509 -in /root/newcert.pem -noout ${args.join(' ')}`);
      expect(lab.out, args.join(' ')).toBe(real('x509', '-in', cert, '-noout', ...args));
    }
    const crl = out(w, '/root/demoCA/crl/crl.pem');
    const crlText = real('crl', '-in', crl, '-noout', '-text', '-CAfile', ca);
    expect(crlText).toContain('Reason Code: \n                Key Compromise');
    expect(crlText).toContain('X509v3 CRL Number: \n                1\n');
    expect(w.vfs.readText('/root/demoCA/crlnumber')).toBe('02\n');
    expect(w.vfs.readText('/root/demoCA/index.txt')).toMatch(/^V\t\d{12}Z\t\t[0-9A-F]{40}\tunknown\t\/C=US\/ST=California\/O=Example Org\/OU=IT\/CN=Example Test CA\/emailAddress=ca@example.test\nR\t\d{12}Z\t\d{12}Z,keyCompromise\t[0-9A-F]{40}\tunknown\t\/C=US\/ST=California\/L=San Francisco\/O=Example Org\/OU=IT\/CN=mail.example.test\n$/);
  }, 120000);

  it('openssl genpkey/genrsa/ecparam/req -x509/x509 -req -CA: keys load, chains verify, -text matches', async () => {
    const w = await world();
    const steps = [
      'openssl genrsa -out ca.key 2048',
      'openssl req -x509 -new -key ca.key -subj "/C=US/O=Example Org/CN=Lab Root" -days 3650 -out ca.crt',
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key',
      'openssl req -new -key ec.key -subj /CN=mail.example.test -addext "subjectAltName=DNS:mail.example.test" -out ec.csr',
      'echo subjectAltName=DNS:mail.example.test > ext.cnf && echo extendedKeyUsage=serverAuth >> ext.cnf',
      'openssl x509 -req -in ec.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 90 -extfile ext.cnf -out ec.crt',
      'openssl ecparam -name secp384r1 -genkey -noout -out p384.key',
      'openssl genpkey -algorithm RSA -aes256 -pass pass:sekrit -out enc.key',
      'openssl rsa -in enc.key -passin pass:sekrit -out plain.key',
      'openssl rsa -in plain.key -traditional -out trad.key',
      'openssl req -new -x509 -newkey rsa:2048 -nodes -keyout self.key -subj /CN=self -out self.crt',
    ];
    for (const s of steps) {
      const r = await sh(w, `cd /root && ${s}`);
      expect(r.status, `${s}\n${r.err}`).toBe(0);
    }
    const ca = out(w, '/root/ca.crt');
    const leaf = out(w, '/root/ec.crt');
    expect(real('verify', '-attime', at, '-CAfile', ca, '-verify_hostname', 'mail.example.test', leaf)).toBe(`${leaf}: OK\n`);
    expect(real('x509', '-in', leaf, '-noout', '-serial')).toBe(`serial=${w.vfs.readText('/root/ca.srl').trim()}\n`);
    expect(real('x509', '-in', leaf, '-noout', '-text')).toBe((await sh(w, 'openssl x509 -in /root/ec.crt -noout -text')).out);
    expect(real('x509', '-in', ca, '-noout', '-text')).toBe((await sh(w, 'openssl x509 -in /root/ca.crt -noout -text')).out);
    expect(real('req', '-in', out(w, '/root/ec.csr'), '-noout', '-text')).toBe((await sh(w, 'openssl req -in /root/ec.csr -noout -text')).out);
    expect(real('pkey', '-in', out(w, '/root/p384.key'), '-noout', '-text')).toContain('ASN1 OID: secp384r1');
    expect(real('pkey', '-in', out(w, '/root/enc.key'), '-passin', 'pass:sekrit')).toBe(w.vfs.readText('/root/plain.key'));
    expect(real('pkey', '-in', out(w, '/root/trad.key'))).toBe(w.vfs.readText('/root/plain.key'));
    expect(w.vfs.readText('/root/trad.key')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const self = out(w, '/root/self.crt');
    expect(real('verify', '-attime', at, '-CAfile', self, self)).toBe(`${self}: OK\n`);
    for (const f of ['ca.key', 'ec.key', 'p384.key', 'enc.key', 'plain.key', 'self.key']) expect(w.vfs.stat(`/root/${f}`).mode & 0o777, f).toBe(0o600);
  }, 120000);

  it('DER: x509 -outform DER, rsa/pkey -outform DER as OpenSSL 3.0 lays them out; DER made by real OpenSSL read back', async () => {
    const w = await world();
    for (const s of ['openssl genrsa -out k.pem', 'openssl req -x509 -new -key k.pem -subj /CN=der.example -out c.pem', 'openssl x509 -in c.pem -outform DER -out c.der', 'openssl rsa -in k.pem -outform DER -out rsa.der', 'openssl pkey -in k.pem -outform DER -out pkey.der']) {
      const r = await sh(w, `cd /root && ${s}`);
      expect(r.status, `${s}\n${r.err}`).toBe(0);
    }
    const bin = (path: string): string => {
      const p = join(dir, path.replace(/\//g, '_'));
      writeFileSync(p, w.vfs.readFile(path));
      return p;
    };
    expect(real('x509', '-inform', 'DER', '-in', bin('/root/c.der'), '-noout', '-subject')).toBe('subject=CN = der.example\n');
    const pem = real('pkey', '-in', out(w, '/root/k.pem'));
    expect(real('pkey', '-inform', 'DER', '-in', bin('/root/rsa.der'))).toBe(pem);
    expect(real('pkey', '-inform', 'DER', '-in', bin('/root/pkey.der'))).toBe(pem);
    expect(real('asn1parse', '-inform', 'DER', '-in', bin('/root/rsa.der'))).toMatch(/^ +0:d=0.*SEQUENCE\s+\n +4:d=1 +hl=2 l= +1 prim: INTEGER +:00\n +7:d=1 +hl=2 l= +13 cons: SEQUENCE/);
    expect(real('asn1parse', '-inform', 'DER', '-in', bin('/root/pkey.der'))).toMatch(/\n +7:d=1 +hl=4 l= 257 prim: INTEGER/);
    // and DER written by real OpenSSL, read by the lab
    real('x509', '-in', out(w, '/root/c.pem'), '-outform', 'DER', '-out', join(dir, 'real.der'));
    real('pkey', '-in', out(w, '/root/k.pem'), '-outform', 'DER', '-out', join(dir, 'realkey.der'));
    w.vfs.writeFile('/root/real.der', readFileSync(join(dir, 'real.der')));
    w.vfs.writeFile('/root/realkey.der', readFileSync(join(dir, 'realkey.der')));
    expect((await sh(w, 'openssl x509 -in /root/real.der -noout -subject')).out).toBe('subject=CN = der.example\n');
    expect((await sh(w, 'openssl pkey -inform DER -in /root/realkey.der')).out).toBe(pem);
  }, 60000);

  it("Debian's own certificates and requests (fresh world, /etc/mail/tls): the lab's -text is real OpenSSL's", async () => {
    const w = await world();
    for (const f of ['sendmail-server.crt', 'sendmail-client.crt']) {
      const lab = await sh(w, `openssl x509 -in /etc/mail/tls/${f} -noout -text -fingerprint -sha256 -hash`);
      expect(lab.out, f).toBe(real('x509', '-in', out(w, `/etc/mail/tls/${f}`), '-noout', '-text', '-fingerprint', '-sha256', '-hash'));
    }
    for (const f of ['sendmail-server.csr', 'sendmail-client.csr']) {
      const lab = await sh(w, `openssl req -in /etc/mail/tls/${f} -noout -text`);
      expect(lab.out, f).toBe(real('req', '-in', out(w, `/etc/mail/tls/${f}`), '-noout', '-text'));
    }
  }, 60000);

  it('rehash makes the links real openssl rehash makes', async () => {
    const w = await world();
    for (const s of [
      'mkdir /root/certs && cd /root/certs',
      'openssl req -x509 -newkey rsa:2048 -nodes -keyout /root/a.key -subj "/C=US/O=Example Org/CN=Root A" -out a.pem',
      'openssl req -x509 -newkey rsa:2048 -nodes -keyout /root/b.key -subj "/CN=root b" -out b.crt',
      'cp a.pem a-copy.pem',
      'openssl req -new -key /root/a.key -subj /CN=x -out req.pem',
    ]) {
      const r = await sh(w, `cd /root && ${s}`.replace('cd /root && mkdir', 'mkdir').replace(/^cd \/root && (openssl|cp)/, 'cd /root/certs && $1'));
      expect(r.status, s).toBe(0);
    }
    const lab = await sh(w, 'openssl rehash /root/certs');
    const realDir = mkdtempSync(join(tmpdir(), 'lab-rehash-'));
    for (const f of ['a.pem', 'b.crt', 'a-copy.pem', 'req.pem']) writeFileSync(join(realDir, f), w.vfs.readText(`/root/certs/${f}`));
    const realRun = spawnSync('openssl', ['rehash', realDir], { encoding: 'utf8' });
    // which of two identical files gets the link follows directory order: compare what the link leads to
    const links = (names: string[], target: (n: string) => string): string[] => names.filter((n) => /^[0-9a-f]{8}\.\d+$/.test(n)).sort().map((n) => `${n} -> ${w.vfs.readText(`/root/certs/${target(n)}`)}`);
    const realLinks = links(readdirSync(realDir), (n) => readlinkSync(join(realDir, n)));
    expect(links(w.vfs.readdir('/root/certs'), (n) => w.vfs.readlink(`/root/certs/${n}`))).toEqual(realLinks);
    expect(realLinks.length).toBe(2);
    // the order of the warnings follows directory order in OpenSSL, name order in the lab
    const sorted = (t: string): string[] => t.split('\n').filter(Boolean).map((l) => l.replace(/in a(-copy)?\.pem$/, 'in A')).sort();
    expect(sorted(lab.err)).toEqual(['rehash: warning: skipping duplicate certificate in A', 'rehash: warning: skipping req.pem,it does not contain exactly one certificate or CRL']);
    expect({ status: lab.status, err: sorted(lab.err) }).toEqual({ status: realRun.status, err: sorted(realRun.stderr) });
  }, 60000);
});
