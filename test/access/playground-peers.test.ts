/**
 * The peers playground: the ready-made peers under a few rules (texts from the
 * engine, which the fixtures check against real sendmail -bt), and a property
 * over random maps and peer profiles: never throws, every cell is runRuleset's.
 */
import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import { AccessMap, DEFAULT_FEATURES, matchedLookup, runRuleset, type Features } from '../../src/core/access/index.ts';
import { validateRules } from '../../src/core/access/playground.ts';
import { deliveryText, evaluatePeer, peerArg, peerCellText, peerMacros, PEER_RULESETS, READY_PEERS, type PeerProfile } from '../../src/core/access/playground-peers.ts';

const mapOf = (text: string) => new AccessMap(validateRules(new TextEncoder().encode(text)).compiled.entries);
const table = (text: string, f: Features = DEFAULT_FEATURES) =>
  Object.fromEntries(READY_PEERS.map((p) => [p.id, evaluatePeer(mapOf(text), p, f).map(peerCellText)]));

describe('peers table', () => {
  test('an empty map: defaults everywhere, every delivery goes through', () => {
    const t = table('');
    for (const id of Object.keys(t)) expect(t[id]).toEqual(['defaults', 'try STARTTLS', 'accepted', 'accepted', 'defaults']);
    expect(deliveryText(evaluatePeer(mapOf(''), READY_PEERS[1]!, DEFAULT_FEATURES))).toBe('delivered');
  });

  test('TLS_Srv VERIFY, Try_TLS NO, Clt_Features, TLS_Rcpt ENCR:112', () => {
    const rules = 'TLS_Srv:mx.partner.example VERIFY\nTry_TLS:mx.plain.example NO\nClt_Features:mx.legacy.example V\nTLS_Rcpt:legacy.example ENCR:112\n';
    expect(table(rules)).toEqual({
      // real sendmail -bt: tls_server FAIL with a VERIFY entry → 454 4.7.0 authentication failed (bt-cases.json)
      'partner-valid': ['defaults', 'try STARTTLS', 'accepted', 'accepted', 'defaults'],
      'partner-self-signed': ['defaults', 'try STARTTLS', '454 4.7.0 authentication failed', 'accepted', 'defaults'],
      'no-starttls': ['defaults', '550 5.7.1 do not try TLS with mx.plain.example [ 198.51.100.10 ]', 'accepted', 'accepted', 'defaults'],
      'weak-bits': ['options V', 'try STARTTLS', 'accepted', '454 4.7.0 encryption too weak 56 less than 112', 'defaults'],
    });
    const steps = evaluatePeer(mapOf(rules), READY_PEERS[1]!, DEFAULT_FEATURES);
    expect(deliveryText(steps)).toBe('queued: tls_server 454 4.7.0 authentication failed');
    const srv = steps.find((s) => s.ruleset === 'tls_server')!;
    expect(srv.arg).toBe('FAIL');
    expect(srv.trace.map((r) => [r.key, r.value, r.decides])).toEqual([['TLS_Srv:mx.partner.example', 'VERIFY', true]]);
  });

  test('PERM+VERIFY with TLS_PERM_ERR unaffected; no STARTTLS peer with VERIFY default', () => {
    const t = table('TLS_Srv: PERM+VERIFY\n');
    expect(t['no-starttls']![2]).toBe('503 5.7.0 other side does not support STARTTLS');
    expect(t['partner-valid']![2]).toBe('accepted');
  });
});

const TAGS = ['TLS_Srv:', 'tls_srv:', 'TLS_Rcpt:', 'Try_TLS:', 'Srv_Features:', 'Clt_Features:', 'TLS_Clt:', 'Connect:', 'MyCA:', ''];
const VALUES = ['OK', 'NO', 'V', 'v l', 'REJECT', 'VERIFY', 'VERIFY:128', 'ENCR:112', 'encr:', 'PERM+VERIFY+CN', 'TEMP+ENCR:256+CS:/CN=a++CI:/CN=b', 'VERIFY+CITag:MyCA', '+', '$|', ''];
const KEYS = ['mx.partner.example', 'partner.example', '192.0.2.25', '192.0.2', 'bob@partner.example', 'bob@', '/CN=mx.partner.example', 'IPv6:2001:db8', ''];
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...KEYS), fc.constantFrom(' ', '\t'), fc.constantFrom(...VALUES)).map(([t, k, s, v]) => `${t}${k}${s}${v}`),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 60 }).map((b) => String.fromCharCode(...b)),
);
const mapText = fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n'));
const word = fc.oneof(fc.constantFrom('', 'OK', 'NO', 'FAIL', 'TRUSTED', 'SOFTWARE', 'TEMP', 'NONE', 'CLEAR', '0', '56', '256', '$|', '<', '"', 'a b'), fc.string({ maxLength: 16 }));
const peer: fc.Arbitrary<PeerProfile> = fc.record({
  id: fc.constant('p'),
  name: fc.string({ maxLength: 10 }),
  address: fc.oneof(fc.constantFrom('192.0.2.25', 'IPv6:2001:db8:0:0:0:0:0:25', ''), word),
  hostName: fc.oneof(fc.constantFrom('mx.partner.example', '[192.0.2.25]', ''), word),
  tlsVersion: fc.constantFrom('', 'TLSv1.2', 'TLSv1.3'),
  cipherBits: word,
  verify: word,
  certSubject: fc.oneof(fc.constantFrom('/CN=mx.partner.example', ''), word),
  certIssuer: fc.oneof(fc.constantFrom('/CN=mx.partner.example', '/C=US/O=Partner+20Inc/CN=Partner+20CA'), word),
  rcptTo: fc.oneof(fc.constantFrom('bob@partner.example', 'bob', ''), word),
});
const features: fc.Arbitrary<Features> = fc
  .record({ skip: fc.boolean(), lookupdotdomain: fc.boolean(), tlsPermErr: fc.boolean() })
  .map((f) => ({ ...DEFAULT_FEATURES, ...f }));

describe('property: the peers table over random maps and peer profiles', () => {
  it('never throws, and every cell is runRuleset’s decision and text', () => {
    fc.assert(
      fc.property(mapText, peer, features, (text, p, f) => {
        const map = new AccessMap(validateRules(text).compiled.entries);
        const steps = evaluatePeer(map, p, f);
        expect(steps.map((s) => s.ruleset)).toEqual([...PEER_RULESETS]);
        const env = { map, features: f, macros: peerMacros(p) };
        for (const s of steps) {
          const d = runRuleset(s.ruleset, peerArg(s.ruleset, p), env);
          expect(d).not.toBeNull();
          expect(s.decision).toEqual(d);
          const cell = peerCellText(s);
          if (d!.kind === 'error') expect(cell).toBe(d!.reply);
          else if (d!.kind === 'features') expect(cell).toBe(`options ${d!.returns.slice(1).join(' ')}`);
          else expect(cell).toBe(s.outcome);
          expect(s.trace.map((r) => r.key)).toEqual(d!.lookups.map((l) => l.key));
          expect(s.trace.filter((r) => r.decides).length).toBe(matchedLookup(d!) === null ? 0 : 1);
          expect(typeof deliveryText(steps)).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
  });
});
