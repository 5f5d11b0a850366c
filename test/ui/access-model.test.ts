/**
 * The Access-map panel's model: the table for the reference world's rules,
 * the world's features, the terminal session of a profile, and a profile
 * replayed for real in a world's terminal (telnet fed line by line).
 */
import { describe, expect, test } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { loadMtaConfig } from '../../src/core/sim/mta-config.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';
import { cellText, evaluatePeers, peerCellText, READY_PEERS, PEER_COLUMNS, evaluateRules, feedSession, notesOn, READY_PROFILES, sessionScript, worldFeatures, COLUMNS, MAKEMAP_COMMAND } from '../../src/ui/state/access-model.ts';

const newWorld = () => createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(7), subtle: webcrypto.subtle as unknown as SubtleCrypto });
const profile = (id: string) => READY_PROFILES.find((p) => p.id === id)!;

describe('access model', () => {
  test("the reference world's features: class w and $j from sendmail.cf, options from sendmail.mc", async () => {
    const w = await newWorld();
    const f = worldFeatures(w.vfs.readText('/etc/mail/sendmail.mc'), loadMtaConfig(w.vfs));
    expect(f.hostname).toBe('mail.example.test');
    expect(f.domain).toBe('example.test');
    expect([...f.classW].sort()).toEqual(['example.test', 'localhost', 'mail.example.test']);
    expect(f.delayChecks).toBe(false);
    expect(f.tlsPermErr).toBe(false);
  });

  test('the decision table for the world rules plus TLS_Clt:127.0.0.1 ENCR:112', async () => {
    const w = await newWorld();
    const f = worldFeatures(w.vfs.readText('/etc/mail/sendmail.mc'), loadMtaConfig(w.vfs));
    const before = evaluateRules(w.vfs.readText('/etc/mail/access'), READY_PROFILES, f);
    const after = evaluateRules(`${w.vfs.readText('/etc/mail/access')}TLS_Clt:127.0.0.1 ENCR:112\n`, READY_PROFILES, f);
    const table = (e: typeof before) => Object.fromEntries(e.rows.map((r) => [r.profile.id, r.steps.map(cellText)]));
    expect(COLUMNS.map((c) => c.ruleset)).toEqual(['check_relay', 'tls_client', 'check_mail', 'check_rcpt']);
    expect(table(before)).toEqual({
      'article-server': ['accepted', 'accepted', 'accepted', 'relay allowed'],
      laptop: ['accepted', 'accepted', 'accepted', '550 5.7.1 <friend@remote.example>... Relaying denied'],
      'no-tls': ['relay allowed', 'accepted', 'accepted', 'relay allowed'],
      rogue: ['accepted', 'accepted', 'accepted', '550 5.7.1 <friend@remote.example>... Relaying denied'],
    });
    expect(table(after)['no-tls']).toEqual(['relay allowed', '454 4.7.0 encryption too weak 0 less than 112', '454 4.7.0 encryption too weak 0 less than 112', 'relay allowed']);
    expect(after.rows.find((r) => r.profile.id === 'no-tls')!.stop!.ruleset).toBe('tls_client');
    expect(after.entries).toBe(4);
    expect(notesOn(after.notes, 5)).toEqual([{ line: 5, severity: 'info', text: 'requires at least 112 cipher bits; otherwise 454 4.7.0' }]);
  });

  test('UTF-8 in the editor reaches makemap as bytes', () => {
    const e = evaluateRules('From:é@x REJECT\n é\n', [], worldFeatures('', null));
    expect(e.notes.map((n) => n.text)).toEqual(['makemap: /etc/mail/access: line 2: syntax error (leading space)']);
    expect(e.entries).toBe(1);
  });

  test('session scripts: swaks when the world has it, else telnet line by line; only 127.0.0.1 can run', () => {
    expect(sessionScript(profile('no-tls'), true)).toMatchObject({ runnable: true, command: 'swaks --server 127.0.0.1 --from me@other.example --to root@mail.example.test', smtp: [] });
    expect(sessionScript({ ...profile('no-tls'), tlsVersion: 'TLSv1.3', mailFrom: '' }, true).command).toBe("swaks --server 127.0.0.1 --from '<>' --to root@mail.example.test --tls");
    expect(sessionScript(profile('no-tls'), false)).toMatchObject({
      runnable: true,
      command: 'telnet localhost 25',
      smtp: ['EHLO localhost', 'MAIL FROM:<me@other.example>', 'RCPT TO:<root@mail.example.test>', 'QUIT'],
    });
    expect(sessionScript({ ...profile('no-tls'), tlsVersion: 'TLSv1.2' }, false).smtp.slice(0, 3)).toEqual(['EHLO localhost', 'STARTTLS', 'EHLO localhost']);
    const laptop = sessionScript(profile('laptop'), false);
    expect(laptop.runnable).toBe(false);
    expect(laptop.note).toBe("127.0.0.2 is not this host: the lab's terminal connects from 127.0.0.1 only, so this profile cannot be run from the terminal.");
    expect(MAKEMAP_COMMAND).toBe('makemap hash /etc/mail/access < /etc/mail/access');
  });

  test('a profile replayed in the terminal: no greeting without a daemon; with one, telnet fed after each reply', async () => {
    const w = await newWorld();
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\n' });
    void w.runTerminal(ld);
    const port = {
      type: (t: string) => ld.input(t),
      nextReply: (ms: number) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => (stop(), resolve(false)), ms);
          const stop = w.trace.subscribe((e) => {
            if (e.kind === 'smtp.reply') (stop(), clearTimeout(timer), setTimeout(() => resolve(true), 20));
          });
        }),
    };
    const script = sessionScript(profile('no-tls'), false);
    expect(await feedSession(script, port, 3000)).toBe('No greeting from port 25: is sendmail running? Start it with: /etc/init.d/sendmail start');
    ld.input('sendmail -bd\r');
    await new Promise((r) => setTimeout(r, 300));
    expect(await feedSession(script, port, 3000)).toBe('Ran the session: telnet localhost 25, EHLO localhost, MAIL FROM:<me@other.example>, RCPT TO:<root@mail.example.test>, QUIT.');
    await new Promise((r) => setTimeout(r, 300));
    const sent = w.trace.of('smtp.command').map((c) => c.line);
    expect(sent).toEqual(['EHLO localhost', 'MAIL FROM:<me@other.example>', 'RCPT TO:<root@mail.example.test>', 'QUIT']);
    expect(w.trace.of('smtp.reply').map((r) => r.code)).toEqual([220, 250, 250, 250, 221]);
    expect(screen).toContain('Connected to localhost.');
  }, 60000);
});

describe('access.db against the file', () => {
  test('in step after the world is built, not after an edit, again after makemap', async () => {
    const { dbMatches } = await import('../../src/ui/state/access-model.ts');
    const { readDb } = await import('../../src/core/sim/map-db.ts');
    const w = await newWorld();
    const text = w.vfs.readText('/etc/mail/access');
    expect(dbMatches(text, readDb(w.vfs, '/etc/mail/access.db'))).toBe(true);
    expect(dbMatches(`${text}TLS_Clt:127.0.0.1 ENCR:112\n`, readDb(w.vfs, '/etc/mail/access.db'))).toBe(false);
    expect(dbMatches(text, null)).toBeNull();
    w.vfs.writeFile('/etc/mail/access', `${text}TLS_Clt:127.0.0.1 ENCR:112\n`);
    const ld = new LineDiscipline({ onOutput: () => {}, newline: '\n' });
    const lines = ['makemap hash /etc/mail/access < /etc/mail/access', 'exit'];
    await w.runTerminal(scriptTerminal(ld, lines));
    expect(dbMatches(w.vfs.readText('/etc/mail/access'), readDb(w.vfs, '/etc/mail/access.db'))).toBe(true);
  }, 60000);
});

describe('example rules', () => {
  test('each is a clean line and does what it says to the ready-made profiles', async () => {
    const { EXAMPLE_RULES } = await import('../../src/ui/state/access-model.ts');
    const w = await newWorld();
    const f = worldFeatures(w.vfs.readText('/etc/mail/sendmail.mc'), loadMtaConfig(w.vfs));
    const base = w.vfs.readText('/etc/mail/access');
    const cells = (line: string) => {
      const e = evaluateRules(`${base}${line}\n`, READY_PROFILES, f);
      expect(e.notes.filter((n) => n.severity !== 'info')).toEqual([]);
      return Object.fromEntries(e.rows.map((r) => [r.profile.id, r.steps.map(cellText)]));
    };
    expect(EXAMPLE_RULES.map((r) => r.line)).toEqual([
      'TLS_Clt:127.0.0.1 ENCR:112',
      'TLS_Clt:client.example.test ENCR:112',
      'CertIssuer:/C=US/O=Example+20Org/CN=Example+20Test+20CA RELAY',
      'TLS_Clt:rogue.example.net PERM+VERIFY',
      'TLS_Clt: TEMP+VERIFY',
    ]);
    expect(cells(EXAMPLE_RULES[0]!.line)['no-tls']![2]).toBe('454 4.7.0 encryption too weak 0 less than 112');
    expect(cells(EXAMPLE_RULES[1]!.line)['article-server']).toEqual(['accepted', 'accepted', 'accepted', 'relay allowed']);
    expect(cells(EXAMPLE_RULES[2]!.line).laptop![3]).toBe('relay allowed');
    expect(cells(EXAMPLE_RULES[3]!.line).rogue![1]).toBe('503 5.7.0 authentication failed');
    const all = cells(EXAMPLE_RULES[4]!.line);
    expect([all['article-server']![1], all.laptop![1], all['no-tls']![2], all.rogue![1]]).toEqual([
      '403 4.7.0 not authenticated',
      'accepted',
      '403 4.7.0 authentication required',
      '403 4.7.0 authentication failed',
    ]);
  }, 30000);
});

describe('the daemon view', () => {
  test("features from the world's sendmail.cf equal the mc's; the resolver as the daemon's; the session column", async () => {
    const { featuresFromCf } = await import('../../src/core/sim/policy-features.ts');
    const { resolveName } = await import('../../src/core/sim/hosts.ts');
    const { worldResolver, sessionText } = await import('../../src/ui/state/access-model.ts');
    const w = await newWorld();
    const config = loadMtaConfig(w.vfs)!;
    const fromCf = featuresFromCf(w.vfs.readText(config.cfPath), w.vfs, config.hostname, [...config.localNames])!;
    const fromMc = worldFeatures(w.vfs.readText('/etc/mail/sendmail.mc'), config);
    expect({ ...fromCf, classW: [...fromCf.classW].sort() }).toEqual({ ...fromMc, classW: [...fromMc.classW].sort() });
    const hosts = w.hosts();
    const resolve = worldResolver(config.localNames, config.hostsViaDns, (d) => resolveName(hosts, d).length > 0);
    expect(['example.test', 'remote.example', 'nowhere.invalid', '[10.0.0.1]'].map(resolve)).toEqual(['OK', 'OK', 'PERM', 'OK']);
    const e = evaluateRules(`${w.vfs.readText('/etc/mail/access')}TLS_Clt:127.0.0.1 ENCR:112\nFrom:nowhere.invalid OK\n`, [
      ...READY_PROFILES,
      { ...profile('article-server'), id: 'x', mailFrom: 'me@nowhere2.invalid' },
    ], fromCf, resolve);
    expect(e.rows.map(sessionText)).toEqual([
      'MAIL and RCPT accepted',
      'RCPT refused: 550 5.7.1 <friend@remote.example>... Relaying denied',
      'MAIL refused: 454 4.7.0 encryption too weak 0 less than 112',
      'RCPT refused: 550 5.7.1 <friend@remote.example>... Relaying denied',
      'MAIL refused: 553 5.1.8 <me@nowhere2.invalid>... Domain of sender address me@nowhere2.invalid does not exist',
    ]);
  }, 30000);
  test('the peers table for the world rules plus TLS_Srv:mx.partner.example VERIFY', async () => {
    const w = await newWorld();
    const f = worldFeatures(w.vfs.readText('/etc/mail/sendmail.mc'), loadMtaConfig(w.vfs));
    const rules = `${w.vfs.readText('/etc/mail/access')}TLS_Srv:mx.partner.example VERIFY\n`;
    const rows = evaluatePeers(rules, READY_PEERS, f);
    expect(PEER_COLUMNS.map((c) => c.ruleset)).toEqual(rows[0]!.steps.map((s) => s.ruleset));
    expect(Object.fromEntries(rows.map((r) => [r.peer.id, [...r.steps.map(peerCellText), r.delivery]]))).toEqual({
      'partner-valid': ['defaults', 'try STARTTLS', 'accepted', 'accepted', 'defaults', 'delivered'],
      'partner-self-signed': ['defaults', 'try STARTTLS', '454 4.7.0 authentication failed', 'accepted', 'defaults', 'queued: tls_server 454 4.7.0 authentication failed'],
      'no-starttls': ['defaults', 'try STARTTLS', 'accepted', 'accepted', 'defaults', 'delivered'],
      'weak-bits': ['defaults', 'try STARTTLS', 'accepted', 'accepted', 'defaults', 'delivered'],
    });
  });
});
