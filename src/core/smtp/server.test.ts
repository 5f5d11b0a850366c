/**
 * SmtpServer paths the captured fixtures cannot show (they stop at the TLS
 * handshake) or show only in part: STARTTLS handed over to the world and back,
 * the fresh world's EHLO and AUTH, client hang-ups, the engine's guarantees.
 * The captured dialogues themselves are replayed in test/sendmail/replay.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { TraceLog } from '../trace/index.ts';
import { SmtpServer, freshConfig, referenceConfig, type SmtpConfig } from './index.ts';
import { TestSmtpEnv, REFERENCE_PEERS } from '../../../test/helpers/smtp-env.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

function open(config: SmtpConfig = referenceConfig(), env = new TestSmtpEnv(), addr = '127.0.0.1') {
  const trace = new TraceLog();
  const server = new SmtpServer({ config, env, peer: REFERENCE_PEERS[addr], conn: 7, trace });
  server.start();
  const greeting = text(server.drainOutput());
  const send = (s: string): string => {
    server.receive(bytes(s));
    return text(server.drainOutput());
  };
  const logs = (): string[] => env.logs.map((l) => l.replace(/^<(\d+)><TIME> [^:]+: /, '<$1>'));
  return { server, env, trace, greeting, send, logs };
}

const EHLO_TLS_LIST =
  '250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-EXPN\r\n250-VERB\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250-DSN\r\n250-ETRN\r\n250-DELIVERBY\r\n250 HELP\r\n';

describe('STARTTLS handed to the world', () => {
  it('waits for a ClientHello, keeps its bytes for the TLS engine, then resumes inside TLS', () => {
    const c = open();
    c.send('EHLO client.example.test\r\n');
    expect(c.send('STARTTLS\r\n')).toBe('220 2.0.0 Ready to start TLS\r\n');
    expect(c.server.awaitingTls).toBe(true);
    expect(c.send('\x16\x03\x01\x00\x05hello')).toBe('');
    expect(c.server.awaitingTls).toBe(true);
    expect(text(c.server.takeTlsBytes())).toBe('\x16\x03\x01\x00\x05hello');
    c.server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, verify: 'NO' });
    expect(c.server.awaitingTls).toBe(false);
    expect(c.logs()).toContain('<22>STARTTLS=server, relay=localhost [127.0.0.1], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256');
    // EHLO again: the same list without STARTTLS (sendmail.md)
    expect(c.send('EHLO client.example.test\r\n')).toBe(EHLO_TLS_LIST);
    expect(c.send('STARTTLS\r\n')).toBe('454 4.3.3 TLS not available after start\r\n');
    c.send('MAIL FROM:<alice@example.test>\r\n');
    c.send('RCPT TO:<root@example.test>\r\n');
    c.send('DATA\r\n');
    expect(c.send('Subject: x\r\n\r\nhi\r\n.\r\n')).toMatch(/^250 2\.0\.0 \w{14} Message accepted for delivery\r\n$/);
    expect(c.logs().find((l) => l.includes('from=<alice@example.test>'))).toMatch(/proto=ESMTPS, daemon=MTA/);
  });

  it('inside TLS a pipelined EHLO is not "traffic before response"', () => {
    const c = open();
    c.send('EHLO a\r\n');
    c.send('STARTTLS\r\n');
    c.send('\x16\x03\x01');
    c.server.tlsStarted({ version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384', bits: 256, verify: 'NO' });
    expect(c.send('EHLO b\r\nNOOP\r\n')).toBe(EHLO_TLS_LIST + '250 2.0.0 OK\r\n');
  });

  it('MAIL right after the handshake, without a new EHLO, is accepted and logged proto=ESMTP (sendmail.md)', () => {
    const c = open();
    c.send('EHLO a\r\n');
    c.send('STARTTLS\r\n');
    c.send('\x16');
    c.server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, verify: 'NO' });
    expect(c.send('MAIL FROM:<alice@example.test>\r\n')).toBe('250 2.1.0 <alice@example.test>... Sender ok\r\n');
    c.send('QUIT\r\n');
    expect(c.logs().find((l) => l.includes('from='))).toMatch(/proto=ESMTP, /);
  });

  it('a tls_client rejection answers every later command but QUIT/EHLO/NOOP/RSET (access-map.md)', () => {
    const c = open();
    c.send('EHLO a\r\n');
    c.send('STARTTLS\r\n');
    c.send('\x16');
    c.server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, verify: 'NO', reject: '454 4.7.0 not authenticated' });
    expect(c.logs()).toContain('<21>ruleset=tls_client, arg1=NO, arg2=STARTTLS, relay=localhost [127.0.0.1], reject=454 4.7.0 not authenticated');
    expect(c.send('MAIL FROM:<alice@example.test>\r\n')).toBe('454 4.7.0 not authenticated\r\n');
    expect(c.send('RCPT TO:<root@example.test>\r\n')).toBe('454 4.7.0 not authenticated\r\n');
    expect(c.send('NOOP\r\n')).toBe('250 2.0.0 OK\r\n');
    expect(c.send('QUIT\r\n')).toBe('221 2.0.0 mail.example.test closing connection\r\n');
  });

  it('drops the connection on plain text after 220 (starttls-plaintext.json), also when it came in the same packet', () => {
    const c = open();
    c.send('EHLO a\r\n');
    expect(c.send('STARTTLS\r\nEHLO again\r\n')).toBe('220 2.0.0 Ready to start TLS\r\n');
    expect(c.server.closed).toBe(true);
    expect(c.logs()).toContain('<20>STARTTLS=server, error: accept failed=-1, reason=wrong version number, SSL_error=1, errno=0, retry=-1, relay=localhost [127.0.0.1]');
  });

  it('tlsFailed() logs the reason and drops the connection', () => {
    const c = open();
    c.send('EHLO a\r\n');
    c.send('STARTTLS\r\n');
    c.send('\x16\x03\x03');
    c.server.tlsFailed('unexpected message');
    expect(c.server.closed).toBe(true);
    expect(c.logs()[0]).toBe('<20>STARTTLS=server, error: accept failed=-1, reason=unexpected message, SSL_error=1, errno=0, retry=-1, relay=localhost [127.0.0.1]');
  });

  it('does not offer STARTTLS when TLS is not usable, and answers 454', () => {
    const c = open(referenceConfig(), new TestSmtpEnv({ tls: false }));
    expect(c.send('EHLO a\r\n')).not.toContain('STARTTLS');
    expect(c.send('STARTTLS\r\n')).toBe('454 4.3.3 TLS not available after start\r\n');
  });
});

describe('the fresh world (Debian stock configuration, sendmail.md)', () => {
  it('greets with the Debian text and advertises SIZE without a number and AUTH', () => {
    const c = open(freshConfig(), new TestSmtpEnv({ tls: false }));
    expect(c.greeting).toMatch(
      /^220 mail\.example\.test ESMTP Sendmail 8\.17\.1\.9\/8\.17\.1\.9\/Debian-2\+deb12u2; \w{3}, \d+ \w{3} \d{4} \d\d:\d\d:\d\d GMT; \(No UCE\/UBE\) logging access from: localhost\(OK\)-localhost \[127\.0\.0\.1\]\r\n$/,
    );
    expect(c.send('EHLO client.example.test\r\n')).toBe(
      '250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-EXPN\r\n250-VERB\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250-ETRN\r\n250-AUTH DIGEST-MD5 CRAM-MD5\r\n250-DELIVERBY\r\n250 HELP\r\n',
    );
  });

  it('puts STARTTLS between AUTH and DELIVERBY once TLS works', () => {
    const c = open(freshConfig(), new TestSmtpEnv({ tls: true }));
    expect(c.send('EHLO x\r\n')).toContain('250-AUTH DIGEST-MD5 CRAM-MD5\r\n250-STARTTLS\r\n250-DELIVERBY\r\n');
  });

  it('logs daemon=MTA-v4', () => {
    const c = open(freshConfig(), new TestSmtpEnv({ tls: false }));
    c.send('EHLO x\r\n');
    c.send('MAIL FROM:<root@localhost>\r\n');
    c.send('QUIT\r\n');
    expect(c.logs()[0]).toMatch(/from=<root@localhost>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA-v4, relay=localhost \[127\.0\.0\.1\]$/);
  });

  it('AUTH: a challenge for an offered mechanism, 501 when the client aborts, 504 for others', () => {
    const c = open(freshConfig(), new TestSmtpEnv({ tls: false }));
    c.send('EHLO x\r\n');
    expect(c.send('AUTH CRAM-MD5\r\n')).toMatch(/^334 [A-Za-z0-9+/]+=*\r\n$/);
    expect(c.send('*\r\n')).toBe('501 5.0.0 AUTH aborted\r\n');
    expect(c.send('AUTH CRAM-MD5\r\n')).toMatch(/^334 /);
    expect(c.send('dXNlciBwYXNz\r\n')).toBe('535 5.7.0 authentication failed\r\n');
    expect(c.send('AUTH PLAIN\r\n')).toBe('504 5.3.3 AUTH mechanism PLAIN not available\r\n');
    expect(c.send('AUTH\r\n')).toBe('501 5.5.2 AUTH mechanism must be specified\r\n');
  });
});

describe('client hang-ups', () => {
  it('after MAIL: "lost input channel ... after mail", then the sender (probed)', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('MAIL FROM:<a@example.test>\r\n');
    c.server.clientClosed();
    expect(c.server.closed).toBe(true);
    expect(c.logs().map((l) => l.replace(/\w{14}: /, ''))).toEqual([
      '<21>lost input channel from localhost [127.0.0.1] to MTA after mail',
      '<22>from=<a@example.test>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]',
    ]);
  });

  it('in the middle of DATA: 421 collect, premature EOM, the sender with the size so far (probed)', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('MAIL FROM:<a@example.test>\r\n');
    c.send('RCPT TO:<root>\r\n');
    c.send('DATA\r\n');
    c.send('Subject: x\r\n');
    c.server.clientClosed();
    expect(text(c.server.drainOutput())).toBe('421 4.4.1 collect: relay=localhost, from=<a@example.test>, info=unexpected close\r\n');
    const logs = c.logs().map((l) => l.replace(/\w{14}: /, ''));
    expect(logs).toEqual([
      '<20>collect: premature EOM: unexpected close',
      '<21>collect: relay=localhost, from=<a@example.test>, info=unexpected close',
      '<22>from=<a@example.test>, size=11, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]',
    ]);
  });

  it('a last line without LF is still processed, as fgets returns it', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('VRF');
    c.send('Y root');
    c.server.clientClosed();
    expect(c.logs()[0]).toMatch(/localhost \[127\.0\.0\.1\]: VRFY root$/);
  });
});

describe('engine guarantees', () => {
  it('emits smtp.command and smtp.reply trace events', () => {
    const c = open();
    c.send('NOOP\r\n');
    expect(c.trace.of('smtp.command')).toEqual([{ kind: 'smtp.command', conn: 7, line: 'NOOP' }]);
    expect(c.trace.of('smtp.reply').at(-1)).toEqual({ kind: 'smtp.reply', conn: 7, code: 250, text: '2.0.0 OK' });
  });

  it('ignores input after it closed', () => {
    const c = open();
    c.send('QUIT\r\n');
    expect(c.send('NOOP\r\n')).toBe('');
  });

  it('reports the third HELO slow-down instead of sleeping (SIMPLIFIED)', () => {
    const c = open();
    c.send('HELO a\r\n');
    c.send('HELO b\r\n');
    expect(c.server.takeDelay()).toBe(0);
    c.send('HELO c\r\n');
    expect(c.server.takeDelay()).toBe(1000);
    expect(c.logs().some((l) => l.endsWith(': localhost [127.0.0.1]: possible SMTP attack: command=HELO/EHLO, count=3'))).toBe(true);
  });

  it('closes after 25 bad commands (MAXBADCOMMANDS)', () => {
    const c = open();
    for (let i = 0; i < 25; i++) expect(c.send('FOO\r\n')).toBe('500 5.5.1 Command unrecognized: "FOO"\r\n');
    expect(c.send('FOO\r\n')).toBe('421 4.7.0 mail.example.test Too many bad commands; closing connection\r\n');
    expect(c.server.closed).toBe(true);
  });

  it('VERB makes delivery verbose: the world’s transcript comes before the 250 (data-verb.json)', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('VERB\r\n');
    c.send('MAIL FROM:<a@example.test>\r\n');
    c.send('RCPT TO:<staff@example.test>\r\n');
    c.send('DATA\r\n');
    expect(c.send('.\r\n')).toMatch(/^050 root\.\.\. Connecting to local\.\.\.\r\n050 root\.\.\. Sent\r\n250 2\.0\.0 \w{14} Message accepted for delivery\r\n$/);
    expect(c.env.delivered[0].verbose).toBe(true);
  });

  it('hands the world the message with CRLF line ends, unstuffed, and its from/size/msgid', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('MAIL FROM:<alice@example.test>\r\n');
    c.send('RCPT TO:<root@example.test>\r\n');
    c.send('RCPT TO:<ROOT@mail.example.test>\r\n');
    c.send('DATA\r\n');
    c.send('Subject: s\r\n\r\n..x\r\n.\r\n');
    const d = c.env.delivered[0];
    expect(text(d.data)).toBe('Subject: s\r\n\r\n.x\r\n');
    expect(d).toMatchObject({ from: 'alice@example.test', size: 15, rcptAddresses: ['<root@example.test>'], protocol: 'ESMTP', heloName: 'x' });
    expect(d.msgId).toMatch(/^<\d{12}\.\w{14}@mail\.example\.test>$/);
  });
});

/**
 * Behaviours checked on the real daemon with test/sendmail/tools/probe.py (see the
 * README there) that the captured fixtures do not show.
 */
describe('probed on the real daemon', () => {
  const strip = (l: string): string => l.replace(/\w{14}: /, '');

  it('refuses a message with a NUL byte after the final dot (RejectNUL), logging from= and to=', () => {
    const c = open();
    c.send('EHLO x\r\n');
    c.send('MAIL FROM:<a@example.test>\r\n');
    c.send('RCPT TO:<root@example.test>\r\n');
    c.send('DATA\r\n');
    expect(c.send('x\0y\r\n.\r\n')).toBe('554 5.6.1 NUL byte not allowed\r\n');
    expect(c.logs().map(strip)).toEqual([
      expect.stringMatching(/^<22>from=<a@example\.test>, size=4, class=0, nrcpts=1, msgid=<\d{12}\.\w{14}@mail\.example\.test>, proto=ESMTP, daemon=MTA, relay=localhost \[127\.0\.0\.1\]$/),
      '<22>to=<root@example.test>, delay=00:00:00, pri=30004, stat=NUL byte not allowed',
    ]);
    expect(c.env.delivered).toEqual([]);
    expect(c.send('NOOP\r\n')).toBe('250 2.0.0 OK\r\n');
  });

  it('drops an HTTP request sent as the first command (open proxy)', () => {
    const c = open();
    expect(c.send('GET / HTTP/1.0\r\n')).toBe('421 4.7.0 mail.example.test Rejecting open proxy localhost [127.0.0.1]\r\n');
    expect(c.server.closed).toBe(true);
    expect(c.logs().map(strip)).toEqual([
      '<22>localhost [127.0.0.1]: probable open proxy: command=GET / HTTP/1.0\\r\\n',
      '<22>localhost [127.0.0.1] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA',
    ]);
  });

  it('only as the first command: later it is just unknown', () => {
    const c = open();
    c.send('NOOP\r\n');
    expect(c.send('post x\r\n')).toBe('500 5.5.1 Command unrecognized: "post x"\r\n');
  });

  it('logs the "door handle" commands WIZ, DEBUG, SHOWQ at LOG_CRIT, then treats them as unknown', () => {
    const c = open();
    expect(c.send('wiz\r\n')).toBe('500 5.5.1 Command unrecognized: "wiz"\r\n');
    expect(c.send('DEBUG\r\n')).toBe('500 5.5.1 Command unrecognized: "DEBUG"\r\n');
    expect(c.logs().map(strip)).toEqual(['<18>"wiz" command from localhost [127.0.0.1] (127.0.0.1)', '<18>"debug" command from localhost [127.0.0.1] (127.0.0.1)']);
  });

  it('ETRN #queue: the default queue group is mqueue', () => {
    const c = open();
    c.send('EHLO x\r\n');
    expect(c.send('ETRN #foo\r\n')).toBe('459 4.5.4 Queue foo unknown\r\n');
    expect(c.send('ETRN #mqueue\r\n')).toBe('250 2.0.0 Queuing for queue group mqueue started\r\n');
    expect(c.send('ETRN @example.test\r\n')).toBe('250 2.0.0 Queuing for node @example.test started\r\n');
  });

  it('echoes eight-bit bytes with the high bit cleared; 0x80 ends the reply line', () => {
    const c = open();
    expect(c.send('FOO\xe9bar\r\n')).toBe('500 5.5.1 Command unrecognized: "FOOibar"\r\n');
    expect(c.send('E\x80F\r\n')).toBe('500 5.5.1 Command unrecognized: "E\r\n');
  });

  it('gives each envelope its own queue id: RSET and a repeated EHLO start a new one', () => {
    const c = open();
    c.send('EHLO a\r\n');
    c.send('VRFY root\r\n');
    c.send('RSET\r\n');
    c.send('VRFY root\r\n');
    c.send('EHLO b\r\n');
    c.send('VRFY root\r\n');
    const ids = c.env.logs.map((l) => /: (\w{14}): /.exec(l)?.[1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('HELP answers every help-file line whose start matches (HELP c: cpyr and control)', () => {
    const c = open();
    const out = c.send('HELP c\r\n');
    expect(out).toContain('214-2.0.0 $Id: helpfile,v 8.49 2013-11-22 20:51:55 ca Exp $\r\n');
    expect(out).toContain('214-2.0.0 Help for smcontrol:\r\n');
    expect(out.endsWith('214 2.0.0 End of HELP info\r\n')).toBe(true);
  });
});
