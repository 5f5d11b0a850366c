/** Programs of the TLS issue (issue 3) besides `openssl s_client`: swaks. */
import type { Command } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';

export function tlsPrograms(_w: WorldServices): Command[] {
  return [];
}
