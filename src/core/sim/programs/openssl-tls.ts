/** The TLS-client subcommands of `openssl` (issue 3): s_client. */
import type { OpensslSubcommand } from './openssl-types.ts';
import { sClient } from './s-client.ts';

export const TLS_SUBCOMMANDS: readonly OpensslSubcommand[] = [sClient];
