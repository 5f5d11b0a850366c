/** Keys, requests and certificates (issue 4): genpkey, genrsa, rsa, pkey, ecparam, req, x509, ca, rehash. */
import type { OpensslSubcommand } from './openssl-types.ts';

export const KEY_SUBCOMMANDS: readonly OpensslSubcommand[] = [];
