/**
 * The access map live: real Sendmail 8.17.1.9 dialogues with access-map entries
 * (test/fixtures/access-live/dialogues.json, captured by capture.sh there) replayed
 * through a whole reference world. For each dialogue the world gets the dialogue's
 * sendmail.mc (built with the world's m4, then the daemon started as Debian starts it,
 * with the captured certificates in /etc/mail/certs) and access file (the world's
 * makemap), and a client connects from the fixture's address over the in-memory network;
 * after STARTTLS's 220 the lab's TLS client (core/tls) does the handshake, with the CA's
 * client certificate, the rogue CA's or none, as the real client did. Every reply and
 * every log line must equal the real ones byte for byte after the fixtures'
 * normalisation (dates, queue ids, pids, delays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom, type Clock } from '../../src/core/trace/index.ts';
import { SUITES_12, TlsConnection, WebCryptoProvider, type CertifiedKey } from '../../src/core/tls/index.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';
import { Normaliser } from '../sendmail/normalise.ts';

interface Step {
  recv?: string;
  send?: string;
  tls?: 'none' | 'client' | 'rogue';
  version?: string;
  cipher?: string;
  /** The client offered TLS 1.2 with ECDHE-RSA-AES128-GCM-SHA256 only. */
  tls12?: boolean;
  close?: 'server' | 'client';
}
interface Dialogue {
  name: string;
  description: string;
  mc: string;
  access: string;
  client: string;
  steps: Step[];
  log: string[];
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'access-live');
const fixture = JSON.parse(readFileSync(join(DIR, 'dialogues.json'), 'latin1')) as { mc_extra: Record<string, string>; dialogues: Dialogue[] };
const cert = (name: string): string => readFileSync(join(DIR, 'certs', name), 'latin1');
const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const text = (b: Uint8Array): string => String.fromCharCode(...b);

// after the certificates' notBefore (they were made on the capture day)
const clock = { t: Date.UTC(2027, 0, 15, 12, 0, 0), now(): number { return this.t; } } satisfies Clock & { t: number };

/** A reference world whose daemon runs the dialogue's mc kind, with the captured certificates. */
async function worldFor(mcKind: string): Promise<World> {
  const world = await createWorld({ kind: 'reference', clock, random: seededRandom(7), subtle });
  const sh = world.newShell();
  const vfs = world.vfs;
  vfs.writeFile('/etc/mail/certs/CAcert.pem', cert('CAcert.pem'), { mode: 0o644 });
  vfs.writeFile('/etc/mail/certs/mycert.pem', cert('mycert.pem'), { mode: 0o644 });
  vfs.writeFile('/etc/mail/certs/mykey.pem', cert('mykey.pem'), { mode: 0o600 });
  const extra = fixture.mc_extra[mcKind];
  if (extra) {
    const mc = vfs.readText('/etc/mail/sendmail.mc').replace('MAILER_DEFINITIONS', `${extra}MAILER_DEFINITIONS`);
    vfs.writeFile('/etc/mail/sendmail.mc', mc, { mode: 0o644 });
    expect(await sh.run('m4 /etc/mail/sendmail.mc > /etc/mail/sendmail.cf')).toBe(0);
  }
  expect(await sh.run('/usr/sbin/sendmail -L sm-mta -bd -q30m')).toBe(0);
  return world;
}

const provider = new WebCryptoProvider(subtle);

async function clientCert(which: 'client' | 'rogue'): Promise<CertifiedKey> {
  const chain = pemBlocks(cert(`${which}-cert.pem`));
  const key = await provider.importSigningKey(pemBlocks(cert(`${which}-key.pem`), 'PRIVATE KEY')[0], 'rsa');
  return { chain, key };
}

/** One dialogue's client side against `world`: what came back per recv step, the log, who closed. */
async function replay(world: World, d: Dialogue): Promise<{ recvs: string[]; log: string[]; closed: boolean; tls: string[] }> {
  const reference = world.vfs.readText('/etc/mail/access').split('\n').filter((l) => !l.startsWith('#') && l.trim() !== '').slice(0, 3).join('\n');
  world.vfs.writeFile('/etc/mail/access', `# /etc/mail/access (base: Debian-like minimal)\n${reference}\n${d.access}`, { mode: 0o600 });
  expect(await world.newShell().run('makemap hash /etc/mail/access < /etc/mail/access')).toBe(0);
  const log: string[] = [];
  const off = world.syslog.subscribe((r) => log.push(rawLine(r)));
  const sock = world.net.connect(d.client, { addr: '127.0.0.1', port: 25 });
  if (!sock) throw new Error('daemon not listening');
  let pending = '';
  let closed = false;
  let tls: TlsConnection | null = null;
  let queue: Promise<void> = Promise.resolve();
  sock.attach({
    onData: (b) => {
      const bytes = b.slice();
      queue = queue.then(async () => {
        if (!tls) {
          pending += text(bytes);
          return;
        }
        const o = await tls.receive(bytes);
        if (o.send.length > 0) sock.send(o.send);
        for (const a of o.appData) pending += text(a);
      });
    },
    onClose: () => (closed = true),
  });
  const quiet = async (): Promise<void> => {
    for (let i = 0; i < 50; i++) {
      const before = queue;
      await world.settle();
      await queue;
      await world.settle();
      if (queue === before) return;
    }
  };
  const recvs: string[] = [];
  const negotiated: string[] = [];
  for (const step of d.steps) {
    if (step.send !== undefined) {
      clock.t += 1000;
      if (tls) {
        const o = await tls.send(latin1(step.send));
        sock.send(o.send);
      } else sock.send(latin1(step.send));
      await quiet();
    } else if (step.recv !== undefined) {
      await quiet();
      recvs.push(pending);
      pending = '';
    } else if (step.tls !== undefined) {
      const which = step.tls;
      const v12 = step.tls12 ? { versions: ['TLSv1.2' as const], suites12: [SUITES_12.get(0xc02f)!] } : {};
      tls = TlsConnection.client(
        { serverName: 'mail.example.test', verifyServer: async () => ({ ok: true }), ...v12, ...(which === 'none' ? {} : { clientCertificate: await clientCert(which) }) },
        { provider, random: world.random },
      );
      const o = await tls.start();
      sock.send(o.send);
      await quiet();
      const n = tls.negotiated;
      negotiated.push(n ? `${n.version} ${n.cipher}` : `failed: ${tls.status}`);
    } else if (step.close === 'client') {
      sock.close();
      await quiet();
    }
  }
  await quiet();
  off();
  return { recvs, log, closed, tls: negotiated };
}

const kinds = [...new Set(fixture.dialogues.map((d) => d.mc))];

describe('the decisions in the trace (what the access-map panel shows of a live session)', () => {
  it('each ruleset the daemon ran, its argument, verdict, reply and the keys looked up', async () => {
    const world = await worldFor('base');
    const d = fixture.dialogues.find((x) => x.name === 'tlsclt-verify-nocert')!;
    const from = world.trace.length;
    await replay(world, d);
    const events = world.trace.events.slice(from).filter((e) => e.kind === 'smtp.policy');
    expect(events.map((e) => (e.kind === 'smtp.policy' ? `${e.ruleset} ${e.arg} -> ${e.result} ${e.reply ?? ''}`.trim() : ''))).toEqual([
      'check_relay client.example.test $| 127.0.0.2 -> ok',
      'tls_client NO $| STARTTLS -> error 454 4.7.0 not authenticated',
    ]);
    const tls = events[1];
    expect(tls.kind === 'smtp.policy' && tls.trace).toEqual([
      'TLS_Clt:client.example.test: not in the map',
      'TLS_Clt:example.test: not in the map',
      'TLS_Clt:test: not in the map',
      'TLS_Clt:127.0.0.2: VERIFY   <- this entry decides',
      'rule: VERIFY requires {verify} OK',
      'tls_client returns: $# error $@ 4 . 7 . 0 $: 454 " not authenticated"',
      'reply: 454 4.7.0 not authenticated',
    ]);
  }, 60000);
});

describe('the access map live: real Sendmail dialogues through the reference world', () => {
  it('has the captures (86 dialogues over Connect:, From:, To:, Spam:, TLS_Clt:, CertIssuer:, the mc features, TLS 1.3 and 1.2)', () => {
    expect(fixture.dialogues.length).toBeGreaterThanOrEqual(86);
    expect(kinds.sort()).toEqual(['base', 'blocklist', 'delay_checks', 'delay_friend', 'delay_hater', 'relay_hosts_only', 'relay_mail_from', 'skip_dotdomain', 'tls_perm_err']);
  });
  for (const kind of kinds) {
    describe(`sendmail.mc: ${kind}`, () => {
      let world: World;
      beforeAll(async () => {
        world = await worldFor(kind);
      }, 60000);
      for (const d of fixture.dialogues.filter((x) => x.mc === kind)) {
        it(`${d.name}: ${d.description}`, async () => {
          const r = await replay(world, d);
          const n = new Normaliser();
          expect({ recvs: r.recvs.map((s) => n.text(s)), log: r.log.map((l) => n.logline(l)) }).toEqual({
            recvs: d.steps.filter((s) => s.recv !== undefined).map((s) => s.recv),
            log: d.log,
          });
          expect(r.tls).toEqual(d.steps.filter((s) => s.tls !== undefined).map((s) => `${s.version} ${s.cipher}`));
          expect(r.closed).toBe(d.steps.some((s) => s.close === 'server'));
        }, 30000);
      }
    });
  }
});
