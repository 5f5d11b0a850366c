import { describe, expect, it } from 'vitest';
import { expandAlias, parseAliases } from './aliases.ts';

// The reference world's /etc/mail/aliases (../shared/reference/world/aliases).
const ALIASES = `# /etc/mail/aliases of the reference world
mailer-daemon: postmaster
postmaster: root
abuse: root
alice: root
bob: root
staff: alice, bob
`;

describe('aliases', () => {
  const p = parseAliases(ALIASES);
  it('parses the reference aliases and counts them as newaliases does', () => {
    expect([...p.map.keys()]).toEqual(['mailer-daemon', 'postmaster', 'abuse', 'alice', 'bob', 'staff']);
    expect(p.map.get('staff')).toEqual(['alice', 'bob']);
    expect(p.longest).toBe(10); // test/fixtures/sendmail/commands/newaliases.stdout
    expect(p.bytes).toBe(77);
    expect(p.problems).toEqual([]);
  });
  it('expands to final users without repeats and survives loops', () => {
    expect(expandAlias(p.map, 'staff')).toEqual(['root']);
    expect(expandAlias(p.map, 'MAILER-DAEMON')).toEqual(['root']);
    expect(expandAlias(p.map, 'carol')).toEqual(['carol']);
    const loop = parseAliases('a: b\nb: a, c\n').map;
    expect(expandAlias(loop, 'a')).toEqual(['a', 'c']);
  });
  it('joins continuation lines and reports a line without a colon', () => {
    const r = parseAliases('team: alice,\n  bob\nbroken line\n');
    expect(r.map.get('team')).toEqual(['alice', 'bob']);
    expect(r.problems).toEqual(['line 3: missing colon']);
  });
});
