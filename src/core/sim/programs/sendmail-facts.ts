/**
 * Fixed texts of Debian's Sendmail 8.17.1.9 binary (sendmail-bin
 * 8.17.1.9-2+deb12u2): the `-d0.1` version block, as the binary prints it
 * (captured: test/fixtures/sendmail/commands/).
 */
export const COMPILED_WITH = [
  'Version 8.17.1.9',
  ' Compiled with: DNSMAP IPV6_FULL LDAPMAP LDAP_NETWORK_TIMEOUT',
  '\t\tLDAP_REFERRALS LOG MAP_REGEX MATCHGECOS MAXDAEMONS=64 MILTER',
  '\t\tMIME7TO8 MIME8TO7 NAMED_BIND NETINET NETINET6 NETUNIX NEWDB=5.3',
  '\t\tNIS NISPLUS PIPELINING SASLv2 SCANF SOCKETMAP STARTTLS',
  '\t\tTCPWRAPPERS TLS_EC TLS_VRFY_PER_CTX USERDB USE_LDAP_INIT XDEBUG',
].join('\n');

/** The SYSTEM IDENTITY block of `-d0.1`. */
export function systemIdentity(w: string, j: string, m: string, k: string): string {
  return [
    '============ SYSTEM IDENTITY (after readcf) ============',
    `      (short domain name) $w = ${w}`,
    `  (canonical domain name) $j = ${j}`,
    `         (subdomain name) $m = ${m}`,
    `              (node name) $k = ${k}`,
    '========================================================',
  ].join('\n');
}
