/**
 * The access-map features of a running Sendmail, read from its sendmail.cf as the
 * daemon reads it at start (the .mc is only the source): every FEATURE leaves its
 * `$Id: name.m4` line and, for its options, rules of its own. The markers below were
 * found by building the reference sendmail.mc with and without each feature with the
 * real m4 and cf tree (sendmail-cf 8.17.1.9) and comparing the .cf files; policy.test
 * checks them against the world's own m4. Classes w and R come from the cf's C and F
 * lines (local-host-names, relay-domains), $j and $m from the config.
 */
import { DEFAULT_FEATURES, type Features } from '../access/index.ts';
import type { Vfs } from '../vfs/index.ts';
import { parseCf } from './sendmail-cf.ts';

const has = (cf: string, s: string): boolean => cf.includes(s);

/** Words of a class file as Sendmail reads it (`F` line, `%[^\#]`: up to a `#`). */
function classFile(vfs: Vfs, path: string): string[] {
  try {
    return vfs
      .readText(path)
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** The Features of core/access for a sendmail.cf; null when the cf has no access map (no FEATURE(access_db)). */
export function featuresFromCf(cf: string, vfs: Vfs, hostname: string, classW: readonly string[]): Features | null {
  if (!/^Kaccess\s/m.test(cf)) return null;
  const parsed = parseCf(cf);
  const classR = [...(parsed.classes.get('R') ?? [])];
  for (const line of cf.split('\n')) {
    const m = /^FR(?:-o)?\s*(\/\S+)/.exec(line);
    if (m) classR.push(...classFile(vfs, m[1]));
  }
  const delay = has(cf, '$Id: delay_checks.m4');
  return {
    ...DEFAULT_FEATURES,
    skip: has(cf, 'R<SKIP> <$+> <$+> <$- $-> <$*>'),
    lookupdotdomain: has(cf, '$(access $5:.$2'),
    relaytofulladdress: has(cf, '$>SearchList <+ To> $| <F:$1@$2> <D:$2> <F:$1@> <>'),
    delayChecks: !delay ? false : has(cf, 'SPAMFRIEND') ? 'friend' : has(cf, 'NOSPAMHATER') ? 'hater' : 'plain',
    relayHostsOnly: has(cf, '$Id: relay_hosts_only.m4'),
    blocklistRecipients: has(cf, '$Id: blocklist_recipients.m4') || has(cf, '$Id: blacklist_recipients.m4'),
    relayMailFrom: !has(cf, '$Id: relay_mail_from.m4') ? false : has(cf, '$>SearchList <! From> $| <F:$1@$2> <D:$2> <>') ? 'domain' : 'plain',
    tlsPermErr: has(cf, '$: $1 $| <554:5.7.0> <$2 $3>'),
    classW: [...classW],
    classR,
    trustAuthMech: parsed.classes.get('TrustAuthMech') ?? [],
    hostname,
    domain: hostname.includes('.') ? hostname.slice(hostname.indexOf('.') + 1) : '',
  };
}
