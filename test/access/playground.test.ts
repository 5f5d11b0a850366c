import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AccessMap, DEFAULT_FEATURES, compileMap, runRuleset, smtpReply } from '../../src/core/access/index.ts';
import { evaluateProfile, firstFailure, profileMacros, READY_PROFILES, runnableFromTerminal, tagOf, validateRules, WORLD_CA, type ClientProfile } from '../../src/core/access/playground.ts';

// the reference world's /etc/mail/access, local-host-names and $j
const WORLD_ACCESS = 'Connect:localhost.localdomain\tRELAY\nConnect:localhost\t\tRELAY\nConnect:127.0.0.1\t\tRELAY\n';
const features = { ...DEFAULT_FEATURES, classW: ['localhost', 'mail.example.test', 'example.test'], hostname: 'mail.example.test', domain: 'example.test' };
const profile = (id: string): ClientProfile => READY_PROFILES.find((p) => p.id === id)!;
const mapOf = (text: string): AccessMap => new AccessMap(compileMap(text, 'access').entries);
const run = (text: string, id: string, f = features) => evaluateProfile(mapOf(text), profile(id), { features: f });

describe('playground decisions', () => {
  it('the client without TLS against TLS_Clt:127.0.0.1 ENCR:112: tls_client and MAIL fail, as real sendmail -bs answered', () => {
    const steps = run(`${WORLD_ACCESS}TLS_Clt:127.0.0.1 ENCR:112\n`, 'no-tls');
    expect(steps.map((s) => s.ruleset)).toEqual(['check_relay', 'tls_client', 'check_mail', 'check_rcpt']);
    expect(steps.map((s) => s.reply)).toEqual([null, '454 4.7.0 encryption too weak 0 less than 112', '454 4.7.0 encryption too weak 0 less than 112', null]);
    expect(steps[1].dsn).toBe('4.7.0');
    expect(steps[1].arg).toBe(' $| MAIL');
    expect(steps[1].trace.map((r) => [r.n, r.tag, r.rest, r.value, r.decides])).toEqual([
      [1, 'TLS_Clt', 'localhost', null, false],
      [2, 'TLS_Clt', '127.0.0.1', 'ENCR:112', true],
    ]);
    expect(steps[1].decision!.rule).toBe('bits 0 < 112');
    expect(firstFailure(steps)?.ruleset).toBe('tls_client');
  });

  it('TEMP+ENCR:112 gives 403 and TLS_PERM_ERR gives 554 (bs-cases.json)', () => {
    const cases = JSON.parse(readFileSync(new URL('../fixtures/access/bs-cases.json', import.meta.url), 'utf8')) as { map: string; config: string; reply: string; value: string }[];
    const temp = cases.find((c) => c.value === 'TEMP+ENCR:112' && c.config === 'base')!;
    const perm = cases.find((c) => c.value === 'ENCR:112' && c.config === 'opts')!;
    expect(run('TLS_Clt:127.0.0.1 TEMP+ENCR:112\n', 'no-tls')[2].reply).toBe(temp.reply);
    expect(run('TLS_Clt:127.0.0.1 ENCR:112\n', 'no-tls', { ...features, tlsPermErr: true })[2].reply).toBe(perm.reply);
  });

  it('the laptop relays by its certificate issuer (RelayTLS); without the entry it is denied', () => {
    const denied = run(WORLD_ACCESS, 'laptop');
    expect(denied[3].reply).toBe('550 5.7.1 <friend@remote.example>... Relaying denied');
    expect(denied[3].trace[0]).toMatchObject({ tag: 'CERTISSUER', rest: WORLD_CA, value: null });
    const ok = run(`${WORLD_ACCESS}CertIssuer:${WORLD_CA} RELAY\n`, 'laptop');
    expect(ok[3].outcome).toBe('relay allowed');
    expect(ok[3].decision!.rule).toBe('RelayTLS: the client certificate issuer (or subject) is RELAY');
    expect(ok[3].trace.filter((r) => r.decides).map((r) => r.key)).toEqual([`CERTISSUER:${WORLD_CA}`]);
  });

  it('the rogue certificate: verify FAIL does not relay, and VERIFY says authentication failed', () => {
    const steps = run(`CertIssuer:${WORLD_CA} RELAY\nTLS_Clt:rogue.example.net PERM+VERIFY\n`, 'rogue');
    expect(steps[1].reply).toBe('503 5.7.0 authentication failed');
    expect(steps[3].reply).toBe('550 5.7.1 <friend@remote.example>... Relaying denied');
  });

  it("the article's server meets ENCR:112 with 256 bits", () => {
    const steps = run('TLS_Clt:client.example.test ENCR:112\n', 'article-server');
    expect(steps[1].outcome).toBe('accepted');
    expect(steps[1].trace.at(-1)).toMatchObject({ key: 'TLS_Clt:client.example.test', value: 'ENCR:112', decides: true });
  });

  it('From: REJECT answers with the address, as on the wire', () => {
    const steps = run(`${WORLD_ACCESS}From:other.example REJECT\n`, 'no-tls');
    expect(steps[2].reply).toBe('550 5.7.1 <me@other.example>... Access denied');
  });

  it('delay_checks: check_relay and check_mail do not run at their command', () => {
    const steps = run(WORLD_ACCESS, 'no-tls', { ...features, delayChecks: 'plain' });
    expect(steps.map((s) => s.outcome)).toEqual(['not run', 'accepted', 'not run', 'relay allowed']);
    expect(steps[0].note).toBe('FEATURE(delay_checks): check_relay runs at RCPT, inside check_rcpt');
  });

  it('each decision is the one runRuleset gives for the profile macros', () => {
    const map = mapOf(`${WORLD_ACCESS}TLS_Clt:127.0.0.1 ENCR:112\n`);
    for (const p of READY_PROFILES) {
      const env = { map, features, macros: profileMacros(p) };
      for (const s of evaluateProfile(map, p, { features })) {
        const d = runRuleset(s.ruleset, s.arg, env);
        expect(s.decision).toEqual(d);
        if (s.ruleset === 'check_rcpt') expect(s.reply).toBe(smtpReply(d!, `<${p.rcptTo}>`));
      }
    }
  });

  it('only a local client can be replayed from the terminal', () => {
    expect(READY_PROFILES.filter(runnableFromTerminal).map((p) => p.id)).toEqual(['no-tls']);
  });

  it('tags: IPv6 is not a tag, a bare tag has an empty rest', () => {
    expect(tagOf('TLS_Clt:')).toEqual({ tag: 'TLS_Clt', rest: '' });
    expect(tagOf('IPv6:2001:db8')).toEqual({ tag: '', rest: 'IPv6:2001:db8' });
    expect(tagOf('Connect:IPv6:2001')).toEqual({ tag: 'Connect', rest: 'IPv6:2001' });
    expect(tagOf('/C=US/O=x')).toEqual({ tag: '', rest: '/C=US/O=x' });
  });
});

describe('rules validation', () => {
  it('makemap errors on their lines, malformed TLS values as warnings', () => {
    const text = '# comment\nTLS_Clt:127.0.0.1 ENCR:112\nTLS_Srv:x.example encr:\n CertIssuer:x RELAY\nfoo\nTLS_Rcpt:a@b OK\ntls_clt:y PERM+VERIFY:abc\nTLS_Clt:127.0.0.1 VERIFY\n';
    const { notes, compiled } = validateRules(text);
    expect(compiled.exitCode).toBe(65);
    expect(notes).toEqual([
      { line: 2, severity: 'info', text: 'requires at least 112 cipher bits; otherwise 454 4.7.0' },
      { line: 3, severity: 'warning', text: '"encr:" is incomplete (ENCR needs :bits; bits are one word): sendmail accepts it as no requirement' },
      { line: 4, severity: 'error', text: 'makemap: /etc/mail/access: line 4: syntax error (leading space)' },
      { line: 5, severity: 'error', text: 'makemap: /etc/mail/access: line 5: no RHS for LHS foo' },
      { line: 6, severity: 'warning', text: '"OK" is not VERIFY, VERIFY:bits or ENCR:bits: sendmail accepts it as no requirement' },
      { line: 7, severity: 'info', text: 'requires a verified certificate and at least abc cipher bits; otherwise 503 5.7.0 (bits "abc" are not a number: sendmail compares them as 0)' },
      { line: 8, severity: 'error', text: 'makemap: /etc/mail/access: line 8: key tls_clt:127.0.0.1: duplicate key' },
      { line: 8, severity: 'info', text: 'requires a verified certificate; otherwise 454 4.7.0' },
    ]);
  });

  it('a line longer than makemap reads counts as several: errors still land on the editor line', () => {
    const text = `a ${'x'.repeat(2100)}\nbad\n`;
    const { notes } = validateRules(text);
    // makemap's third piece of the long line is a key without a value (2100 + 2 = 2 * 1023 + 56)
    expect(notes.map((n) => [n.line, n.text])).toEqual([
      [1, 'makemap: /etc/mail/access: line 1: line too long (1024 bytes max)'],
      [1, 'makemap: /etc/mail/access: line 2: line too long (1024 bytes max)'],
      [1, `makemap: /etc/mail/access: line 3: no RHS for LHS ${'x'.repeat(56)}`],
      [2, 'makemap: /etc/mail/access: line 4: no RHS for LHS bad'],
    ]);
  });
});
