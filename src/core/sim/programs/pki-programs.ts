/** Programs of the certificates issue (issue 4) besides `openssl`: CA.pl. */
import type { Command } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import { caPl } from './ca-pl.ts';

export function pkiPrograms(w: WorldServices): Command[] {
  return [caPl(w)];
}
