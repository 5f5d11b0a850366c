/**
 * What the simulated Sendmail takes from the world when it starts: its
 * sendmail.cf (options, $j, $Z, class w), local-host-names, the alias
 * database and the TLS files. Read once at start, as the real daemon does;
 * editing a file afterwards changes nothing until a restart.
 */
import type { Vfs } from '../vfs/index.ts';
import { parseCf, parseDaemonPortOptions, type DaemonPort } from './sendmail-cf.ts';
import { parseAliases, type AliasMap } from './aliases.ts';
import { readDb } from './map-db.ts';
import { canonicalName, readHosts } from './hosts.ts';

/** $v of the binary: one constant for the engine and the world (core/smtp). */
export { SENDMAIL_VERSION } from '../smtp/index.ts';
import { SENDMAIL_VERSION } from '../smtp/index.ts';

export interface MtaConfig {
  cfPath: string;
  hostname: string; // $j
  versionZ: string; // $Z, e.g. '8.17.1.9/Debian-2+deb12u2'
  greetingTemplate: string; // SmtpGreetingMessage, e.g. '$j Sendmail $v/$Z; $b'
  daemons: DaemonPort[];
  maxMessageSize: number | null;
  privacy: Set<string>;
  authMechanisms: string[];
  localNames: Set<string>; // class w, lower-cased
  aliases: AliasMap;
  aliasFile: string;
  queueDirectory: string;
  tls: { certFile?: string; keyFile?: string; caCertPath?: string; caCertFile?: string };
  /** Built without FEATURE(`nocanonify'): unqualified senders get $j (the fresh world). */
  canonify: boolean;
  /** The service switch asks DNS for hosts: a name missing from /etc/hosts is a temporary failure here (no network). */
  hostsViaDns: boolean;
}

function readOr(vfs: Vfs, path: string, fallback: string): string {
  try {
    return vfs.readText(path);
  } catch {
    return fallback;
  }
}

/** Reads `cfPath` (default /etc/mail/sendmail.cf); null when it cannot be read. */
export function loadMtaConfig(vfs: Vfs, cfPath = '/etc/mail/sendmail.cf'): MtaConfig | null {
  let text: string;
  try {
    text = vfs.readText(cfPath);
  } catch {
    return null;
  }
  const cf = parseCf(text);
  const o = (k: string): string | undefined => cf.options.get(k);
  const hostname = cf.macros.get('j') ?? hostFqdn(vfs);
  const localNames = new Set<string>([hostname.toLowerCase(), ...(cf.classes.get('w') ?? []).map((w) => w.toLowerCase())]);
  const wFile = cf.classFiles.get('w');
  if (wFile) {
    for (const line of readOr(vfs, wFile, '').split('\n')) {
      const name = line.replace(/#.*/, '').trim();
      if (name) localNames.add(name.toLowerCase());
    }
  }
  const aliasFile = (o('AliasFile') ?? '/etc/mail/aliases').split(',')[0].trim();
  const size = o('MaxMessageSize');
  const auth = o('AuthMechanisms');
  return {
    cfPath,
    hostname,
    versionZ: cf.macros.get('Z') ?? SENDMAIL_VERSION,
    greetingTemplate: o('SmtpGreetingMessage') ?? '$j Sendmail $v/$Z; $b',
    daemons: cf.daemonPortOptions.length > 0 ? cf.daemonPortOptions.map(parseDaemonPortOptions) : [parseDaemonPortOptions(undefined)],
    maxMessageSize: size !== undefined && /^\d+$/.test(size) && Number(size) > 0 ? Number(size) : null,
    privacy: new Set((o('PrivacyOptions') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
    authMechanisms: authMechanisms(auth),
    localNames,
    aliases: readAliasDb(vfs, aliasFile),
    aliasFile,
    queueDirectory: o('QueueDirectory') ?? '/var/spool/mqueue',
    canonify: !text.includes('$Id: nocanonify.m4'),
    hostsViaDns: /^hosts\s.*\bdns\b/m.test(readOr(vfs, o('ServiceSwitchFile') ?? '/etc/mail/service.switch', '')),
    tls: { certFile: o('ServerCertFile'), keyFile: o('ServerKeyFile'), caCertPath: o('CACertPath'), caCertFile: o('CACertFile') },
  };
}

/** Sendmail reads the alias database (aliases.db) that newaliases built, not the text file. */
function readAliasDb(vfs: Vfs, aliasFile: string): AliasMap {
  const db = readDb(vfs, `${aliasFile}.db`);
  if (!db) return parseAliases(readOr(vfs, aliasFile, '')).map;
  const map: AliasMap = new Map();
  for (const [k, v] of db) map.set(k, v.split(',').map((t) => t.trim()).filter(Boolean));
  return map;
}

/** The SASL mechanisms Debian's libsasl2-modules provide, in the order Sendmail lists them. */
const SASL_AVAILABLE = ['DIGEST-MD5', 'CRAM-MD5'];

/**
 * AuthMechanisms: absent, Sendmail offers every available mechanism (the fresh
 * world's and submit.cf's `250-AUTH DIGEST-MD5 CRAM-MD5`); set, only those listed
 * that are available (the reference world sets it empty: no AUTH line).
 */
function authMechanisms(option: string | undefined): string[] {
  if (option === undefined) return [...SASL_AVAILABLE];
  const wanted = option.toUpperCase().split(/[\s,]+/).filter(Boolean);
  return SASL_AVAILABLE.filter((m) => wanted.includes(m));
}

/**
 * $j when sendmail.cf does not set it: the host's name (/etc/hostname)
 * qualified through /etc/hosts, as Sendmail's canonification finds it
 * (`mail` -> `mail.example.test` in both worlds).
 */
export function hostFqdn(vfs: Vfs): string {
  const short = readOr(vfs, '/etc/hostname', 'localhost').trim() || 'localhost';
  return canonicalName(readHosts(vfs), short);
}
