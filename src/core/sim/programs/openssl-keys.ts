/** Keys, requests and certificates (issue 4): genpkey, genrsa, rsa, pkey, ecparam, req, x509, ca, rehash. */
import type { CommandContext, Output } from '../../shell/types.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { GENKEY_SUBCOMMANDS } from './openssl-genkey.ts';
import { req } from './openssl-req.ts';
import { x509 } from './openssl-x509.ts';
import { ca } from './openssl-ca.ts';
import { rehash } from './openssl-rehash.ts';

/**
 * Ctrl-C at a prompt (a pass phrase, a DN field, "Sign the certificate?")
 * kills OpenSSL by SIGINT: nothing more is printed, the status is 130.
 */
export function killedBySigint(ctx: CommandContext): CommandContext {
  const gate = (out: Output): Output => ({ write: (t) => (ctx.signal.aborted ? undefined : out.write(t)) });
  return { ...ctx, stdout: gate(ctx.stdout), stderr: gate(ctx.stderr) };
}

const interruptible = (s: OpensslSubcommand): OpensslSubcommand => ({
  name: s.name,
  summary: s.summary,
  async run(ctx, w) {
    const status = await s.run(killedBySigint(ctx), w);
    return ctx.signal.aborted ? 130 : status;
  },
});

export const KEY_SUBCOMMANDS: readonly OpensslSubcommand[] = [...GENKEY_SUBCOMMANDS, req, x509, ca, rehash].map(interruptible);
