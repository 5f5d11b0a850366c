/**
 * The playground against real Sendmail sessions: the daemon dialogues of
 * test/fixtures/access-live (real `sendmail -bd` 8.17.1.9, real TLS clients
 * with the CA's certificate, the rogue CA's or none). Each dialogue becomes a
 * profile (address, name, TLS version and bits, {verify}, certificate DNs,
 * MAIL FROM, RCPT TO); the playground's decisions, put together as one
 * session by sessionOutcome, must give the replies the real daemon gave to
 * MAIL FROM and RCPT TO.
 */
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessMap, compileMap, featuresFromMc, type Features } from '../../src/core/access/index.ts';
import { evaluateProfile, sessionOutcome, WORLD_CA, type ClientProfile } from '../../src/core/access/playground.ts';
import { createWorld } from '../../src/core/sim/index.ts';
import { loadMtaConfig } from '../../src/core/sim/mta-config.ts';
import { resolveName } from '../../src/core/sim/hosts.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';

interface Step { recv?: string; send?: string; tls?: 'none' | 'client' | 'rogue'; version?: string; cipher?: string; close?: string }
interface Dialogue { name: string; mc: string; access: string; client: string; steps: Step[] }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/access-live/dialogues.json', import.meta.url), 'latin1')) as { mc_extra: Record<string, string>; dialogues: Dialogue[] };

// the capture's clients: names from the world's /etc/hosts, bits of the negotiated cipher, the certificates' DNs
// (`openssl x509 -noout -subject -issuer -nameopt compat` of test/fixtures/access-live/certs/, blanks as +20)
const NAMES: Record<string, string> = { '127.0.0.1': 'localhost', '127.0.0.2': 'client.example.test' };
const BITS: Record<string, string> = { TLS_AES_256_GCM_SHA384: '256', 'ECDHE-RSA-AES128-GCM-SHA256': '128' };
const CERTS = {
  none: { verify: 'NO', certSubject: '', certIssuer: '' },
  client: { verify: 'OK', certSubject: '/C=US/O=Example+20Org/CN=client.example.test', certIssuer: WORLD_CA },
  rogue: { verify: 'FAIL', certSubject: '/C=US/O=Rogue+20Org/CN=rogue.example.test', certIssuer: '/C=US/O=Rogue+20Org/CN=Rogue+20CA' },
};

let baseAccess = '';
let baseMc = '';
let world: { classW: string[]; hostname: string; resolve: (d: string) => 'OK' | 'TEMP' | 'PERM' };

beforeAll(async () => {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(7), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  baseAccess = w.vfs.readText('/etc/mail/access');
  baseMc = w.vfs.readText('/etc/mail/sendmail.mc');
  const config = loadMtaConfig(w.vfs)!;
  const hosts = w.hosts();
  // as the daemon's sender-domain check in the world: local names and /etc/hosts, no DNS
  const resolve = (d: string): 'OK' | 'TEMP' | 'PERM' => (config.localNames.has(d.toLowerCase()) || resolveName(hosts, d).length > 0 ? 'OK' : config.hostsViaDns ? 'TEMP' : 'PERM');
  world = { classW: [...config.localNames], hostname: config.hostname, resolve };
}, 60000);

interface Check { what: string; expected: string; got: string }

/** Each MAIL FROM that opens a transaction and each RCPT TO inside one, with the real reply and the playground's. */
function checks(d: Dialogue): Check[] {
  const features: Features = { ...featuresFromMc(`${baseMc}\n${fixture.mc_extra[d.mc] ?? ''}`), classW: world.classW, hostname: world.hostname, domain: 'example.test' };
  const map = new AccessMap(compileMap(`${baseAccess}${d.access}`, 'access').entries);
  let tls: Pick<ClientProfile, 'tlsVersion' | 'cipherBits' | 'verify' | 'certSubject' | 'certIssuer'> = { tlsVersion: '', cipherBits: '', verify: '', certSubject: '', certIssuer: '' };
  let from: string | null = null;
  const out: Check[] = [];
  // an address without a name in /etc/hosts: {client_name} is [addr], and the capture machine's resolver timed out (TEMP)
  const named = d.client in NAMES;
  const profile = (mailFrom: string, rcptTo: string): ClientProfile => ({
    id: d.name,
    name: d.name,
    address: d.client,
    hostName: named ? NAMES[d.client]! : `[${d.client}]`,
    clientResolve: named ? 'OK' : 'TEMP',
    mailFrom,
    rcptTo,
    ...tls,
  });
  for (let i = 0; i < d.steps.length; i++) {
    const s = d.steps[i]!;
    if (s.tls) tls = { tlsVersion: s.version!, cipherBits: BITS[s.cipher!]!, ...CERTS[s.tls] };
    if (s.send === undefined) continue;
    const reply = (d.steps[i + 1]?.recv ?? '').split('\r\n')[0]!;
    const cmd = s.send.trimEnd();
    if (/^RSET$/i.test(cmd)) from = null;
    const mail = /^MAIL FROM:<(.*)>$/i.exec(cmd);
    const rcpt = /^RCPT TO:<(.*)>$/i.exec(cmd);
    if (mail && from === null) {
      const o = sessionOutcome(evaluateProfile(map, profile(mail[1]!, ''), { features, resolve: world.resolve }));
      out.push({ what: cmd, expected: reply, got: o.mail ?? reply.replace(/^(?!250 ).*/, '(accepted)') });
      if (reply.startsWith('250 ')) from = mail[1]!;
    } else if (rcpt && from !== null) {
      const o = sessionOutcome(evaluateProfile(map, profile(from, rcpt[1]!), { features, resolve: world.resolve }));
      out.push({ what: cmd, expected: reply, got: o.rcpt ?? reply.replace(/^(?!250 ).*/, '(accepted)') });
    }
  }
  return out;
}

describe('playground sessions against real sendmail -bd dialogues (test/fixtures/access-live)', () => {
  it('has the captured dialogues', () => {
    expect(fixture.dialogues.length).toBeGreaterThanOrEqual(86);
  });
  for (const d of fixture.dialogues) {
    it(d.name, () => {
      const c = checks(d);
      for (const x of c) expect(`${x.what} -> ${x.got}`).toBe(`${x.what} -> ${x.expected}`);
    });
  }
  it('covers at least 140 MAIL and RCPT replies, 68 of them refusals', () => {
    const n = fixture.dialogues.map(checks).flat();
    expect(n.length).toBeGreaterThanOrEqual(140);
    expect(n.filter((x) => !x.expected.startsWith('250 ')).length).toBeGreaterThanOrEqual(68);
  });
});
