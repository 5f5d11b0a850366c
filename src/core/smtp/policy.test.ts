/**
 * The policy hooks of SmtpServer (SmtpEnv.policy): when the engine asks (connect,
 * after STARTTLS, MAIL, RCPT), with which macros, and what it does with each verdict.
 * The real answers of the access map are replayed through the world in
 * test/sim/access-live.test.ts; here a scripted policy shows the protocol side alone.
 */
import { describe, expect, it } from 'vitest';
import { SmtpServer, referenceConfig, type PolicyResult, type SessionMacros, type SmtpPolicy } from './index.ts';
import { TestSmtpEnv, REFERENCE_PEERS } from '../../../test/helpers/smtp-env.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

interface Call {
  ruleset: string;
  arg: string;
  macros: SessionMacros;
}

function scripted(answers: Partial<Record<'relay' | 'tls' | 'mail' | 'rcpt', PolicyResult | null>>, calls: Call[]): SmtpPolicy {
  const ok: PolicyResult = { kind: 'ok' };
  return {
    checkRelay: (m) => (calls.push({ ruleset: 'check_relay', arg: `${m.client_name} $| ${m.client_addr}`, macros: m }), answers.relay === undefined ? ok : answers.relay),
    tlsClient: (m) => (calls.push({ ruleset: 'tls_client', arg: `${m.verify} $| STARTTLS`, macros: m }), answers.tls ?? ok),
    checkMail: (m, s) => (calls.push({ ruleset: 'check_mail', arg: s, macros: m }), answers.mail === undefined ? ok : answers.mail),
    checkRcpt: (m, r, parsed) => (calls.push({ ruleset: 'check_rcpt', arg: parsed ?? r, macros: m }), answers.rcpt ?? ok),
  };
}

function open(policy: SmtpPolicy, addr = '127.0.0.2') {
  const env = Object.assign(new TestSmtpEnv(), { policy });
  const server = new SmtpServer({ config: referenceConfig(), env, peer: REFERENCE_PEERS[addr], conn: 1 });
  server.start();
  const greeting = text(server.drainOutput());
  const send = (s: string): string => {
    server.receive(bytes(s));
    return text(server.drainOutput());
  };
  const logs = (): string[] => env.logs.map((l) => l.replace(/^<(\d+)><TIME> [^:]+: (?:\w{14}: )?/, '<$1>'));
  return { server, env, greeting, send, logs };
}

describe('policy hooks', () => {
  it('asks check_relay at connect with {client_name} and {client_addr}, check_mail and check_rcpt with the addresses as given', () => {
    const calls: Call[] = [];
    const c = open(scripted({}, calls));
    c.send('EHLO client.example.test\r\n');
    c.send('MAIL FROM:<alice@example.test>\r\n');
    c.send('RCPT TO:<someone%remote.example@example.test>\r\n');
    expect(calls.map((x) => `${x.ruleset} ${x.arg}`)).toEqual([
      'check_relay client.example.test $| 127.0.0.2',
      'check_mail <alice@example.test>',
      'check_rcpt <someone@remote.example>',
    ]);
    expect(calls[0].macros.verify).toBe('');
    expect(calls[2].macros).toMatchObject({ mail_from: '<alice@example.test>', f: 'alice@example.test', client_resolve: 'OK' });
  });

  it('a check_relay rejection answers every command but QUIT, HELO, EHLO, NOOP, RSET; a 421 replaces the greeting', () => {
    const c = open(scripted({ relay: { kind: 'error', reply: '550 5.7.1 Access denied' } }, []));
    expect(c.greeting).toMatch(/^220 /);
    expect(c.send('MAIL FROM:<a@example.test>\r\n')).toBe('550 5.7.1 Access denied\r\n');
    expect(c.send('NOOP\r\n')).toBe('250 2.0.0 OK\r\n');
    expect(c.logs()).toEqual(['<21>ruleset=check_relay, arg1=client.example.test, arg2=127.0.0.2, relay=client.example.test [127.0.0.2], reject=550 5.7.1 Access denied']);
    const d = open(scripted({ relay: { kind: 'error', reply: '421 4.7.1 Come back later' } }, []));
    expect(d.greeting).toBe('421 4.7.1 Come back later\r\n');
    expect(d.server.closed).toBe(true);
  });

  it('tls_client after STARTTLS sees the TLS macros; its rejection answers every later MAIL and RCPT', () => {
    const calls: Call[] = [];
    const c = open(scripted({ tls: { kind: 'error', reply: '454 4.7.0 not authenticated' } }, calls));
    c.send('EHLO client.example.test\r\n');
    c.send('STARTTLS\r\n');
    c.server.receive(bytes('\x16\x03\x01'));
    c.server.tlsStarted({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256', bits: 128, verify: 'OK', certSubject: '/CN=x', certIssuer: '/CN=ca', cnSubject: 'x', cnIssuer: 'ca' });
    expect(calls[1].macros).toMatchObject({ verify: 'OK', cipher_bits: '128', tls_version: 'TLSv1.2', cert_subject: '/CN=x', cert_issuer: '/CN=ca', cn_subject: 'x' });
    expect(c.send('MAIL FROM:<a@example.test>\r\n')).toBe('454 4.7.0 not authenticated\r\n');
    expect(c.send('RCPT TO:<root@example.test>\r\n')).toBe('454 4.7.0 not authenticated\r\n');
    expect(c.logs().at(-1)).toBe('<21>ruleset=tls_client, arg1=OK, arg2=STARTTLS, relay=client.example.test [127.0.0.2], reject=454 4.7.0 not authenticated');
  });

  it('DISCARD accepts and drops the message; delay_checks (null) skips the check', () => {
    const c = open(scripted({ relay: null, mail: null, rcpt: { kind: 'discard' } }, []));
    c.send('EHLO client.example.test\r\n');
    expect(c.send('MAIL FROM:<a@example.test>\r\n')).toBe('250 2.1.0 <a@example.test>... Sender ok\r\n');
    expect(c.send('RCPT TO:<root@example.test>\r\n')).toBe('250 2.1.5 <root@example.test>... Recipient ok\r\n');
    c.send('DATA\r\n');
    expect(c.send('x\r\n.\r\n')).toMatch(/^250 2\.0\.0 \w+ Message accepted for delivery\r\n$/);
    expect(c.env.delivered).toEqual([]);
    expect(c.logs().filter((l) => !l.includes('from='))).toEqual([
      '<21>ruleset=check_rcpt, arg1=<root@example.test>, relay=client.example.test [127.0.0.2], discard',
      '<22>discarded',
    ]);
  });
});

describe('policy verdicts in the trace', () => {
  it('smtp.policy events: ruleset, argument, verdict, reply, the ruleset trace', async () => {
    const { TraceLog } = await import('../trace/index.ts');
    const trace = new TraceLog();
    const policy = scripted({ mail: { kind: 'error', reply: '550 5.7.1 <a@example.test>... Access denied', trace: ['From:a@example.test: REJECT'] } }, []);
    const env = Object.assign(new TestSmtpEnv(), { policy });
    const server = new SmtpServer({ config: referenceConfig(), env, peer: REFERENCE_PEERS['127.0.0.2'], conn: 3, trace });
    server.start();
    server.receive(bytes('EHLO x.example\r\n'));
    server.receive(bytes('MAIL FROM:<a@example.test>\r\n'));
    expect(trace.of('smtp.policy')).toEqual([
      { kind: 'smtp.policy', conn: 3, ruleset: 'check_relay', arg: 'client.example.test $| 127.0.0.2', result: 'ok', reply: null, trace: [] },
      { kind: 'smtp.policy', conn: 3, ruleset: 'check_mail', arg: '<a@example.test>', result: 'error', reply: '550 5.7.1 <a@example.test>... Access denied', trace: ['From:a@example.test: REJECT'] },
    ]);
  });
});
