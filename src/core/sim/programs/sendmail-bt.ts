/**
 * `sendmail -bt`, address test mode, for the access-map rulesets: `.D{macro}value`,
 * `.Ccvalue`, `$m`/`${macro}`, `$=c`, `/map access KEY`, `/tryflags`, `/quit`, `?`,
 * and `ruleset[,ruleset...] address`, printing `input:` and `returns:` lines as
 * Sendmail 8.17.1.9 does (test/fixtures/access/bt-session/). The decisions come
 * from core/access and match real Sendmail's final `returns:` line
 * (test/fixtures/access/bt-cases.json).
 *
 * SIMPLIFIED: only the top ruleset's `input:`/`returns:` lines are printed (real
 * Sendmail also prints every ruleset it calls: D, A, TLS_connection, ...).
 * DIFFERENCE (a convenience, said in `?`): `$|` may be typed in an address; real
 * -bt takes the two characters literally and needs a helper ruleset.
 */
import type { CommandContext } from '../../shell/types.ts';
import { AccessMap, DEFAULT_FEATURES, RULESETS, runRuleset, tokenize, type Features } from '../../access/index.ts';

export interface AddressTestOptions {
  readonly features?: Features;
  /** Macros set at start (e.g. `j`), as `.D` would set them. */
  readonly macros?: Readonly<Record<string, string>>;
  readonly resolve?: (domain: string) => 'OK' | 'TEMP' | 'PERM';
}

// test/fixtures/access/bt-session/session.out (the `?` help of 8.17.1.9), plus the lab's line on `$|`
const HELP = `Help for test mode:
?\t\t :this help message.
.Dmvalue\t :define macro \`m' to \`value'.
.Ccvalue\t :add \`value' to class \`c'.
=Sruleset\t :dump the contents of the indicated ruleset.
=M\t\t :display the known mailers.
-ddebug-spec\t :equivalent to the command-line -d debug flag.
$m\t\t :print the value of macro $m.
$=c\t\t :print the contents of class $=c.
/mx host\t :returns the MX records for \`host'.
/gethostbyname host [family]  :calls gethostbyname() for \`host'.
/dnslookup host [qtype] [flags]\t :Does a qtype DNS lookup for \`host'.
/parse address\t :parse address, returning the value of crackaddr, and
\t\t  the parsed address.
/sender address\t :parse sender address, returning the value of
\t\t  setsender.
/expand string\t :expands string, returning the value of expand.
/try mailer addr :rewrite address into the form it will have when
\t\t  presented to the indicated mailer.
/tryflags flags\t :set flags used by parsing.  The flags can be \`H' for
\t\t  Header or \`E' for Envelope, and \`S' for Sender or \`R'
\t\t  for Recipient.  These can be combined, \`HR' sets
\t\t  flags for header recipients.
/canon hostname\t :try to canonify hostname.
/map mapname key :look up \`key' in the indicated \`mapname'.
/header header\t :parses header, returning header flags
/quit\t\t :quit address test mode.
rules addr\t :run the indicated address through the named rules.
\t\t  Rules can be a comma separated list of rules.
End of HELP info
(lab) In this lab \`$|' may be typed in an address (tls_client NO $| MAIL);
\t\t  real sendmail -bt takes it literally and needs a helper ruleset.
`;

const pad = (name: string): string => name.slice(0, 16).padEnd(16);

/** Runs address test mode on ctx's stdin/stdout until /quit or end of input. */
export async function addressTestMode(ctx: CommandContext, map: AccessMap | null, options: AddressTestOptions = {}): Promise<number> {
  const features = options.features ?? DEFAULT_FEATURES;
  const macros = new Map<string, string>(Object.entries(options.macros ?? {}));
  const classes = new Map<string, string[]>([['w', [...features.classW]], ['R', [...features.classR]]]);
  const out = (s: string): void => ctx.stdout.write(s);
  out('ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n');
  for (;;) {
    let line: string | null;
    if (ctx.stdin.isTerminal) line = await ctx.stdin.readLine({ prompt: '> ' });
    else {
      out('> ');
      line = await ctx.stdin.readLine();
    }
    if (line === null) return ctx.signal?.aborted ? 130 : 0;
    const text = line.replace(/^[ \t]+/, '');
    if (text === '' || text.startsWith('#')) continue;
    if (text === '?') {
      out(HELP);
      continue;
    }
    if (text.startsWith('.D')) {
      const m = /^\.D(\{([^}]*)\}|(.))(.*)$/.exec(text);
      if (m) macros.set(m[2] ?? m[3], m[4]);
      continue;
    }
    if (text.startsWith('.C')) {
      const c = text.slice(2, 3);
      for (const v of text.slice(3).trim().split(/\s+/)) if (v !== '') classes.set(c, [...(classes.get(c) ?? []), v]);
      continue;
    }
    if (text.startsWith('$=')) {
      for (const v of classes.get(text.slice(2, 3)) ?? []) out(v + '\n');
      continue;
    }
    if (text.startsWith('$')) {
      const m = /^\$(\{([^}]*)\}|(.))/.exec(text);
      const name = m ? (m[2] ?? m[3]) : '';
      const v = macros.get(name);
      out((v === undefined ? 'Undefined' : v) + '\n');
      continue;
    }
    if (text.startsWith('/')) {
      const [cmd, ...rest] = text.split(/[ \t]+/);
      if (cmd === '/quit') return 0;
      if (cmd === '/tryflags') {
        if (rest.length === 0 || rest[0] === '') out('Usage: /tryflags [Hh|Ee][Ss|Rr]\n');
        continue;
      }
      if (cmd === '/map') {
        if (rest.length < 2 || rest[1] === '') {
          out('Usage: /map mapname key\n');
          continue;
        }
        if (rest[0] !== 'access' || map === null) {
          out(`Map named "${rest[0]}" not found\n`);
          continue;
        }
        const key = rest[1];
        const v = map.get(key);
        out(`map_lookup: access (${key}) ${v === null ? 'no match' : `returns ${v}`} (0)\n`);
        continue;
      }
      out(`Unknown "/" command ${cmd}\n`);
      continue;
    }
    if (text.startsWith('=') || text.startsWith('-d')) {
      out(`(lab) ${text.slice(0, 2)} is not simulated here\n`);
      continue;
    }
    const sp = text.search(/[ \t]/);
    const names = (sp < 0 ? text : text.slice(0, sp)).split(',');
    let arg = sp < 0 ? '' : text.slice(sp).trim();
    if (arg === '') {
      out('No address!\n');
      continue;
    }
    const env = { map: map ?? new AccessMap([]), features, macros: Object.fromEntries(macros), resolve: options.resolve };
    for (const name of names) {
      const known = name in RULESETS && !(features.delayChecks && (name === 'check_mail' || name === 'check_relay'));
      if (!known) {
        out(`Undefined ruleset ${name}\n`);
        break;
      }
      const shown = tokenize(arg.replace(/\$\|/g, ' $| ')).join(' ');
      out(`${pad(name)}   input: ${shown}\n`);
      const d = map === null ? null : runRuleset(name, arg, env);
      const ret = d === null ? shown : d.returns.join(' ');
      out(`${pad(name)} returns: ${ret}\n`);
      arg = ret;
    }
  }
}
