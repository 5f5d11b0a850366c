/**
 * The access-related features of a sendmail.mc, read from its text: FEATURE(`access_db',
 * ..., `skip', `lookupdotdomain', `relaytofulladdress'), FEATURE(`delay_checks'[, `friend'|`hater']),
 * FEATURE(`relay_hosts_only'), FEATURE(`blocklist_recipients') (and the older
 * `blacklist_recipients'), FEATURE(`relay_mail_from'[, `domain']), define(`TLS_PERM_ERR'),
 * TRUST_AUTH_MECH(`...'). `dnl` comments are skipped; classes w and R come from the
 * caller (local-host-names, relay-domains).
 */
import { DEFAULT_FEATURES, type Features } from './tls-rulesets.ts';

function args(inner: string): string[] {
  return [...inner.matchAll(/`([^']*)'|([^,\s`'][^,]*)/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

export function featuresFromMc(mc: string, base: Features = DEFAULT_FEATURES): Features {
  const f = { ...base } as { -readonly [K in keyof Features]: Features[K] };
  for (const raw of mc.split('\n')) {
    const line = raw.replace(/\bdnl\b.*$/, '');
    const feat = /FEATURE\(\s*(.*)\)/.exec(line);
    if (feat) {
      const [name, ...rest] = args(feat[1]);
      if (name === 'access_db') {
        f.skip = rest.includes('skip');
        f.lookupdotdomain = rest.includes('lookupdotdomain');
        f.relaytofulladdress = rest.includes('relaytofulladdress');
      } else if (name === 'delay_checks') f.delayChecks = rest.includes('friend') ? 'friend' : rest.includes('hater') ? 'hater' : 'plain';
      else if (name === 'relay_hosts_only') f.relayHostsOnly = true;
      else if (name === 'blocklist_recipients' || name === 'blacklist_recipients') f.blocklistRecipients = true;
      else if (name === 'relay_mail_from') f.relayMailFrom = rest.includes('domain') ? 'domain' : 'plain';
      continue;
    }
    const def = /define\(\s*`([^']*)'\s*(?:,\s*`?([^')]*)'?)?\s*\)/.exec(line);
    if (def) {
      if (def[1] === 'TLS_PERM_ERR') f.tlsPermErr = true;
      continue;
    }
    const tam = /TRUST_AUTH_MECH\(\s*`([^']*)'/.exec(line);
    if (tam) f.trustAuthMech = [...f.trustAuthMech, ...tam[1].split(/\s+/).filter((x) => x !== '')];
  }
  return f;
}
