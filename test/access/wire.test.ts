import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AccessMap, compileMap, runRuleset, smtpReply } from '../../src/core/access/index.ts';
import { CONFIG_FEATURES } from './replay.ts';

interface BsCase { config: string; map: string; command: string; address: string; ruleset: string; arg: string; value: string; reply: string; mail_from?: string }
const cases = JSON.parse(readFileSync(new URL('../fixtures/access/bs-cases.json', import.meta.url), 'utf8')) as BsCase[];

describe('replies on the wire against real sendmail -bs (test/fixtures/access/bs-cases.json)', () => {
  it('has the captured dialogues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of cases) {
    it(`${c.config} ${c.command} with ${c.value}`, () => {
      const map = new AccessMap(compileMap(c.map, 'access').entries);
      // sendmail -bs: no socket, so {client_addr} is 0 (Relay_ok's "R0 originated locally"), and no TLS layer ({verify} empty)
      const macros = { client_addr: '0', client_name: 'localhost', verify: '', f: c.arg, mail_from: c.mail_from ?? c.arg };
      const d = runRuleset(c.ruleset, c.arg, { map, features: CONFIG_FEATURES[c.config], macros });
      expect(d).not.toBeNull();
      const reply = smtpReply(d!, c.address);
      if (/^2/.test(c.reply)) expect(reply).toBeNull();
      else expect(reply).toBe(c.reply);
    });
  }
});
