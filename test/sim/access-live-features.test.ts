/**
 * What the live access map takes from the world: the features of the daemon's
 * sendmail.cf (policy-features.ts: built by the world's own m4 from the mc, they must
 * say what featuresFromMc reads in the mc) and the certificate macros (policy-dn.ts:
 * the real Sendmail's values, as its replies in test/fixtures/access-live/ show them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { featuresFromMc } from '../../src/core/access/index.ts';
import { featuresFromCf } from '../../src/core/sim/policy-features.ts';
import { certNames, xtextify } from '../../src/core/sim/policy-dn.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'access-live');
const cert = (name: string): Uint8Array => pemBlocks(readFileSync(join(DIR, 'certs', name), 'latin1'))[0];

const KEYS = ['skip', 'lookupdotdomain', 'relaytofulladdress', 'delayChecks', 'relayHostsOnly', 'blocklistRecipients', 'relayMailFrom', 'tlsPermErr'] as const;
const pick = (f: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(KEYS.map((k) => [k, f[k]]));

const VARIANTS: Record<string, string> = {
  none: '',
  delay: "FEATURE(`delay_checks')dnl\n",
  friend: "FEATURE(`delay_checks', `friend')dnl\n",
  hater: "FEATURE(`delay_checks', `hater')dnl\n",
  skipDot: "FEATURE(`access_db', , `skip', `lookupdotdomain')dnl\n",
  full: "FEATURE(`access_db', , `relaytofulladdress')dnl\n",
  blocklist: "FEATURE(`blocklist_recipients')dnl\n",
  hostsOnly: "FEATURE(`relay_hosts_only')dnl\n",
  mailFrom: "FEATURE(`relay_mail_from')dnl\n",
  mailFromDomain: "FEATURE(`relay_mail_from', `domain')dnl\n",
  permErr: "define(`TLS_PERM_ERR')dnl\n",
};

describe("the daemon's access features come from sendmail.cf", () => {
  let world: World;
  let base: string;
  beforeAll(async () => {
    world = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(3), subtle: webcrypto.subtle as unknown as SubtleCrypto });
    base = world.vfs.readText('/etc/mail/sendmail.mc');
  }, 60000);
  for (const [name, extra] of Object.entries(VARIANTS)) {
    it(`${name}: the cf the world's m4 builds says what the mc says`, async () => {
      const mc = base.replace('MAILER_DEFINITIONS', `${extra}MAILER_DEFINITIONS`);
      world.vfs.writeFile('/tmp/t.mc', mc);
      expect(await world.newShell().run('m4 /tmp/t.mc > /tmp/t.cf')).toBe(0);
      const f = featuresFromCf(world.vfs.readText('/tmp/t.cf'), world.vfs, 'mail.example.test', ['localhost']);
      expect(f).not.toBeNull();
      expect(pick(f as unknown as Record<string, unknown>)).toEqual(pick(featuresFromMc(mc) as unknown as Record<string, unknown>));
      if (extra) expect(pick(f as unknown as Record<string, unknown>)).not.toEqual(pick(featuresFromMc(base) as unknown as Record<string, unknown>));
    }, 60000);
  }
  it('a cf without FEATURE(access_db) has no access map, so no policy', () => {
    expect(featuresFromCf('O QueueDirectory=/var/spool/mqueue\n', world.vfs, 'mail.example.test', [])).toBeNull();
  });
  it('class R: CR lines and the FR file (relay-domains); $m from $j', () => {
    world.vfs.writeFile('/etc/mail/relay-domains', 'friend.example\n# comment\nother.example # x\n');
    const f = featuresFromCf('Kaccess hash /etc/mail/access\nCRdirect.example\nFR-o /etc/mail/relay-domains %[^\\#]\n', world.vfs, 'mail.example.test', ['localhost']);
    expect(f?.classR).toEqual(['direct.example', 'friend.example', 'other.example']);
    expect(f?.domain).toBe('example.test');
  });
});

describe('certificate macros as Sendmail writes them', () => {
  it('{cert_subject}, {cert_issuer}, {cn_subject}, {cn_issuer} of the CA-signed client certificate', () => {
    // the real values: access-live/tlsclt-cs-mismatch, tlsclt-ci-mismatch, tlsclt-cn-mismatch
    expect(certNames(cert('client-cert.pem'))).toEqual({
      certSubject: '/C=US/O=Example+20Org/CN=client.example.test',
      certIssuer: '/C=US/O=Example+20Org/CN=Example+20Test+20CA',
      cnSubject: 'client.example.test',
      cnIssuer: 'Example+20Test+20CA',
    });
  });
  it('the rogue certificate names its own CA', () => {
    expect(certNames(cert('rogue-cert.pem'))?.certIssuer).toBe('/C=US/O=Rogue+20Org/CN=Rogue+20CA');
  });
  it('xtextify: +XX for blanks, controls, 8-bit, + and <>()"', () => {
    expect(xtextify('a b+c<d>(e)"f\\g=h\x01\xe9')).toBe('a+20b+2Bc+3Cd+3E+28e+29+22f\\g=h+01+E9');
  });
  it('a damaged certificate gives no names, never an exception', () => {
    expect(certNames(new Uint8Array([0x30, 0x82, 0xff]))).toBeNull();
    expect(certNames(cert('client-cert.pem').slice(0, 40))).toBeNull();
  });
});
