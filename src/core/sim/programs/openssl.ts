/**
 * `openssl` (OpenSSL 3.0 as in Debian bookworm): dispatches to the
 * subcommands the lab has; the others answer as OpenSSL does for a name it
 * does not know. `openssl version` and `openssl help` are here.
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { TLS_SUBCOMMANDS } from './openssl-tls.ts';
import { KEY_SUBCOMMANDS } from './openssl-keys.ts';
import { VERIFY_SUBCOMMANDS } from './openssl-verify.ts';

/** `openssl version` on Debian bookworm (captured 2026-11: openssl 3.0.19-1~deb12u1). */
export const OPENSSL_VERSION = 'OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)';

function table(): Map<string, OpensslSubcommand> {
  const all = [...TLS_SUBCOMMANDS, ...KEY_SUBCOMMANDS, ...VERIFY_SUBCOMMANDS];
  return new Map(all.map((s) => [s.name, s]));
}

function help(ctx: CommandContext, subs: Map<string, OpensslSubcommand>): number {
  const names = ['help', 'version', ...subs.keys()].sort();
  const cols: string[] = [];
  for (let i = 0; i < names.length; i += 4) {
    cols.push(names.slice(i, i + 4).map((n) => n.padEnd(18)).join('') + '\n');
  }
  // SIMPLIFIED: real `openssl help` also lists the digest and cipher commands the lab lacks.
  ctx.stdout.write(`help:\n\nStandard commands\n${cols.join('')}\n`);
  return 0;
}

export function opensslCommand(w: WorldServices): Command {
  return {
    name: 'openssl',
    usage: 'openssl COMMAND [OPTION]...',
    summary: 'OpenSSL 3.0: make keys, requests and certificates, verify chains, test TLS servers.',
    async run(ctx) {
      const subs = table();
      const [, name, ...rest] = ctx.argv;
      if (name === undefined || name === 'help') return help(ctx, subs);
      if (name === 'version') {
        ctx.stdout.write(`${OPENSSL_VERSION}\n`);
        return 0;
      }
      const sub = subs.get(name);
      if (!sub) {
        ctx.stderr.write(`Invalid command '${name}'; type "help" for a list.\n`);
        return 1;
      }
      return sub.run({ ...ctx, argv: [name, ...rest] }, w);
    },
  };
}
