import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_FEATURES, featuresFromMc } from '../../src/core/access/index.ts';
import { CONFIG_FEATURES } from './replay.ts';

const fx = JSON.parse(readFileSync(new URL('../fixtures/access/bt-cases.json', import.meta.url), 'utf8')) as { configs: Record<string, string[]> };

describe('featuresFromMc reads the .mc lines of the captured configs', () => {
  for (const [name, lines] of Object.entries(fx.configs)) {
    it(name, () => {
      const base = { ...CONFIG_FEATURES.base };
      expect(featuresFromMc(lines.join('\n'), base)).toEqual(CONFIG_FEATURES[name]);
    });
  }
  it('ignores dnl comments and reads TRUST_AUTH_MECH', () => {
    const f = featuresFromMc("dnl FEATURE(`delay_checks')\nTRUST_AUTH_MECH(`PLAIN LOGIN')dnl\nFEATURE(`blacklist_recipients')dnl\n");
    expect(f).toEqual({ ...DEFAULT_FEATURES, trustAuthMech: ['PLAIN', 'LOGIN'], blocklistRecipients: true });
  });
});
