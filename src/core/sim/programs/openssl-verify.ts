/** Chain verification and revocation (issue 4): verify, crl. */
import type { OpensslSubcommand } from './openssl-types.ts';

export const VERIFY_SUBCOMMANDS: readonly OpensslSubcommand[] = [];
