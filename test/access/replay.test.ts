import { describe, expect, it } from 'vitest';
import { loadFixture, replay } from './replay.ts';

const fx = loadFixture();
const groups = new Map<string, typeof fx.cases>();
for (const c of fx.cases) {
  const call = c.call.replace(/^tst_/, '');
  const g = groups.get(call) ?? [];
  g.push(c);
  groups.set(call, g);
}

/** Rulesets whose every captured case must give real Sendmail's `returns:` line, byte for byte. */
const EXACT = ['tls_client', 'tls_server', 'tls_rcpt', 'try_tls', 'srv_features', 'clt_features', 'check_relay', 'check_mail', 'check_rcpt'];

describe('ruleset decisions against real sendmail -bt (test/fixtures/access/bt-cases.json)', () => {
  it('has several hundred real cases', () => {
    expect(fx.cases.length).toBeGreaterThan(1500);
    expect(fx.cases.every((c) => replay(fx, c) !== null)).toBe(true);
  });
  for (const name of EXACT) {
    it(`${name}: ${groups.get(name)?.length ?? 0} cases`, () => {
      const cases = groups.get(name) ?? [];
      expect(cases.length).toBeGreaterThan(10);
      const wrong = cases.filter((c) => replay(fx, c) !== c.returns).map((c) => ({ ...c, got: replay(fx, c) }));
      expect(wrong.slice(0, 3)).toEqual([]);
    });
  }
});
