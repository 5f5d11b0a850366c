import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AccessMap, DEFAULT_FEATURES, matchedLookup, runRuleset, type Features } from '../../src/core/access/index.ts';
import { evaluateProfile, profileMacros, validateRules, type ClientProfile } from '../../src/core/access/playground.ts';

const TAGS = ['TLS_Clt:', 'tls_clt:', 'TLS_Srv:', 'TLS_Rcpt:', 'Connect:', 'From:', 'To:', 'Spam:', 'CERTISSUER:', 'CertSubject:', 'MyCA:', ''];
const VALUES = ['OK', 'RELAY', 'REJECT', 'DISCARD', 'SKIP', 'SUBJECT', 'QUARANTINE:x', 'ERROR:4.7.1:421 go', 'ERROR:550 no', '"550 q"', 'VERIFY', 'VERIFY:128', 'ENCR:112', 'encr:', 'PERM+VERIFY+CN', 'TEMP+ENCR:256+CS:/CN=a++CI:/CN=b', 'VERIFY+CITag:MyCA', '+', '$|', ''];
const KEYS = ['127.0.0.1', '127.0', '127', 'localhost', 'client.example.test', 'example.test', 'me@example.test', 'me@', '/C=US/O=Example+20Org/CN=Example+20Test+20CA', '/CN=a', 'IPv6:0:0:0:0:0:0:0:1', ''];
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...KEYS), fc.constantFrom(' ', '\t', '  '), fc.constantFrom(...VALUES)).map(([t, k, s, v]) => `${t}${k}${s}${v}`),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 60 }).map((b) => String.fromCharCode(...b)),
);
const mapText = fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n'));
const word = fc.oneof(fc.constantFrom('', 'OK', 'NO', 'FAIL', 'TRUSTED', 'SOFTWARE', 'TEMP', 'NONE', '0', '112', '256', 'localhost', '127.0.0.1', '/CN=a', '$|', '<', '"', 'a b'), fc.string({ maxLength: 16 }));
const profileFields = fc.record({
  id: fc.constant('p'),
  name: fc.string({ maxLength: 10 }),
  address: fc.oneof(fc.constantFrom('127.0.0.1', '127.0.0.2', '192.0.2.7', 'IPv6:0:0:0:0:0:0:0:1', ''), word),
  hostName: fc.oneof(fc.constantFrom('localhost', 'client.example.test', '[127.0.0.2]', ''), word),
  tlsVersion: fc.constantFrom('', 'TLSv1.2', 'TLSv1.3'),
  cipherBits: word,
  verify: word,
  certSubject: fc.oneof(fc.constantFrom('/C=US/O=Example+20Org/CN=client.example.test', ''), word),
  certIssuer: fc.oneof(fc.constantFrom('/C=US/O=Example+20Org/CN=Example+20Test+20CA', '/CN=a', ''), word),
  mailFrom: fc.oneof(fc.constantFrom('me@example.test', '', 'me', 'me@localhost'), word),
  rcptTo: fc.oneof(fc.constantFrom('friend@remote.example', 'root@mail.example.test', 'root', ''), word),
});
const profile: fc.Arbitrary<ClientProfile> = fc
  .tuple(profileFields, fc.constantFrom(undefined, 'OK', 'TEMP', 'FAIL', 'FORGED', ''))
  .map(([p, clientResolve]) => (clientResolve === undefined ? p : { ...p, clientResolve }));
const features: fc.Arbitrary<Features> = fc.record({
  skip: fc.boolean(),
  lookupdotdomain: fc.boolean(),
  relaytofulladdress: fc.boolean(),
  delayChecks: fc.constantFrom(false as const, 'plain' as const, 'friend' as const, 'hater' as const),
  relayHostsOnly: fc.boolean(),
  blocklistRecipients: fc.boolean(),
  relayMailFrom: fc.constantFrom(false as const, 'plain' as const, 'domain' as const),
  tlsPermErr: fc.boolean(),
}).map((f) => ({ ...DEFAULT_FEATURES, ...f, classW: ['localhost', 'mail.example.test', 'example.test'], classR: ['relay.example'] }));

describe('property: the playground over random maps, profiles and macro values', () => {
  it('never throws, and every decision is runRuleset’s for the profile’s macros', () => {
    fc.assert(
      fc.property(mapText, profile, features, (text, p, f) => {
        const map = new AccessMap(validateRules(text).compiled.entries);
        const steps = evaluateProfile(map, p, { features: f });
        expect(steps.map((s) => s.ruleset)).toEqual(['check_relay', 'tls_client', 'check_mail', 'check_rcpt']);
        const env = { map, features: f, macros: profileMacros(p) };
        for (const s of steps) {
          const d = runRuleset(s.ruleset, s.arg, env);
          expect(s.decision).toEqual(d);
          if (d === null) continue;
          expect(s.trace.map((r) => r.key)).toEqual(d.lookups.map((l) => l.key));
          expect(s.trace.map((r) => r.value)).toEqual(d.lookups.map((l) => l.value));
          expect(s.trace.filter((r) => r.decides).length).toBe(matchedLookup(d) === null ? 0 : 1);
          for (const r of s.trace) expect(r.tag === '' ? r.rest : `${r.tag}:${r.rest}`).toBe(r.key);
          if (d.kind === 'error') expect(s.reply).toMatch(/^[245]\d\d \d\.\d+\.\d+ /);
          else expect(s.reply).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('validation never throws; every makemap message is placed on a line of the text', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, fc.string({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 })), (src) => {
        const { notes, compiled } = validateRules(src);
        const lines = (typeof src === 'string' ? src : String.fromCharCode(...src)).split('\n').length;
        expect(notes.filter((n) => n.severity === 'error').map((n) => n.text)).toEqual(compiled.messages);
        for (const n of notes) {
          expect(n.line).toBeGreaterThanOrEqual(1);
          expect(n.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });
});
