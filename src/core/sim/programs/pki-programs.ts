/** Programs of the certificates issue (issue 4) besides `openssl`: CA.pl. */
import type { Command } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';

export function pkiPrograms(_w: WorldServices): Command[] {
  return [];
}
