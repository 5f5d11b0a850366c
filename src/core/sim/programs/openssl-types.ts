/**
 * One `openssl` subcommand (s_client, req, x509, verify, ...): a module of
 * one shape, as CyberChef's operations. `run` gets the context with argv
 * starting at the subcommand's name (argv[0] === 'req' for `openssl req`).
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';

export interface OpensslSubcommand {
  readonly name: string;
  /** One line for `openssl help` and `man openssl`. */
  readonly summary: string;
  run(ctx: CommandContext, w: WorldServices): Promise<number>;
}
