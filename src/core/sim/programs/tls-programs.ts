/** Programs of the TLS issue (issue 3) besides `openssl s_client`: swaks. */
import type { Command } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import { swaks } from './swaks.ts';

export function tlsPrograms(w: WorldServices): Command[] {
  return [swaks(w)];
}
