/** Keys, requests and certificates (issue 4): genpkey, genrsa, rsa, pkey, ecparam, req, x509, ca, rehash. */
import type { OpensslSubcommand } from './openssl-types.ts';
import { GENKEY_SUBCOMMANDS } from './openssl-genkey.ts';
import { req } from './openssl-req.ts';
import { x509 } from './openssl-x509.ts';
import { ca } from './openssl-ca.ts';
import { rehash } from './openssl-rehash.ts';

export const KEY_SUBCOMMANDS: readonly OpensslSubcommand[] = [...GENKEY_SUBCOMMANDS, req, x509, ca, rehash];
