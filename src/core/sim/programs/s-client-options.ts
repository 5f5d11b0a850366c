/**
 * `openssl s_client` options (OpenSSL 3.0's opt_* parsing): the ones the lab
 * acts on, the ones it accepts and ignores, and OpenSSL's messages for an
 * unknown option, a missing value and a bad -starttls protocol.
 * Texts: test/fixtures/s-client/kit/{unknown-option,no-starttls-arg,bad-starttls}.stderr.
 * Which options exist and which take a value is read from the real -help text.
 */
import { S_CLIENT_HELP } from './s-client-help.ts';
export interface SClientOptions {
  host: string;
  port: string;
  starttls: string | null;
  versions: ('TLSv1.2' | 'TLSv1.3')[];
  caFile: string | null;
  caPath: string | null;
  noDefaultCa: boolean;
  cert: string | null;
  key: string | null;
  showcerts: boolean;
  brief: boolean;
  crlf: boolean;
  quiet: boolean;
  ignEof: boolean;
  servername: string | null;
  noServername: boolean;
  verifyHostname: string | null;
  /** -name: the host name s_client says in EHLO. */
  ehloName: string;
  cmdletters: boolean;
  cipher12: string | null;
  ciphersuites: string | null;
  /** -groups / -curves: the colon-separated list, as given. */
  groups: string | null;
  /** What s_client says before it connects (-verify N: "verify depth is N"; lab notes). */
  notes: string;
}

const STARTTLS = ['smtp', 'pop3', 'imap', 'ftp', 'xmpp', 'xmpp-server', 'telnet', 'irc', 'mysql', 'postgres', 'lmtp', 'nntp', 'sieve', 'ldap'];

/** Every option of the real s_client -> whether it takes a value (" -name type   text", the type in the first 27 columns). */
const KNOWN: ReadonlyMap<string, boolean> = new Map(
  S_CLIENT_HELP.split('\n')
    .filter((l) => l.startsWith(' -'))
    .map((l) => {
      const [name, type] = l.slice(1, 27).trim().split(/\s+/);
      return [name, type !== undefined] as const;
    }),
);

export type Parsed = { ok: true; opts: SClientOptions } | { ok: false; stderr: string; code?: number };

const usage = (s: string): Parsed => ({ ok: false, stderr: `${s}\ns_client: Use -help for summary.\n` });

export function parseSClient(args: readonly string[]): Parsed {
  let argv = args;
  const o: SClientOptions = {
    host: 'localhost', port: '4433', starttls: null, versions: ['TLSv1.3', 'TLSv1.2'], caFile: null, caPath: null, noDefaultCa: false,
    cert: null, key: null, showcerts: false, brief: false, crlf: false, quiet: false, ignEof: false, servername: null, noServername: false,
    verifyHostname: null, ehloName: 'mail.example.com', cmdletters: true, cipher12: null, ciphersuites: null, groups: null, notes: '',
  };
  let protocolFlags = 0;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const a = raw.startsWith('--') ? raw.slice(1) : raw;
    const takesValue = KNOWN.get(a) === true;
    let value = '';
    if (takesValue) {
      if (i + 1 >= argv.length) return usage(`s_client: Option ${a} needs a value`);
      value = argv[++i];
    }
    switch (a) {
      case '-help':
        return { ok: false, stderr: S_CLIENT_HELP, code: 0 };
      case '-connect': {
        const m = /^(?:\[([^\]]*)\]|([^:]*))(?::(.*))?$/.exec(value)!;
        o.host = m[1] ?? m[2] ?? 'localhost';
        if (o.host === '') o.host = 'localhost';
        if (m[3] !== undefined) o.port = m[3];
        break;
      }
      case '-host': o.host = value; break;
      case '-port': o.port = value; break;
      case '-starttls':
        if (!STARTTLS.includes(value)) return { ok: false, stderr: `s_client: Value must be one of:\n${STARTTLS.map((p) => `\t${p}\n`).join('')}` };
        o.starttls = value;
        break;
      case '-tls1_2': o.versions = ['TLSv1.2']; protocolFlags++; break;
      case '-tls1_3': o.versions = ['TLSv1.3']; protocolFlags++; break;
      case '-no_tls1_3': o.versions = o.versions.filter((v) => v !== 'TLSv1.3'); break;
      case '-no_tls1_2': o.versions = o.versions.filter((v) => v !== 'TLSv1.2'); break;
      case '-CAfile': o.caFile = value; break;
      case '-CApath': o.caPath = value; break;
      case '-no-CAfile': case '-no-CApath': o.noDefaultCa = true; break;
      case '-cert': o.cert = value; break;
      case '-key': o.key = value; break;
      case '-showcerts': o.showcerts = true; break;
      case '-brief': o.brief = true; o.quiet = true; break;
      case '-crlf': o.crlf = true; break;
      case '-quiet': o.quiet = true; o.ignEof = true; break;
      case '-ign_eof': o.ignEof = true; break;
      case '-no_ign_eof': o.ignEof = false; break;
      case '-nocommands': o.cmdletters = false; break;
      case '-servername': o.servername = value; break;
      case '-noservername': o.noServername = true; break;
      case '-verify_hostname': o.verifyHostname = value; break;
      case '-name': o.ehloName = value; break;
      case '-cipher': o.cipher12 = value; break;
      case '-verify': case '-Verify': o.notes += `verify depth is ${value}\n`; break;
      case '-verify_return_error':
        // SIMPLIFIED, and said: the handshake is not aborted on a verification error.
        o.notes += 'lab: -verify_return_error is not simulated: the lab goes on after a verification error, as without it.\n';
        break;
      case '-ciphersuites': o.ciphersuites = value; break;
      case '-groups': case '-curves': o.groups = value; break;
      default:
        // SIMPLIFIED: the other options of the real s_client are accepted and have no effect here.
        if (KNOWN.has(a)) break;
        if (a.startsWith('-')) return usage(`s_client: Unknown option: ${raw}`);
        // OpenSSL 3.0 takes one bare argument as the host[:port] to connect to.
        i--;
        argv = [...argv.slice(0, i + 1), '-connect', ...argv.slice(i + 1)];
    }
  }
  if (protocolFlags > 1) return { ok: false, stderr: 'Cannot supply multiple protocol flags\n' };
  return { ok: true, opts: o };
}
