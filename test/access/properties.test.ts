import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AccessMap, compileMap, DEFAULT_FEATURES, RULESETS, runRuleset, type Features } from '../../src/core/access/index.ts';

const TAGS = ['TLS_Clt:', 'TLS_Srv:', 'TLS_Rcpt:', 'Try_TLS:', 'Srv_Features:', 'Clt_Features:', 'Connect:', 'From:', 'To:', 'Spam:', 'CERTISSUER:', 'CERTSUBJECT:', 'MyCA:', ''];
const VALUES = ['OK', 'RELAY', 'REJECT', 'DISCARD', 'SKIP', 'QUARANTINE:x', 'ERROR:4.7.1:421 go', 'ERROR:550 no', '"550 q"', 'VERIFY', 'VERIFY:128', 'ENCR:112', 'PERM+VERIFY+CN', 'TEMP+ENCR:256+CS:/CN=a++CI:/CN=b', 'VERIFY+CITag:MyCA', 'encr:', '+', '++', '<>', '$|', 'SUBJECT', 'FRIEND', 'HATER', 'NO', 'v l'];
const NAMES = ['a.example', 'b.a.example', '10.1.2.3', '10.1', 'IPv6:2001:db8:0:0:0:0:0:1', '[10.1.2.3]', 'u@a.example', 'u+d@a.example', 'u@', '', '/CN=a', '.a.example'];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...NAMES), fc.constantFrom(...VALUES)).map(([t, n, v]) => `${t}${n}\t${v}`),
  fc.string({ maxLength: 60 }),
  fc.uint8Array({ maxLength: 80 }).map((b) => String.fromCharCode(...b)),
);
const mapText = fc.array(line, { maxLength: 30 }).map((ls) => ls.join('\n'));
const macroValue = fc.oneof(fc.constantFrom('', 'OK', 'NO', 'TRUSTED', 'SOFTWARE', 'TEMP', '128', '0', 'a.example', '10.1.2.3', '/CN=a', 'IPv6:::1', '$|', '<', '"'), fc.string({ maxLength: 20 }));
const MACROS = ['verify', 'client_name', 'client_addr', 'server_name', 'server_addr', 'cipher_bits', 'auth_ssf', 'cert_subject', 'cert_issuer', 'cn_subject', 'client_resolve', 'auth_type', 'f', 'mail_from'];
const macros = fc.record(Object.fromEntries(MACROS.map((m) => [m, macroValue])) as Record<string, typeof macroValue>);
const features: fc.Arbitrary<Features> = fc.record({
  skip: fc.boolean(),
  lookupdotdomain: fc.boolean(),
  relaytofulladdress: fc.boolean(),
  delayChecks: fc.constantFrom(false as const, 'plain' as const, 'friend' as const, 'hater' as const),
  relayHostsOnly: fc.boolean(),
  blocklistRecipients: fc.boolean(),
  relayMailFrom: fc.constantFrom(false as const, 'plain' as const, 'domain' as const),
  tlsPermErr: fc.boolean(),
}).map((f) => ({ ...DEFAULT_FEATURES, ...f, classW: ['localhost', 'a.example'], classR: ['relay.example'] }));

describe('property: any map text and any macros', () => {
  it('makemap never throws and every key it keeps is lower-case', () => {
    fc.assert(
      fc.property(mapText, (t) => {
        const r = compileMap(t, '/etc/mail/access');
        expect([0, 65]).toContain(r.exitCode);
        for (const k of r.entries.keys()) expect(k).toBe(k.replace(/[A-Z]/g, (c) => c.toLowerCase()));
        expect(r.exitCode === 0).toBe(r.messages.length === 0);
      }),
      { numRuns: 300 },
    );
  });
  it('every ruleset returns a decision (never throws) whose lookups are keys of the map or misses', () => {
    fc.assert(
      fc.property(mapText, macros, features, fc.constantFrom(...Object.keys(RULESETS)), fc.constantFrom(...NAMES, 'NO $| MAIL', 'x $| 10.1.2.3', '<>'), (t, m, f, rs, arg) => {
        const map = new AccessMap(compileMap(t, 'access').entries);
        const d = runRuleset(rs, arg, { map, features: f, macros: m });
        if (d === null) return;
        expect(d.returns.length).toBeGreaterThan(0);
        for (const l of d.lookups) expect(l.value).toBe(map.entries.get(l.key.toLowerCase()) ?? null);
        if (d.kind === 'error') expect(d.returns.slice(0, 2)).toEqual(['$#', 'error']);
      }),
      { numRuns: 500 },
    );
  });
});
