/** Loads test/fixtures/access/bt-cases.json and replays a case through core/access. */
import { readFileSync } from 'node:fs';
import { AccessMap, compileMap, DEFAULT_FEATURES, runRuleset, returnsLine, type Features } from '../../src/core/access/index.ts';

export interface BtCase {
  call: string;
  arg: string;
  macros: Record<string, string>;
  config: string;
  map: string;
  returns: string;
}
export interface BtFixture {
  maps: Record<string, string>;
  cases: BtCase[];
}

export function loadFixture(): BtFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/access/bt-cases.json', import.meta.url), 'utf8')) as BtFixture;
}

const W = ['localhost', 'local.test', '[127.0.0.1]', 'vm.example.test', 'vm', 'localhost.localdomain'];
const base: Features = { ...DEFAULT_FEATURES, classW: W, classR: ['relay.test'], hostname: 'vm.example.test', domain: 'example.test' };

/** Names that resolve in the capture namespace (world hosts + hosts-extra); others time out (TEMP). */
const HOSTS = readFileSync(new URL('../fixtures/access/hosts-extra', import.meta.url), 'utf8') +
  'x localhost vm.example.test mail.example.test client.example.test rogue.example.net untrusted.example.net example.test remote.example other.example example.org\n';
const KNOWN = new Set(HOSTS.split(/\s+/).filter((w) => w !== '' && !/^[\d.]+$/.test(w)));
export const resolve = (d: string): 'OK' | 'TEMP' => (KNOWN.has(d.toLowerCase()) ? 'OK' : 'TEMP');
export const CONFIG_FEATURES: Record<string, Features> = {
  base,
  opts: { ...base, skip: true, lookupdotdomain: true, relaytofulladdress: true, blocklistRecipients: true, relayHostsOnly: true, relayMailFrom: 'plain', tlsPermErr: true },
  friend: { ...base, delayChecks: 'friend' },
  hater: { ...base, delayChecks: 'hater' },
  delay: { ...base, delayChecks: 'plain', relayMailFrom: 'domain' },
};

const maps = new Map<string, AccessMap>();

export function replay(fx: BtFixture, c: BtCase): string | null {
  let map = maps.get(c.map);
  if (!map) {
    map = new AccessMap(compileMap(fx.maps[c.map], 'access').entries);
    maps.set(c.map, map);
  }
  const call = c.call.startsWith('tst_') ? c.call.slice(4) : c.call;
  const arg = c.arg.replace('~~', '$|');
  const d = runRuleset(call, arg, { map, features: CONFIG_FEATURES[c.config], macros: c.macros, resolve });
  return d === null ? null : returnsLine(d);
}
